package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// hugePDF writes an n-page PDF whose every page carries a footer "Page N"
// and one numbered paragraph.
func hugePDF(t *testing.T, n int) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 11)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-15)
		pdf.CellFormat(0, 10, fmt.Sprintf("Page %d", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	for i := 1; i <= n; i++ {
		pdf.AddPage()
		// Pages differ in their words, as real pages do: a line repeated
		// at the top of every page would rightly be taken for a header.
		topic := []string{"fostering", "placements", "care leavers", "workforce", "adoption"}[i%5]
		pdf.MultiCell(0, 6, fmt.Sprintf("Paragraph %d. Week %d of the review of %s looked at %d cases.", i, i%52+1, topic, i%17+3), "", "L", false)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHugeFiles reads a file of thousands of pages end to end, and refuses
// one over the page limit with ErrTooLarge rather than working through it.
func TestHugeFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 3,000-page PDF")
	}
	const n = 3000
	doc, err := Read(context.Background(), "huge.pdf", hugePDF(t, n), Options{})
	if err != nil {
		t.Fatalf("read %d-page PDF: %v", n, err)
	}
	if len(doc.Pages) != n {
		t.Fatalf("got %d pages, want %d", len(doc.Pages), n)
	}
	last := doc.Pages[n-1]
	if !strings.Contains(last.Body, fmt.Sprintf("Paragraph %d.", n)) || last.Printed != n {
		t.Errorf("last page: printed %d, body %q", last.Printed, last.Body)
	}
	if len(doc.Items) != 1 || len(doc.Items[0].Passages) == 0 {
		t.Fatalf("want one item with passages, got %d items", len(doc.Items))
	}
	// Short pages merge into passages of up to 300 words; the last passage
	// starts some pages before the end and holds the last paragraph.
	if p := doc.Items[0].Passages[len(doc.Items[0].Passages)-1]; p.Page < n-20 || !strings.Contains(p.Text, fmt.Sprintf("Paragraph %d.", n)) {
		t.Errorf("last passage starts on page %d and ends %q", p.Page, p.Text[max(0, len(p.Text)-60):])
	}

	over := strings.Repeat("A page of a very long file.\f", DefaultMaxPages+1)
	if _, err := Read(context.Background(), "over.txt", []byte(over), Options{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("%d-page text file: err %v, want ErrTooLarge", DefaultMaxPages+1, err)
	}
	if _, err := Read(context.Background(), "huge.pdf", hugePDF(t, 20), Options{MaxPages: 10}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("PDF over MaxPages: err %v, want ErrTooLarge", err)
	}
}
