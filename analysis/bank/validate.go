package bank

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ContractIDs are the theme ids every bank must carry, in the order of the
// themes contract. Output is compared across versions by these ids, so
// they are never renamed or merged.
var ContractIDs = []string{
	"safeguarding-arrangements",
	"early-help",
	"child-protection",
	"voice-of-child",
	"lac-commissioning",
	"lac-education",
	"lac-health",
	"placement-stability",
	"adoption",
	"fostering",
	"residential-care",
	"care-leavers",
	"workforce",
	"corporate-parenting",
	"school-relationships",
	"school-resources",
	"school-place-planning",
	"school-performance",
	"inspection-response",
	"risk-management",
	"performance-management",
	"self-evaluation",
	"scrutiny-effectiveness",
}

// EvidenceKinds lists every valid evidence kind.
var EvidenceKinds = []EvidenceKind{Figure, Comparison, Trend, Views, Plan, Outcome}

// Valid reports whether k is one of EvidenceKinds.
func (k EvidenceKind) Valid() bool {
	for _, v := range EvidenceKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Error is one problem found in a bank file or a bank, naming the file,
// the source line and the entry it is about.
type Error struct {
	File  string // file name, empty for a bank built in code
	Line  int    // 1-based source line, 0 when unknown
	Entry string // the theme (and line of enquiry) concerned
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("bank")
	if e.File != "" {
		b.WriteString(" file ")
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
	}
	if e.Entry != "" {
		b.WriteString(": ")
		b.WriteString(e.Entry)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

func (e *Error) with(msg string) *Error {
	c := *e
	c.Msg = msg
	return &c
}

func (e *Error) at(line int) *Error {
	c := *e
	if line > 0 {
		c.Line = line
	}
	return &c
}

func (e *Error) line(l *Line, j int) *Error {
	c := *e
	if l.ID == "" {
		c.Entry = fmt.Sprintf("%s, line of enquiry %d", e.Entry, j+1)
	} else {
		c.Entry = fmt.Sprintf("%s, line %q", e.Entry, l.ID)
	}
	return &c
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func entryName(t *Theme, i int) string {
	switch {
	case t.Extends != "":
		return fmt.Sprintf("theme %d (extends %q)", i+1, t.Extends)
	case t.ID != "":
		return fmt.Sprintf("theme %q", t.ID)
	default:
		return fmt.Sprintf("theme %d", i+1)
	}
}

// clean trims the white space YAML block scalars leave around text.
func clean(t *Theme) {
	t.ID = strings.TrimSpace(t.ID)
	t.Extends = strings.TrimSpace(t.Extends)
	t.Title = strings.TrimSpace(t.Title)
	t.Topic = strings.Join(strings.Fields(t.Topic), " ")
	t.Description = strings.Join(strings.Fields(t.Description), " ")
	for i := range t.Signals {
		t.Signals[i] = strings.Join(strings.Fields(t.Signals[i]), " ")
	}
	for i := range t.Lines {
		l := &t.Lines[i]
		l.ID = strings.TrimSpace(l.ID)
		l.Question = strings.Join(strings.Fields(l.Question), " ")
		for k := range l.Signals {
			l.Signals[k] = strings.Join(strings.Fields(l.Signals[k]), " ")
		}
	}
	for i := range t.Sources {
		t.Sources[i].Doc = strings.TrimSpace(t.Sources[i].Doc)
		t.Sources[i].Section = strings.TrimSpace(t.Sources[i].Section)
	}
}

// checkEntry checks one entry of a file on its own.
// linePos gives the source line of line j of the entry (0 when unknown).
func checkEntry(t *Theme, ctx *Error, linePos func(j int) int) []error {
	var errs []error
	add := func(e *Error, msg string, args ...any) { errs = append(errs, e.with(fmt.Sprintf(msg, args...))) }
	if t.Extends != "" {
		if t.ID != "" {
			add(ctx, "set either id (a new theme) or extends (add to an existing theme), not both")
		}
		if !idPattern.MatchString(t.Extends) {
			add(ctx, "extends %q is not a theme id (lower-case letters, digits and hyphens)", t.Extends)
		}
		if t.Title != "" || t.Description != "" || t.Topic != "" {
			add(ctx, "an entry that extends a theme cannot change its title, topic or description")
		}
		if len(t.Lines) == 0 && len(t.Signals) == 0 && len(t.Sources) == 0 {
			add(ctx, "extends %q but adds no lines, signals or sources", t.Extends)
		}
	} else {
		errs = append(errs, checkTheme(t, ctx, linePos)...)
		return errs
	}
	errs = append(errs, checkParts(t, ctx, linePos)...)
	return errs
}

// checkTheme checks a full theme: one that is not an extension.
func checkTheme(t *Theme, ctx *Error, linePos func(j int) int) []error {
	var errs []error
	add := func(msg string, args ...any) { errs = append(errs, ctx.with(fmt.Sprintf(msg, args...))) }
	switch {
	case t.ID == "":
		add("a new theme needs an id (or use extends: <id> to add to an existing theme)")
	case !idPattern.MatchString(t.ID):
		add("id %q must be lower-case letters, digits and hyphens", t.ID)
	}
	if t.Extends != "" {
		add("extends is only for entries of a local file")
	}
	if t.Title == "" {
		add("a new theme needs a title")
	}
	if t.Description == "" {
		add("a new theme needs a description")
	}
	if len(t.Signals) == 0 {
		add("a new theme needs signals: words and phrases that show a passage is about it")
	}
	if len(t.Lines) == 0 {
		add("a new theme needs at least one line of enquiry")
	}
	errs = append(errs, checkParts(t, ctx, linePos)...)
	return errs
}

// checkParts checks the lines, signals and sources of an entry.
func checkParts(t *Theme, ctx *Error, linePos func(j int) int) []error {
	var errs []error
	errs = append(errs, checkSignals(t.Signals, ctx, "signal")...)
	for j := range t.Lines {
		l := &t.Lines[j]
		lc := ctx.line(l, j)
		if linePos != nil {
			lc = lc.at(linePos(j))
		}
		if l.ID != "" && !idPattern.MatchString(l.ID) {
			errs = append(errs, lc.with(fmt.Sprintf("line id %q must be lower-case letters, digits and hyphens", l.ID)))
		}
		switch {
		case l.Question == "":
			errs = append(errs, lc.with("question is empty"))
		case !strings.HasSuffix(l.Question, "?"):
			errs = append(errs, lc.with("question must end with \"?\""))
		}
		if len(l.Evidence) == 0 {
			errs = append(errs, lc.with("evidence is empty: name at least one of "+kindList()))
		}
		seen := map[EvidenceKind]bool{}
		for _, k := range l.Evidence {
			if !k.Valid() {
				errs = append(errs, lc.with(fmt.Sprintf("unknown evidence kind %q (want one of %s)", k, kindList())))
			} else if seen[k] {
				errs = append(errs, lc.with(fmt.Sprintf("evidence kind %q listed twice", k)))
			}
			seen[k] = true
		}
		errs = append(errs, checkSignals(l.Signals, lc, "line signal")...)
	}
	for k, s := range t.Sources {
		if s.Doc == "" || s.Section == "" {
			errs = append(errs, ctx.with(fmt.Sprintf("source %d needs both doc and section", k+1)))
		}
	}
	return errs
}

func checkSignals(sigs []string, ctx *Error, what string) []error {
	var errs []error
	seen := map[string]bool{}
	for _, s := range sigs {
		key := strings.ToLower(s)
		switch {
		case s == "":
			errs = append(errs, ctx.with(what+" is empty"))
		case seen[key]:
			errs = append(errs, ctx.with(fmt.Sprintf("%s %q listed twice", what, s)))
		}
		seen[key] = true
	}
	return errs
}

func kindList() string {
	s := make([]string, len(EvidenceKinds))
	for i, k := range EvidenceKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// New builds a bank from full themes (no extends entries) and validates
// it, contract ids included.
func New(themes []*Theme) (*Bank, error) {
	b := &Bank{}
	var errs []error
	for _, t := range themes {
		if t == nil {
			continue
		}
		if t.Extends != "" {
			errs = append(errs, originErr(t).with(fmt.Sprintf("extends %q: only a local file merged with Merge can extend a theme", t.Extends)))
			continue
		}
		b.Themes = append(b.Themes, t)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if err := b.Validate(); err != nil {
		return nil, err
	}
	return b, nil
}

// originErr starts an error about theme t, naming where it came from.
func originErr(t *Theme) *Error {
	e := &Error{Entry: fmt.Sprintf("theme %q", t.ID)}
	if t.Extends != "" {
		e.Entry = fmt.Sprintf("entry extending %q", t.Extends)
	}
	if i := strings.LastIndexByte(t.origin, ':'); i >= 0 {
		e.File = t.origin[:i]
		fmt.Sscanf(t.origin[i+1:], "%d", &e.Line)
	}
	return e
}

// Validate checks the whole bank: every theme complete and well formed,
// theme and line ids unique, every evidence kind known, and every id of
// ContractIDs present. It also (re)builds the lookup tables.
func (b *Bank) Validate() error {
	if b == nil {
		return errors.New("bank: nil bank")
	}
	var errs []error
	b.byID = make(map[string]*Theme, len(b.Themes))
	b.lines = map[string]lineRef{}
	lineOwner := map[string]string{}
	for _, t := range b.Themes {
		ctx := originErr(t)
		if t.Extends != "" {
			errs = append(errs, ctx.with("a theme in a bank cannot have extends set"))
			continue
		}
		errs = append(errs, checkTheme(t, ctx, nil)...)
		if prev, ok := b.byID[t.ID]; ok && t.ID != "" {
			msg := fmt.Sprintf("duplicate theme id %q", t.ID)
			if prev.origin != "" {
				msg += " (first defined at " + prev.origin + ")"
			}
			if t.Local {
				msg += fmt.Sprintf("; to add to the existing theme use \"extends: %s\" instead of \"id\"", t.ID)
			}
			errs = append(errs, ctx.with(msg))
			continue
		}
		b.byID[t.ID] = t
		for j := range t.Lines {
			l := &t.Lines[j]
			if l.ID == "" {
				errs = append(errs, ctx.line(l, j).with("line has no id"))
				continue
			}
			if owner, ok := lineOwner[l.ID]; ok {
				errs = append(errs, ctx.line(l, j).with(fmt.Sprintf("duplicate line id %q (also in theme %q)", l.ID, owner)))
				continue
			}
			lineOwner[l.ID] = t.ID
			b.lines[l.ID] = lineRef{theme: t, index: j}
		}
	}
	var missing []string
	for _, id := range ContractIDs {
		if _, ok := b.byID[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		errs = append(errs, fmt.Errorf("bank: missing contract themes: %s", strings.Join(missing, ", ")))
	}
	return errors.Join(errs...)
}

// Merge returns a new bank: b with a council's local entries applied. An
// entry with an id adds a new theme, which must not already exist; an
// entry with extends adds its lines, signals and sources to the existing
// theme of that id, which must exist. Signals the theme already has are
// skipped. Everything added is marked Local. b itself is not changed.
func (b *Bank) Merge(local []*Theme) (*Bank, error) {
	if b == nil {
		return nil, errors.New("bank: merge into nil bank")
	}
	out := &Bank{Themes: make([]*Theme, len(b.Themes))}
	byID := map[string]*Theme{}
	for i, t := range b.Themes {
		c := t.clone()
		out.Themes[i] = c
		byID[c.ID] = c
	}
	var errs []error
	for _, lt := range local {
		if lt == nil {
			continue
		}
		if lt.Extends == "" {
			n := lt.clone()
			n.Local = true
			for j := range n.Lines {
				n.Lines[j].Local = true
			}
			out.Themes = append(out.Themes, n)
			if _, ok := byID[n.ID]; !ok {
				byID[n.ID] = n
			}
			continue
		}
		target, ok := byID[lt.Extends]
		if !ok {
			errs = append(errs, originErr(lt).with(fmt.Sprintf("extends unknown theme %q; to add a new theme use \"id: %s\" with a title, description, signals and lines", lt.Extends, lt.Extends)))
			continue
		}
		for _, l := range lt.Lines {
			l.Signals = append([]string(nil), l.Signals...)
			l.Evidence = append([]EvidenceKind(nil), l.Evidence...)
			l.Local = true
			target.Lines = append(target.Lines, l)
		}
		have := map[string]bool{}
		for _, s := range target.Signals {
			have[strings.ToLower(s)] = true
		}
		for _, s := range lt.Signals {
			if !have[strings.ToLower(s)] {
				target.Signals = append(target.Signals, s)
				have[strings.ToLower(s)] = true
			}
		}
		target.Sources = append(target.Sources, lt.Sources...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if err := out.Validate(); err != nil {
		return nil, err
	}
	return out, nil
}

// clone deep-copies a theme so a merged bank never shares slices with the
// bank it came from.
func (t *Theme) clone() *Theme {
	c := *t
	c.Signals = append([]string(nil), t.Signals...)
	c.Sources = append([]Source(nil), t.Sources...)
	c.Lines = make([]Line, len(t.Lines))
	for i, l := range t.Lines {
		l.Signals = append([]string(nil), l.Signals...)
		l.Evidence = append([]EvidenceKind(nil), l.Evidence...)
		c.Lines[i] = l
	}
	return &c
}
