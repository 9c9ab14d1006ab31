package bleveindex

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// doc builds a document of items, each given as title and passage texts.
func doc(source, committee, date string, items ...corpus.Item) *corpus.Document {
	d := &corpus.Document{
		Source: source,
		Hash:   "hash-" + source,
		Format: "text",
		Meta:   corpus.Meta{Council: "Wexcombe Council", Committee: committee, Date: date},
	}
	page := 1
	for _, it := range items {
		for i := range it.Passages {
			it.Passages[i].Item = it.Number
			if it.Passages[i].Page == 0 {
				it.Passages[i].Page = page
			}
			it.Passages[i].PrintedPage = it.Passages[i].Page + 10
			page++
		}
		d.Items = append(d.Items, it)
	}
	for i := 0; i < page; i++ {
		d.Pages = append(d.Pages, corpus.Page{Number: i + 1})
	}
	return d
}

func item(number, title string, kind corpus.Kind, texts ...string) corpus.Item {
	it := corpus.Item{Number: number, Title: title, Kind: kind}
	for _, t := range texts {
		it.Passages = append(it.Passages, corpus.Passage{Text: t, Heading: "Background"})
	}
	return it
}

func openTemp(t *testing.T) *Index {
	t.Helper()
	x, err := Open(t.TempDir()+"/idx", Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func ingest(t *testing.T, x *Index, docs ...*corpus.Document) {
	t.Helper()
	for _, d := range docs {
		if _, err := x.IngestDocument(context.Background(), d, IngestOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

// sources returns "source#item" of each hit.
func keys(r *Results) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Source+"#"+h.Item)
	}
	return out
}

func doSearch(t *testing.T, x *Index, q Query) *Results {
	t.Helper()
	r, err := x.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %q: %v", q.Text, err)
	}
	return r
}

// TestAnalyzerMeets checks, through real searches, that inflections,
// possessives and jargon groups meet.
func TestAnalyzerMeets(t *testing.T) {
	x := openTemp(t)
	ingest(t, x, doc("a.txt", "Scrutiny", "2026-10-14",
		item("1", "One", corpus.KindReport, "Three households were fostering for the council this year."),
		item("2", "Two", corpus.KindReport, "The children's views were heard by the panel."),
		item("3", "Three", corpus.KindReport, "Health assessments for LAC were completed on time."),
		item("4", "Four", corpus.KindReport, "The number of children in care rose to 412."),
		item("5", "Five", corpus.KindReport, "Regulation 44 visits found the home good."),
		item("6", "Six", corpus.KindReport, "Our care experienced young people need housing."),
		item("7", "Seven", corpus.KindReport, "Apologies were received from two members."),
	))
	tests := []struct {
		query string
		want  []string
	}{
		{"foster", []string{"a.txt#1"}},
		{"fostered", []string{"a.txt#1"}},
		{"fostering", []string{"a.txt#1"}},
		{"child", []string{"a.txt#2", "a.txt#4"}},
		{"children's", []string{"a.txt#2", "a.txt#4"}},
		{"CLA", []string{"a.txt#3", "a.txt#4"}},
		{"CiC", []string{"a.txt#3", "a.txt#4"}},
		{"looked after children", []string{"a.txt#3", "a.txt#4"}},
		{`"children in care"`, []string{"a.txt#4"}},
		{"reg 44", []string{"a.txt#5"}},
		{"care leavers", []string{"a.txt#4", "a.txt#6"}},
		{"+fostering -council", nil},
		{"apologies", []string{"a.txt#7"}},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			got := keys(doSearch(t, x, Query{Text: tc.query}))
			for _, w := range tc.want {
				if !contains(got, w) {
					t.Errorf("%q: want %s among %v", tc.query, w, got)
				}
			}
			if tc.want == nil && len(got) > 0 {
				t.Errorf("%q: want no hits, got %v", tc.query, got)
			}
		})
	}
	// A jargon-only match (the query's words are not in the text) still
	// hits, and the snippet marks the matched phrase.
	r := doSearch(t, x, Query{Text: "LAC"})
	if !contains(keys(r), "a.txt#4") {
		t.Fatalf("LAC: want the children-in-care passage, got %v", keys(r))
	}
	for _, h := range r.Hits {
		if h.Item == "4" && !strings.Contains(h.Snippet, "<mark>children in care</mark>") && !strings.Contains(h.Snippet, "<mark>children</mark>") {
			t.Errorf("LAC snippet = %q", h.Snippet)
		}
	}
}

