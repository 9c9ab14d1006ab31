// Package indextest is the conformance suite every index backend must
// pass: the operations the command line and the bot use (ingest papers,
// take one out, search with filters and facets, list the papers, count
// the passages), each checked against what a user relies on. The embedded
// bleve index passes it (index/bleve), and so does the same index served
// to other processes over its socket (index/share); a distributed engine
// put behind the same commands would have to pass it too.
package indextest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// Backend is what the suite asks of an index.
type Backend interface {
	// Ingest adds the papers at paths, as bleveindex.Index.IngestPaths.
	Ingest(ctx context.Context, paths []string, opts index.IngestOptions) (index.Summary, error)
	// Remove takes out the paper ref names (file name, ID or path); the
	// error wraps index.ErrNotFound when there is none.
	Remove(ctx context.Context, ref string) error
	// Search runs a query, as bleveindex.Index.Search.
	Search(ctx context.Context, q index.Query) (*index.Results, error)
	// Documents lists the papers.
	Documents(ctx context.Context) ([]index.DocumentInfo, error)
	// Passages counts the passages indexed.
	Passages(ctx context.Context) (uint64, error)
	// Pages returns the pages of the paper ref names, as ingest read them,
	// so that it can be briefed when its file has gone; the error wraps
	// index.ErrNotFound when there is no such paper.
	Pages(ctx context.Context, ref string) ([]corpus.Page, error)
}

// Papers of a fictional council, written by the suite: what they say,
// and the committee and meeting they belong to.
var papers = []struct {
	name, committee, date, text string
}{
	{"fostering-2026-10.txt", "Children and Young People Scrutiny Committee", "2026-10-14",
		"Fostering Service Annual Report\n\nThe service approved 31 new fostering households in the year, while 45 households were deregistered.\n\nRecruitment of foster carers remains the service's greatest challenge; a campaign starts in January.\n"},
	{"panel-2026-11.txt", "Corporate Parenting Panel", "2026-11-20",
		"Care Leavers Update\n\nOf care leavers aged 19 to 21, 52% were in education, employment or training, down from 58%.\n\nThe panel asked for the housing offer for care leavers to come back in March.\n"},
	{"minutes-2025-06.txt", "Children and Young People Scrutiny Committee", "2025-06-11",
		"Minutes\n\nThe committee noted the report on foster carers' allowances and asked for the recruitment campaign's costs.\n"},
}

// Run runs the suite against fresh backends made by open, one a test.
func Run(t *testing.T, open func(t *testing.T) Backend) {
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, b Backend, paths []string)
	}{
		{"empty", testEmpty},
		{"ingest and list", testIngest},
		{"search", testSearch},
		{"filters and facets", testFilters},
		{"operators and errors", testOperators},
		{"papers known by content", testContent},
		{"remove", testRemove},
		{"pages kept", testPages},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := open(t)
			dir := t.TempDir()
			var paths []string
			for _, p := range papers {
				path := filepath.Join(dir, p.name)
				if err := os.WriteFile(path, []byte(p.text), 0o644); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, path)
			}
			tc.run(t, b, paths)
		})
	}
}

// ingestAll adds the suite's papers with their committees and dates.
func ingestAll(t *testing.T, b Backend, paths []string) index.Summary {
	t.Helper()
	origins := map[string]index.Origin{}
	for i, p := range paths {
		origins[p] = index.Origin{Committee: papers[i].committee, Date: papers[i].date}
	}
	sum, err := b.Ingest(t.Context(), paths, index.IngestOptions{Origins: origins})
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	return sum
}

func search(t *testing.T, b Backend, q index.Query) *index.Results {
	t.Helper()
	res, err := b.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("search %q: %v", q.Text, err)
	}
	return res
}

// sources are the file names of hits, in order, once each.
func sources(res *index.Results) []string {
	var out []string
	for _, h := range res.Hits {
		if len(out) == 0 || out[len(out)-1] != h.Source {
			out = append(out, h.Source)
		}
	}
	return out
}

