package findings

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// This file holds the table-test harness every check's test uses: an item
// built by hand, and the findings expected of it beside it.

// expect is a finding a test expects of a check.
type expect struct {
	summary string
	pages   []int // the evidence's pages, in order
}

// checkCase is one item and what a check should find in it.
type checkCase struct {
	name string
	item *Item
	want []expect
}

// runCheck runs a check over each case and compares its findings, in
// order, with those expected; every finding must carry the check's kind,
// a severity in [0, 1], and evidence quoting its pages verbatim.
func runCheck(t *testing.T, c Check, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Find(tc.item)
			if len(got) != len(tc.want) {
				var ss []string
				for _, f := range got {
					ss = append(ss, f.Summary)
				}
				t.Fatalf("%s found %d, want %d:\n%s", c.Kind(), len(got), len(tc.want), strings.Join(ss, "\n"))
			}
			for i, f := range got {
				w := tc.want[i]
				if f.Kind != c.Kind() {
					t.Errorf("finding %d: kind %q, want %q", i, f.Kind, c.Kind())
				}
				if f.Severity < 0 || f.Severity > 1 {
					t.Errorf("finding %d: severity %v out of [0, 1]", i, f.Severity)
				}
				if f.Summary != w.summary {
					t.Errorf("finding %d summary:\n got %s\nwant %s", i, f.Summary, w.summary)
				}
				var pages []int
				for _, e := range f.Evidence {
					pages = append(pages, e.Page)
					if !verbatim(tc.item, e) {
						t.Errorf("finding %d: quote %q is not verbatim on page %d", i, e.Quote, e.Page)
					}
				}
				if !equalInts(pages, w.pages) {
					t.Errorf("finding %d: evidence pages %v, want %v", i, pages, w.pages)
				}
				if f.Strength != (c.Kind() == "strength") {
					t.Errorf("finding %d: strength %v", i, f.Strength)
				}
			}
		})
	}
}

