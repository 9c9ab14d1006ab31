package questions

import (
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/findings"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// TestWordsFromChecks runs every check over a pack built to set each one
// off, and words what they find: every kind must be found, and each
// finding must fill the words of a template more specific than its bare
// summary.
func TestWordsFromChecks(t *testing.T) {
	p := func(page int, text string) figures.Sentence { return figures.Sentence{Text: text, Page: page} }
	ind := func(name, unit string, pol figures.Polarity, page int, vals ...float64) figures.Indicator {
		in := figures.Indicator{Name: name, Unit: unit, Polarity: pol, Table: true, Evidence: report.Evidence{Page: page, Quote: name}}
		for i, v := range vals {
			in.Values = append(in.Values, figures.Value{Period: "Q" + string(rune('1'+i)) + " 2026/27", Value: v})
		}
		return in
	}
	target := func(in figures.Indicator, v float64, rag figures.RAG) figures.Indicator {
		in.Target, in.HasTarget, in.RAG = v, true, rag
		return in
	}
	foster := target(ind("Approved foster households", "", figures.HigherIsBetter, 8, 640, 625, 613), 700, figures.Amber)
	foster.Rule = &figures.RAGRule{AmberWithin: 0.1, Relative: true, Evidence: report.Evidence{Page: 2, Quote: "Amber: within 10% of target"}}
	moves := ind("Children with three or more placement moves", "%", figures.LowerIsBetter, 8, 12.9)
	moves.Comparators = []figures.Comparator{{Name: "statistical neighbours", Value: 10.4}}
	leavers := target(ind("Care leavers in suitable accommodation", "%", figures.HigherIsBetter, 8, 90, 94), 90, figures.Green)
	leavers.Comparators = []figures.Comparator{{Name: "England", Value: 88}}
	f := func(v float64) *float64 { return &v }
	rerefs := ind("Re-referrals within 12 months", "%", figures.LowerIsBetter, 10, 24.5)
	rerefs.National = &report.National{Measure: "rereferrals_12m", Title: "Re-referrals within 12 months of a previous referral (%)", Unit: "%", Polarity: "Low",
		Year: 2025, Period: "year ending 31 March 2025", Value: f(23.3), England: f(22.4), Neighbours: f(21), NeighbourRank: 8, Ranked: 11}
	eet := ind("Care leavers in education, employment or training", "%", figures.HigherIsBetter, 10, 61)
	eet.National = &report.National{Measure: "care_leavers_eet_19_21", Title: "Care leavers aged 19 to 21 in education, employment or training (%)", Unit: "%", Polarity: "High",
		Year: 2025, Period: "year ending 31 March 2025", Value: f(62), England: f(54), Neighbours: f(55), NeighbourRank: 1, Ranked: 11}
	meeting := time.Date(2026, time.October, 14, 0, 0, 0, 0, time.UTC)
	next := time.Date(2026, time.December, 2, 0, 0, 0, 0, time.UTC)
	minutes := &findings.Item{Title: "Minutes", Kind: corpus.KindMinutes, Sentences: []figures.Sentence{p(3, "Officers to bring a report on youth justice outcomes to the next meeting.")}}
	perf := &findings.Item{
		Title: "Performance report", Kind: corpus.KindReport, Meeting: meeting, NextMeeting: next,
		Sentences: []figures.Sentence{
			p(5, "Agency use has stabilised."),
			p(5, "Almost all children were seen within timescale (82%)."),
			p(5, "Our re-referral rate of 24% is in line with the England average of 21%."),
			p(5, "Care leavers in suitable accommodation remain above target."),
			p(5, "Our rate of re-referrals within 12 months is in line with our statistical neighbours."),
			p(6, "The revised sufficiency strategy will be published by September 2026."),
			p(6, "The post-inspection action plan will be submitted to Ofsted by 20 November 2026."),
			p(6, "The improvement plan will be presented to this committee for approval."),
			p(7, "Children's services are forecasting an overspend of £4.2m."),
			p(7, "The edge of care savings of £1m have not been delivered."),
			p(7, "The Supporting Families grant ends in March 2027."),
			p(7, "The service supported [insert number] families."),
		},
		Indicators: []figures.Indicator{
			ind("Agency social workers", "%", figures.LowerIsBetter, 8, 22, 24.1, 25.6),
			foster, moves, leavers,
			target(ind("Average caseload", "", figures.PolarityUnknown, 8, 24), 18, figures.Red),
			ind("Social worker vacancy rate", "%", figures.PolarityUnknown, 8, 18, 17),
			ind("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 8, 38),
			rerefs, eet,
		},
		Tables: []figures.Table{{Page: 9, Table: corpus.Table{Header: [][]string{{"Action", "Status", "Evidence"}},
			Rows:    [][]string{{"Launch the recruitment campaign", "Complete", "TBC"}, {"Refresh the sufficiency strategy", "Delayed", "Consultation ends in May"}},
			RowText: []string{"Launch the recruitment campaign  Complete  TBC", "Refresh the sufficiency strategy  Delayed  Consultation ends in May"}}}},
	}
	health := &findings.Item{Title: "Health of children in care", Kind: corpus.KindReport,
		Indicators: []figures.Indicator{ind("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 14, 42)}}
	pack := &findings.Pack{Items: []*findings.Item{minutes, perf, health}}
	for _, it := range pack.Items {
		it.Pack = pack
	}
	seen := map[string]bool{}
	for _, it := range pack.Items {
		for _, f := range findings.Find(it) {
			seen[f.Kind] = true
			q, i := word(f)
			if i < 0 || i == len(wordings[f.Kind])-1 {
				t.Errorf("%s: worded from its summary alone: %q", f.Kind, q)
			}
			if strings.ContainsAny(q, "{}") || !strings.HasSuffix(q, "?") {
				t.Errorf("%s: bad question %q", f.Kind, q)
			}
			if testing.Verbose() {
				t.Logf("%.2f %s\n\t%s\n\t%s", f.Severity, f.Kind, f.Summary, q)
			}
		}
	}
	for _, c := range findings.Checks {
		if !seen[c.Kind()] {
			t.Errorf("no %s finding in the pack", c.Kind())
		}
	}
}
