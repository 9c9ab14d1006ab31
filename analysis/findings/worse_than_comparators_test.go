package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestWorseThanComparators(t *testing.T) {
	sn := figures.Comparator{Name: "statistical neighbours", Value: 10.4, Text: "10.4%"}
	eng := figures.Comparator{Name: "England", Value: 11.1, Text: "11.1%"}
	moves := against(series("Children with three or more placement moves", "%", figures.LowerIsBetter, 12, 12.9), sn, eng)
	better := against(series("Children with three or more placement moves", "%", figures.LowerIsBetter, 12, 9.8), sn, eng)
	pep := against(series("Children in care with an up-to-date PEP", "%", figures.HigherIsBetter, 12, 88),
		figures.Comparator{Name: "England", Value: 85}, figures.Comparator{Name: "statistical neighbours", Value: 91})
	unknown := against(series("Re-referrals", "%", figures.PolarityUnknown, 12, 24), eng)
	runCheck(t, worseThanComparators{}, []checkCase{
		{"worse than both", item(nil, moves), []expect{
			{"Children with three or more placement moves at 12.9% in Q1 against 10.4% for statistical neighbours and 11.1% for England; 2.5 points worse than statistical neighbours.", []int{12}},
		}},
		{"worse than one only", item(nil, pep), []expect{
			{"Children in care with an up-to-date PEP at 88% in Q1 against 91% for statistical neighbours; 3 points worse than statistical neighbours.", []int{12}},
		}},
		{"worse by a whisker", item(nil, against(series("Turnover of social workers", "%", figures.LowerIsBetter, 12, 12.4), figures.Comparator{Name: "England", Value: 11.8})), nil},
		{"a count worse by a whisker", item(nil, against(series("Days to adoption", "days", figures.LowerIsBetter, 12, 410), figures.Comparator{Name: "England", Value: 400})), nil},
		{"better than both", item(nil, better), nil},
		{"unknown polarity", item(nil, unknown), nil},
		{"other council's figure", item(nil, owned(moves, figures.OwnerOther)), nil},
	})
}

func TestOnTargetAndSlightlyBehindIsNoFinding(t *testing.T) {
	ind := figures.Indicator{Name: "Turnover of social workers (%)", Unit: "%", Polarity: figures.LowerIsBetter,
		Target: 14, HasTarget: true, Values: []figures.Value{{Period: "Sep 2026", Value: 12.4}},
		Comparators: []figures.Comparator{{Name: "England", Value: 11.8}}}
	it := &Item{Indicators: []figures.Indicator{ind}}
	if got := (worseThanComparators{}).Find(it); len(got) != 0 {
		t.Errorf("on target and 5%% behind England: %+v, want nothing", got)
	}
	ind.Comparators[0].Value = 10.0 // 24% behind: worth asking
	it = &Item{Indicators: []figures.Indicator{ind}}
	if got := (worseThanComparators{}).Find(it); len(got) != 1 {
		t.Errorf("on target and 24%% behind England: %d findings, want 1", len(got))
	}
}
