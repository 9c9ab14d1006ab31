package bleveindex_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// An officer's shorthand finds the paper's own words: "LAC" meets
// "children in care", and the snippet marks the phrase that matched.
func Example() {
	dir, _ := os.MkdirTemp("", "example-")
	defer os.RemoveAll(dir)
	x, err := bleveindex.Open(filepath.Join(dir, "idx"), bleveindex.Options{Create: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer x.Close()

	doc := &corpus.Document{
		Source: "cyp-2026-10-14.pdf",
		Hash:   "1",
		Meta:   corpus.Meta{Committee: "Children and Young People Scrutiny Committee", Date: "2026-10-14"},
		Pages:  make([]corpus.Page, 9),
		Items: []corpus.Item{{
			Number: "5", Title: "Placement Sufficiency", Kind: corpus.KindReport,
			Passages: []corpus.Passage{{Item: "5", Page: 9, PrintedPage: 9,
				Text: "At 31 March 2026 there were 312 children in care to Wexcombe."}},
		}},
	}
	ctx := context.Background()
	if _, err := x.IngestDocument(ctx, doc, index.IngestOptions{}); err != nil {
		fmt.Println(err)
		return
	}
	res, err := x.Search(ctx, index.Query{Text: "LAC"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range res.Hits {
		fmt.Printf("%s item %s p.%d: %s\n", h.Source, h.Item, h.PrintedPage, h.Snippet)
	}
	// Output:
	// cyp-2026-10-14.pdf item 5 p.9: At 31 March 2026 there were 312 <mark>children in care</mark> to Wexcombe.
}
