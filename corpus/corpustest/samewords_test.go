package corpustest

import (
	"testing"
)

func TestSameWords(t *testing.T) {
	text := "Recommendations Tracker\n" +
		"8 July 2026  Report back on the reduction of agency  Director  In progress\n" +
		"social workers by March 2027\n" +
		"8 July 2026  Report the results of the Bright Spots  Principal Social  Due December\n" +
		"survey of children in care  Worker  2026\n" +
		"The committee noted the tracker and asked for the next update in December."
	for _, c := range []struct {
		name, extracted string
		ok              bool
	}{
		{"the same", text, true},
		{"wrapped cells in their cells",
			"Recommendations Tracker\n" +
				"8 July 2026  Report back on the reduction of agency social workers by March 2027  Director  In progress\n" +
				"8 July 2026  Report the results of the Bright Spots survey of children in care  Principal Social Worker  Due December 2026\n" +
				"The committee noted the tracker and asked for the next update in December.", true},
		{"a word lost",
			"Recommendations Tracker\n8 July 2026 Report back on the reduction of agency Director In progress\n" +
				"8 July 2026 Report the results of the Bright Spots Principal Social Due December\n" +
				"survey of children in care Worker 2026\n" +
				"The committee noted the tracker and asked for the next update in December.", false},
		{"a cell cut apart",
			"Recommendations Tracker\n" +
				"8 July 2026  Report back on the reduction  Director  of agency social workers by March 2027  In progress\n" +
				"8 July 2026  Report the results of the Bright Spots survey of children in care  Principal Social Worker  Due December 2026\n" +
				"The committee noted the tracker and asked for the next update in December.", false},
		{"lines out of order",
			"The committee noted the tracker and asked for the next update in December.\n" +
				"survey of children in care  Worker  2026\n" +
				"8 July 2026  Report the results of the Bright Spots  Principal Social  Due December\n" +
				"social workers by March 2027\n" +
				"8 July 2026  Report back on the reduction of agency  Director  In progress\n" +
				"Recommendations Tracker", false},
	} {
		// SameWords only reports with Errorf here (one page each side),
		// which does not end the goroutine.
		r := &recorder{TB: t}
		SameWords(r, []string{c.extracted}, []string{text})
		if ok := r.msg == ""; ok != c.ok {
			t.Errorf("%s: passed %v, want %v (%s)", c.name, ok, c.ok, r.msg)
		}
	}
}
