// Package bank owns the bank of key lines of enquiry: the themes scrutiny
// of children's services looks at, each with its lines of enquiry, signal
// vocabulary and the national guidance it is drawn from. The default bank
// ships embedded in the binary; a council can add its own file of local
// priorities on top.
package bank

import "strings"

// EvidenceKind is the kind of evidence that answers a line of enquiry.
type EvidenceKind string

// Evidence kinds a line of enquiry can ask for.
const (
	Figure     EvidenceKind = "figure"     // a number and what it measures
	Comparison EvidenceKind = "comparison" // against statistical neighbours, region or England
	Trend      EvidenceKind = "trend"      // change over time
	Views      EvidenceKind = "views"      // children's and families' own views
	Plan       EvidenceKind = "plan"       // actions with dates and owners
	Outcome    EvidenceKind = "outcome"    // difference made for children, not activity
)

// Source cites a guidance document and a section of it.
type Source struct {
	// Doc is the guidance document's file name under seeds/ (for example
	// "cfgs-scrutiny-of-childrens-services-guide-2023.txt").
	Doc string `yaml:"doc" json:"doc"`
	// Section names the part of it (for example "§2 Looked after children").
	Section string `yaml:"section" json:"section"`
}

// Line is one key line of enquiry: a question a councillor would ask.
type Line struct {
	// ID is unique across the bank ("fostering-3").
	ID string `yaml:"id" json:"id"`
	// Question is the line of enquiry in plain English, as a councillor
	// would ask it.
	Question string `yaml:"question" json:"question"`
	// Evidence are the kinds of evidence that would answer it.
	Evidence []EvidenceKind `yaml:"evidence" json:"evidence"`
	// Signals are extra words or phrases that show a passage engages this
	// particular line (optional).
	Signals []string `yaml:"signals,omitempty" json:"signals,omitempty"`
	// Local marks a line added from a council's own file.
	Local bool `yaml:"-" json:"local,omitempty"`
}

// Theme is one theme of the bank.
type Theme struct {
	// ID is the stable identifier from the themes contract. An entry of a
	// local file that adds to an existing theme leaves it empty and sets
	// Extends instead.
	ID string `yaml:"id,omitempty" json:"id"`
	// Extends names an existing theme that this entry adds lines, signals
	// and sources to. Only entries of a local file use it; a theme in a
	// Bank never has it set.
	Extends     string `yaml:"extends,omitempty" json:"-"`
	Title       string `yaml:"title" json:"title"`
	Description string `yaml:"description" json:"description"`
	// Topic is a short noun phrase that names the theme inside a sentence
	// ("the health of children in care"). Optional: TopicName falls back
	// to the title.
	Topic string `yaml:"topic,omitempty" json:"topic,omitempty"`
	Lines []Line `yaml:"lines" json:"lines"`
	// Signals are words and phrases, jargon and acronyms included, that
	// show a passage is about the theme.
	Signals []string `yaml:"signals" json:"signals"`
	Sources []Source `yaml:"sources" json:"sources"`
	// Local marks a theme or lines added from a council's own file.
	Local bool `yaml:"-" json:"local,omitempty"`

	// origin is "file:line" of the entry the theme was parsed from.
	origin string
}

// TopicName returns the phrase that names the theme inside a sentence:
// Topic when set, otherwise the title in lower case.
func (t *Theme) TopicName() string {
	if t.Topic != "" {
		return t.Topic
	}
	return strings.ToLower(t.Title)
}

// Bank is a validated set of themes. Treat it as read-only: Default
// returns one shared Bank, and Merge builds a new one.
type Bank struct {
	// Themes in a stable order: the default bank's themes in the order of
	// the themes contract, then any local themes in file order.
	Themes []*Theme
	byID   map[string]*Theme
	lines  map[string]lineRef
}

type lineRef struct {
	theme *Theme
	index int
}

// Theme returns the theme with the given id, or nil.
func (b *Bank) Theme(id string) *Theme {
	if b == nil {
		return nil
	}
	return b.byID[id]
}

// Line returns the line of enquiry with the given id and its theme, or
// nils when there is none.
func (b *Bank) Line(id string) (*Theme, *Line) {
	if b == nil {
		return nil, nil
	}
	r, ok := b.lines[id]
	if !ok {
		return nil, nil
	}
	return r.theme, &r.theme.Lines[r.index]
}

// IDs returns the theme ids in bank order.
func (b *Bank) IDs() []string {
	if b == nil {
		return nil
	}
	out := make([]string, len(b.Themes))
	for i, t := range b.Themes {
		out[i] = t.ID
	}
	return out
}
