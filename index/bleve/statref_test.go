package bleveindex

import (
	"context"
	"reflect"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

func TestStatRefForms(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"s.47 enquiries", []string{"section 47", "s 47", "s47"}},
		{"S47", []string{"section 47", "s 47"}},
		{"section 47 enquiries", []string{"s 47", "s47"}},
		{"Reg 44 visits", []string{"regulation 44", "reg44"}},
		{"regulation 33", []string{"reg 33", "reg33"}},
		{"s.20 and s.47", []string{"section 20", "s 20", "s20", "section 47", "s 47", "s47"}},
		{"children's services", nil},
		{"sessions 47", nil},
		{"", nil},
	}
	for _, tc := range tests {
		if got := statRefForms(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("statRefForms(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestSearchStatRef checks that a short statutory reference ranks the
// passage written in the long form (and the reverse) above one that
// only shares the number.
func TestSearchStatRef(t *testing.T) {
	x := openTemp(t)
	d := doc("p.txt", "Scrutiny", "2026-10-14",
		item("3", "Performance", corpus.KindReport, "There were 47 children on the list and enquiries rose."),
		item("4", "Child protection", corpus.KindReport, "Section 47 enquiries completed within timescale."),
		item("5", "Fostering", corpus.KindReport, "Reg33 visits were made to every home."))
	if _, err := x.IngestDocument(context.Background(), d, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ query, want string }{
		{"s.47 enquiries", "p.txt#4"},
		{"s47 enquiries", "p.txt#4"},
		{"Regulation 33 visits", "p.txt#5"},
	}
	for _, tc := range tests {
		got := keys(doSearch(t, x, Query{Text: tc.query, PerItem: 1}))
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q: got %v, want %s first", tc.query, got, tc.want)
		}
	}
}
