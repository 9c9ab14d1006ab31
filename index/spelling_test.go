package index

import (
	"context"
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
		item("5", "Safeguarding", corpus.KindReport, "The safeguarding partnership met."))
	if _, err := x.IngestDocument(context.Background(), d, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		total uint64
		near  bool
	}{
		{"fostering", 1, false},
		{"fosterng", 1, true},
		{"fostring housholds", 1, true},        // both words misspelt
		{"safegaurding partnership", 1, false}, // "partnership" is found as typed
		{"xyzzyplugh", 0, false},
		{"fosterng -households", 0, false}, // the near spelling is excluded too
	}
	for _, tc := range tests {
		r := doSearch(t, x, Query{Text: tc.query})
		if r.Total != tc.total || r.NearSpellings != tc.near || r.Query != tc.query {
			t.Errorf("%q: total %d, near %v, query %q; want %d, %v", tc.query, r.Total, r.NearSpellings, r.Query, tc.total, tc.near)
		}
	}
}
