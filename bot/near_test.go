package bot

import "testing"

func TestNearSpellings(t *testing.T) {
	tests := []struct {
		near  bool
		parts int
		first string
	}{
		{false, 1, "One passage matches."},
		{true, 2, nearSpellingsNote},
	}
	for _, tc := range tests {
		r := nearSpellings(searchReply("fosterng", 1, sampleHits()[:1]), tc.near)
		if len(r.Parts) != tc.parts+1 || r.Parts[0].Text != tc.first {
			t.Errorf("near %v: parts %+v", tc.near, r.Parts)
		}
	}
}
