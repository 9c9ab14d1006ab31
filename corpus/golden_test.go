package corpus

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// splitView is the split --json contract plus what Split reads from the
// front page and cover sheets, as kept in the golden files.
type splitView struct {
	Source string     `json:"source"`
	Pages  int        `json:"pages"`
	Meta   Meta       `json:"meta"`
	Items  []itemView `json:"items"`
}

type itemView struct {
	Number       string `json:"number"`
	Title        string `json:"title"`
	StartPage    int    `json:"start_page"`
	EndPage      int    `json:"end_page"`
	StartOffset  int    `json:"start_offset,omitempty"`
	EndOffset    int    `json:"end_offset,omitempty"`
	PrintedStart int    `json:"printed_start,omitempty"`
	PrintedEnd   int    `json:"printed_end,omitempty"`
	Kind         Kind   `json:"kind"`
	Exempt       bool   `json:"exempt,omitempty"`
	Cover        *Cover `json:"cover,omitempty"`
	// FirstLine is the item's first line of text, to check boundaries by
	// eye.
	FirstLine string `json:"first_line"`
	Passages  int    `json:"passages"`
}

func viewOf(doc *Document) splitView {
	v := splitView{Source: doc.Source, Pages: len(doc.Pages), Meta: doc.Meta}
	for i := range doc.Items {
		it := &doc.Items[i]
		first := ""
		for _, s := range doc.Segments(it) {
			for _, l := range strings.Split(s.Text, "\n") {
				if !isRuleRow(l) {
					first = strings.TrimSpace(l)
					break
				}
			}
			if first != "" {
				break
			}
		}
		v.Items = append(v.Items, itemView{
			Number: it.Number, Title: it.Title, StartPage: it.StartPage, EndPage: it.EndPage,
			StartOffset: it.StartOffset, EndOffset: it.EndOffset,
			PrintedStart: it.PrintedStart, PrintedEnd: it.PrintedEnd, Kind: it.Kind,
			Exempt: it.Exempt, Cover: it.Cover, FirstLine: clip(first, 100), Passages: len(it.Passages),
		})
	}
	return v
}

// passageSummary is a readable digest of a document's passages: one line
// each with item, page, printed page, word count, heading and the text's
// start and end; for a file from outside the project, a fingerprint of
// the text instead of its words.
func passageSummary(doc *Document, outside bool) string {
	var b strings.Builder
	for _, it := range doc.Items {
		fmt.Fprintf(&b, "== item %q %q pages %d-%d (%s)\n", it.Number, it.Title, it.StartPage, it.EndPage, it.Kind)
		for _, p := range it.Passages {
			text := strings.Join(strings.Fields(p.Text), " ")
			words := strings.Fields(text)
			var shown string
			switch {
			case outside:
				shown = corpustest.Fingerprint(text)
			case len(words) > 12:
				shown = strings.Join(words[:12], " ") + " … " + strings.Join(words[len(words)-6:], " ")
			default:
				shown = text
			}
			fmt.Fprintf(&b, "p%d/%d %3dw [%s] %s\n", p.Page, p.PrintedPage, len(words), clip(p.Heading, 50), shown)
		}
	}
	return b.String()
}

