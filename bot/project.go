package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/render"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// Project serves the bot from the project's own packages: searches from
// the index, papers found by title in the index and analysed again from
// their files, shared packs read by corpus, analysed, kept in Dir and
// ingested. Its Deps method gives everything New needs.
type Project struct {
	// Index is the index searched and added to: the embedded index
	// (bleveindex.Open) or any other that does what Store asks.
	Index    Store
	Analyzer *analysis.Analyzer
	// Dir keeps the packs shared with the bot, so "ask" can read them
	// again later; "" keeps none (they are indexed but cannot be asked
	// about).
	Dir string
	// Ingest are the options for adding shared packs, as for `scrutineer
	// ingest` (a Themer, corpus limits).
	Ingest index.IngestOptions

	mu sync.Mutex
	// read keeps documents between Brief and Add, so a pack is read once.
	read map[string]*corpus.Document
}

// Store is the index as a Project uses it: context-first, in the
// backend-neutral types of package index. The embedded bleve index
// (package index/bleve) provides it.
type Store interface {
	Searcher
	// Dir is the folder the index lives in.
	Dir() string
	// Document returns the record of the paper ref names (its ID, a
	// path, an address or a file name); the error wraps
	// index.ErrNotFound when none fits and is an *index.AmbiguousError
	// when several do.
	Document(ctx context.Context, ref string) (*index.DocumentInfo, error)
	// Delete removes the paper ref names with its passages.
	Delete(ctx context.Context, ref string) error
	// IngestDocument indexes a document already read.
	IngestDocument(ctx context.Context, doc *corpus.Document, opts index.IngestOptions) (index.Summary, error)
	// Item and Pages read a paper back (see index.ReadBack) when its file
	// has gone.
	index.PaperReader
}

var (
	_ Library = (*Project)(nil)
	_ Briefer = (*Project)(nil)
	_ Remover = (*Project)(nil)
)

// maxReadCache bounds the documents kept between Brief and Add.
const maxReadCache = 8

// Deps returns the bot's services backed by p, with briefs rendered by
// the project's renderer.
func (p *Project) Deps() Deps {
	return Deps{Search: p.Index, Library: p, Briefer: p, Render: render.Write, Remover: p, Ingest: p}
}

// FindPapers searches the index with title words weighted up and returns
// the distinct items of the best passages, the agenda itself excluded.
// Exempt items are included: the bot decides where they may be shown.
func (p *Project) FindPapers(ctx context.Context, text string, limit int) ([]Paper, error) {
	q := titleQuery(text)
	if q == "" {
		return nil, nil
	}
	res, err := p.Index.Search(ctx, index.Query{Text: q, Limit: 50, PerItem: 1, IncludeExempt: true, NoFacets: true})
	if err != nil {
		return nil, fmt.Errorf("find papers: %w", err)
	}
	seen := map[string]bool{}
	var out []Paper
	for _, h := range res.Hits {
		key := h.ID + "\x00" + h.Source + "\x00" + h.Item
		if seen[key] || h.Kind == string(corpus.KindAgenda) {
			continue
		}
		seen[key] = true
		out = append(out, Paper{ID: h.ID, Source: h.Source, Item: h.Item, Title: h.Title, Committee: h.Committee, Date: h.Date, Exempt: h.Exempt, URL: h.URL})
		if len(out) == limit {
			break
		}
	}
	return out, nil
}

// titleQuery turns free text into a query-string query that matches the
// words anywhere and weighs matches in titles three times. Only letters
// and digits survive, so user text cannot inject query syntax.
func titleQuery(text string) string {
	var parts []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) < 2 {
			continue
		}
		w = strings.ToLower(w)
		parts = append(parts, "title:"+w+"^3", w)
	}
	return strings.Join(parts, " ")
}

// Ask reads the paper's file again and analyses its item (the whole file
// when the paper has no item number). When the file has gone, the paper
// is read back from the pages and passages the index kept.
func (p *Project) Ask(ctx context.Context, paper Paper) (*analysis.Report, error) {
	doc, err := p.askDoc(ctx, paper)
	if err != nil {
		return nil, err
	}
	var rep *analysis.Report
	if paper.Item == "" {
		rep, err = p.Analyzer.Ask(ctx, doc)
	} else {
		rep, err = p.Analyzer.AskItem(ctx, doc, paper.Item)
	}
	if err != nil {
		return nil, fmt.Errorf("ask %s: %w", paper.Source, err)
	}
	return rep, nil
}