func testEmpty(t *testing.T, b Backend, _ []string) {
	if n, err := b.Passages(t.Context()); err != nil || n != 0 {
		t.Errorf("passages of an empty index: %d, %v", n, err)
	}
	if docs, err := b.Documents(t.Context()); err != nil || len(docs) != 0 {
		t.Errorf("papers of an empty index: %d, %v", len(docs), err)
	}
	if res := search(t, b, index.Query{Text: "foster carers"}); res.Total != 0 || len(res.Hits) != 0 {
		t.Errorf("an empty index finds %d", res.Total)
	}
}

func testIngest(t *testing.T, b Backend, paths []string) {
	if sum := ingestAll(t, b, paths); sum.Added != len(paths) || len(sum.Skipped) != 0 {
		t.Errorf("ingest summary %+v, want %d added", sum, len(paths))
	}
	if n, err := b.Passages(t.Context()); err != nil || n < uint64(len(paths)) {
		t.Errorf("passages: %d, %v", n, err)
	}
	docs, err := b.Documents(t.Context())
	if err != nil || len(docs) != len(paths) {
		t.Fatalf("papers: %d, %v", len(docs), err)
	}
	for _, d := range docs {
		if d.ID == "" || d.Path == "" || !filepath.IsAbs(d.Path) || d.Meta.Committee == "" || d.Meta.Date == "" {
			t.Errorf("paper record %s: id %q path %q committee %q date %q", d.Source, d.ID, d.Path, d.Meta.Committee, d.Meta.Date)
		}
	}
	// The same files again change nothing.
	if sum := ingestAll(t, b, paths); sum.Unchanged != len(paths) || sum.Added != 0 {
		t.Errorf("second ingest %+v, want all unchanged", sum)
	}
}

func testSearch(t *testing.T, b Backend, paths []string) {
	ingestAll(t, b, paths)
	res := search(t, b, index.Query{Text: "care leavers education"})
	if got := sources(res); len(got) == 0 || got[0] != "panel-2026-11.txt" {
		t.Fatalf("care leavers: %v", got)
	}
	h := res.Hits[0]
	if !strings.Contains(h.Snippet, "<mark>") || h.Page < 1 || h.Committee != "Corporate Parenting Panel" || h.Date != "2026-11-20" || h.ID == "" {
		t.Errorf("hit %+v", h)
	}
	// Stems meet: "recruiting" finds "recruitment".
	if got := sources(search(t, b, index.Query{Text: "recruiting"})); len(got) == 0 {
		t.Error("recruiting finds nothing")
	}
	if res := search(t, b, index.Query{Text: "foster carers", Limit: 1}); len(res.Hits) != 1 || res.Total < 2 {
		t.Errorf("limit 1: %d hits of %d", len(res.Hits), res.Total)
	}
	if res := search(t, b, index.Query{Text: "xylophone"}); res.Total != 0 {
		t.Errorf("a word in no paper finds %d", res.Total)
	}
}

func testFilters(t *testing.T, b Backend, paths []string) {
	ingestAll(t, b, paths)
	res := search(t, b, index.Query{Text: "foster carers", Committee: "Children and Young People Scrutiny Committee"})
	for _, h := range res.Hits {
		if h.Committee != "Children and Young People Scrutiny Committee" {
			t.Errorf("committee filter let through %s (%s)", h.Source, h.Committee)
		}
	}
	from, _ := time.Parse("2006-01-02", "2026-01-01")
	res = search(t, b, index.Query{Text: "foster carers", From: from})
	if got := sources(res); len(got) != 1 || got[0] != "fostering-2026-10.txt" {
		t.Errorf("from 2026: %v", got)
	}
	res = search(t, b, index.Query{Text: "foster carers recruitment care leavers"})
	if len(res.Facets[index.FacetCommittee]) < 2 || len(res.Facets[index.FacetYear]) < 2 {
		t.Errorf("facets %v", res.Facets)
	}
	if res := search(t, b, index.Query{Text: "foster carers recruitment care leavers", NoFacets: true}); len(res.Facets[index.FacetCommittee]) != 0 {
		t.Errorf("facets counted when not asked for: %v", res.Facets)
	}
}

