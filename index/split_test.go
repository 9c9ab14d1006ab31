package index

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus"
)

// TestSplitSearchSameResults runs the same searches with and without the
// two-half ranking search and checks the results are identical: hits,
// their order and scores, totals and facets.
func TestSplitSearchSameResults(t *testing.T) {
	x := openTemp(t)
	var docs []*corpus.Document
	committees := []string{"Corporate Parenting Panel", "Children and Young People Scrutiny Committee"}
	for d := 0; d < 12; d++ {
		var items []corpus.Item
		for i := 0; i < 3; i++ {
			// Passages of different lengths score differently, so the
			// order of hits does not rest on ties.
			pad := strings.Repeat(" noted", (d*3+i)*7%36*11)
			items = append(items, item(fmt.Sprint(i+1), fmt.Sprintf("Placement report %d", i), corpus.KindReport,
				"Placement stability improved for children in care."+pad,
				fmt.Sprintf("Foster carer recruitment reached %d households.", d*i)+pad,
				"The council reviewed placement costs and LAC health assessments."+pad,
				"Members asked about agency social workers."+pad))
		}
		docs = append(docs, doc(fmt.Sprintf("d%02d.txt", d), committees[d%2],
			fmt.Sprintf("20%02d-0%d-01", 15+d%5, 1+d%9), items...))
	}
	ingest(t, x, docs...)
	// Replace some documents so internal numbers have gaps.
	ingest(t, x, docs[3], docs[7])

	queries := []Query{
		{Text: "placement"},
		{Text: "children in care placement costs", PerItem: 1},
		{Text: "LAC health"},
		{Text: "foster carer", Limit: 5, Offset: 5},
		{Text: "council", Committee: "corporate parenting panel"},
		{Text: "placement", From: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Text: "the"},
		{},
		{Committee: "corporate parenting panel", Limit: 20},
	}
	ctx := context.Background()
	saved := splitMin
	defer func() { splitMin = saved }()
	for _, q := range queries {
		splitMin = 1 << 62
		want, err := x.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		splitMin = 1
		got, err := x.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if q.Text != "the" && len(want.Hits) == 0 {
			t.Errorf("%+v: no hits", q)
		}
		if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%+v: split total %d facets %v, whole %d %v", q, got.Total, got.Facets, want.Total, want.Facets)
		}
		if g, w := hitList(got), hitList(want); g != w {
			t.Errorf("%+v:\nsplit %s\nwhole %s", q, g, w)
		}
	}
}

// hitList lists hits by passage and score, without snippets, whose
// highlights may mark a jargon term as one phrase or as words.
func hitList(r *Results) string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, fmt.Sprintf("%s#%s p%d %.12f", h.Source, h.Item, h.Page, h.Score))
	}
	return strings.Join(out, "\n")
}
