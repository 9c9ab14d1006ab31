package analysis

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// In a text pack with no page breaks, evidence read from the item's one
// long page (a table row) takes the worked-out printed page of the
// passage that holds it, and is marked as worked out; so are the last
// meeting's requests.
func TestMarkInferred(t *testing.T) {
	items := []corpus.Item{{Number: "5", Title: "Fostering", Passages: []corpus.Passage{
		{Page: 1, PrintedPage: 61, PageInferred: true, Text: "The service recruited more carers this year."},
		{Page: 1, PrintedPage: 66, PageInferred: true, Text: "Table 2\n| Assessment of foster carers | 44 | 57 | 61 | 22 |\n| De-registration | 25 | 28 | 12 | 9 |"},
	}}}
	r := &Report{
		Items: []ItemReport{{Number: "5", Title: "Fostering", Questions: []Question{{Evidence: []Evidence{
			{Page: 1, Quote: "| Assessment of foster carers | 44 | 57 | 61 | 22 |"},
			{Page: 1, PrintedPage: 61, Quote: "The service recruited more carers this year."},
			{Page: 1, Quote: "Not in any passage at all"},
		}}}}},
		SinceLast: []report.Request{{Evidence: Evidence{Page: 1, PrintedPage: 8}}},
	}
	markInferred(r, items)
	got := r.Items[0].Questions[0].Evidence
	for i, want := range []struct {
		printed  int
		inferred bool
	}{{66, true}, {61, true}, {0, false}} {
		if got[i].PrintedPage != want.printed || got[i].PageInferred != want.inferred {
			t.Errorf("evidence %d: printed %d inferred %v, want %d %v", i, got[i].PrintedPage, got[i].PageInferred, want.printed, want.inferred)
		}
	}
	if !r.SinceLast[0].Evidence.PageInferred {
		t.Error("the last meeting's request is not marked as worked out")
	}
}
