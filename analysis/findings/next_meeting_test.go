package findings

import (
	"testing"
	"time"
)

func TestNextMeeting(t *testing.T) {
	meeting := time.Date(2026, time.November, 18, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		texts []string
		want  string
	}{
		{"front sheet", []string{"Agenda", "Date of next meeting: Wednesday, 20 January 2027 at 10.00 am"}, "2027-01-20"},
		{"in a sentence", []string{"The next meeting will be held on 3 March 2027 in the Council Chamber."}, "2027-03-03"},
		{"the last meeting's date is not the next", []string{"At its next meeting on 16 September 2026 the committee", "next meeting: 20 January 2027"}, "2027-01-20"},
		{"too far from the words", []string{"The next meeting of the board is to be arranged. " + string(make([]byte, 200)) + " 20 January 2027"}, ""},
		{"none", []string{"Minutes of the meeting held on 16 September 2026"}, ""},
	}
	for _, tc := range tests {
		got := NextMeeting(tc.texts, meeting)
		s := ""
		if !got.IsZero() {
			s = got.Format(time.DateOnly)
		}
		if s != tc.want {
			t.Errorf("%s: NextMeeting = %q, want %q", tc.name, s, tc.want)
		}
	}
	if got := NextMeeting([]string{"next meeting: 20 January 2027"}, time.Time{}); !got.IsZero() {
		t.Errorf("NextMeeting without the meeting's date = %v, want zero", got)
	}
}
