package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestStrength(t *testing.T) {
	eng := figures.Comparator{Name: "England", Value: 75, Text: "75%"}
	assess := against(withTarget(series("Assessments completed within 45 working days", "%", figures.HigherIsBetter, 10, 70, 78, 86), 85, figures.Green), eng)
	beats := against(series("Care leavers in suitable accommodation", "%", figures.HigherIsBetter, 10, 94), figures.Comparator{Name: "England", Value: 88}, figures.Comparator{Name: "statistical neighbours", Value: 90})
	mixed := against(series("Care leavers in education, employment or training", "%", figures.HigherIsBetter, 10, 60), figures.Comparator{Name: "England", Value: 55}, figures.Comparator{Name: "statistical neighbours", Value: 64})
	red := against(withTarget(series("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 10, 30, 38), 90, figures.Red), figures.Comparator{Name: "England", Value: 20})
	count := withTarget(series("Approved foster households", "", figures.HigherIsBetter, 10, 690, 702), 700, "")
	many := func(n int) []figures.Indicator {
		var out []figures.Indicator
		for i := 0; i < n; i++ {
			out = append(out, beats)
		}
		return out
	}
	runCheck(t, strength{}, []checkCase{
		{"improving, on target and better than England", item(nil, assess), []expect{
			{"Assessments completed within 45 working days at 86% in Q3 has improved for two quarters (from 70% to 78% to 86%) and is better than 75% for England.", []int{10}},
		}},
		{"better than both comparators", item(nil, beats), []expect{
			{"Care leavers in suitable accommodation at 94% in Q1 is better than 88% for England and 90% for statistical neighbours.", []int{10}},
		}},
		{"a count on target and improving", item(nil, count), []expect{
			{"702 approved foster households in Q2: the figure has improved for one quarter (from 690 to 702).", []int{10}},
		}},
		{"better than one comparator only", item(nil, mixed), nil},
		{"improving on target but behind England", item(nil, against(withTarget(series("Turnover of social workers", "%", figures.LowerIsBetter, 10, 13.1, 12.6, 12.4), 14, figures.Green), figures.Comparator{Name: "England", Value: 11.8})), nil},
		{"red is never a strength", item(nil, red), nil},
		{"at most three", item(nil, many(5)...), []expect{
			{"Care leavers in suitable accommodation at 94% in Q1 is better than 88% for England and 90% for statistical neighbours.", []int{10}},
			{"Care leavers in suitable accommodation at 94% in Q1 is better than 88% for England and 90% for statistical neighbours.", []int{10}},
			{"Care leavers in suitable accommodation at 94% in Q1 is better than 88% for England and 90% for statistical neighbours.", []int{10}},
		}},
		{"national", item(nil, owned(beats, figures.OwnerNational)), nil},
	})
}
