package themes

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
)

func TestBagScoresMatchReorderedHeadings(t *testing.T) {
	m := NewMatcher(testbank.Small())
	ti := m.byID["care-leavers"]
	tests := []struct {
		heading string
		want    bool
	}{
		{"Pathway plan", true},
		{"Plans for the pathway", true},                    // reordered
		{"Pathway review and the improvement plan", false}, // words far apart
		{"Minutes of the last meeting", false},             // no signal
	}
	for _, tc := range tests {
		got := m.bagScores(tc.heading)[ti] > 0
		if got != tc.want {
			t.Errorf("bagScores(%q) care-leavers matched=%v, want %v", tc.heading, got, tc.want)
		}
	}
}

func TestEvidencePassagesUseSignals(t *testing.T) {
	m := NewMatcher(testbank.Small())
	ms := m.Match(testbank.Passages(
		"Members asked why families leave and what we lose when they do.", // words of a question only
		"We approved 12 new foster carers; fostering enquiries rose.",
	))
	for _, tm := range ms {
		if tm.Theme.ID != "fostering" {
			continue
		}
		if len(tm.Passages) != 1 || tm.Passages[0].Passage != 1 {
			t.Fatalf("fostering evidence passages = %+v, want only passage 1", tm.Passages)
		}
		return
	}
	t.Fatal("no fostering match")
}
