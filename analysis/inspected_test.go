package analysis

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/inspection"
)

// TestFromOutcomes takes the last inspection's grades from the bundled
// national outcomes file: the council's inspection before this one, not
// this one (dated within days of it), and never over what the report
// itself says.
func TestFromOutcomes(t *testing.T) {
	tests := []struct {
		name               string
		insp               inspection.Inspection
		code               string
		wantDate, wantOver string
		wantSource         string
		wantLeaders        string // the leaders judgement's previous grade
	}{
		{"Norfolk 2026, last inspected November 2022",
			inspection.Inspection{Framework: inspection.ILACS, Council: "Norfolk", From: "2026-02-23",
				Judgements: []inspection.Judgement{{Area: "leaders", Grade: inspection.Outstanding}}},
			"", "2022-11-07", inspection.Good, inspection.FromOutcomes, inspection.Good},
		{"Kent 2022: the file's entry of this inspection is not its last",
			inspection.Inspection{Framework: inspection.ILACS, Council: "Kent County Council", From: "2022-05-09",
				Judgements: []inspection.Judgement{{Area: "leaders", Grade: inspection.Outstanding}}},
			"", "", "", "", ""},
		{"the report's own word on the last grade stands",
			inspection.Inspection{Framework: inspection.ILACS, Council: "Norfolk", From: "2026-02-23",
				Previous:   &inspection.Previous{Date: "2022", Overall: inspection.RequiresImprovement},
				Judgements: []inspection.Judgement{{Area: "leaders", Grade: inspection.Outstanding}}},
			"", "2022-11-07", inspection.RequiresImprovement, "", inspection.Good},
		{"a council the report does not name, from the pack's code",
			inspection.Inspection{Framework: inspection.ILACS, From: "2026-02-23",
				Judgements: []inspection.Judgement{{Area: "leaders", Grade: inspection.Outstanding}}},
			"926", "2022-11-07", inspection.Good, inspection.FromOutcomes, inspection.Good},
		{"a SEND inspection is not an ILACS one",
			inspection.Inspection{Framework: inspection.SENDArea, Council: "Norfolk", From: "2026-02-23"},
			"", "", "", "", ""},
	}
	for _, tc := range tests {
		insp := tc.insp
		fromOutcomes(&insp, tc.code)
		p := insp.Previous
		if tc.wantDate == "" {
			if p != nil && p.Date != "" && tc.insp.Previous == nil {
				t.Errorf("%s: previous %+v, want none", tc.name, p)
			}
			continue
		}
		if p == nil || p.Date != tc.wantDate || p.Overall != tc.wantOver || p.Source != tc.wantSource {
			t.Errorf("%s: previous %+v, want %s %s from %q", tc.name, p, tc.wantDate, tc.wantOver, tc.wantSource)
			continue
		}
		if got := insp.Judgements[0].Previous; got != tc.wantLeaders {
			t.Errorf("%s: leaders previously %q, want %q", tc.name, got, tc.wantLeaders)
		}
	}
}
