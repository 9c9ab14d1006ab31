package inspection

import "testing"

// TestTone tells praise from concern in sentences of an inspection's
// findings, as written in reports (reworded).
func TestTone(t *testing.T) {
	tests := []struct {
		sentence string
		want     string // "concern", "serious", "strength" or "" (neither)
	}{
		{"Children benefit from consistently strong help from skilled practitioners.", "strength"},
		{"Leaders have relentlessly improved the quality of practice.", "strength"},
		{"Too many children wait too long for their plans to be agreed.", "serious"},
		{"Not all care leavers have an up-to-date pathway plan.", "serious"},
		{"There are delays in convening initial child protection conferences.", "serious"},
		{"The quality of supervision is inconsistent across teams.", "serious"},
		{"Some assessments do not consider the history of the family well enough.", "concern"},
		{"Cases are reviewed every fortnight to prevent drift and delay for children.", ""},
		{"Managers track plans closely so that any drift for children is identified and challenged.", ""},
		{"Social workers understand domestic abuse, substance misuse and poor mental health well.", ""},
		{"If children’s circumstances do not improve, their wider family is explored thoroughly.", ""},
		{"The new manager gives leaders a better view of the causes of delay in proceedings.", ""},
		{"The partnership has struck a new agreement with the police.", ""},
	}
	for _, tc := range tests {
		weigh := reRemedy.ReplaceAllString(reConditional.ReplaceAllString(tc.sentence, ""), "")
		got := ""
		switch {
		case reConcern.MatchString(weigh) && Serious(tc.sentence):
			got = "serious"
		case reConcern.MatchString(weigh):
			got = "concern"
		case rePraise.MatchString(weigh):
			got = "strength"
		}
		if got != tc.want {
			t.Errorf("%q: %q, want %q", tc.sentence, got, tc.want)
		}
	}
}
