package analysis

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/corpus"
)

// TestAnalysisStopsWithItsContext checks that a cancelled analysis ends
// with the context's error, before or between items.
func TestAnalysisStopsWithItsContext(t *testing.T) {
	doc, err := corpus.OpenSample(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := New(testbank.Default(t))
	if _, err := a.Brief(ctx, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("Brief with a cancelled context: %v, want context.Canceled", err)
	}
	if _, err := a.Ask(ctx, doc); !errors.Is(err, context.Canceled) {
		t.Errorf("Ask with a cancelled context: %v, want context.Canceled", err)
	}
}

// TestItemBudget checks that an item longer than ItemWords is read up to
// the budget and the report says what was left out.
func TestItemBudget(t *testing.T) {
	sentence := "Caseloads rose to 24 against a standard of 18 in the quarter. "
	per := len(strings.Fields(sentence))
	passage := strings.Repeat(sentence, 1000/per)
	n := ItemWords/len(strings.Fields(passage)) + 20
	it := corpus.Item{Number: "4", Title: "Workforce", Kind: corpus.KindReport}
	for i := range n {
		it.Passages = append(it.Passages, corpus.Passage{Item: "4", Page: i + 1, Text: passage})
	}
	kept, total := budget(it.Passages, ItemWords)
	words := 0
	for _, p := range kept {
		words += len(strings.Fields(p.Text))
	}
	if words > ItemWords || words < ItemWords-len(strings.Fields(passage)) || total <= ItemWords {
		t.Fatalf("budget kept %d words of %d, want just under %d", words, total, ItemWords)
	}
	r, err := New(testbank.Default(t)).Items(context.Background(), "long.txt", corpus.Meta{}, []corpus.Item{it})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "only the first") {
		t.Errorf("warnings = %q, want one saying what was left out", r.Warnings)
	}
}