func contains(s []string, v string) bool {
	for _, e := range s {
		if e == v {
			return true
		}
	}
	return false
}

func TestAnalyzeTerms(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Fostering fostered FOSTER", "foster foster foster"},
		{"the children's child", "child child"},
		{"LAC", "lac syn_look_child"},
		{"children in care", "child care syn_look_child"},
		{"carers’ views", "carer view"},
		{"no placement", "no placement"},
	}
	for _, tc := range tests {
		if got := strings.Join(AnalyzeTerms(tc.in), " "); got != tc.want {
			t.Errorf("AnalyzeTerms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFiltersFacetsAndSnippets(t *testing.T) {
	x := openTemp(t)
	exempt := item("9", "Contract award", corpus.KindReport, "Placement costs for the provider rose & fell <sharply>.")
	exempt.Exempt = true
	ingest(t, x,
		doc("oct.txt", "Children and Young People Scrutiny Committee", "2026-10-14",
			item("4", "Fostering Service Annual Report", corpus.KindReport,
				"Placement stability improved for fostered children.",
				"Placement moves fell in the year.",
				"Placement panels met monthly.",
				"Placement planning is reviewed.",
				"Placement costs were within budget."),
			exempt,
		),
		doc("mar.txt", "Corporate Parenting Board", "2025-03-01",
			item("3", "Minutes", corpus.KindMinutes, "Members asked about placement costs.")),
	)
	ctx := context.Background()

	// The default cap is three passages per item.
	r := doSearch(t, x, Query{Text: "placement"})
	perItem := map[string]int{}
	for _, h := range r.Hits {
		perItem[h.Source+"#"+h.Item]++
	}
	if perItem["oct.txt#4"] != 3 || perItem["mar.txt#3"] != 1 {
		t.Errorf("per item = %v", perItem)
	}
	if perItem["oct.txt#9"] != 0 {
		t.Errorf("exempt item shown without IncludeExempt")
	}
	if r.Total != 6 {
		t.Errorf("total = %d, want 6 (exempt passage left out)", r.Total)
	}
	if got := r.Facets[index.FacetCommittee]; len(got) != 2 || got[0].Value != "Children and Young People Scrutiny Committee" || got[0].Count != 5 {
		t.Errorf("committee facet = %v", got)
	}
	if got := r.Facets[index.FacetYear]; len(got) != 2 || got[0].Value != "2026" {
		t.Errorf("year facet = %v", got)
	}
	h := r.Hits[0]
	if h.Page == 0 || h.PrintedPage != h.Page+10 || h.Date == "" || h.Committee == "" || h.Title == "" {
		t.Errorf("hit lacks cites: %+v", h)
	}
	if !strings.Contains(h.Snippet, "<mark>Placement</mark>") {
		t.Errorf("snippet = %q", h.Snippet)
	}

	r = doSearch(t, x, Query{Text: "placement", PerItem: 10, Limit: 20})
	if len(r.Hits) != 6 {
		t.Errorf("PerItem 10: %d hits, want 6", len(r.Hits))
	}
	r = doSearch(t, x, Query{Text: "placement", Limit: 2, Offset: 2})
	if len(r.Hits) != 2 {
		t.Errorf("offset 2 limit 2: %v", keys(r))
	}

	tests := []struct {
		name string
		q    Query
		want int
	}{
		{"committee lower case", Query{Text: "placement", Committee: "corporate parenting board"}, 1},
		{"kind", Query{Text: "placement", Kind: "Minutes"}, 1},
		{"source", Query{Text: "placement", Source: "oct.txt", PerItem: 10}, 5},
		{"from", Query{Text: "placement", From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), PerItem: 10}, 5},
		{"to", Query{Text: "placement", To: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)}, 1},
		{"exempt included", Query{Text: "costs", IncludeExempt: true}, 3},
		{"exempt left out", Query{Text: "costs"}, 2},
		{"no text lists by filter", Query{Committee: "Corporate Parenting Board"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := doSearch(t, x, tc.q)
			if len(r.Hits) != tc.want {
				t.Errorf("%d hits, want %d: %v", len(r.Hits), tc.want, keys(r))
			}
		})
	}

	// Escaping: & < > are escaped, apostrophes are not.
	r = doSearch(t, x, Query{Text: "provider", IncludeExempt: true})
	if len(r.Hits) != 1 || !r.Hits[0].Exempt {
		t.Fatalf("exempt hit = %+v", r.Hits)
	}
	if s := r.Hits[0].Snippet; !strings.Contains(s, "&amp; fell &lt;sharply&gt;") || !strings.Contains(s, "<mark>provider</mark>") {
		t.Errorf("snippet = %q", s)
	}

	// A bad query is an error, not a panic.
	if _, err := x.Search(ctx, Query{Text: `"unclosed`}); err == nil {
		t.Errorf("want an error for an unclosed phrase")
	}
}

