// Package plantedpack draws the PDF twin of the fictional Harlowmere pack
// in analysis/testdata/planted: the agenda pack whose planted problems,
// strengths and traps are labelled for the findings tests. The text is
// the source; the PDF is drawn from it page for page with the sample
// pack's writer, so the labels' page numbers hold for both.
//
// Run go generate ./corpus/... after changing the text (the sample pack's
// generator draws this one too).
package plantedpack

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/scrutineer/scrutineer/corpus/internal/samplepack"
)

// Paths of the pack, relative to the module root.
const (
	Dir      = "analysis/testdata/planted"
	TextName = "harlowmere-cyp-scrutiny-2026-11-18.txt"
	PDFName  = "harlowmere-cyp-scrutiny-2026-11-18.pdf"
)

// stamp is the PDF's fixed creation date: the day the pack was published.
var stamp = time.Date(2026, time.November, 10, 9, 0, 0, 0, time.UTC)

// Render draws the pack's text as a PDF.
func Render(text string) ([]byte, error) {
	return samplepack.RenderText(samplepack.TextPack{
		Text:    text,
		Title:   "Children and Young People's Scrutiny Committee, 18 November 2026: Public Document Pack",
		Author:  "Harlowmere County Council",
		Creator: "Harlowmere County Council committee papers",
		Stamp:   stamp,
	})
}

// WriteFile reads the text from dir under root and writes the PDF beside it.
func WriteFile(root string) error {
	dir := filepath.Join(root, Dir)
	text, err := os.ReadFile(filepath.Join(dir, TextName))
	if err != nil {
		return fmt.Errorf("read planted pack: %w", err)
	}
	pdfData, err := Render(string(text))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, PDFName), pdfData, 0o644); err != nil {
		return fmt.Errorf("write planted pack: %w", err)
	}
	return nil
}
