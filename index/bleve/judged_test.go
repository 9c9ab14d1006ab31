package bleveindex

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// judgedSet is testdata/judged/queries.json: officer queries over the
// papers in ../shared, each in the dev or the test half, with graded
// agenda items.
type judgedSet struct {
	About   string        `json:"about"`
	Queries []judgedQuery `json:"queries"`
}

type judgedQuery struct {
	ID       string `json:"id"`
	Query    string `json:"query"`
	Half     string `json:"half"`
	Relevant []struct {
		Path  string `json:"path"` // relative to ../shared
		Item  string `json:"item"`
		Grade int    `json:"grade"`
	} `json:"relevant"`
}

// grades returns the query's judgements keyed "source#item" as Search
// reports them (the file's base name and the item number).
func (q judgedQuery) grades() map[string]int {
	g := map[string]int{}
	for _, r := range q.Relevant {
		g[filepath.Base(r.Path)+"#"+r.Item] = r.Grade
	}
	return g
}

// showJudged names judged queries (comma-separated IDs) whose ranking
// TestJudged logs, each hit with its grade and title, for tuning on the
// dev half: go test ./index/bleve -run TestJudged -v -judged.show=cce,sgo
var showJudged = flag.String("judged.show", "", "log the ranking of these judged query IDs (dev half only)")

// logRanking logs the project's ranking r of dev query q, with each hit's
// grade and the relevant items it left out.
func logRanking(t *testing.T, q judgedQuery, r *Results) {
	t.Helper()
	if q.Half != "dev" {
		t.Logf("%s: a test-half query; its ranking is not shown", q.ID)
		return
	}
	g := q.grades()
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q\n", q.ID, q.Query)
	shown := map[string]bool{}
	for i, h := range r.Hits {
		k := h.Source + "#" + h.Item
		shown[k] = true
		fmt.Fprintf(&b, "%2d g%d %7.3f %s p%d %q: %s\n", i+1, g[k], h.Score, k, h.Page, shortText(h.Title, 50), shortText(h.Snippet, 100))
	}
	for k, v := range g {
		if !shown[k] && v >= 2 {
			fmt.Fprintf(&b, "   missed g%d %s\n", v, k)
		}
	}
	t.Log(b.String())
}

func loadJudgedSet(t *testing.T) judgedSet {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "judged", "queries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s judgedSet
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("judged/queries.json: %v", err)
	}
	return s
}

// TestJudgedSetShape checks the judged set without the papers: enough
// queries, ids unique, each in one half, grades 0-3, halves the same size
// give or take one.
func TestJudgedSetShape(t *testing.T) {
	s := loadJudgedSet(t)
	if len(s.Queries) < 80 {
		t.Errorf("%d judged queries, want at least 80", len(s.Queries))
	}
	seen := map[string]bool{}
	halves := map[string]int{}
	for _, q := range s.Queries {
		if seen[q.ID] {
			t.Errorf("query id %q twice", q.ID)
		}
		seen[q.ID] = true
		halves[q.Half]++
		if q.Half != "dev" && q.Half != "test" {
			t.Errorf("%s: half %q, want dev or test", q.ID, q.Half)
		}
		if len(q.Relevant) == 0 {
			t.Errorf("%s: no relevant item", q.ID)
		}
		for _, r := range q.Relevant {
			if r.Grade < 0 || r.Grade > 3 || filepath.IsAbs(r.Path) || strings.HasPrefix(r.Path, "..") {
				t.Errorf("%s: bad judgement %+v", q.ID, r)
			}
		}
	}
	if d := halves["dev"] - halves["test"]; d < -1 || d > 1 {
		t.Errorf("halves %v are not even", halves)
	}
}

// mrr is the reciprocal rank of the first item graded 2 or more (0 when
// none is in ranked).
func mrr(ranked []string, grades map[string]int) float64 {
	for i, k := range ranked {
		if grades[k] >= 2 {
			return 1 / float64(i+1)
		}
	}
	return 0
}