// askDoc reads the paper Ask analyses: its file, or as the index kept it.
func (p *Project) askDoc(ctx context.Context, paper Paper) (*corpus.Document, error) {
	q := index.Query{Paper: paper.ID, Limit: 1, IncludeExempt: true, NoFacets: true}
	if paper.ID == "" {
		q = index.Query{Source: paper.Source, Limit: 1, IncludeExempt: true, NoFacets: true}
	}
	res, err := p.Index.Search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("ask %s: %w", paper.Source, err)
	}
	gone := userError("I no longer have the file “" + paper.Source + "” to read, so I cannot work out questions for it. Share it with me again.")
	if len(res.Hits) == 0 {
		return nil, gone
	}
	hit := res.Hits[0]
	path, ok := "", false
	if hit.Path != "" {
		path, ok = p.locate(hit.Path)
	}
	if ok {
		doc, err := corpus.Open(ctx, path, p.Ingest.Corpus)
		if err == nil {
			return doc, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("ask %s: %w", paper.Source, err)
		}
	}
	// The file has gone: the paper as the index kept it, when it kept its
	// pages (the tables on them, the quotes' pages).
	if doc, err := p.keptDoc(ctx, hit.ID); err != nil || doc != nil {
		return doc, err
	}
	if hit.Path != "" && !filepath.IsAbs(hit.Path) {
		return nil, userError("The index has “" + paper.Source + "” under the path " + hit.Path +
			", relative to wherever it was added by an earlier version of scrutineer, and I cannot find it from here." +
			" Ask whoever runs me to add it again with scrutineer ingest --force FILE, which records where it is.")
	}
	return nil, gone
}

// keptDoc reads the paper id back from the index (index.ReadBack); nil
// when the index did not keep its pages.
func (p *Project) keptDoc(ctx context.Context, id string) (*corpus.Document, error) {
	if id == "" {
		return nil, nil
	}
	rec, err := p.Index.Document(ctx, id)
	if errors.Is(err, index.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s back from the index: %w", id, err)
	}
	doc, err := index.ReadBack(ctx, p.Index, *rec)
	if err != nil || len(doc.Pages) == 0 {
		return nil, err
	}
	return doc, nil
}

// locate finds the file an index record names. Paths are stored absolute;
// an index made by an earlier version may hold a path relative to the
// folder ingest ran in, which is tried from here, from the folder the
// index is in (where ingest ran when the index is ./index) and then as a
// pack kept in Dir. It reports false when no such file exists.
func (p *Project) locate(path string) (string, bool) {
	if filepath.IsAbs(path) {
		return path, true
	}
	candidates := []string{path}
	if p.Index != nil {
		if dir, err := filepath.Abs(p.Index.Dir()); err == nil {
			candidates = append(candidates, filepath.Join(filepath.Dir(dir), path))
		}
	}
	if p.Dir != "" {
		candidates = append(candidates, filepath.Join(p.Dir, filepath.Base(path)))
	}
	for _, c := range candidates {
		if fi, err := os.Stat(c); err == nil && fi.Mode().IsRegular() {
			if abs, err := filepath.Abs(c); err == nil {
				return abs, true
			}
		}
	}
	return "", false
}

// Brief reads and analyses every item of a shared pack.
func (p *Project) Brief(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
	doc, err := p.readDoc(ctx, name, data)
	if err != nil {
		return nil, err
	}
	rep, err := p.Analyzer.Brief(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("brief %s: %w", doc.Source, err)
	}
	return rep, nil
}

// Add keeps the pack in Dir (when set) and ingests it, so searches find it
// and "ask" can read it again.
func (p *Project) Add(ctx context.Context, name string, data []byte) error {
	doc, err := p.readDoc(ctx, name, data)
	if err != nil {
		return err
	}
	p.forget(doc.Hash)
	if p.Dir != "" {
		path, err := p.keep(doc.Source, doc.Hash, data)
		if err != nil {
			return err
		}
		doc.Path = path
	}
	if _, err := p.Index.IngestDocument(ctx, doc, p.Ingest); err != nil {
		return fmt.Errorf("add %s to the index: %w", doc.Source, err)
	}
	return nil
}

