// Package testbank holds the banks and passages the analysis stages'
// tests share: a small bank written for tests, and the embedded default.
package testbank

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/corpus"
)

// Small is a bank of three themes written for these tests, so the
// matcher's and the question generator's behaviour can be checked without the default bank's data.
func Small() *bank.Bank {
	return &bank.Bank{Themes: []*bank.Theme{
		{ID: "fostering", Title: "Fostering", Signals: []string{"foster carers", "fostering", "connected persons", "kinship care", "deregistration"},
			Lines: []bank.Line{
				{ID: "fostering-1", Question: "How many foster carers did we approve and lose this year, and why did they leave?", Evidence: []bank.EvidenceKind{bank.Figure, bank.Trend}},
				{ID: "fostering-2", Question: "What do foster carers say about the support they get?", Evidence: []bank.EvidenceKind{bank.Views}},
			}},
		{ID: "care-leavers", Title: "Care leavers", Signals: []string{"care leavers", "pathway plan", "personal adviser", "staying put", "NEET"},
			Lines: []bank.Line{
				{ID: "care-leavers-1", Question: "How many care leavers are in education, employment or training compared with similar councils?", Evidence: []bank.EvidenceKind{bank.Figure, bank.Comparison}},
			}},
		{ID: "workforce", Title: "Social work workforce", Signals: []string{"social workers", "agency staff", "caseloads", "vacancies", "turnover"},
			Lines: []bank.Line{
				{ID: "workforce-1", Question: "What is our vacancy rate and how many posts are filled by agency staff?", Evidence: []bank.EvidenceKind{bank.Figure, bank.Comparison}},
			}},
	}}
}

// Passages makes passages of item 5, one a page, from their texts.
func Passages(texts ...string) []corpus.Passage {
	out := make([]corpus.Passage, len(texts))
	for i, t := range texts {
		out[i] = corpus.Passage{Item: "5", Page: i + 1, Text: t}
	}
	return out
}

// Default is the embedded default bank; tests that need the whole bank
// fail when it does not load.
func Default(t testing.TB) *bank.Bank {
	t.Helper()
	b, err := bank.Default()
	if err != nil {
		t.Fatalf("default bank: %v", err)
	}
	return b
}