func TestMRR(t *testing.T) {
	g := map[string]int{"a": 3, "b": 1}
	tests := []struct {
		ranked []string
		want   float64
	}{
		{[]string{"a"}, 1},
		{[]string{"b", "x", "a"}, 1.0 / 3},
		{[]string{"b", "x"}, 0},
		{nil, 0},
	}
	for _, tc := range tests {
		if got := mrr(tc.ranked, g); got != tc.want {
			t.Errorf("mrr(%v) = %v, want %v", tc.ranked, got, tc.want)
		}
	}
}

// judgedPaths lists the papers of ../shared the judged set is over: the
// seed packs, the real council papers, Ofsted reports and other UK papers.
func judgedPaths(t *testing.T) []string {
	paths := sharedPapers(corpustest.Shared(t))
	if len(paths) < 60 {
		t.Skipf("only %d shared papers found", len(paths))
	}
	return paths
}

// sharedPapers lists the papers of the shared folder: the seed packs, the
// real council papers, Ofsted reports and other UK papers (not the
// robustness set).
func sharedPapers(shared string) []string {
	var paths []string
	for _, pat := range []string{
		"seeds/packs/*.txt",
		"testdata/pdfs/real/council/*.pdf",
		"testdata/pdfs/real/ofsted/*.pdf",
		"testdata/pdfs/real/ofsted-reports/*.pdf",
		"testdata/pdfs/real/other-uk/*.pdf",
	} {
		m, _ := filepath.Glob(filepath.Join(shared, pat)) // the patterns are well formed
		paths = append(paths, m...)
	}
	return paths
}

// baselineIndex is bleve's standard English analyzer ("en") over the same
// passages, searched with a plain match query: what a developer gets from
// bleve without the project's analyzer, parser or ranking.
type baselineIndex struct{ idx bleve.Index }

func newBaseline(t *testing.T, ps []judgedPassage) *baselineIndex {
	t.Helper()
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = en.AnalyzerName
	dm := bleve.NewDocumentMapping()
	key := bleve.NewKeywordFieldMapping()
	key.Store = true
	key.Index = false
	dm.AddFieldMappingsAt("key", key)
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	dm.AddFieldMappingsAt("text", text)
	m.DefaultMapping = dm
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	// One batch per paper, as the papers were read.
	b := idx.NewBatch()
	for i, p := range ps {
		if err := b.Index(p.id, map[string]string{"key": p.key, "text": p.text}); err != nil {
			t.Fatal(err)
		}
		if i == len(ps)-1 || ps[i+1].paper != p.paper {
			if err := idx.Batch(b); err != nil {
				t.Fatal(err)
			}
			b.Reset()
		}
	}
	return &baselineIndex{idx}
}

// judgedPassage is one passage of a shared paper as the baselines index
// it: the paper's place in the list, its item key ("source#item"), a
// unique id and its text.
type judgedPassage struct {
	paper         int
	key, id, text string
}

// judgedPassages reads, splits and chunks the papers as ingest does and
// returns their passages in order, for the baselines.
func judgedPassages(t *testing.T, paths []string) []judgedPassage {
	t.Helper()
	ctx := context.Background()
	var out []judgedPassage
	for n, p := range paths {
		d, err := corpus.Open(ctx, p, corpus.Options{})
		if err != nil {
			t.Fatalf("baseline: %v", err)
		}
		corpus.Split(d)
		corpus.Chunk(d)
		for _, it := range d.Items {
			for i, ps := range it.Passages {
				out = append(out, judgedPassage{
					paper: n,
					key:   d.Source + "#" + it.Number,
					id:    fmt.Sprintf("%s#%s#%d", d.Source, it.Number, i),
					text:  ps.Text,
				})
			}
		}
	}
	return out
}

