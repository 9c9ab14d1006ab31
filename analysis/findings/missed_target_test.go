package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestMissedTarget(t *testing.T) {
	foster := withTarget(series("Approved foster households", "", figures.HigherIsBetter, 7, 640, 625, 613), 700, figures.Amber)
	iha := withTarget(series("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 8, 51, 38), 90, figures.Red)
	days := withTarget(series("Average days to adoption", "days", figures.LowerIsBetter, 9, 410, 437), 426, figures.Amber)
	unknown := withTarget(series("Re-referrals", "%", figures.PolarityUnknown, 9, 24), 20, figures.Red)
	unknownGreen := withTarget(series("Re-referrals", "%", figures.PolarityUnknown, 9, 24), 20, figures.Green)
	met := withTarget(series("Care leavers in touch", "%", figures.HigherIsBetter, 9, 96), 95, figures.Green)
	agency := withTarget(series("Agency social workers", "%", figures.LowerIsBetter, 9, 25.6), 15, figures.Red)
	runCheck(t, missedTarget{}, []checkCase{
		{"count short of target", item(nil, foster), []expect{
			{"613 approved foster households in Q3 against a target of 700 (88% of target).", []int{7}},
		}},
		{"percentage short of target", item(nil, iha), []expect{
			{"Initial health assessments within 20 working days at 38% in Q2 against a target of 90% (52 points short).", []int{8}},
		}},
		{"lower is better", item(nil, days), []expect{
			{"Average days to adoption at 437 days in Q2 against a target of 426 days (11 days over).", []int{9}},
		}},
		{"unknown polarity rated red", item(nil, unknown), []expect{
			{"Re-referrals at 24% in Q1 against a target of 20% (rated Red).", []int{9}},
		}},
		{"unknown polarity rated green is skipped", item(nil, unknownGreen), nil},
		{"the sentence says the target is met", item(nil, func() figures.Indicator {
			ind := withTarget(series("Turnover of permanent social workers", "%", figures.HigherIsBetter, 9, 12.4), 14, "")
			ind.Table, ind.Row.Quote = false, "Turnover of permanent social workers was 12.4% over the last 12 months, within the target of 14%."
			return ind
		}()), nil},
		{"target met", item(nil, met), nil},
		{"national figure", item(nil, owned(iha, figures.OwnerNational)), nil},
		{"another council's case study", item(nil, owned(foster, figures.OwnerOther)), nil},
		{"agency staff have a check of their own", item(nil, agency), nil},
	})
}