// readDoc reads a pack, or returns the document Brief already read.
func (p *Project) readDoc(ctx context.Context, name string, data []byte) (*corpus.Document, error) {
	key := hashOf(data)
	p.mu.Lock()
	doc := p.read[key]
	p.mu.Unlock()
	if doc != nil {
		return doc, nil
	}
	doc, err := corpus.Read(ctx, filepath.Base(name), data, p.Ingest.Corpus)
	if err != nil {
		var explain string
		switch {
		case errors.Is(err, corpus.ErrEncrypted):
			explain = "“" + name + "” is protected with a password, so I cannot read it."
		case errors.Is(err, corpus.ErrNoText):
			explain = "“" + name + "” has no text I can read: it may be a scan."
		case errors.Is(err, corpus.ErrMalformed):
			explain = "“" + name + "” is damaged, so I cannot read it. A re-saved copy (print to PDF) may work."
		case errors.Is(err, corpus.ErrTooLarge):
			explain = "“" + name + "” is too large for me to read. Share the items you need as a smaller PDF."
		}
		if explain != "" {
			return nil, userError(explain)
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	p.mu.Lock()
	if p.read == nil {
		p.read = map[string]*corpus.Document{}
	}
	if len(p.read) >= maxReadCache {
		clear(p.read)
	}
	p.read[key] = doc
	p.mu.Unlock()
	return doc, nil
}

func (p *Project) forget(hash string) {
	p.mu.Lock()
	delete(p.read, hash)
	p.mu.Unlock()
}

// keep writes a shared pack into Dir under its own name, or under the
// name with a hash suffix when a different file already has it, and
// returns its absolute path. A name that is not a plain file name ("",
// ".", "..", one with a path separator) is refused, so nothing is written
// outside Dir.
func (p *Project) keep(source, hash string, data []byte) (string, error) {
	if source == "" || source == "." || source == ".." || strings.ContainsAny(source, `/\`) || !filepath.IsLocal(source) {
		return "", fmt.Errorf("keep a pack named %q: not a plain file name", source)
	}
	dir, err := filepath.Abs(p.Dir)
	if err != nil {
		return "", fmt.Errorf("keep %s: %w", source, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("keep %s: %w", source, err)
	}
	path := filepath.Join(dir, source)
	if old, err := os.ReadFile(path); err == nil {
		if hashOf(old) == hash {
			return path, nil
		}
		ext := filepath.Ext(source)
		path = filepath.Join(dir, strings.TrimSuffix(source, ext)+"-"+hash[:8]+ext)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", fmt.Errorf("keep %s: %w", source, err)
	}
	return path, nil
}

// Find returns the paper ref names in the index: its ID, a path, its
// address or its file name.
func (p *Project) Find(ctx context.Context, ref string) (*index.DocumentInfo, error) {
	return p.Index.Document(ctx, ref)
}

// Remove deletes the paper ref names (as Find reads it) from the index
// and, when the bot kept it in Dir, the kept copy. A file kept anywhere
// else is left alone.
func (p *Project) Remove(ctx context.Context, ref string) error {
	rec, err := p.Index.Document(ctx, ref)
	if err != nil {
		return fmt.Errorf("remove %s: %w", ref, err)
	}
	if err := p.Index.Delete(ctx, rec.ID); err != nil {
		return fmt.Errorf("remove %s: %w", ref, err)
	}
	if p.Dir == "" {
		return nil
	}
	dir, err := filepath.Abs(p.Dir)
	if err != nil {
		return nil
	}
	for _, l := range rec.Sources {
		if l.Path == "" || filepath.Dir(l.Path) != dir {
			continue
		}
		if err := os.Remove(l.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove the kept copy of %s: %w", ref, err)
		}
	}
	return nil
}

// hashOf is the hex SHA-256 of data, as corpus gives in Document.Hash.
func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
