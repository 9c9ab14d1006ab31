package figures

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// realPapers are the shared papers whose indicators are kept as goldens.
var realPapers = []string{
	"testdata/pdfs/real/council/kent-quarterly-performance-report-q3-2024-25.pdf",
	"testdata/pdfs/real/other-uk/west-sussex-children-in-need-statistical-neighbours.pdf",
	"testdata/pdfs/real/other-uk/west-sussex-vulnerable-looked-after-children-needs-assessment-2008.pdf",
}

// TestReadRealPapers reads the indicators of real papers (shared material,
// skipped when absent) and keeps their structure as goldens: names,
// values, targets, ratings, polarity and owner, and counts; never the
// papers' running text. Every verbatim row must be on its page.
func TestReadRealPapers(t *testing.T) {
	var paths []string
	for _, rel := range realPapers {
		paths = append(paths, corpustest.SharedFile(t, rel))
	}
	paths = append(paths, corpustest.SeedPacks(t)...)
	for _, path := range paths {
		name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".pdf"), ".txt")
		t.Run(name, func(t *testing.T) {
			ss, ts, doc := readDoc(t, path)
			inds := Read(ss, ts, "")
			pages := map[int]string{}
			for _, p := range doc.Pages {
				pages[p.Number] = clean(p.Text)
			}
			for _, ind := range inds {
				if ind.Row.Quote == "" || !strings.Contains(pages[ind.Row.Page], ind.Row.Quote) {
					t.Errorf("%q: row %q is not on page %d", ind.Name, ind.Row.Quote, ind.Row.Page)
				}
				if len(ind.Row.Quote) > MaxQuote {
					t.Errorf("%q: row of %d bytes", ind.Name, len(ind.Row.Quote))
				}
				if ind.Evidence.Page != ind.Row.Page || ind.Evidence.Quote == "" {
					t.Errorf("%q: evidence %+v beside row %+v", ind.Name, ind.Evidence, ind.Row)
				}
			}
			corpustest.Golden(t, filepath.Join("testdata", name+".indicators.txt"), []byte(summary(ss, ts, inds)), *update)
		})
	}
}

// summary writes indicators as structure: one line each, then counts.
func summary(ss []Sentence, ts []Table, inds []Indicator) string {
	var b strings.Builder
	owners := [3]int{}
	for _, o := range Owners(ss, "") {
		owners[o]++
	}
	byOwner := [3]int{}
	for _, ind := range inds {
		byOwner[ind.Owner]++
		fmt.Fprintf(&b, "p%d %s %q", ind.Row.Page, kindOf(ind), ind.Name)
		if ind.Unit != "" {
			fmt.Fprintf(&b, " unit=%s", ind.Unit)
		}
		fmt.Fprintf(&b, " %s", [...]string{"?", "higher", "lower"}[ind.Polarity])
		for _, v := range ind.Values {
			fmt.Fprintf(&b, " [%s=%v]", v.Period, v.Value)
		}
		if ind.HasTarget {
			fmt.Fprintf(&b, " target=%v", ind.Target)
		}
		if ind.HasFloor {
			fmt.Fprintf(&b, " floor=%v", ind.Floor)
		}
		for _, c := range ind.Comparators {
			fmt.Fprintf(&b, " %s=%v", c.Name, c.Value)
		}
		if ind.RAG != "" {
			fmt.Fprintf(&b, " %s", ind.RAG)
		}
		if ind.Rule != nil {
			if r := ind.Rule.Rate(ind); r != "" {
				fmt.Fprintf(&b, " byrule=%s", r)
			}
		}
		if ind.Owner != OwnerCouncil {
			fmt.Fprintf(&b, " owner=%s", [...]string{"council", "national", "other"}[ind.Owner])
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%d tables, %d indicators (council %d, national %d, other %d); %d sentences (council %d, national %d, other %d)\n",
		len(ts), len(inds), byOwner[0], byOwner[1], byOwner[2], len(ss), owners[0], owners[1], owners[2])
	return b.String()
}

func kindOf(ind Indicator) string {
	if ind.Table {
		return "table"
	}
	return "sentence"
}

func BenchmarkRead(b *testing.B) {
	path := corpustest.SharedFile(b, realPapers[0])
	ss, ts, _ := readDoc(b, path)
	b.ResetTimer()
	for b.Loop() {
		Read(ss, ts, "")
	}
}

// BenchmarkPack250 reads the tables and indicators of a 250-page pack
// (the Kent report's pages over again): the reading must stay a small
// part of the 2 s a whole brief may take.
func BenchmarkPack250(b *testing.B) {
	path := corpustest.SharedFile(b, realPapers[0])
	_, _, doc := readDoc(b, path)
	var ss []Sentence
	pages := make([]corpus.Page, 0, 250)
	for i := 0; len(pages) < 250; i++ {
		p := doc.Pages[i%len(doc.Pages)]
		p.Number = len(pages) + 1
		pages = append(pages, p)
		ss = append(ss, split(p.Number, p.Printed, p.Text)...)
	}
	b.ResetTimer()
	for b.Loop() {
		var ts []Table
		for i := range pages {
			ts = append(ts, PageTables(&pages[i])...)
		}
		Read(ss, ts, "")
	}
}