// verbatim reports whether an evidence's quote is text of its page as the
// item (or its pack) gives it: inside a sentence, an indicator's or a
// rule's evidence, or a table cell of that page.
func verbatim(it *Item, e report.Evidence) bool {
	items := []*Item{it}
	if it.Pack != nil {
		items = append(items, it.Pack.Items...)
	}
	for _, o := range items {
		for _, s := range o.Sentences {
			if s.Page == e.Page && strings.Contains(s.Text, e.Quote) {
				return true
			}
		}
		for _, ind := range o.Indicators {
			if ind.Row.Page == e.Page && ind.Row.Quote == e.Quote || ind.Rule != nil && ind.Rule.Evidence == e {
				return true
			}
		}
		for _, tb := range o.Tables {
			for _, r := range tb.RowText {
				if tb.Page == e.Page && strings.Contains(r, e.Quote) {
					return true
				}
			}
		}
	}
	return false
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// table is a council table on a page: one heading row and body rows,
// each row printed with its cells two spaces apart.
func table(page int, header []string, rows ...[]string) figures.Table {
	t := figures.Table{Page: page, Table: corpus.Table{Header: [][]string{header}, Rows: rows}}
	for _, r := range rows {
		t.RowText = append(t.RowText, strings.Join(r, "  "))
	}
	return t
}

// prose is a council sentence on a page.
func prose(page int, text string) figures.Sentence {
	return figures.Sentence{Text: text, Page: page}
}

// row is a council table row on a page.
func row(page int, text string) figures.Sentence {
	return figures.Sentence{Text: text, Page: page, Table: true}
}

// national is a sentence giving England's figures.
func national(page int, text string) figures.Sentence {
	return figures.Sentence{Text: text, Page: page, Owner: figures.OwnerNational}
}

// series is a council table indicator with quarterly values Q1.. in
// order, read from a row on a page.
func series(name, unit string, pol figures.Polarity, page int, vals ...float64) figures.Indicator {
	ind := figures.Indicator{Name: name, Unit: unit, Polarity: pol, Table: true}
	var cells []string
	for i, v := range vals {
		text := withUnit(v, unit)
		ind.Values = append(ind.Values, figures.Value{Period: "Q" + strconv.Itoa(i+1), Value: v, Text: text})
		cells = append(cells, text)
	}
	// The row as printed, and the reader's rendering of it with its
	// headings (not verbatim: checks must quote the row).
	ind.Row = report.Evidence{Page: page, Quote: name + "  " + strings.Join(cells, "  ")}
	ind.Evidence = report.Evidence{Page: page, Quote: name + ": " + strings.Join(cells, ", ")}
	return ind
}

// withTarget sets an indicator's target and printed rating.
func withTarget(ind figures.Indicator, target float64, rag figures.RAG) figures.Indicator {
	ind.Target, ind.HasTarget, ind.RAG = target, true, rag
	ind.TargetText = withUnit(target, ind.Unit)
	ind.Row.Quote += "  " + ind.TargetText
	if rag != "" {
		ind.Row.Quote += "  " + ragName(rag)
	}
	return ind
}

// against adds comparators to an indicator.
func against(ind figures.Indicator, cs ...figures.Comparator) figures.Indicator {
	ind.Comparators = append(ind.Comparators, cs...)
	return ind
}

// owned sets whose figures an indicator gives.
func owned(ind figures.Indicator, o figures.Owner) figures.Indicator {
	ind.Owner = o
	return ind
}

var (
	meeting = time.Date(2026, time.October, 14, 0, 0, 0, 0, time.UTC)
	nextMtg = time.Date(2026, time.December, 2, 0, 0, 0, 0, time.UTC)
)

// item makes a report item from sentences and indicators.
func item(ss []figures.Sentence, inds ...figures.Indicator) *Item {
	return &Item{Number: "5", Title: "Performance report", Kind: corpus.KindReport, Sentences: ss, Indicators: inds, Meeting: meeting, NextMeeting: nextMtg}
}

func TestChecksAreListedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Checks {
		k := c.Kind()
		if seen[k] {
			t.Errorf("kind %q listed twice", k)
		}
		seen[k] = true
		if strings.TrimSpace(c.Doc()) == "" {
			t.Errorf("%s: no doc", k)
		}
		if _, ok := baseSeverity[k]; !ok {
			t.Errorf("%s: no base severity", k)
		}
	}
	for k := range baseSeverity {
		if !seen[k] {
			t.Errorf("severity for %q, which no check has", k)
		}
	}
}

// TestChecksSurviveBadItems runs every check over empty, partial and
// odd items: none may panic, and an empty item has no findings.
func TestChecksSurviveBadItems(t *testing.T) {
	odd := figures.Indicator{Name: "", Values: []figures.Value{{}}, HasTarget: true, Rule: &figures.RAGRule{}, RAG: figures.Red, Polarity: figures.HigherIsBetter}
	items := []*Item{
		{},
		{Kind: corpus.KindMinutes, Pack: &Pack{Items: []*Item{nil, {}}}},
		{Sentences: []figures.Sentence{{}, {Text: "£"}, {Text: "the majority 5%"}}, Indicators: []figures.Indicator{{}, odd}, Tables: []figures.Table{{Table: corpus.Table{Header: [][]string{{}}, Rows: [][]string{{}}}}}, Pack: &Pack{}},
	}
	for _, c := range Checks {
		for i, it := range items {
			got := c.Find(it)
			if i == 0 && len(got) > 0 {
				t.Errorf("%s found %d in an empty item", c.Kind(), len(got))
			}
		}
	}
	if Find(nil) != nil {
		t.Error("Find(nil) found something")
	}
	uncited := withTarget(series("Approved foster households", "", figures.HigherIsBetter, 7, 613), 700, figures.Red)
	uncited.Evidence, uncited.Row = report.Evidence{}, report.Evidence{}
	if fs := Find(item(nil, uncited)); len(fs) != 0 {
		t.Errorf("Find gave %d findings with nothing to cite: %s", len(fs), fs[0].Summary)
	}
}

func TestKindThemesNameChecks(t *testing.T) {
	for k := range kindThemes {
		if _, ok := baseSeverity[k]; !ok {
			t.Errorf("theme for %q, which no check makes", k)
		}
	}
}
