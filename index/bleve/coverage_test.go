package bleveindex

import (
	"context"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

// TestSearchCoverage checks the boosts for a passage with every concept of
// the query and for papers of a year the query names.
func TestSearchCoverage(t *testing.T) {
	x := openTemp(t)
	ctx := context.Background()
	docs := []*corpus.Document{
		doc("a.txt", "Corporate Parenting Panel", "2024-03-01",
			item("1", "Personal advisers", corpus.KindReport,
				"Care leavers are offered a personal adviser. Care leavers keep their adviser to 25. Care leavers' housing is reviewed."),
			item("2", "Update", corpus.KindReport,
				"Care leavers in Norfolk receive support from a personal adviser, who meets them each month at a place they choose and helps with money, work and study."),
			item("3", "Looked after children", corpus.KindReport,
				"Children looked after in Suffolk had their health assessments on time.")),
		doc("d.txt", "Cabinet", "2024-05-01",
			item("1", "Norfolk highways", corpus.KindReport, "Norfolk roads are resurfaced."),
			item("2", "Norfolk libraries", corpus.KindReport, "Norfolk libraries open late."),
			item("3", "Norfolk budget", corpus.KindReport, "Norfolk sets its budget.")),
		doc("b.txt", "Scrutiny", "2022-07-01",
			item("1", "Inspection", corpus.KindReport, "Ofsted judged Kent's services for children as good.")),
		doc("c.txt", "Scrutiny", "2024-07-01",
			item("1", "Inspection", corpus.KindReport, "Ofsted judged Kent's services for children as good overall.")),
	}
	for _, d := range docs {
		if _, err := x.IngestDocument(ctx, d, IngestOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		query string
		top   string // source#item of the first hit
	}{
		// The one passage about Norfolk and care leavers outranks the
		// one that repeats "care leavers".
		{"Norfolk care leavers", "a.txt#2"},
		{"care leavers", "a.txt#1"},
		// A jargon term counts as one concept, met by any of its forms.
		{"LAC Suffolk health", "a.txt#3"},
		// The year is the paper's, not a word of its text.
		{"Kent Ofsted 2022", "b.txt#1"},
		{"Kent Ofsted 2024", "c.txt#1"},
	}
	for _, tc := range tests {
		r := doSearch(t, x, Query{Text: tc.query, PerItem: 1})
		if len(r.Hits) == 0 {
			t.Errorf("%q: no hits", tc.query)
			continue
		}
		if got := r.Hits[0].Source + "#" + r.Hits[0].Item; got != tc.top {
			t.Errorf("%q: first hit %s, want %s (%v)", tc.query, got, tc.top, keys(r))
		}
	}
}

// TestSearchBoilerplate checks that a boilerplate passage ranks below one
// that answers the query, and is still found.
func TestSearchBoilerplate(t *testing.T) {
	x := openTemp(t)
	d := doc("p.txt", "Scrutiny", "2026-10-14",
		item("4", "Fostering", corpus.KindReport,
			"There are no background papers available for inspection, fostering papers included."),
		item("5", "Sufficiency", corpus.KindReport,
			"The background papers to the sufficiency strategy list the homes the panel visited and the gaps in local fostering placements."))
	if _, err := x.IngestDocument(context.Background(), d, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	r := doSearch(t, x, Query{Text: "background papers", PerItem: 1})
	if got := keys(r); len(got) != 2 || got[0] != "p.txt#5" {
		t.Errorf("background papers: %v, want the sufficiency item first and the boilerplate kept", got)
	}
}

// TestSearchNearPairs checks that two words of the query one word apart
// in a passage ("foster carer recruitment" for "foster recruitment") rank
// it above a passage that has them far apart.
func TestSearchNearPairs(t *testing.T) {
	x := openTemp(t)
	d := doc("p.txt", "Scrutiny", "2026-10-14",
		item("4", "Workforce", corpus.KindReport,
			"Recruitment of staff to the foster team and to other teams continued through the year, with recruitment drives in spring."),
		item("5", "Carers", corpus.KindReport,
			"Foster carer recruitment rose by a fifth over the year against the plan."))
	if _, err := x.IngestDocument(context.Background(), d, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	r := doSearch(t, x, Query{Text: "foster recruitment", PerItem: 1})
	if got := keys(r); len(got) != 2 || got[0] != "p.txt#5" {
		t.Errorf("foster recruitment: %v, want item 5 first", got)
	}
}

// TestSearchAgendaBelowItems checks that the agenda's words announcing an
// item rank below the item's own.
func TestSearchAgendaBelowItems(t *testing.T) {
	x := openTemp(t)
	d := doc("p.txt", "Scrutiny", "2026-10-14",
		item("", "Agenda", corpus.KindAgenda, "5. Placement stability: to consider a report."),
		item("5", "Children in care", corpus.KindReport,
			"Placement stability fell this year: more children moved three or more times, and fewer stayed two years in one home."))
	if _, err := x.IngestDocument(context.Background(), d, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	r := doSearch(t, x, Query{Text: "placement stability", PerItem: 1})
	if got := keys(r); len(got) != 2 || got[0] != "p.txt#5" {
		t.Errorf("placement stability: %v, want item 5 first, then the agenda", got)
	}
}

// TestNearPairsShortQueries checks that only queries of a few words get
// the proximity phrases.
func TestNearPairsShortQueries(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"foster recruitment", 1},
		{"foster carer recruitment", 2},
		{"the foster carer recruitment", 2}, // stop words do not count
		{"children in care moving placements", 0},
		{`"foster carer" recruitment`, 0},
	} {
		cs, err := parseUserQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(nearPairs(cs)); got != tc.want {
			t.Errorf("%q: %d near pairs, want %d", tc.query, got, tc.want)
		}
	}
}
