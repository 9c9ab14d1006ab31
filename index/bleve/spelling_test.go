package bleveindex

import (
	"context"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

// TestSearchNearSpellings checks that a misspelt query that finds nothing
// is searched again for near spellings, and that a query that finds
// something as typed is not.
func TestSearchNearSpellings(t *testing.T) {
	x := openTemp(t)
	d := doc("p.txt", "Scrutiny", "2026-10-14",
		item("4", "Fostering", corpus.KindReport, "Fostering households rose this year."),
		item("5", "Safeguarding", corpus.KindReport, "The safeguarding partnership met."),
		item("6", "Highways", corpus.KindReport, "The highways partnership met about roads and the partnership budget."))
	if _, err := x.IngestDocument(context.Background(), d, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query     string
		total     uint64
		near      bool
		respelled string // words searched by near spellings alone
		top       string // the first hit's item
	}{
		{"fostering", 1, false, "", "4"},
		{"fosterng", 1, true, "", "4"},
		{"fostring housholds", 1, true, "", "4"}, // both words misspelt
		// "partnership" is found as typed; the word no paper has is
		// respelled on its own, so the safeguarding partnership leads.
		{"safegaurding partnership", 2, false, "safegaurding", "5"},
		{"partnership", 2, false, "", "6"},
		{"partnership roads", 2, false, "", "6"}, // short words are never respelled
		{`"safegaurding" partnership`, 2, false, "", "6"},
		{"xyzzyplugh", 0, false, "", ""},
		{"fosterng -households", 0, false, "", ""}, // the near spelling is excluded too
	}
	for _, tc := range tests {
		r := doSearch(t, x, Query{Text: tc.query})
		if r.Total != tc.total || r.NearSpellings != tc.near || r.Query != tc.query {
			t.Errorf("%q: total %d, near %v, query %q; want %d, %v", tc.query, r.Total, r.NearSpellings, r.Query, tc.total, tc.near)
		}
		if got := strings.Join(r.Respelled, " "); got != tc.respelled {
			t.Errorf("%q: respelled %q, want %q", tc.query, got, tc.respelled)
		}
		top := ""
		if len(r.Hits) > 0 {
			top = r.Hits[0].Item
		}
		if top != tc.top {
			t.Errorf("%q: first hit item %q, want %q", tc.query, top, tc.top)
		}
	}
}
