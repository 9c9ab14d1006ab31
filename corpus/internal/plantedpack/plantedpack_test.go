package plantedpack

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

var update = flag.Bool("update", false, "rewrite the committed PDF")

const staleHint = "the committed planted PDF is stale: run go generate ./corpus/... (or go test -update)"

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpustest.Root(), Dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// textPages returns the text twin's pages.
func textPages(t *testing.T) []string {
	t.Helper()
	return strings.Split(strings.TrimSuffix(string(read(t, TextName)), "\n"), "\f")
}

// TestCommittedPDFIsCurrent redraws the PDF from the text and checks the
// committed one is byte-identical.
func TestCommittedPDFIsCurrent(t *testing.T) {
	if *update {
		if err := WriteFile(corpustest.Root()); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Render(string(read(t, TextName)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, read(t, PDFName)) {
		t.Errorf("%s differs from a fresh render: %s", PDFName, staleHint)
	}
}

// TestPDFTextMatchesText checks that the words extracted from each PDF
// page are the words of the same text page, so labels hold for both.
func TestPDFTextMatchesText(t *testing.T) {
	ps := textPages(t)
	doc, err := corpus.Extract(context.Background(), PDFName, read(t, PDFName), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range doc.Pages {
		got = append(got, p.Text)
	}
	corpustest.SameWords(t, got, ps)
}

type label struct {
	Item         string   `json:"item"`
	Kind         string   `json:"kind"`
	Page         int      `json:"page"`
	PrintedPage  int      `json:"printed_page"`
	Pages        []int    `json:"pages"`
	PrintedPages []int    `json:"printed_pages"`
	Must         []string `json:"must"`
	Why          string   `json:"why"`
}

type labels struct {
	Source      string  `json:"source"`
	Meeting     string  `json:"meeting"`
	NextMeeting string  `json:"next_meeting"`
	Problems    []label `json:"problems"`
	Strengths   []label `json:"strengths"`
	NotProblems []label `json:"not_problems"`
}

// TestLabelsMatchPack keeps labels.json in step with the pack: the pack
// splits into the labelled items, every must string is on the labelled
// page (or pages), printed pages agree, and no item has more than three
// problems.
func TestLabelsMatchPack(t *testing.T) {
	var l labels
	dec := json.NewDecoder(bytes.NewReader(read(t, "labels.json")))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		t.Fatalf("labels: %v", err)
	}
	if l.Source != TextName {
		t.Errorf("source %q, want %q", l.Source, TextName)
	}
	for _, name := range []string{TextName, PDFName} {
		doc, err := corpus.Read(context.Background(), name, read(t, name), corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Meta.Date != l.Meeting || doc.Meta.Council != "Harlowmere County Council" {
			t.Errorf("%s: meta %+v, want Harlowmere County Council on %s", name, doc.Meta, l.Meeting)
		}
		checkLabels(t, name, doc, l)
	}
}

func checkLabels(t *testing.T, name string, doc *corpus.Document, l labels) {
	items := map[string]corpus.Item{}
	for _, it := range doc.Items {
		items[it.Number] = it
	}
	ps := textPages(t)
	perItem := map[string]int{}
	for _, p := range l.Problems {
		perItem[p.Item]++
		if p.Kind == "" || p.Why == "" {
			t.Errorf("problem in item %s has no kind or why", p.Item)
		}
	}
	for item, n := range perItem {
		if n > 3 {
			t.Errorf("item %s has %d problems, want at most 3", item, n)
		}
	}
	all := append(append(append([]label{}, l.Problems...), l.Strengths...), l.NotProblems...)
	for _, lb := range all {
		it, ok := items[lb.Item]
		if !ok {
			t.Errorf("%s: no item %s", name, lb.Item)
			continue
		}
		pages, printed := lb.Pages, lb.PrintedPages
		if lb.Page != 0 {
			pages, printed = []int{lb.Page}, []int{lb.PrintedPage}
		}
		if len(pages) == 0 || len(pages) != len(printed) {
			t.Errorf("item %s %v: pages %v, printed %v", lb.Item, lb.Must, pages, printed)
			continue
		}
		inItem := false
		var text strings.Builder
		for i, p := range pages {
			if p < 1 || p > len(ps) {
				t.Errorf("item %s %v: no page %d", lb.Item, lb.Must, p)
				continue
			}
			if got := doc.PrintedPage(p); got != printed[i] {
				t.Errorf("%s: item %s %v: page %d is printed %d, label says %d", name, lb.Item, lb.Must, p, got, printed[i])
			}
			if p >= it.StartPage && p <= it.EndPage {
				inItem = true
			}
			text.WriteString(strings.Join(strings.Fields(ps[p-1]), " "))
			text.WriteString(" ")
		}
		if !inItem {
			t.Errorf("%s: item %s %v: pages %v are outside the item (%d-%d)", name, lb.Item, lb.Must, pages, it.StartPage, it.EndPage)
		}
		for _, m := range lb.Must {
			if !strings.Contains(strings.ToLower(text.String()), strings.ToLower(m)) {
				t.Errorf("item %s: %q is not on pages %v", lb.Item, m, pages)
			}
		}
	}
}
