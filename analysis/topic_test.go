package analysis

import "testing"

func TestBagScoresMatchReorderedHeadings(t *testing.T) {
	m := NewMatcher(smallBank())
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

func TestTopicThemeFollowsTheSentence(t *testing.T) {
	a := New(smallBank())
	fostering := a.m.themes[a.m.byID["fostering"]]
	tests := []struct {
		sentence string
		want     string
	}{
		// About the workforce, whatever the item leads with.
		{"Caseloads rose to 24 and agency staff filled 30 of the vacancies.", "workforce"},
		// About fostering, with a passing workforce word.
		{"Foster carers and kinship care households told us fostering support improved despite vacancies.", "fostering"},
		// About nothing in the bank: the item theme stays.
		{"The meeting closed at 8pm.", "fostering"},
	}
	for _, tc := range tests {
		if got := a.topicTheme(analyse(tc.sentence), fostering).ID; got != tc.want {
			t.Errorf("topicTheme(%q) = %s, want %s", tc.sentence, got, tc.want)
		}
	}
}

func TestEvidencePassagesUseSignals(t *testing.T) {
	m := NewMatcher(smallBank())
	ms := m.Match(passages(
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
