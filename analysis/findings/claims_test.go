package findings

import "testing"

func TestClauseAround(t *testing.T) {
	tests := []struct {
		text, word, want string
	}{
		{"Agency use has stabilised at 24.1%, and recruitment continues.", "stabilised", "agency use has stabilised at 24.1%"},
		{"Despite pressures, timeliness is improving; see table 3.", "improving", "timeliness is improving"},
		{"PEP completion is better than England.", "better", "PEP completion is better than England"},
		{"A small number of children (4%) waited.", "small", "a small number of children"},
		{"Improving.", "Improving", "improving."},
		{"Members asked that the annual report, due in October, set out how we compare.", "set out", "members asked that the annual report, due in October, set out how we compare"},
		{"Members asked that the annual report, due in October, set out how we compare.", "annual", "members asked that the annual report, due in October, set out how we compare"},
		{"Placements, which rose, now cost more than the budget allows for this year, officers said.", "cost", "placements, which rose, now cost more than the budget allows for this year"},
		{"Caseloads rose, and the service, now short, struggled to cope.", "struggled", "the service, now short, struggled to cope"},
		{"Caseloads rose, and the service, short of staff in every team in the county, struggled to cope with demand.", "struggled", "struggled to cope with demand"},
	}
	for _, tt := range tests {
		i := hasPhrase(tt.text, tt.word)
		if got := clauseAround(tt.text, i, i+len(tt.word)); got != tt.want {
			t.Errorf("clauseAround(%q, %q) = %q, want %q", tt.text, tt.word, got, tt.want)
		}
	}
}
