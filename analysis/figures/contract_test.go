package figures

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/report"
)

func TestIndicatorContract(t *testing.T) {
	eng := 22.4
	ind := &Indicator{
		Name: "Child protection visits within timescale", Unit: "%", Polarity: HigherIsBetter,
		Target: 95, HasTarget: true, RAG: Amber,
		Values:      []Value{{Period: "Jun 2026", Value: 88.1}, {Period: "Sep 2026", Value: 88.9}},
		Comparators: []Comparator{{Name: "England", Value: 90}},
		Rule:        &RAGRule{AmberWithin: 5},
		National:    &report.National{Measure: "rereferrals_12m", Year: 2025, England: &eng},
	}
	got := ind.Contract()
	if got.Polarity != report.HigherIsBetter || got.Target == nil || *got.Target != 95 || len(got.Values) != 2 ||
		len(got.Comparators) != 1 || got.RAG != report.Amber || got.RAGByRule != report.Red || got.National == nil || got.National.Year != 2025 {
		t.Errorf("contract = %+v, want higher, target 95, two values, England, amber printed and red by rule, national 2025", got)
	}
	var none *Indicator
	if none.Contract() != nil {
		t.Error("no indicator gives no contract indicator")
	}
	ind.Rule = nil
	if got := ind.Contract(); got.RAGByRule != "" {
		t.Errorf("without a rule, rag_by_rule = %q", got.RAGByRule)
	}
}