func TestDocumentsItemsAndThemes(t *testing.T) {
	x := openTemp(t)
	ctx := context.Background()
	ingest(t, x, doc("oct.txt", "Scrutiny", "2026-10-14",
		item("4", "Fostering Service Annual Report", corpus.KindReport, "Recruitment of foster carers.", "Retention of carers."),
		item("5", "Children in Care: Placement Sufficiency", corpus.KindReport, "Sufficiency of placements.", "Stability of placements."),
	))
	docs, err := x.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Source != "oct.txt" || len(docs[0].Items) != 2 || docs[0].Passages != 4 || docs[0].Meta.Date != "2026-10-14" {
		t.Fatalf("documents = %+v", docs)
	}
	it, rec, err := x.Item(ctx, "oct.txt", "5")
	if err != nil {
		t.Fatal(err)
	}
	if it.Title != "Children in Care: Placement Sufficiency" || len(it.Passages) != 2 ||
		it.Passages[0].Text != "Sufficiency of placements." || it.Passages[1].Text != "Stability of placements." || rec.Source != "oct.txt" {
		t.Errorf("item = %+v", it)
	}
	if _, _, err := x.Item(ctx, "oct.txt", "99"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("missing item: %v", err)
	}
	if _, _, err := x.Item(ctx, "nope.txt", "1"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("missing file: %v", err)
	}

	items, err := x.FindItems(ctx, "LAC placements", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 || items[0].Number != "5" {
		t.Errorf("FindItems = %+v", items)
	}
	items, err = x.FindItems(ctx, "fostering annual report", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 || items[0].Number != "4" || items[0].Meta.Committee != "Scrutiny" {
		t.Errorf("FindItems = %+v", items)
	}

	themer := func(_ *DocumentInfo, it *corpus.Item, p *corpus.Passage) []string {
		if strings.Contains(p.Text, "carers") {
			return []string{"fostering", "workforce"}
		}
		return []string{"sufficiency"}
	}
	if err := x.SetThemes(ctx, "oct.txt", themer); err != nil {
		t.Fatal(err)
	}
	r := doSearch(t, x, Query{Theme: "fostering"})
	if len(r.Hits) != 2 || r.Hits[0].Item != "4" || len(r.Hits[0].Themes) != 2 {
		t.Errorf("theme filter = %+v", r.Hits)
	}
	r = doSearch(t, x, Query{Text: "placements"})
	if f := r.Facets[index.FacetTheme]; len(f) != 1 || f[0].Value != "sufficiency" || f[0].Count != 2 {
		t.Errorf("theme facet = %v", f)
	}

	if err := x.Delete(ctx, "oct.txt"); err != nil {
		t.Fatal(err)
	}
	if n, _ := x.Passages(); n != 0 {
		t.Errorf("%d passages after delete", n)
	}
	if docs, _ := x.Documents(ctx); len(docs) != 0 {
		t.Errorf("documents after delete = %v", docs)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir() + "/idx"
	if _, err := Open(dir, Options{}); !errors.Is(err, index.ErrNoIndex) {
		t.Errorf("open missing: %v", err)
	}
	x, err := Open(dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	// A second open of a held index fails quickly with a clear error.
	_, err = Open(dir, Options{LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, index.ErrInUse) || !strings.Contains(err.Error(), "is in use by another process") {
		t.Errorf("second open: %v", err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	// An index built with another analysis chain is refused.
	_, err = Open(dir, Options{analyzer: "standard"})
	if !errors.Is(err, index.ErrVersion) {
		t.Errorf("other analyzer: %v", err)
	}
	x, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	x.Close()
	if _, err := x.Search(context.Background(), Query{Text: "x"}); err == nil {
		t.Errorf("search after close: want an error")
	}
}

// TestQuerySyntaxFields checks the field:value forms the package doc
// promises.
func TestQuerySyntaxFields(t *testing.T) {
	x := openTemp(t)
	ingest(t, x, doc("q.txt", "Corporate Parenting Panel", "2025-06-01",
		item("4", "Fostering Annual Report", corpus.KindReport, "Households fell."),
		item("5", "Minutes", corpus.KindMinutes, "Households were discussed.")))
	tests := []struct {
		query string
		want  int
	}{
		{"title:fostering", 1},
		{"+households +kind:minutes", 1},
		{"+households +item:4", 1},
		{"+households +year:2025", 2},
		{`+households +committee:"Corporate Parenting Panel"`, 2},
		{`+households +date:>="2025-01-01"`, 2},
		{`+households +date:>="2026-01-01"`, 0},
		{"+households +source:q.txt", 2},
	}
	for _, tc := range tests {
		if r := doSearch(t, x, Query{Text: tc.query}); len(r.Hits) != tc.want {
			t.Errorf("%s: %d hits, want %d", tc.query, len(r.Hits), tc.want)
		}
	}
}

// TestOpenHalfCreated opens folders left by a creation that an earlier
// program did not finish: they count as no index, and Create makes one.
// An index with passages but no version record is still a version error.
func TestOpenHalfCreated(t *testing.T) {
	cases := []struct {
		name string
		make func(t *testing.T, dir string)
	}{
		{"empty index_meta.json", func(t *testing.T, dir string) {
			writeFile(t, dir, metaFile, "")
		}},
		{"store without index_meta.json", func(t *testing.T, dir string) {
			writeFile(t, dir, "store/root.bolt", "")
		}},
		{"no version record", func(t *testing.T, dir string) {
			bi, err := bleve.NewUsing(dir, newMapping(AnalyzerName), scorch.Name, scorch.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			bi.Close()
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "idx")
			c.make(t, dir)
			_, err := Open(dir, Options{})
			if hasMeta(dir) && !errors.Is(err, index.ErrNoIndex) {
				t.Errorf("open without create: %v, want index.ErrNoIndex", err)
			}
			x, err := Open(dir, Options{Create: true})
			if err != nil {
				t.Fatalf("open with create: %v", err)
			}
			defer x.Close()
			ingest(t, x, doc("a.txt", "Scrutiny", "2026-10-14", item("1", "Fostering", corpus.KindReport, "Foster carers.")))
			if n, _ := x.Passages(); n == 0 {
				t.Errorf("no passages after ingest")
			}
		})
	}

	t.Run("passages but no version record", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "idx")
		bi, err := bleve.NewUsing(dir, newMapping(AnalyzerName), scorch.Name, scorch.Name, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := bi.Index("p1", map[string]any{"text": "foster carers"}); err != nil {
			t.Fatal(err)
		}
		bi.Close()
		if _, err := Open(dir, Options{Create: true}); !errors.Is(err, index.ErrVersion) {
			t.Errorf("open: %v, want index.ErrVersion", err)
		}
	})

	t.Run("folder with other files", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "notes.txt", "mine")
		if _, err := Open(dir, Options{Create: true}); err == nil || !strings.Contains(err.Error(), "not empty") {
			t.Errorf("create in a folder of other files: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
			t.Errorf("the folder's own file is gone: %v", err)
		}
	})
}

// Temporary folders left beside the index by killed creations are removed
// once stale; a recent one, perhaps a creation in progress, is kept.
func TestCreateRemovesStaleTemps(t *testing.T) {
	parent := t.TempDir()
	stale := filepath.Join(parent, tempPrefix("idx")+"1")
	recent := filepath.Join(parent, tempPrefix("idx")+"2")
	for _, d := range []string{stale, recent} {
		if err := os.MkdirAll(filepath.Join(d, "index", "store"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleTemp)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	x, err := Open(filepath.Join(parent, "idx"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	x.Close()
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary folder still there: %v", err)
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("recent temporary folder removed: %v", err)
	}
}
