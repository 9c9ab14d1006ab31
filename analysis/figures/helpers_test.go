package figures

import (
	"context"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

// split is a test-only sentence splitter: paragraphs (blank lines apart),
// their lines joined, cut after ". ". Headings are lines of a paragraph
// of one short line.
func split(page, printed int, text string) []Sentence {
	var out []Sentence
	heading := ""
	for _, para := range strings.Split(text, "\n\n") {
		p := clean(para)
		if p == "" {
			continue
		}
		if len(p) < 60 && !strings.HasSuffix(p, ".") && !strings.ContainsAny(p, "0123456789") {
			heading = p
		}
		for _, s := range strings.SplitAfter(p, ". ") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, Sentence{Text: s, Page: page, Printed: printed, Heading: heading})
			}
		}
	}
	return out
}

// readDoc opens a file and returns its sentences and tables.
func readDoc(t testing.TB, path string) ([]Sentence, []Table, *corpus.Document) {
	t.Helper()
	doc, err := corpus.Open(context.Background(), path, corpus.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	var ss []Sentence
	var ts []Table
	for i := range doc.Pages {
		p := &doc.Pages[i]
		ss = append(ss, split(p.Number, p.Printed, p.Text)...)
		ts = append(ts, PageTables(p)...)
	}
	return ss, ts, doc
}
