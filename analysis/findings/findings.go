// Package findings runs the checks that find what in an item deserves
// challenge: a missed target, a worsening trend, a claim the report's own
// figures contradict, a deadline already past, a request from the last
// meeting left unanswered. Each check is one file with one Check value,
// listed once in Checks; each finding names its check and cites its
// evidence on both sides.
package findings

import (
	"time"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// Item is what a check reads: one agenda item's sentences and indicators,
// and the pack it sits in.
type Item struct {
	Number string
	Title  string
	Kind   corpus.Kind
	// Sentences are the item's sentences, bullets and table rows in order.
	Sentences []figures.Sentence
	// Indicators are the performance measures the item gives, from its
	// tables and its sentences.
	Indicators []figures.Indicator
	// Tables are the item's tables.
	Tables []figures.Table
	// Meeting is the date of the meeting the paper is for; zero when
	// unknown. NextMeeting is the committee's next meeting, when the pack
	// says.
	Meeting     time.Time
	NextMeeting time.Time
	// Pack is the whole pack the item belongs to; nil for a single report.
	Pack *Pack
}

// Pack is every item of an agenda pack, for checks that look across items
// (the last meeting's minutes, a figure given twice).
type Pack struct {
	Items []*Item
}

// Finding is what a check found. IDs are given when an item's findings
// are put in order (Find).
type Finding struct {
	Kind     string
	Severity float64 // in [0, 1]
	// Summary says what was found with its figures, in words a
	// councillor can read out ("613 foster households against a target of
	// 700 in Q3").
	Summary  string
	Strength bool
	// Evidence cites the page(s): both sides where there are two.
	Evidence  []report.Evidence
	Indicator *figures.Indicator
	// Theme is the bank theme the finding is about, "" to let the caller
	// decide from its evidence.
	Theme string
}

// Check is one kind of finding.
type Check interface {
	// Kind names the check and the findings it makes ("missed-target").
	Kind() string
	// Doc says in a sentence what the check catches.
	Doc() string
	// Find returns the check's findings in an item, none when there are
	// none.
	Find(it *Item) []Finding
}

// Checks lists every check, in no particular order.
var Checks = []Check{}

// Find runs every check over an item and returns the findings, most
// severe first (ties keep check order).
func Find(it *Item) []Finding {
	var out []Finding
	for _, c := range Checks {
		out = append(out, c.Find(it)...)
	}
	sortBySeverity(out)
	return out
}

func sortBySeverity(fs []Finding) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Severity > fs[j-1].Severity; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}
