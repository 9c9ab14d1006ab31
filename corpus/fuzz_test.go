package corpus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/corpus/corpustest/hostile"
)

// FuzzSplit feeds arbitrary text through Extract, Split and Chunk: nothing
// may panic, items must lie in the file in order, and every passage must
// lie inside its item, on a page of the item.
func FuzzSplit(f *testing.F) {
	f.Add(frontSheet)
	f.Add(frontSheet + "\f\fAgenda Item 2\nMINUTES\nRESOLVED: that it be noted.\nPage 1\fAgenda Item 3\nReport to  Committee\nSubject  Fostering Service Annual Report\n1. Background\nfos-\ntering text.\nPage 3")
	f.Add("AGENDA\n\n3. Minutes (Pages 1 - 2)\n\nThis page is intentionally left blank\n\nAgenda Item 3\n\nHEADER 2018 - TUESDAY 10TH JULY\n\ntext and\n\nAgenda Item 4\n\nmore text.")
	f.Add("Meeting\tBoard\nDate\t27 November 2017\nAGENDA\n5. TITLE ONE (Pages 3 - 9)\n6. TITLE TWO (Pages 10 - 12)\nTitle:\tTitle one\nDate:\t27 November 2017\n\nTitle:\tTitle two\n")
	f.Add("| Report to: | X | Date of Meeting: | 1 May 2020 |\n| Subject: | Y | | |\n\nSummary:\n\nS.\n\nRecommendation(s):\n\n(1) R.")
	f.Add("Page 1\f2\f- 3 -\f\f\f4\fAgenda Item 1a\f1.\n2.\n(Pages 9 - 1)\f")
	f.Add(strings.Repeat("word ", 700))
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		var doc *Document
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			var err error
			doc, err = Extract(context.Background(), "fuzz.txt", []byte(text), Options{MaxPages: 200})
			if err != nil && (errors.Is(err, ErrEmpty) || errors.Is(err, ErrUnsupported) || errors.Is(err, ErrTooLarge)) {
				doc, err = nil, nil
			}
			if err != nil {
				return fmt.Errorf("extract: %v", err)
			}
			if doc != nil {
				Split(doc)
				Chunk(doc)
			}
			return nil
		})
		if doc == nil {
			return
		}
		checkInvariants(t, doc)
		for i := range doc.Items {
			it := &doc.Items[i]
			var body strings.Builder
			for _, s := range doc.Segments(it) {
				body.WriteString(s.Text)
				body.WriteByte('\n')
			}
			for _, p := range it.Passages {
				f := strings.Fields(p.Text)
				if len(f) == 0 {
					t.Fatalf("empty passage in item %q", it.Number)
				}
				if !strings.Contains(body.String(), f[0]) {
					t.Fatalf("item %q: passage starting %q is not in the item's text", it.Number, f[0])
				}
				switch {
				case p.PageInferred && (p.PrintedPage < it.PrintedStart || p.PrintedPage > max(it.PrintedEnd, it.PrintedStart)):
					t.Fatalf("passage printed page %d worked out outside its item's pages %d-%d", p.PrintedPage, it.PrintedStart, it.PrintedEnd)
				case !p.PageInferred && p.PrintedPage != doc.PrintedPage(p.Page):
					t.Fatalf("passage printed page %d, page %d is printed %d", p.PrintedPage, p.Page, doc.PrintedPage(p.Page))
				}
			}
		}
	})
}

// FuzzRead feeds whole files, PDF or text, through Read under
// corpustest.FuzzDeadline, with the generated hostile PDFs as seeds:
// nothing may panic or hang, every error wraps one of the package's
// sentinels, and a document read has pages and items in order.
func FuzzRead(f *testing.F) {
	for _, h := range hostile.Files() {
		if !h.Big {
			f.Add(h.Data)
		}
	}
	f.Add([]byte(frontSheet))
	f.Add([]byte("Text with a NUL\x00 after it"))
	f.Add(append([]byte(strings.Repeat("a", 70000)), 0xff))
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc *Document
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			var err error
			// The reader's own deadline (60 s) is far beyond the fuzz
			// deadline, so an unbounded input fails here.
			doc, err = Read(context.Background(), "fuzz", data, Options{MaxPages: 64})
			if err == nil {
				return nil
			}
			for _, s := range []error{ErrEmpty, ErrUnsupported, ErrTooLarge, ErrEncrypted, ErrNoText, ErrMalformed, ErrTooComplex} {
				if errors.Is(err, s) {
					return nil
				}
			}
			return fmt.Errorf("error wraps no sentinel: %v", err)
		})
		if doc != nil {
			checkInvariants(t, doc)
		}
	})
}