// rank returns the first k items of the passages matching text, each item
// once, in the order of its best passage.
func (b *baselineIndex) rank(t *testing.T, text string, k int) []string {
	q := bleve.NewMatchQuery(text)
	q.SetField("text")
	req := bleve.NewSearchRequestOptions(q, 500, 0, false)
	req.Fields = []string{"key"}
	res, err := b.idx.Search(req)
	if err != nil {
		t.Fatalf("baseline %q: %v", text, err)
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range res.Hits {
		key, _ := h.Fields["key"].(string)
		if !seen[key] {
			seen[key] = true
			out = append(out, key)
		}
		if len(out) == k {
			break
		}
	}
	return out
}

// TestJudged ingests the shared papers into a temporary index and two
// baselines over the same passages (bleve's English analyzer, and SQLite
// FTS5 with the Porter tokenizer), runs the judged queries, and reports
// item-level nDCG@10 and MRR on the dev and test halves. The summary is
// kept in testdata/judged/summary.golden (-update rewrites it); the test
// fails only if the project's nDCG@10 falls on either half by more than
// 0.02 from the golden, or falls below either baseline on the dev half.
func TestJudged(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests every shared paper")
	}
	set := loadJudgedSet(t)
	paths := judgedPaths(t)
	ctx := context.Background()

	x, err := Open(filepath.Join(t.TempDir(), "idx"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	if _, err := x.IngestPaths(ctx, paths, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	ps := judgedPassages(t, paths)
	base := newBaseline(t, ps)
	fts := newFTS(t, ps)

	type score struct{ ndcg, mrr float64 }
	sums := map[string]*[3]score{} // half -> project, bleve baseline, FTS5 baseline
	counts := map[string]int{}
	var b strings.Builder
	fmt.Fprintf(&b, "# item-level nDCG@10 / MRR of testdata/judged/queries.json over %d shared papers\n", len(paths))
	fmt.Fprintf(&b, "%-16s %-4s %13s %13s %13s\n", "query", "half", "project", "baseline", "fts5")
	for _, q := range set.Queries {
		g := q.grades()
		r, err := x.Search(ctx, Query{Text: q.Query, Limit: 10, PerItem: 1, NoFacets: true})
		if err != nil {
			t.Fatalf("search %q: %v", q.Query, err)
		}
		if slices.Contains(strings.Split(*showJudged, ","), q.ID) {
			logRanking(t, q, r)
		}
		rp := keys(r)
		row := [3]score{}
		for i, r := range [][]string{rp, base.rank(t, q.Query, 10), fts.rank(t, q.Query, 10)} {
			row[i] = score{ndcg(r, g, 10), mrr(r, g)}
		}
		if sums[q.Half] == nil {
			sums[q.Half] = &[3]score{}
		}
		for i, s := range row {
			sums[q.Half][i].ndcg += s.ndcg
			sums[q.Half][i].mrr += s.mrr
		}
		counts[q.Half]++
		fmt.Fprintf(&b, "%-16s %-4s %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f\n", q.ID, q.Half,
			row[0].ndcg, row[0].mrr, row[1].ndcg, row[1].mrr, row[2].ndcg, row[2].mrr)
	}
	halves := []string{"dev", "test"}
	means := map[string][3]score{}
	for _, h := range halves {
		n := float64(counts[h])
		if n == 0 {
			t.Fatalf("no %s queries", h)
		}
		var m [3]score
		for i, s := range sums[h] {
			m[i] = score{s.ndcg / n, s.mrr / n}
		}
		means[h] = m
		fmt.Fprintf(&b, "mean %-11s %-4s %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f  (%d queries; nDCG@10 MRR: project, bleve en, SQLite FTS5 porter)\n",
			h, h, m[0].ndcg, m[0].mrr, m[1].ndcg, m[1].mrr, m[2].ndcg, m[2].mrr, counts[h])
	}
	summary := b.String()
	t.Logf("\n%s", summary)

	for i, name := range []string{1: "bleve en", 2: "FTS5"} {
		if d := means["dev"]; i > 0 && d[0].ndcg < d[i].ndcg {
			t.Errorf("project nDCG@10 %.3f is below the %s baseline's %.3f on the dev half", d[0].ndcg, name, d[i].ndcg)
		}
	}
	golden := filepath.Join("testdata", "judged", "summary.golden")
	want, ok := summaryGolden(t, golden, summary, "Judged")
	if !ok {
		return
	}
	for _, l := range strings.Split(string(want), "\n") {
		f := strings.Fields(l)
		if len(f) < 4 || f[0] != "mean" {
			continue
		}
		g, err := strconv.ParseFloat(f[3], 64)
		if err == nil && means[f[1]][0].ndcg < g-0.02 {
			t.Errorf("%s nDCG@10 fell from %.3f to %.3f", f[1], g, means[f[1]][0].ndcg)
		}
	}
}
