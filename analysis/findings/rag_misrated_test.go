package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

func TestRAGMisrated(t *testing.T) {
	rule := &figures.RAGRule{AmberWithin: 0.10, Relative: true, Evidence: report.Evidence{Page: 4, Quote: "Green: on or better than target; Amber: within 10% of target; Red: more than 10% worse"}}
	points := &figures.RAGRule{AmberWithin: 5, Evidence: report.Evidence{Page: 4, Quote: "Amber: within 5 percentage points of target"}}
	ruled := func(ind figures.Indicator, r *figures.RAGRule) figures.Indicator { ind.Rule = r; return ind }
	kind := ruled(withTarget(series("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 8, 38), 90, figures.Amber), rule)
	harsh := ruled(withTarget(series("Approved foster households", "", figures.HigherIsBetter, 8, 680), 700, figures.Red), rule)
	right := ruled(withTarget(series("Approved foster households", "", figures.HigherIsBetter, 8, 640), 700, figures.Amber), rule)
	edge := ruled(withTarget(series("Approved foster households", "", figures.HigherIsBetter, 8, 630), 700, figures.Amber), rule)
	pts := ruled(withTarget(series("Care leavers in education, employment or training", "%", figures.HigherIsBetter, 8, 52), 60, figures.Amber), points)
	noRule := withTarget(series("Approved foster households", "", figures.HigherIsBetter, 8, 500), 700, figures.Green)
	runCheck(t, ragMisrated{}, []checkCase{
		{"rated kinder than the rule", item(nil, kind), []expect{
			{"Initial health assessments within 20 working days at 38% in Q1 against a target of 90% is rated Amber, but the report's own rule (amber within 10% of target) makes it Red.", []int{8, 4}},
		}},
		{"rated harsher than the rule", item(nil, harsh), []expect{
			{"680 approved foster households in Q1 against a target of 700 is rated Red, but the report's own rule (amber within 10% of target) makes it Amber.", []int{8, 4}},
		}},
		{"points rule", item(nil, pts), []expect{
			{"Care leavers in education, employment or training at 52% in Q1 against a target of 60% is rated Amber, but the report's own rule (amber within 5 points of target) makes it Red.", []int{8, 4}},
		}},
		{"rated right", item(nil, right), nil},
		{"exactly at the amber edge", item(nil, edge), nil},
		{"no rule", item(nil, noRule), nil},
		{"national", item(nil, owned(kind, figures.OwnerNational)), nil},
	})
	if k, h := (ragMisrated{}).Find(item(nil, kind))[0].Severity, (ragMisrated{}).Find(item(nil, harsh))[0].Severity; k <= h {
		t.Errorf("a rating kinder than the rule (%v) should rank above a harsher one (%v)", k, h)
	}
}
