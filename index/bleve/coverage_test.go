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

// TestSearchWeighs checks, each on a small pack of its own, that a
// boilerplate passage and the agenda's lines rank below the passage that
// answers (and are still found), and that two words of the query one word
// apart ("foster carer recruitment" for "foster recruitment") rank a
// passage above one with the words far apart.
func TestSearchWeighs(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		items       []corpus.Item
		want        string // the first hit; both items are found
	}{
		{"boilerplate below", "background papers", []corpus.Item{
			item("4", "Fostering", corpus.KindReport,
				"There are no background papers available for inspection, fostering papers included."),
			item("5", "Sufficiency", corpus.KindReport,
				"The background papers to the sufficiency strategy list the homes the panel visited and the gaps in local fostering placements."),
		}, "p.txt#5"},
		{"near pair above far words", "foster recruitment", []corpus.Item{
			item("4", "Workforce", corpus.KindReport,
				"Recruitment of staff to the foster team and to other teams continued through the year, with recruitment drives in spring."),
			item("5", "Carers", corpus.KindReport,
				"Foster carer recruitment rose by a fifth over the year against the plan."),
		}, "p.txt#5"},
		{"agenda below its item", "placement stability", []corpus.Item{
			item("", "Agenda", corpus.KindAgenda, "5. Placement stability: to consider a report."),
			item("5", "Children in care", corpus.KindReport,
				"Placement stability fell this year: more children moved three or more times, and fewer stayed two years in one home."),
		}, "p.txt#5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := openTemp(t)
			if _, err := x.IngestDocument(context.Background(), doc("p.txt", "Scrutiny", "2026-10-14", tc.items...), IngestOptions{}); err != nil {
				t.Fatal(err)
			}
			r := doSearch(t, x, Query{Text: tc.query, PerItem: 1})
			if got := keys(r); len(got) != 2 || got[0] != tc.want {
				t.Errorf("%q: %v, want %s first and the other item kept", tc.query, got, tc.want)
			}
		})
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
