package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

func TestAgainstNational(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	nat := func(unit, pol string, v, e, nb float64, rank int) *report.National {
		return &report.National{Measure: "m", Title: "Re-referrals within 12 months", Unit: unit, Polarity: pol, Year: 2025,
			Period: "year ending 31 March 2025", Value: f(v), England: f(e), Neighbours: f(nb), NeighbourRank: rank, Ranked: 11}
	}
	tests := []struct {
		name         string
		national     *report.National
		twice        bool
		worse, great int
	}{
		{"worse than both, low in the neighbours", nat("%", "Low", 23.3, 22.4, 21, 8), false, 1, 0},
		{"given twice in the report: one finding", nat("%", "Low", 23.3, 22.4, 21, 8), true, 1, 0},
		{"worse than England only", nat("%", "Low", 23.3, 22.4, 24, 6), false, 0, 0},
		{"worse by less than a point", nat("%", "Low", 22.9, 22.4, 22.1, 8), false, 0, 0},
		{"worse but in the upper half of its neighbours", nat("%", "Low", 23.3, 22.4, 21, 4), false, 0, 0},
		{"better than both by a clear margin, near the top", nat("%", "High", 62, 54, 55, 1), false, 0, 1},
		{"better than both by a point, mid-table", nat("%", "High", 55, 54, 54, 6), false, 0, 0},
		{"a count is not compared", nat("number", "Low", 1211, 49900, 449, 1), false, 0, 0},
		{"no polarity", nat("per 10,000", "", 90, 70, 75, 10), false, 0, 0},
		{"caseloads, in cases", nat("cases", "Low", 18.7, 16, 15.5, 11), false, 1, 0},
	}
	for _, tc := range tests {
		ind := figures.Indicator{Name: "Re-referrals", Unit: "%", Values: []figures.Value{{Period: "Q3", Value: 22}}, National: tc.national,
			Evidence: report.Evidence{Page: 4, Quote: "Re-referrals 22%"}}
		it := &Item{Indicators: []figures.Indicator{ind}}
		if tc.twice {
			it.Indicators = append(it.Indicators, ind)
		}
		worse, great := worseThanNational{}.Find(it), betterThanNational{}.Find(it)
		if len(worse) != tc.worse || len(great) != tc.great {
			t.Errorf("%s: %d worse and %d better, want %d and %d", tc.name, len(worse), len(great), tc.worse, tc.great)
		}
		for _, g := range great {
			if !g.Strength {
				t.Errorf("%s: a better figure is not a strength", tc.name)
			}
		}
		for _, w := range worse {
			if w.Evidence[0].Page != 4 || w.Words.Shows == "" || w.Words.Figures == "" {
				t.Errorf("%s: finding without both sides: %+v", tc.name, w)
			}
		}
	}
}
