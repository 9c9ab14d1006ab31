package inspection

import (
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
		judgements int
	}{
		{"ILACS", "Inspection of Wexcombe Borough Council children's services\nOverall effectiveness Requires improvement to be good", true, 1},
		{"looked after children, 2013 framework", "Inspection of looked after children services\nKent County Council\nOverall effectiveness of services for looked after children: adequate", true, 1},
		{"2013 framework judgements in sentences", "Inspection of looked after children services\n11. The overall effectiveness of services for looked after children and young people in Wexcombe is adequate. 13. The capacity to improve services is good.", true, 2},
		{"area SEND", "Area SEND inspection of Medway Local\nArea Partnership\nInspection dates: 5 to 9 February 2024", true, 0},
		{"focused visit", "27 February 2024\nFocused visit to Kent County Council local authority children's services\nThis letter summarises the findings of the focused visit", true, 0},
		{"monitoring visit", "Monitoring visit to Wexcombe children's services\nInspection dates: 3 to 4 June 2026\nLead inspector: A Name", true, 0},
		{"progress report on an inspection's plan", "Ofsted Improvement Plan: Progress Update\nFollowing the inspection of Wexcombe Borough Council children's services in June 2026, the plan has 18 actions.", false, 0},
		{"paper mentioning an inspection", "The report on the Ofsted inspection of children's homes will be published in July.", false, 0},
		{"graded judgements alone", "Judgement\nOverall effectiveness Good\nThe experiences and progress of children in care Outstanding", true, 2},
	}
	for _, tc := range tests {
		got := Detect(tc.text)
		if (got != nil) != tc.want {
			t.Errorf("%s: detected %v, want %v", tc.name, got != nil, tc.want)
			continue
		}
		if got != nil && len(got.Judgements) != tc.judgements {
			t.Errorf("%s: %d judgements, want %d", tc.name, len(got.Judgements), tc.judgements)
		}
	}
}
