// Package figures reads the numbers of a report: the sentences that carry
// them, the tables of a page, and the performance indicators both give
// (name, unit, polarity, target, values by period, comparators, printed
// RAG rating, and the report's own RAG rule). It also says whose figure a
// number is: the council's own, England's, or another council's case
// study quoted as an example.
package figures

import (
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// Owner says whose figure a sentence or indicator gives.
type Owner int

// Owners. Only OwnerCouncil figures are the council's performance; the
// others are context and may inform a comparison, never a finding.
const (
	OwnerCouncil  Owner = iota // the council's own (the default for a council's paper)
	OwnerNational              // England, national research, a national survey
	OwnerOther                 // another council, a case study, an example, a guidance annex
)

// Polarity says which way a measure improves.
type Polarity int

// Polarities.
const (
	PolarityUnknown Polarity = iota
	HigherIsBetter
	LowerIsBetter
)

// RAG is a red, amber or green rating; "" when none.
type RAG string

// Ratings.
const (
	Red   RAG = report.Red
	Amber RAG = report.Amber
	Green RAG = report.Green
)

// Sentence is one sentence, bullet or table row of an item, with its page
// and whose figures it gives.
type Sentence struct {
	Text    string // white space collapsed
	Page    int    // physical page
	Printed int    // printed page number, 0 when unknown
	Heading string // the section heading it sits under, "" when none
	Table   bool   // a table row rather than prose
	Owner   Owner
}

// Evidence cites the sentence on its page.
func (s Sentence) Evidence() report.Evidence {
	return report.Evidence{Page: s.Page, PrintedPage: s.Printed, Quote: s.Text}
}

// Table is a table read from a page (corpus.Tables): its title, heading
// rows and body rows, each a list of cells, with the page it is on and
// whose figures it gives.
type Table struct {
	corpus.Table
	Page    int
	Printed int
	// Section is the heading of the section the table sits under, ""
	// when none.
	Section string
	Owner   Owner
}

// Evidence cites the table's row i verbatim on its page.
func (t *Table) Evidence(i int) report.Evidence {
	q := ""
	if i >= 0 && i < len(t.RowText) {
		q = cut(t.RowText[i], MaxQuote)
	}
	return report.Evidence{Page: t.Page, PrintedPage: t.Printed, Quote: q}
}

// PageTables reads the tables of a page's text as extracted (Text keeps
// the spacing of a table's cells as the extraction laid them out).
func PageTables(p *corpus.Page) []Table {
	var out []Table
	for _, t := range corpus.Tables(p.Text) {
		out = append(out, Table{Table: t, Page: p.Number, Printed: p.Printed})
	}
	return out
}

// Value is an indicator's value for one period.
type Value struct {
	Period string  // "Q2 2025/26", "2024", "last year"; "" when the report gives none
	Value  float64 // in the indicator's unit
	Text   string  // as printed ("25.6%")
}

// Comparator is the same measure elsewhere.
type Comparator struct {
	Name  string // "England", "statistical neighbours", "South East"
	Value float64
	Text  string
}

// RAGRule is a report's own rule for rating an indicator against its
// target ("Green: on or better than target; Amber: within 10% of target;
// Red: more than 10% worse").
type RAGRule struct {
	// AmberWithin is how far worse than target a value may be and still
	// be amber: a fraction of the target when Relative, else in the
	// indicator's own unit (percentage points for a percentage).
	AmberWithin float64
	Relative    bool
	// Floor says amber reaches down to the indicator's floor standard
	// (and red is below it), in place of AmberWithin.
	Floor bool
	// Evidence is where the report states the rule.
	Evidence report.Evidence
}

// Indicator is a performance measure as a report gives it.
type Indicator struct {
	Name string
	// Title is the title of a one-row table the indicator was read from
	// ("Long-term placement stability"): another name for it. "" else.
	Title    string
	Unit     string // "%", "days", "weeks", "£", "per 10,000", "" for a count
	Polarity Polarity
	// Target is the target or standard; HasTarget says whether there is one.
	Target     float64
	HasTarget  bool
	TargetText string
	// Floor is the floor standard, the line between amber and red, when
	// the report sets one.
	Floor    float64
	HasFloor bool
	// Values are oldest first; the last is the latest.
	Values      []Value
	Comparators []Comparator
	// RAG is the rating printed beside it; Direction the printed direction
	// of travel ("improving", "worsening", "same"), "" when none.
	RAG       RAG
	Direction string
	// Rule is the report's own RAG rule, when it states one.
	Rule  *RAGRule
	Owner Owner
	// Table is true when the indicator was read from a table, false when
	// from a sentence.
	Table bool
	// Evidence is where it was read: for a table (or a performance card,
	// "Latest: 613 Target: 700"), the row rendered with its headings
	// ("Initial health assessments within 20 working days: 38% in Q2
	// against a 90% target (Red)"), which is not verbatim; for a
	// sentence, the sentence.
	Evidence report.Evidence
	// Row is the same place cited verbatim: for a table, the row as
	// printed; for a sentence, the sentence. Quote it where a quote must
	// appear on the page word for word.
	Row report.Evidence
	// National is the measure in DfE's published figures for every
	// council, when the indicator is one (set by the analysis from the
	// national figures); nil else.
	National *report.National
}

// Latest returns the latest value, and false when there is none.
func (ind *Indicator) Latest() (Value, bool) {
	if len(ind.Values) == 0 {
		return Value{}, false
	}
	return ind.Values[len(ind.Values)-1], true
}

// Contract is the indicator in its contract form (nil for nil), with
// its national figures when it has them.
func (ind *Indicator) Contract() *report.Indicator {
	if ind == nil {
		return nil
	}
	out := &report.Indicator{Name: ind.Name, Unit: ind.Unit, RAG: string(ind.RAG)}
	switch ind.Polarity {
	case HigherIsBetter:
		out.Polarity = report.HigherIsBetter
	case LowerIsBetter:
		out.Polarity = report.LowerIsBetter
	}
	if ind.HasTarget {
		t := ind.Target
		out.Target = &t
	}
	for _, v := range ind.Values {
		out.Values = append(out.Values, report.Value{Period: v.Period, Value: v.Value})
	}
	for _, c := range ind.Comparators {
		out.Comparators = append(out.Comparators, report.Comparator{Name: c.Name, Value: c.Value})
	}
	if ind.Rule != nil {
		out.RAGByRule = string(ind.Rule.Rate(*ind))
	}
	out.National = ind.National
	return out
}
