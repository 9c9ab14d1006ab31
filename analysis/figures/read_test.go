package figures

import (
	"math"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

// sents splits a test text into sentences on one page.
func sents(text string) []Sentence {
	return split(3, 1, text)
}

func TestReadSentences(t *testing.T) {
	type want struct {
		name     string
		values   []float64
		periods  []string // when given, the values' periods
		target   float64  // 0 for none
		unit     string
		polarity Polarity
		comp     string // "England 28" when a comparator is wanted
	}
	tests := []struct {
		text string
		want []want
	}{
		{"41% of initial health assessments were completed within 20 working days, against a target of 90%.",
			[]want{{name: "Initial health assessments completed within 20 working days", values: []float64{41}, target: 90, unit: "%", polarity: HigherIsBetter}}},
		{"The number of approved foster households fell from 640 to 613.",
			[]want{{name: "Number of approved foster households", values: []float64{640, 613}, polarity: HigherIsBetter}}},
		{"Agency staff rose from 22% in March to 25.6%.",
			[]want{{name: "Agency staff", values: []float64{22, 25.6}, periods: []string{"in March", ""}, unit: "%", polarity: LowerIsBetter}}},
		{"Re-referrals within 12 months were 31%, against 28% for England.",
			[]want{{name: "Re-referrals within 12 months", values: []float64{31}, unit: "%", polarity: LowerIsBetter, comp: "England 28"}}},
		{"As of 31st December 2024, there were 613 approved households against a target of 700 households.",
			[]want{{name: "Approved households", values: []float64{613}, target: 700, polarity: HigherIsBetter}}},
		{"The average caseload for social workers was 21 children in December 2024. This is above the target caseload of no more than 18 children.",
			[]want{{name: "Average caseload for social workers", values: []float64{21}, periods: []string{"in December 2024"}, target: 18, polarity: LowerIsBetter}}},
		{"The rate of re-referrals for the 12 months to December 2024 was 22.2%, compared to 23.4% the previous Quarter. This compares to the England average of 22.4% for 2023/24.",
			[]want{{name: "Rate of re-referrals", values: []float64{23.4, 22.2}, unit: "%", polarity: LowerIsBetter, comp: "England 22.4"}}},
		{"The proportion in 2023/24 of 29% compares favourably to national (25%) and regional figures (26%) for that year.",
			[]want{{name: "Proportion", values: []float64{29}, unit: "%", comp: "England 25"}}},
		{"Contacts had risen by 9% on the previous year, and 21% of referrals were re-referrals within twelve months, against a target of 18%.",
			[]want{{name: "Referrals that were re-referrals within twelve months", values: []float64{21}, target: 18, unit: "%", polarity: LowerIsBetter}}},
		{"3.1 At 31 March 2026 the council looked after 312 children, a rate of 78 per 10,000 children aged under 18. This compares with a rate of 71 per 10,000 for our statistical neighbours and 70 per 10,000 for England.",
			[]want{{name: "Rate per 10,000 children aged under 18", values: []float64{78}, unit: "per 10,000", comp: "statistical neighbours 71"},
				// The count at its date, as a headline another paper may give too.
				{name: "Children in care", values: []float64{312}}}},
		{"At 30 September 2026 Harlowmere was looking after 398 children.",
			[]want{{name: "Children in care", values: []float64{398}}}},
		// A figure alone is no indicator; nor are dates, years and times.
		{"The committee met on 12 March 2024 at 10.00 and 14 members attended.", nil},
		{"In 2023/24 the service saw 1,200 children.", nil},
		{"The board will meet four times a year.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text[:20], func(t *testing.T) {
			got := Read(sents(tc.text), nil, "")
			if len(got) != len(tc.want) {
				t.Fatalf("got %d indicators, want %d: %+v", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Name != w.name {
					t.Errorf("name %q, want %q", g.Name, w.name)
				}
				if len(g.Values) != len(w.values) {
					t.Fatalf("values %+v, want %v", g.Values, w.values)
				}
				for k, v := range w.values {
					if g.Values[k].Value != v {
						t.Errorf("value %d = %v, want %v", k, g.Values[k].Value, v)
					}
					if w.periods != nil && g.Values[k].Period != w.periods[k] {
						t.Errorf("period %d = %q, want %q", k, g.Values[k].Period, w.periods[k])
					}
				}
				if w.target != 0 && (!g.HasTarget || g.Target != w.target) || w.target == 0 && g.HasTarget {
					t.Errorf("target %v (%v), want %v", g.Target, g.HasTarget, w.target)
				}
				if g.Unit != w.unit {
					t.Errorf("unit %q, want %q", g.Unit, w.unit)
				}
				if g.Polarity != w.polarity {
					t.Errorf("polarity %v, want %v", g.Polarity, w.polarity)
				}
				if w.comp != "" {
					found := false
					for _, c := range g.Comparators {
						found = found || c.Name+" "+strings.TrimSuffix(c.Text, "%") == w.comp
					}
					if !found {
						t.Errorf("comparators %+v, want %s", g.Comparators, w.comp)
					}
				}
				if g.Owner != OwnerCouncil {
					t.Errorf("owner %v, want the council's", g.Owner)
				}
				if g.Table || g.Row.Page != 3 || !strings.Contains(clean(tc.text), g.Row.Quote) || g.Row.Quote == "" {
					t.Errorf("row %+v is not the sentence on page 3", g.Row)
				}
			}
		})
	}
}

// kpiPage is a performance page as text: a table with periods, a target,
// a rating and England, and a card.
const kpiPage = `Children's social care performance

Indicator                                   Q1       Q2       Target   RAG     England
Initial health assessments within 20        41%      38%      90%      Red     62%
working days
Re-referrals within 12 months               21.0%    22.2%    25%      Green   22.4%
Average caseload                            19       21       18       Red

Number of foster households

RED

Latest: 613 Target: 700 Floor: 650 Previous: 612 (Red)
`

func TestReadTable(t *testing.T) {
	page := corpus.Page{Number: 7, Printed: 5, Text: kpiPage}
	tables := PageTables(&page)
	if len(tables) != 1 {
		t.Fatalf("got %d tables, want 1", len(tables))
	}
	got := Read(split(7, 5, kpiPage), tables, "")
	want := []struct {
		name     string
		latest   float64
		target   float64
		rag      RAG
		polarity Polarity
		quote    string
	}{
		{"Initial health assessments within 20 working days", 38, 90, Red, HigherIsBetter,
			"Initial health assessments within 20 working days: 38% in Q2, from 41% in Q1, against a 90% target; England 62% (Red)"},
		{"Re-referrals within 12 months", 22.2, 25, Green, LowerIsBetter,
			"Re-referrals within 12 months: 22.2% in Q2, from 21.0% in Q1, against a 25% target; England 22.4% (Green)"},
		{"Average caseload", 21, 18, Red, LowerIsBetter,
			"Average caseload: 21 in Q2, from 19 in Q1, against a target of 18 (Red)"},
		{"Number of foster households", 613, 700, Red, HigherIsBetter,
			"Number of foster households: 613, from 612 previously, against a target of 700 (floor 650) (Red)"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d indicators, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		l, _ := g.Latest()
		if g.Name != w.name || l.Value != w.latest || g.Target != w.target || g.RAG != w.rag || g.Polarity != w.polarity {
			t.Errorf("got %q latest %v target %v %q polarity %v, want %q %v %v %q %v", g.Name, l.Value, g.Target, g.RAG, g.Polarity, w.name, w.latest, w.target, w.rag, w.polarity)
		}
		if g.Evidence.Quote != w.quote {
			t.Errorf("quote\n got %q\nwant %q", g.Evidence.Quote, w.quote)
		}
		if g.Row.Page != 7 || g.Row.PrintedPage != 5 || g.Row.Quote == "" || !strings.Contains(clean(kpiPage), g.Row.Quote) {
			t.Errorf("row %+v is not verbatim on page 7", g.Row)
		}
	}
}

func TestPolarity(t *testing.T) {
	tests := []struct {
		name string
		ind  Indicator
		want Polarity
	}{
		{"below target rated green", Indicator{Name: "Measure X", Values: []Value{{Value: 10}}, Target: 12, HasTarget: true, RAG: Green}, LowerIsBetter},
		{"below target rated red", Indicator{Name: "Measure X", Values: []Value{{Value: 10}}, Target: 12, HasTarget: true, RAG: Red}, HigherIsBetter},
		{"above target rated red", Indicator{Name: "Children visited", Values: []Value{{Value: 14}}, Target: 12, HasTarget: true, RAG: Red}, LowerIsBetter},
		{"floor above target", Indicator{Name: "Measure X", Target: 15, HasTarget: true, Floor: 20, HasFloor: true}, LowerIsBetter},
		{"words: re-referrals within 12 months", Indicator{Name: "Re-referrals within 12 months"}, LowerIsBetter},
		{"words: multi-agency", Indicator{Name: "Strategy meetings that were multi-agency"}, HigherIsBetter},
		{"words: agency", Indicator{Name: "Agency social workers"}, LowerIsBetter},
		{"words: EET", Indicator{Name: "Care leavers in education, employment or training"}, HigherIsBetter},
		{"words: de-registration of carers", Indicator{Name: "De-registration of mainstream foster carers"}, LowerIsBetter},
		{"words: carers approved", Indicator{Name: "Mainstream foster carers approved"}, HigherIsBetter},
		{"words: none", Indicator{Name: "Children in care"}, PolarityUnknown},
	}
	for _, tc := range tests {
		if got := polarityOf(&tc.ind); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestRule(t *testing.T) {
	rule := ReadRule(sents("Performance is rated as follows. Green: on or better than target; Amber: within 10% of target; Red: more than 10% worse."))
	if rule == nil || !rule.Relative || math.Abs(rule.AmberWithin-0.1) > 1e-9 || rule.Evidence.Page != 3 {
		t.Fatalf("rule %+v, want amber within 10%% of target", rule)
	}
	points := ReadRule(sents("Amber means within 5 percentage points of the target."))
	if points == nil || points.Relative || points.AmberWithin != 5 {
		t.Fatalf("rule %+v, want amber within 5 points", points)
	}
	floor := ReadRule(sents("Indicators that reached or exceeded the floor standard are rated Amber."))
	if floor == nil || !floor.Floor {
		t.Fatalf("rule %+v, want the floor rule", floor)
	}
	if r := ReadRule(sents("The amber light was on. Targets are set each year.")); r != nil {
		t.Fatalf("rule %+v from no rule", r)
	}
	ind := func(v, target float64, p Polarity) Indicator {
		return Indicator{Values: []Value{{Value: v}}, Target: target, HasTarget: true, Polarity: p, Floor: 80, HasFloor: true}
	}
	tests := []struct {
		rule RAGRule
		ind  Indicator
		want RAG
	}{
		{*rule, ind(90, 90, HigherIsBetter), Green},
		{*rule, ind(82, 90, HigherIsBetter), Amber}, // 8 short, within 9
		{*rule, ind(80, 90, HigherIsBetter), Red},
		{*rule, ind(27, 25, LowerIsBetter), Amber},
		{*rule, ind(28, 25, LowerIsBetter), Red},
		{*points, ind(86, 90, HigherIsBetter), Amber},
		{*points, ind(84, 90, HigherIsBetter), Red},
		{*floor, ind(85, 90, HigherIsBetter), Amber},
		{*floor, ind(79, 90, HigherIsBetter), Red},
		{*rule, ind(50, 90, PolarityUnknown), ""},
		{*rule, Indicator{Target: 9, HasTarget: true, Polarity: HigherIsBetter}, ""},
	}
	for i, tc := range tests {
		if got := tc.rule.Rate(tc.ind); got != tc.want {
			t.Errorf("%d: Rate = %q, want %q", i, got, tc.want)
		}
	}
}

// FuzzRead feeds arbitrary text, as sentences and as a table, to Read:
// nothing may panic, and every indicator must have a name and cite its
// row verbatim.
func FuzzRead(f *testing.F) {
	f.Add("41% of initial health assessments were completed within 20 working days, against a target of 90%.")
	f.Add("The number fell from 640 to 613. This is below the target of 700.")
	f.Add("Agency staff rose from 22% in March to 25.6%, against 28% for England.")
	f.Add("Number of foster households\n\nRED\n\nLatest: 613 Target: 700 Floor: 650 Previous: 612 (Red)")
	f.Add("Green: on or better than target; Amber: within 10% of target; Red: more than 10% worse.")
	f.Add(kpiPage)
	f.Add("West Sussex - Statistical Neighbour View\n\nRate per 10,000\n\n- 2014 2015\nWest Sussex 1.0 2.0\nEngland 3.0 4.0\nEssex 5.0 6.0\n")
	f.Add("In Anytown, 93% of care leavers (⁸) were in touch, compared to 1,0,0 ( £ %")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<13 {
			return
		}
		page := corpus.Page{Number: 1, Text: text}
		ss := split(1, 0, text)
		for _, ind := range Read(ss, PageTables(&page), "") {
			if ind.Name == "" {
				t.Errorf("indicator with no name: %+v", ind)
			}
			if ind.Row.Quote != "" && !strings.Contains(clean(text), ind.Row.Quote) {
				t.Errorf("row %q is not in the text", ind.Row.Quote)
			}
			if ind.Rule != nil {
				ind.Rule.Rate(ind)
			}
			describe(&ind)
		}
	})
}

// TestReadCardAsTableRow reads a performance card that the sentence
// splitter flagged as a table row.
func TestReadCardAsTableRow(t *testing.T) {
	ss := []Sentence{
		{Text: "Number of foster households", Page: 2},
		{Text: "RED", Page: 2},
		{Text: "Latest: 613 Target: 700 Floor: 650 Previous: 612 (Red)", Page: 2, Table: true},
	}
	got := Read(ss, nil, "")
	if len(got) != 1 || got[0].Name != "Number of foster households" || got[0].RAG != Red || got[0].Target != 700 {
		t.Fatalf("got %+v, want the foster households card", got)
	}
}

// TestReadOwnColumn reads a table that sets the council's column beside
// its comparators', dated by its title.
func TestReadOwnColumn(t *testing.T) {
	text := "Table 2: Placement stability at 31 March 2026\n" +
		"Indicator  Wexcombe  Stat.  England\n" +
		"neighbours\n" +
		"Children with three or more placements during the  11.4%  10.3%  10%\n" +
		"year\n" +
		"Children placed outside the borough  44%  39%  41%\n"
	page := corpus.Page{Number: 12, Text: text}
	got := Read(nil, PageTables(&page), "")
	if len(got) != 2 {
		t.Fatalf("got %d indicators, want 2: %+v", len(got), got)
	}
	want := "Children with three or more placements during the year: 11.4% at 31 March 2026; statistical neighbours 10.3%, England 10%"
	if got[0].Evidence.Quote != want || got[0].Polarity != LowerIsBetter {
		t.Errorf("got %q (polarity %v), want %q, lower is better", got[0].Evidence.Quote, got[0].Polarity, want)
	}
	if !strings.Contains(clean(text), got[0].Row.Quote) {
		t.Errorf("row %q is not verbatim", got[0].Row.Quote)
	}
}

func TestCardLabel(t *testing.T) {
	for name, want := range map[string]bool{"Latest": true, "Target:": true, " previous ": true, "Latest placements": false, "Approved households": false} {
		if got := cardLabel(name); got != want {
			t.Errorf("cardLabel(%q) = %v, want %v", name, got, want)
		}
	}
}
