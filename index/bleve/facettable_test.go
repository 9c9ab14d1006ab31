package bleveindex

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/scrutineer/scrutineer/corpus"
)

// TestFacetTable checks that facets counted from the facet table, from
// doc values while the table is empty, and by bleve's own terms facet
// agree, whole and in two halves, on an index of several segments with
// replaced papers and passages with no facet at all.
func TestFacetTable(t *testing.T) {
	x := openTemp(t)
	committees := []string{"Corporate Parenting Panel", "Cabinet", "Schools Forum"}
	var docs []*corpus.Document
	for d := 0; d < 14; d++ {
		var items []corpus.Item
		for i := 0; i < 1+d%3; i++ {
			items = append(items, item(fmt.Sprint(i+1), fmt.Sprintf("Report %d", i), corpus.KindReport,
				fmt.Sprintf("Placement stability for children in care, report %d of paper %d.", i, d),
				"Members asked about foster carer recruitment."))
		}
		committee, date := committees[d%3], fmt.Sprintf("20%02d-0%d-01", 18+d%6, 1+d%9)
		if d == 5 {
			committee, date = "", "" // passages with no facet
		}
		docs = append(docs, doc(fmt.Sprintf("p%02d.txt", d), committee, date, items...))
	}
	// One paper at a time, so the index has several segments; then some
	// again, which leaves deleted passages among the internal numbers.
	ingest(t, x, docs...)
	ingest(t, x, docs[2], docs[9])

	ctx := context.Background()
	saved := splitMin
	defer func() { splitMin = saved }()
	queries := []query.Query{
		query.NewMatchAllQuery(),
		matchText("placement"),
		matchText("foster carer"),
		matchText("nothing-matches-this"),
	}
	for qi, q := range queries {
		for _, size := range []int{2, 400} {
			req := bleve.NewSearchRequestOptions(q, 10, 0, false)
			req.AddFacet(fFacets, bleve.NewFacetRequest(fFacets, size))
			want, err := x.bi.SearchInContext(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				name  string
				warm  bool
				split uint64
			}{
				{"doc values, whole", false, 1 << 62},
				{"doc values, halves", false, 1},
				{"table, whole", true, 1 << 62},
				{"table, halves", true, 1},
			} {
				splitMin = c.split
				setFacetTable(x, c.warm)
				got, err := x.searchRanked(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				if c.warm && facetSegments(t, x) == 0 {
					t.Errorf("%s: the table read no segment", c.name)
				}
				w, g := want.Facets[fFacets], got.Facets[fFacets]
				if got.Total != want.Total || g.Total != w.Total || g.Missing != w.Missing || g.Other != w.Other ||
					!reflect.DeepEqual(termList(g), termList(w)) {
					t.Errorf("query %d size %d, %s: %d hits, facets %+v %v; bleve %d, %+v %v", qi, size, c.name,
						got.Total, g, termList(g), want.Total, w, termList(w))
				}
				if qi == 0 && size == 400 && (w.Missing == 0 || len(termList(w)) < 6) {
					t.Errorf("match all: bleve's facet %+v %v has no missing passages or too few terms", w, termList(w))
				}
			}
		}
	}
	if n := segmentCount(t, x); n < 2 {
		t.Logf("the index has %d segment; the test is weaker than meant", n)
	}
}

func matchText(s string) query.Query {
	m := query.NewMatchQuery(s)
	m.SetField(fText)
	return m
}

// setFacetTable empties the facet table and either stops it reading
// (facets then come from doc values) or has it read every segment in the
// search itself.
func setFacetTable(x *Index, warm bool) {
	t := &x.facets
	t.mu.Lock()
	defer t.mu.Unlock()
	t.segs = nil
	t.closed = !warm
	t.sync = warm
}

// facetSegments is the number of segments in the facet table.
func facetSegments(t *testing.T, x *Index) int {
	t.Helper()
	x.facets.mu.Lock()
	defer x.facets.mu.Unlock()
	return len(x.facets.segs)
}

// segmentCount is the number of segments of the index's current snapshot.
func segmentCount(t *testing.T, x *Index) int {
	t.Helper()
	adv, err := x.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	return len(r.(*scorch.IndexSnapshot).Segments())
}

// termList lists a terms facet's terms with their counts.
func termList(f *search.FacetResult) []string {
	if f == nil || f.Terms == nil {
		return nil
	}
	var out []string
	for _, tf := range f.Terms.Terms() {
		out = append(out, fmt.Sprintf("%q %d", tf.Term, tf.Count))
	}
	return out
}

// TestFacetTableBackground checks that a search on an empty table has the
// table read the index's segments in the background, that later searches
// count from it, and that closing the index stops the readers.
func TestFacetTableBackground(t *testing.T) {
	x := openTemp(t)
	for d := 0; d < 4; d++ {
		ingest(t, x, doc(fmt.Sprintf("p%d.txt", d), "Cabinet", fmt.Sprintf("202%d-01-01", d),
			item("1", "Placements", corpus.KindReport, "Placement stability for children in care.")))
	}
	ctx := context.Background()
	first, err := x.Search(ctx, Query{Text: "placement"})
	if err != nil {
		t.Fatal(err)
	}
	x.facets.wg.Wait()
	if facetSegments(t, x) == 0 {
		t.Fatal("no segment read after a faceted search")
	}
	second, err := x.Search(ctx, Query{Text: "placement"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first.Facets, second.Facets) || len(second.Facets["year"]) != 4 {
		t.Errorf("facets from doc values %v, from the table %v", first.Facets, second.Facets)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if !x.facets.closed {
		t.Error("closing the index left the facet table open")
	}
}
