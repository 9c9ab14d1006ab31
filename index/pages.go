package index

import (
	"context"
	"errors"
	"fmt"

	"github.com/scrutineer/scrutineer/corpus"
)

// PageText is one page of a paper as an index keeps it, so that the paper
// can be read again (its tables, its quotes' pages) when its file has
// moved or gone.
type PageText struct {
	Number  int    `json:"number"`
	Printed int    `json:"printed,omitempty"`
	Text    string `json:"text"`
	// Body is the page without running headers, footers and stamps: what
	// items' offsets count in.
	Body   string `json:"body"`
	Blank  bool   `json:"blank,omitempty"`
	NoText bool   `json:"no_text,omitempty"`
}

// PageTexts are pages as an index keeps them.
func PageTexts(pages []corpus.Page) []PageText {
	out := make([]PageText, len(pages))
	for i, p := range pages {
		out[i] = PageText{Number: p.Number, Printed: p.Printed, Text: p.Text, Body: p.Body, Blank: p.Blank, NoText: p.NoText}
	}
	return out
}

// Pages are the pages kept as ps.
func Pages(ps []PageText) []corpus.Page {
	out := make([]corpus.Page, len(ps))
	for i, p := range ps {
		out[i] = corpus.Page{Number: p.Number, Printed: p.Printed, Text: p.Text, Body: p.Body, Blank: p.Blank, NoText: p.NoText}
	}
	return out
}

// PaperReader reads a paper's items and pages back from an index.
type PaperReader interface {
	// Item returns the item numbered number of the paper ref names, with
	// its passages.
	Item(ctx context.Context, ref, number string) (*corpus.Item, *DocumentInfo, error)
	// Pages returns the pages of the paper ref names; the error wraps
	// ErrNotFound when the index did not keep them.
	Pages(ctx context.Context, ref string) ([]corpus.Page, error)
}

// ReadBack reads the paper d back as the index keeps it, for when its
// file has moved or gone: its items with their passages (the agenda
// itself left out), and its pages when the index kept them (a paper
// ingested before it did has none: the document then has no pages).
func ReadBack(ctx context.Context, r PaperReader, d DocumentInfo) (*corpus.Document, error) {
	doc := &corpus.Document{Source: d.Source, URL: d.URL, Hash: d.Hash, Format: d.Format, Meta: d.Meta, Warnings: d.Warnings}
	if d.PagesKept {
		pages, err := r.Pages(ctx, d.ID)
		switch {
		case err == nil:
			doc.Pages = pages
		case !errors.Is(err, ErrNotFound):
			return nil, fmt.Errorf("read the pages of %s from the index: %w", d.Source, err)
		}
	}
	seen := map[string]bool{}
	for _, it := range d.Items {
		// Items are read by number: of two that share one (a report and
		// its appendix, as a splitter may give them), the index gives the
		// first, once.
		if it.Kind == corpus.KindAgenda || seen[it.Number] {
			continue
		}
		seen[it.Number] = true
		one, _, err := r.Item(ctx, d.ID, it.Number)
		if err != nil {
			return nil, fmt.Errorf("read item %s of %s from the index: %w", it.Number, d.Source, err)
		}
		doc.Items = append(doc.Items, *one)
	}
	return doc, nil
}
