package bleveindex

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/scrutineer/scrutineer/corpus"
)

// TestLeanScoresUnchanged runs queries as built by buildQuery and as bleve
// would build them without lean, and checks both find the same passages
// with the same scores, so lean changes cost and not ranking.
func TestLeanScoresUnchanged(t *testing.T) {
	x := openTemp(t)
	ingest(t, x,
		doc("oct.txt", "Children and Young People Scrutiny Committee", "2026-10-14",
			item("4", "Fostering Service Annual Report", corpus.KindReport,
				"Placement stability improved for fostered children in care.",
				"LAC health assessments were completed on time.",
				"Foster carer recruitment fell short of the target.",
				"The council's fostering households grew; adoption orders fell."),
			item("5", "Children in Care Sufficiency", corpus.KindReport,
				"Children in care moved placements less often.",
				"Care experienced young people need housing.")),
		doc("mar.txt", "Corporate Parenting Panel", "2025-03-01",
			item("3", "Minutes", corpus.KindMinutes,
				"Members asked about placement costs and reg 44 visits.",
				"CAMHS waiting times were discussed.")),
	)
	tests := []Query{
		{Text: "placement"},
		{Text: "children in care moving placements"},
		{Text: "LAC health assessments"},
		{Text: "the"},
		{Text: "the of and"},
		{Text: "+fostering -adoption"},
		{Text: "+fostering LAC"},
		{Text: "+placement children in care"},
		{Text: "+LAC"},
		{Text: "+placement foster-care"},
		{Text: `"placement stability"`},
		{Text: "fostr~1 carer"},
		{Text: "title:fostering placement"},
		{Text: "reg 44 visits", Committee: "corporate parenting panel"},
		{Text: "placement", Kind: "report", From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Text: "council", IncludeExempt: true},
		{},
	}
	ctx := context.Background()
	for _, q := range tests {
		t.Run(q.Text, func(t *testing.T) {
			leaned, _, err := buildQuery(request{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			plain, _, err := buildQuery(request{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			plain = unlean(plain)
			run := func(qq query.Query) map[string]float64 {
				sr, err := x.bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(qq, 100, 0, false))
				if err != nil {
					t.Fatal(err)
				}
				out := map[string]float64{}
				for _, h := range sr.Hits {
					out[h.ID] = h.Score
				}
				return out
			}
			got, want := run(leaned), run(plain)
			if len(got) != len(want) {
				t.Fatalf("lean finds %d passages, bleve %d", len(got), len(want))
			}
			for id, s := range want {
				if g, ok := got[id]; !ok || g != s {
					t.Errorf("%s: lean score %v, bleve %v", id, g, s)
				}
			}
		})
	}
}

// unlean turns the groups and matches lean made back into bleve's own
// queries.
func unlean(q query.Query) query.Query {
	switch t := q.(type) {
	case *leanMatch:
		return t.m
	case *query.BooleanQuery:
		t.Must = unlean(t.Must)
		t.Should = unlean(t.Should)
		t.MustNot = unlean(t.MustNot)
	case *leanGroup:
		cs := make([]query.Query, len(t.clauses))
		for i, c := range t.clauses {
			cs[i] = unlean(c)
		}
		if t.all {
			if t.skipNone {
				return query.NewBooleanQueryForQueryString(cs, nil, nil).Must
			}
			return query.NewConjunctionQuery(cs)
		}
		var d *query.DisjunctionQuery
		if t.skipNone {
			d = query.NewBooleanQueryForQueryString(nil, cs, nil).Should.(*query.DisjunctionQuery)
		} else {
			d = query.NewDisjunctionQuery(cs)
		}
		d.SetMin(t.min)
		return d
	}
	return q
}

// TestLeanReadsBleveFlags fails when a bleve upgrade renames the flags
// lean reads, which would silently turn lean off.
func TestLeanReadsBleveFlags(t *testing.T) {
	parsed, err := query.NewQueryStringQuery("fostering placement").Parse()
	if err != nil {
		t.Fatal(err)
	}
	should := parsed.(*query.BooleanQuery).Should
	if mode, ok := boolField(should, "queryStringMode"); !ok || !mode {
		t.Errorf("queryStringMode of a parsed group = %v, %v", mode, ok)
	}
	if mode, ok := boolField(query.NewDisjunctionQuery(nil), "queryStringMode"); !ok || mode {
		t.Errorf("queryStringMode of a plain group = %v, %v", mode, ok)
	}
	if fuzzy, ok := boolField(query.NewMatchQuery("x"), "autoFuzzy"); !ok || fuzzy {
		t.Errorf("autoFuzzy = %v, %v", fuzzy, ok)
	}
	if _, ok := lean(query.NewMatchQuery("x")).(*leanMatch); !ok {
		t.Errorf("lean left a match query as it was")
	}
}

// TestUnscoredFiltersKeepRanking checks that term filters left unscored
// rank the passages they keep as scored ones did.
func TestUnscoredFiltersKeepRanking(t *testing.T) {
	x := openTemp(t)
	ingest(t, x,
		doc("oct.txt", "Children and Young People Scrutiny Committee", "2026-10-14",
			item("4", "Fostering Service Annual Report", corpus.KindReport,
				"Placement stability improved for fostered children in care.",
				"Placement moves fell; placement costs rose.",
				"Foster carer recruitment fell short of the target placement numbers.")),
		doc("mar.txt", "Corporate Parenting Panel", "2025-03-01",
			item("3", "Minutes", corpus.KindMinutes,
				"Members asked about placement costs.",
				"Placement sufficiency was discussed at length; placement plans too.")),
	)
	ctx := context.Background()
	for _, q := range []Query{
		{Text: "placement costs", Kind: "report"},
		{Text: "placement", Committee: "corporate parenting panel"},
		{Text: "placement foster", Source: "oct.txt"},
	} {
		leaned, _, err := buildQuery(request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		scored, _, _ := buildQuery(request{Query: q})
		scored = scoreFilters(scored)
		order := func(qq query.Query) []string {
			sr, err := x.bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(qq, 100, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, h := range sr.Hits {
				ids = append(ids, h.ID)
			}
			return ids
		}
		got, want := order(leaned), order(scored)
		if len(want) == 0 || strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%+v: unscored filters rank %v, scored %v", q, got, want)
		}
	}
}

// scoreFilters unwraps the unscored filters of q.
func scoreFilters(q query.Query) query.Query {
	switch t := q.(type) {
	case unscored:
		return t.q
	case *query.BooleanQuery:
		t.Must = scoreFilters(t.Must)
		t.MustNot = scoreFilters(t.MustNot)
	case *leanGroup:
		for i, c := range t.clauses {
			t.clauses[i] = scoreFilters(c)
		}
	}
	return q
}
