package questions

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus/english"
)

func TestTopicThemeFollowsTheSentence(t *testing.T) {
	b := testbank.Small()
	a := NewAsker(themes.NewMatcher(b))
	ti, _ := a.m.Index("fostering")
	fostering := a.m.Themes()[ti]
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
		if got := a.topicTheme(english.Analyse(tc.sentence), fostering).ID; got != tc.want {
			t.Errorf("topicTheme(%q) = %s, want %s", tc.sentence, got, tc.want)
		}
	}
}
