package samplepack

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

const staleHint = "the committed sample pack is stale: run go generate ./corpus/... (or go test -update)"

var update = flag.Bool("update", false, "rewrite the committed sample pack")

// TestCommittedFixtureIsCurrent regenerates the pack into a temporary
// folder and checks the committed files are byte-identical.
func TestCommittedFixtureIsCurrent(t *testing.T) {
	committed := filepath.Join(corpustest.Root(), "corpus", "testdata", "sample")
	if *update {
		if err := WriteFiles(committed); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	if err := WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{PDFName, TextName} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(committed, name))
		if err != nil {
			t.Fatalf("%s: %v (%s)", name, err, staleHint)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from a fresh render (%d bytes vs %d): %s", name, len(want), len(got), staleHint)
		}
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	p1, t1, err := Render()
	if err != nil {
		t.Fatal(err)
	}
	p2, t2, err := Render()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p1, p2) || t1 != t2 {
		t.Fatal("two renders differ")
	}
	if len(p1) > 300<<10 {
		t.Errorf("PDF is %d bytes, want under 300 KB", len(p1))
	}
}

// pages returns the pack's pages as laid out.
func pages(t *testing.T) []string {
	t.Helper()
	_, text, err := Render()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\f")
}

func TestPageCountThroughCorpus(t *testing.T) {
	want := len(pages(t))
	if want < 25 || want > 35 {
		t.Errorf("pack has %d pages, want 25 to 35", want)
	}
	for _, path := range []string{corpustest.Sample(t), filepath.Join(corpustest.Root(), corpustest.SampleText)} {
		doc, err := corpus.Open(context.Background(), path, corpus.Options{})
		if err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		if len(doc.Pages) != want {
			t.Errorf("%s: corpus.Open gives %d pages, want %d", filepath.Base(path), len(doc.Pages), want)
		}
	}
}

// TestLayout checks the features the pack exists to exercise: agenda page
// ranges that match the stamps, printed numbers offset from physical
// ones, running headers on the minutes and at least one blank page.
func TestLayout(t *testing.T) {
	pk := build(newMeasurer(), agenda)
	ps := pages(t)
	if pk.front < 1 {
		t.Fatal("no front sheet")
	}
	footer := regexp.MustCompile(`^Page (\d+)$`)
	blank := 0
	for i, p := range ps {
		lines := strings.Split(p, "\n")
		last := lines[len(lines)-1]
		m := footer.FindStringSubmatch(last)
		if i < pk.front {
			if m != nil {
				t.Errorf("front page %d has a page number", i+1)
			}
			continue
		}
		if m == nil {
			t.Errorf("page %d: no footer, last line %q", i+1, last)
			continue
		}
		if n, _ := strconv.Atoi(m[1]); n != i+1-pk.front {
			t.Errorf("page %d: printed %d, want %d", i+1, n, i+1-pk.front)
		}
		if lines[0] == "This page is intentionally left blank" {
			blank++
		}
	}
	if blank == 0 {
		t.Error("no blank filler page")
	}
	front := strings.Join(ps[:pk.front], "\n")
	rangeRE := regexp.MustCompile(`(?m)^(\d+)\.  (.*?)  \(Pages (\d+) - (\d+)\)$`)
	found := rangeRE.FindAllStringSubmatch(front, -1)
	if len(found) < 6 {
		t.Fatalf("agenda gives %d page ranges, want at least 6", len(found))
	}
	for _, f := range found {
		from, _ := strconv.Atoi(f[3])
		to, _ := strconv.Atoi(f[4])
		for printed := from; printed <= to; printed++ {
			p := ps[printed+pk.front-1]
			if strings.HasPrefix(p, "This page is intentionally left blank") {
				continue
			}
			if want := "Agenda Item " + f[1]; !strings.HasPrefix(p, want+"\n") {
				t.Errorf("printed page %d: want stamp %q, page starts %q", printed, want, firstLine(p))
			}
		}
	}
	for i := pk.ranges["3"][0]; i <= pk.ranges["3"][1]; i++ {
		p := ps[i+pk.front-1]
		if !strings.Contains(firstLines(p, 2), "Scrutiny Committee - 8 July 2026") && !strings.HasPrefix(p, "This page") {
			t.Errorf("minutes page %d has no running header", i)
		}
	}
}

// TestTextInsideMargins checks every segment lies inside the page.
func TestTextInsideMargins(t *testing.T) {
	m := newMeasurer()
	pk := build(m, agenda)
	for i, p := range pk.pages {
		for _, l := range p.lines {
			for _, s := range l.segs {
				w := m.width(s.text, s.style, s.size)
				if s.x < marginL-0.01 || s.x+w > pageW-marginR+0.01 {
					t.Errorf("page %d: %q runs outside the margins (x %.1f, width %.1f)", i+1, s.text, s.x, w)
				}
				if s.y < 10 || s.y > footerY+0.01 {
					t.Errorf("page %d: %q outside the page body (y %.1f)", i+1, s.text, s.y)
				}
			}
		}
	}
}

// TestPDFTextMatchesLayout checks that the words extracted from each PDF
// page are the words of the laid-out text, so the .txt twin is faithful.
func TestPDFTextMatchesLayout(t *testing.T) {
	ps := pages(t)
	doc, err := corpus.Extract(context.Background(), PDFName, mustRead(t, corpustest.Sample(t)), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range doc.Pages {
		got = append(got, p.Text)
	}
	corpustest.SameWords(t, got, ps)
}

type labels struct {
	Source string `json:"source"`
	Items  []struct {
		Number string   `json:"number"`
		Title  string   `json:"title"`
		Themes []string `json:"themes"`
		Facts  []struct {
			Page int    `json:"page"`
			Text string `json:"text"`
		} `json:"facts"`
	} `json:"items"`
}

// TestLabelsMatchPack keeps the evaluation labels in step with the pack:
// every item exists with its title, every fact is verbatim on its page and
// within the item's pages.
func TestLabelsMatchPack(t *testing.T) {
	data := mustRead(t, filepath.Join(corpustest.Root(), "analysis", "testdata", "labels", "sample.json"))
	var l labels
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		t.Fatalf("labels: %v", err)
	}
	if l.Source != PDFName {
		t.Errorf("source %q, want %q", l.Source, PDFName)
	}
	pk := build(newMeasurer(), agenda)
	ps := pages(t)
	titles := map[string]string{}
	for _, it := range agenda {
		titles[it.num] = it.title
	}
	for _, it := range l.Items {
		name := fmt.Sprintf("item %s", it.Number)
		if titles[it.Number] != it.Title {
			t.Errorf("%s: title %q, agenda says %q", name, it.Title, titles[it.Number])
		}
		if len(it.Themes) < 1 || len(it.Themes) > 5 {
			t.Errorf("%s: %d themes, want 1 to 5", name, len(it.Themes))
		}
		r := pk.ranges[it.Number]
		for _, f := range it.Facts {
			if f.Page < r[0]+pk.front || f.Page > r[1]+pk.front {
				t.Errorf("%s: fact %q on page %d, outside the item's pages %d-%d", name, f.Text, f.Page, r[0]+pk.front, r[1]+pk.front)
				continue
			}
			if !strings.Contains(ps[f.Page-1], f.Text) {
				t.Errorf("%s: fact %q not on page %d", name, f.Text, f.Page)
			}
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func firstLine(s string) string {
	return firstLines(s, 1)
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
