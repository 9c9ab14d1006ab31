package bleveindex

import (
	"context"
	"reflect"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

// TestSearchNewest checks that Newest orders matching items by meeting
// date, newest first, and that without it the item about the query leads.
func TestSearchNewest(t *testing.T) {
	x := openTemp(t)
	ctx := context.Background()
	for _, d := range []*corpus.Document{
		doc("old.txt", "Scrutiny", "2019-03-01", item("4", "Fostering", corpus.KindReport,
			"Foster carer recruitment fell short.", "Foster carer recruitment campaign.", "Foster carer recruitment plan.")),
		doc("new.txt", "Scrutiny", "2026-10-14", item("5", "Budget", corpus.KindReport,
			"One foster carer was recruited.")),
		doc("mid.txt", "Scrutiny", "2023-06-01", item("6", "Workforce", corpus.KindReport,
			"Recruitment of foster carers and social workers.")),
	} {
		if _, err := x.IngestDocument(ctx, d, IngestOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		newest bool
		want   []string
	}{
		{"relevance", false, []string{"old.txt#4"}},
		{"newest", true, []string{"new.txt#5", "mid.txt#6", "old.txt#4"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := keys(doSearch(t, x, Query{Text: "foster carer recruitment", PerItem: 1, Newest: tc.newest}))
			if len(got) < len(tc.want) || !reflect.DeepEqual(got[:len(tc.want)], tc.want) {
				t.Errorf("got %v, want %v first", got, tc.want)
			}
		})
	}
}