// fingerprinted returns the view with running text (the first line, cover
// summaries and recommendations) replaced by fingerprints.
func (v splitView) fingerprinted() splitView {
	items := make([]itemView, len(v.Items))
	for i, it := range v.Items {
		it.FirstLine = corpustest.Fingerprint(it.FirstLine)
		if it.Cover != nil {
			c := *it.Cover
			if c.Summary != "" {
				c.Summary = fmt.Sprintf("%d words %s", len(strings.Fields(c.Summary)), corpustest.Fingerprint(c.Summary))
			}
			recs := make([]string, len(c.Recommendations))
			for j, r := range c.Recommendations {
				recs[j] = fmt.Sprintf("%d words %s", len(strings.Fields(r)), corpustest.Fingerprint(r))
			}
			c.Recommendations = recs
			it.Cover = &c
		}
		items[i] = it
	}
	v.Items = items
	return v
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// goldenCheck compares a file's split and passages with its golden files.
// For a file from outside the project (shared material), the goldens keep
// the structure and only a fingerprint of running text (word count and
// hash), so that the file's text is not copied into the repository.
func goldenCheck(t *testing.T, name, path string, outside bool) *Document {
	t.Helper()
	doc, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	view := viewOf(doc)
	if outside {
		view = view.fingerprinted()
	}
	js, err := json.MarshalIndent(view, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, name+".split.json", append(js, '\n'))
	checkGolden(t, name+".passages.txt", []byte(passageSummary(doc, outside)))
	checkInvariants(t, doc)
	return doc
}

// checkInvariants checks what must hold for any document: items in order
// and within the file, passages inside their item's pages and never
// holding a running stamp or filler.
func checkInvariants(t *testing.T, doc *Document) {
	t.Helper()
	prevPage, prevOff := 0, -1
	for _, it := range doc.Items {
		if it.StartPage < 1 || it.EndPage > len(doc.Pages) || it.EndPage < it.StartPage {
			t.Errorf("item %q: pages %d-%d out of 1-%d", it.Number, it.StartPage, it.EndPage, len(doc.Pages))
		}
		if it.StartPage < prevPage || it.StartPage == prevPage && it.StartOffset <= prevOff {
			t.Errorf("item %q starts at %d:%d, not after the previous item (%d:%d)", it.Number, it.StartPage, it.StartOffset, prevPage, prevOff)
		}
		prevPage, prevOff = it.StartPage, it.StartOffset
		for _, p := range it.Passages {
			if p.Item != it.Number {
				t.Errorf("passage of item %q carries item %q", it.Number, p.Item)
			}
			if p.Page < it.StartPage || p.Page > it.EndPage {
				t.Errorf("item %q (pages %d-%d): passage on page %d", it.Number, it.StartPage, it.EndPage, p.Page)
			}
			if n := len(strings.Fields(p.Text)); n == 0 || n > MaxPassageWords {
				t.Errorf("item %q: passage of %d words", it.Number, n)
			}
			for _, l := range strings.Split(p.Text, "\n") {
				if reStamp.MatchString(strings.TrimSpace(l)) || fillerLine(l) {
					t.Errorf("item %q: passage holds %q", it.Number, l)
				}
			}
		}
	}
}

func TestGoldenSeedPacks(t *testing.T) {
	for _, path := range corpustest.SeedPacks(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			goldenCheck(t, name, path, true)
		})
	}
}

// kentGolden are the real moderngov files kept as golden splits.
var kentGolden = []string{
	"kent-cabinet-2025-01-30-supplementary-pack-item7-18-25-transfer.pdf",
	"kent-county-council-2025-03-13-agenda-frontsheet.pdf",
	"kent-county-council-2025-03-13-questions-pack.pdf",
	"kent-scrutiny-call-in-family-hubs-report-2025-03-13.pdf",
}

func TestGoldenSample(t *testing.T) {
	for _, rel := range []string{corpustest.SampleText, corpustest.SamplePDF} {
		path := filepath.Join(corpustest.Root(), rel)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("sample pack not built: %v", err)
		}
		name := filepath.Base(rel)
		name = strings.TrimSuffix(name, ".txt")
		name = strings.Replace(name, ".pdf", "-pdf", 1)
		t.Run(name, func(t *testing.T) {
			goldenCheck(t, name, path, false)
		})
	}
}

func TestGoldenKent(t *testing.T) {
	for _, f := range kentGolden {
		name := strings.TrimSuffix(f, ".pdf")
		t.Run(name, func(t *testing.T) {
			goldenCheck(t, name, corpustest.SharedFile(t, filepath.Join("testdata", "pdfs", "real", "council", f)), true)
		})
	}
}

// checkGolden compares got with testdata/golden/name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	corpustest.Golden(t, filepath.Join("testdata", "golden", name), got, *update)
}
