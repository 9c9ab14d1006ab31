// Package findings runs the checks that find what in an item deserves
// challenge: a missed target, a worsening trend, a claim the report's own
// figures contradict, a deadline already past, a request from the last
// meeting left unanswered. Each check is one file with one Check value,
// listed once in Checks; each finding names its check and cites its
// evidence on both sides.
//
// Only the council's own figures make findings: a national figure or
// another council's case study quoted in a paper is context, never a
// finding. The domain knowledge the checks share (direction words,
// quantifiers, comparison phrases, severities) sits in data tables in
// words.go and severity.go.
package findings

import (
	"sort"
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
	// Words are the parts of the finding a question is worded from.
	Words Words
}

// Words are the parts of a finding that the wording of a question fills
// in, each in words a councillor can read out; "" when the finding has
// none. Summary is always there to fall back on.
type Words struct {
	// Measure names what is measured ("approved foster households").
	Measure string
	// Figures states the figures without comment ("613 approved foster
	// households in Q3 against a target of 700").
	Figures string
	// Claim is what the report's narrative says ("agency use has
	// stabilised"), quoted from it.
	Claim string
	// Shows is what the report's own figures show against the claim
	// ("agency social workers rising from 22% to 24.1% to 25.6% over three
	// quarters").
	Shows string
	// Comparator names what the figure is set against ("England",
	// "statistical neighbours").
	Comparator string
	// Thing is the commitment, request, action, plan, grant or placeholder
	// the finding is about ("the revised sufficiency strategy").
	Thing string
	// Date is the date the finding turns on, as the report gives it
	// ("September 2026").
	Date string
	// Amount is a sum of money as the report gives it ("£2.3m").
	Amount string
}

// Check is one kind of finding.
type Check interface {
	// Kind names the check and the findings it makes ("missed-target").
	Kind() string
	// Doc says in a sentence what the check catches.
	Doc() string
	// Find returns the check's findings in an item, none when there are
	// none. It never panics on an item however incomplete: a check that
	// lacks what it needs (a meeting date, a pack, a polarity) finds
	// nothing.
	Find(it *Item) []Finding
}

// Checks lists every check, in no particular order.
var Checks = []Check{
	missedTarget{},
	worseningTrend{},
	worseThanComparators{},
	worseThanNational{},
	betterThanNational{},
	ragMisrated{},
	directionContradicted{},
	quantifierContradicted{},
	comparisonContradicted{},
	nationalContradicted{},
	redUnmentioned{},
	deadlinePassed{},
	dueBeforeCommittee{},
	planNotSeen{},
	unansweredRequest{},
	completedUnevidenced{},
	actionOffTrack{},
	overspend,
	savingsAtRisk,
	fundingEnding{},
	caseloadsAboveStandard{},
	agencyStaff,
	vacancies,
	figuresDisagree{},
	templateText{},
	strength{},
}

// Find runs every check over an item and returns the findings, most
// severe first (ties keep check order, then the order each check found
// them in), each with the theme its kind implies when the check gave none.
// The checks see the item's indicators completed from the report's own
// words where the reader left a name, rating or polarity blank (infer.go).
// A finding with nothing to cite (an indicator read without evidence) is
// dropped. A nil item has none.
func Find(it *Item) []Finding {
	if it == nil {
		return nil
	}
	it = prepare(it)
	var out []Finding
	for _, c := range Checks {
		for _, f := range c.Find(it) {
			if len(f.Evidence) == 0 {
				continue // a finding members cannot check is not given
			}
			f.Severity = clamp(f.Severity)
			if f.Theme == "" {
				f.Theme = kindThemes[f.Kind]
			}
			out = append(out, f)
		}
	}
	sortBySeverity(out)
	return out
}

// sortBySeverity orders findings most severe first, stably.
func sortBySeverity(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
}