func testOperators(t *testing.T, b Backend, paths []string) {
	ingestAll(t, b, paths)
	for _, h := range search(t, b, index.Query{Text: "foster carers -allowances"}).Hits {
		if strings.Contains(strings.ToLower(h.Snippet), "allowances") {
			t.Errorf("-allowances let through %s", h.Source)
		}
	}
	if got := sources(search(t, b, index.Query{Text: `"housing offer"`})); len(got) != 1 || got[0] != "panel-2026-11.txt" {
		t.Errorf("phrase: %v", got)
	}
	// Punctuation is text, not syntax.
	if _, err := b.Search(t.Context(), index.Query{Text: "Reg 44? children <5 & families"}); err != nil {
		t.Errorf("plain words with punctuation: %v", err)
	}
	if _, err := b.Search(t.Context(), index.Query{Text: "-everything"}); !errors.Is(err, index.ErrQuery) {
		t.Errorf("a query of exclusions only: %v, want ErrQuery", err)
	}
}

func testContent(t *testing.T, b Backend, paths []string) {
	ingestAll(t, b, paths)
	// The same content under another name is the same paper.
	dup := filepath.Join(filepath.Dir(paths[0]), "copy of fostering.txt")
	if err := os.WriteFile(dup, []byte(papers[0].text), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := b.Ingest(t.Context(), []string{dup}, index.IngestOptions{})
	if err != nil || sum.Added != 0 {
		t.Errorf("a copy: %+v, %v", sum, err)
	}
	if docs, _ := b.Documents(t.Context()); len(docs) != len(paths) {
		t.Errorf("a copy made %d papers, want %d", len(docs), len(paths))
	}
	// Another paper with a name already used is another paper.
	other := filepath.Join(t.TempDir(), papers[0].name)
	if err := os.WriteFile(other, []byte("Fostering Panel Report\n\nThe panel met 14 times and recommended 31 approvals of foster carers.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum, err := b.Ingest(t.Context(), []string{other}, index.IngestOptions{}); err != nil || sum.Added != 1 {
		t.Errorf("another paper of the same name: %+v, %v", sum, err)
	}
	if docs, _ := b.Documents(t.Context()); len(docs) != len(paths)+1 {
		t.Errorf("papers: %d, want %d", len(docs), len(paths)+1)
	}
	if err := b.Remove(t.Context(), papers[0].name); err == nil {
		t.Error("removing a name two papers share took one out")
	}
}

func testRemove(t *testing.T, b Backend, paths []string) {
	ingestAll(t, b, paths)
	if err := b.Remove(t.Context(), "panel-2026-11.txt"); err != nil {
		t.Fatalf("remove: %v", err)
	}
	if got := sources(search(t, b, index.Query{Text: "care leavers"})); len(got) != 0 {
		t.Errorf("a removed paper is still found: %v", got)
	}
	if docs, _ := b.Documents(t.Context()); len(docs) != len(paths)-1 {
		t.Errorf("papers after a remove: %d", len(docs))
	}
	if err := b.Remove(t.Context(), "panel-2026-11.txt"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("second remove: %v, want ErrNotFound", err)
	}
}

// testPages checks that a paper's pages are kept, whole, for as long as
// the paper is, so that it can be briefed after its file has gone.
func testPages(t *testing.T, b Backend, paths []string) {
	ingestAll(t, b, paths)
	for _, p := range paths {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	pages, err := b.Pages(t.Context(), "fostering-2026-10.txt")
	if err != nil {
		t.Fatalf("pages: %v", err)
	}
	if len(pages) != 1 || pages[0].Number != 1 || !strings.Contains(pages[0].Text, "31 new fostering households") ||
		!strings.Contains(pages[0].Body, "deregistered") {
		t.Errorf("pages of the fostering report: %+v", pages)
	}
	if err := b.Remove(t.Context(), "fostering-2026-10.txt"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Pages(t.Context(), "fostering-2026-10.txt"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("pages of a removed paper: %v, want ErrNotFound", err)
	}
}
