package bank

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

//go:embed data/*.yaml
var dataFS embed.FS

// MaxFileSize is the largest bank file Parse accepts.
const MaxFileSize = 4 << 20

// file is the shape of one bank file: a list of theme entries.
type file struct {
	Themes []*Theme `yaml:"themes"`
}

var defaultBank = sync.OnceValues(loadDefault)

// Default returns the bank embedded in the binary. It is parsed and
// validated once; later calls return the same Bank, which callers must not
// modify (use Merge to add to it).
func Default() (*Bank, error) { return defaultBank() }

func loadDefault() (*Bank, error) {
	names, err := fsNames()
	if err != nil {
		return nil, err
	}
	var all []*Theme
	for _, n := range names {
		data, err := dataFS.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("default bank: read %s: %w", n, err)
		}
		ts, err := Parse(data, path.Base(n))
		if err != nil {
			return nil, fmt.Errorf("default bank: %w", err)
		}
		all = append(all, ts...)
	}
	b, err := New(all)
	if err != nil {
		return nil, fmt.Errorf("default bank: %w", err)
	}
	return b, nil
}

func fsNames() ([]string, error) {
	ents, err := dataFS.ReadDir("data")
	if err != nil {
		return nil, fmt.Errorf("default bank: list data: %w", err)
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
			names = append(names, "data/"+e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// LoadFile reads and parses a bank file, typically a council's own file of
// local priorities given with --bank.
func LoadFile(p string) ([]*Theme, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("open bank file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read bank file %s: %w", p, err)
	}
	return Parse(data, filepath.Base(p))
}

// WithLocal returns the default bank with the local priorities file at p
// merged in.
func WithLocal(p string) (*Bank, error) {
	b, err := Default()
	if err != nil {
		return nil, err
	}
	local, err := LoadFile(p)
	if err != nil {
		return nil, err
	}
	return b.Merge(local)
}

// Parse reads one bank file. name is used in error messages. The file is
// a YAML mapping with a "themes" list; each entry either defines a new
// theme (id, title, description, signals, lines, sources) or adds to an
// existing one (extends plus any of lines, signals, sources). Unknown
// fields are errors. Lines without an id get one from their position.
// Parse checks each entry on its own; whether an extended theme exists or
// a new id is already taken is checked by New and Merge.
func Parse(data []byte, name string) (themes []*Theme, err error) {
	defer func() {
		// The YAML decoder is outside code working on outside input: turn
		// any panic in it into an error rather than crash the caller.
		if r := recover(); r != nil {
			themes, err = nil, &Error{File: name, Msg: fmt.Sprintf("unreadable YAML (%v)", r)}
		}
	}()
	if len(data) > MaxFileSize {
		return nil, &Error{File: name, Msg: fmt.Sprintf("file is larger than %d bytes", MaxFileSize)}
	}
	var doc file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: name, Msg: "file is empty: expected a \"themes:\" list"}
		}
		return nil, yamlError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, &Error{File: name, Msg: "more than one YAML document; put every theme under one \"themes:\" list"}
	}
	if len(doc.Themes) == 0 {
		return nil, &Error{File: name, Msg: "no themes: expected a \"themes:\" list with at least one entry"}
	}
	pos := positions(data)
	var errs []error
	themeIDs := map[string]int{}
	lineIDs := map[string]string{}
	localN := map[string]int{}
	for i, t := range doc.Themes {
		at := pos.theme(i)
		if t == nil {
			errs = append(errs, &Error{File: name, Line: at, Entry: fmt.Sprintf("theme %d", i+1), Msg: "empty entry"})
			continue
		}
		t.origin = fmt.Sprintf("%s:%d", name, at)
		clean(t)
		ctx := &Error{File: name, Line: at, Entry: entryName(t, i)}
		errs = append(errs, checkEntry(t, ctx, func(j int) int { return pos.line(i, j) })...)
		if t.ID != "" && t.Extends == "" {
			if prev, ok := themeIDs[t.ID]; ok {
				errs = append(errs, ctx.with(fmt.Sprintf("duplicate theme id %q (first at theme %d)", t.ID, prev)))
			} else {
				themeIDs[t.ID] = i + 1
			}
		}
		for j := range t.Lines {
			l := &t.Lines[j]
			if l.ID == "" {
				if t.Extends != "" {
					localN[t.Extends]++
					l.ID = fmt.Sprintf("%s-local-%d", t.Extends, localN[t.Extends])
				} else {
					l.ID = fmt.Sprintf("%s-%d", t.ID, j+1)
				}
			}
			if prev, ok := lineIDs[l.ID]; ok {
				lc := ctx.at(pos.line(i, j))
				errs = append(errs, lc.with(fmt.Sprintf("duplicate line id %q (also in %s)", l.ID, prev)))
			} else {
				lineIDs[l.ID] = entryName(t, i)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return doc.Themes, nil
}

// yamlError reports a YAML decoder error against the file, moving a
// single "line N:" prefix into the position.
func yamlError(name string, err error) *Error {
	msg := yamlMessage(err)
	e := &Error{File: name, Msg: msg}
	var n int
	if rest, ok := strings.CutPrefix(msg, "line "); ok && !strings.Contains(rest, "; line ") {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if _, err := fmt.Sscanf(num, "%d", &n); err == nil && n > 0 {
				e.Line, e.Msg = n, after
			}
		}
	}
	return e
}

// yamlMessage turns a YAML decoder error into a message a council officer
// editing the file can act on.
func yamlMessage(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	r := strings.NewReplacer(
		"in type bank.Theme", "in a theme entry (allowed: id, extends, title, topic, description, lines, signals, sources)",
		"in type bank.Line", "in a line of enquiry (allowed: id, question, evidence, signals)",
		"in type bank.Source", "in a source (allowed: doc, section)",
		"in type bank.file", "at the top level (allowed: themes)",
		"into bank.file", "into a bank file (expected a mapping with a \"themes:\" list)",
		"into bank.Theme", "into a theme entry",
		"into bank.Line", "into a line of enquiry",
		"into bank.Source", "into a source",
		"into []*bank.Theme", "into the themes list",
		"into []bank.Line", "into the lines list",
		"into []bank.Source", "into the sources list",
		"into []bank.EvidenceKind", "into the evidence list",
		"into bank.EvidenceKind", "into an evidence kind",
	)
	return r.Replace(msg)
}

// nodePos records where theme entries and their lines start in a file.
type nodePos struct {
	themes []int
	lines  [][]int
}

func (p nodePos) theme(i int) int {
	if i < len(p.themes) {
		return p.themes[i]
	}
	return 0
}

func (p nodePos) line(i, j int) int {
	if i < len(p.lines) && j < len(p.lines[i]) {
		return p.lines[i][j]
	}
	return p.theme(i)
}

// positions finds the source line of each theme entry and line of enquiry.
// It is best effort: a file that does not have the expected shape yields
// no positions and errors simply carry none.
func positions(data []byte) nodePos {
	var root yaml.Node
	var p nodePos
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return p
	}
	seq := mapValue(root.Content[0], "themes")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return p
	}
	for _, item := range seq.Content {
		p.themes = append(p.themes, item.Line)
		var ls []int
		if lines := mapValue(item, "lines"); lines != nil && lines.Kind == yaml.SequenceNode {
			for _, l := range lines.Content {
				ls = append(ls, l.Line)
			}
		}
		p.lines = append(p.lines, ls)
	}
	return p
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
