package questions

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

func TestIndicatorContract(t *testing.T) {
	ind := &figures.Indicator{
		Name: "Child protection visits within timescale", Unit: "%", Polarity: figures.HigherIsBetter,
		Target: 95, HasTarget: true, RAG: figures.Amber,
		Values:      []figures.Value{{Period: "Jun 2026", Value: 88.1}, {Period: "Sep 2026", Value: 88.9}},
		Comparators: []figures.Comparator{{Name: "England", Value: 90}},
		Rule:        &figures.RAGRule{AmberWithin: 5},
	}
	got := indicator(ind)
	if got.Polarity != report.HigherIsBetter || got.Target == nil || *got.Target != 95 || len(got.Values) != 2 ||
		len(got.Comparators) != 1 || got.RAG != report.Amber || got.RAGByRule != report.Red {
		t.Errorf("indicator = %+v, want higher, target 95, two values, England, amber printed and red by rule", got)
	}
	if indicator(nil) != nil {
		t.Error("no indicator gives no contract indicator")
	}
	ind.Rule = nil
	if got := indicator(ind); got.RAGByRule != "" {
		t.Errorf("without a rule, rag_by_rule = %q", got.RAGByRule)
	}
}
