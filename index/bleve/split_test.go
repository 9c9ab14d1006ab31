package bleveindex

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/facet"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
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

// TestSplitSearchDuringIngest searches in two halves while documents are
// replaced, which renumbers passages as segments are added and merged.
// Every search must see one consistent index: each matching passage once
// and the same total.
func TestSplitSearchDuringIngest(t *testing.T) {
	x := openTemp(t)
	var docs []*corpus.Document
	for d := 0; d < 16; d++ {
		var items []corpus.Item
		for i := 0; i < 3; i++ {
			items = append(items, item(fmt.Sprint(i+1), fmt.Sprintf("Placement report %d", i), corpus.KindReport,
				fmt.Sprintf("Placement stability for children in care, report %d of document %d.", i, d),
				"Members asked about agency social workers and caseloads."))
		}
		docs = append(docs, doc(fmt.Sprintf("d%02d.txt", d), "Corporate Parenting Panel", "2026-01-01", items...))
	}
	ingest(t, x, docs...)
	saved := splitMin
	splitMin = 1
	defer func() { splitMin = saved }()

	ctx := context.Background()
	q := Query{Text: "placement stability", Limit: index.MaxLimit, PerItem: 10}
	first, err := x.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	ingested := make(chan error, 1)
	go func() {
		defer close(ingested)
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			// The same content again: the index must read the same.
			if _, err := x.IngestDocument(ctx, docs[i%len(docs)], IngestOptions{Force: true}); err != nil {
				ingested <- err
				return
			}
		}
	}()
	for n := 0; n < 150; n++ {
		r, err := x.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, h := range r.Hits {
			k := h.Source + "/" + h.Item + "/" + h.Snippet
			if seen[k] {
				t.Fatalf("search %d: passage %s found twice", n, k)
			}
			seen[k] = true
		}
		if r.Total != first.Total || len(r.Hits) != len(first.Hits) {
			t.Fatalf("search %d: %d matches, %d hits; want %d, %d", n, r.Total, len(r.Hits), first.Total, len(first.Hits))
		}
	}
	close(done)
	if err := <-ingested; err != nil {
		t.Fatal(err)
	}
}

// TestTermCounter checks the facet counter against bleve's terms facet
// builder on the same documents: counts, ties, the cut to size, totals,
// missing and other.
func TestTermCounter(t *testing.T) {
	docs := [][]string{
		{"committee\x1fCabinet", "year\x1f2024", "theme\x1fplacements"},
		{"committee\x1fCabinet", "year\x1f2025", "theme\x1fplacements", "theme\x1fcare-leavers"},
		{},
		{"committee\x1fSchools Forum", "year\x1f2024"},
		{"year\x1f2023", "theme\x1fsend", "theme\x1fplacements"},
		{},
	}
	for _, size := range []int{0, 1, 3, 100} {
		want := facet.NewTermsFacetBuilder(fFacets, size)
		got := newTermCounter(fFacets, size)
		for _, fb := range []search.FacetBuilder{want, got} {
			for _, d := range docs {
				fb.StartDoc()
				for _, term := range d {
					fb.UpdateVisitor([]byte(term))
				}
				fb.EndDoc()
			}
		}
		w, g := want.Result(), got.Result()
		if g.Field != w.Field || g.Total != w.Total || g.Missing != w.Missing || g.Other != w.Other ||
			!reflect.DeepEqual(g.Terms.Terms(), w.Terms.Terms()) {
			t.Errorf("size %d: counter %+v %v, bleve %+v %v", size, g, g.Terms.Terms(), w, w.Terms.Terms())
		}
		if size == 100 && len(g.Terms.Terms()) != 8 {
			t.Errorf("size 100: %d terms, want 8", len(g.Terms.Terms()))
		}
	}
}
