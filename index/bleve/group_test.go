package bleveindex

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

func TestGroupItems(t *testing.T) {
	h := func(item string, n int, score float64) *search.DocumentMatch {
		return &search.DocumentMatch{ID: item + "\x1f" + string(rune('0'+n)), Score: score}
	}
	ids := func(ms []*search.DocumentMatch) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	tests := []struct {
		name    string
		hits    search.DocumentMatchCollection
		perItem int
		want    []string
	}{
		{"empty", nil, 3, nil},
		{"one strong passage against an item about it",
			search.DocumentMatchCollection{h("a", 1, 10), h("b", 1, 9), h("b", 2, 8), h("b", 3, 8)}, 1,
			[]string{"b\x1f1", "a\x1f1"}},
		{"hits of an item together, best first",
			search.DocumentMatchCollection{h("a", 1, 10), h("b", 1, 9), h("a", 2, 1)}, 2,
			[]string{"a\x1f1", "a\x1f2", "b\x1f1"}},
		{"ties keep the order of the best passages",
			search.DocumentMatchCollection{h("a", 1, 5), h("b", 1, 5)}, 3,
			[]string{"a\x1f1", "b\x1f1"}},
		{"a paper's further items weigh less",
			search.DocumentMatchCollection{h("p\x1f1", 1, 10), h("p\x1f2", 1, 9), h("q\x1f1", 1, 8.6)}, 1,
			[]string{"p\x1f1\x1f1", "q\x1f1\x1f1", "p\x1f2\x1f1"}},
		{"only four further passages count",
			search.DocumentMatchCollection{h("a", 1, 10), h("b", 1, 4), h("b", 2, 4), h("b", 3, 4), h("b", 4, 4), h("b", 5, 4), h("b", 6, 4), h("b", 7, 4)}, 1,
			[]string{"a\x1f1", "b\x1f1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ids(groupItems(tc.hits, tc.perItem, nil)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPairPhrases(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"fostering", nil},
		{"placement stability moves", []string{"placement stability", "stability moves"}},
		{`care "leaving care" leavers`, nil},
		{"care -adoption leavers", nil},
		{"kind:minutes care leavers", []string{"care leavers"}},
		{"Reg 44?", []string{"Reg 44?"}},
	}
	for _, tc := range tests {
		cs, err := parseUserQuery(tc.text)
		if err != nil {
			t.Fatalf("%q: %v", tc.text, err)
		}
		var got []string
		for _, q := range pairPhrases(cs) {
			got = append(got, q.(*query.MatchPhraseQuery).MatchPhrase)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}
