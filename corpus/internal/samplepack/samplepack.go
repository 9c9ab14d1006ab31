// Package samplepack owns the project's sample agenda pack: a fictional
// "Public Document Pack" for Wexcombe Borough Council's Children and Young
// People Scrutiny Committee of 14 October 2026, written as Go data and laid
// out into an A4 PDF (core fonts, via go-pdf/fpdf) plus the same text with
// form feeds between pages. The pack is a test fixture: front sheet and
// agenda, minutes of the previous meeting, officer reports with cover
// sheets, figures, tables and an action plan, blank filler pages, item
// stamps and printed page numbers that differ from physical ones.
//
// Run go generate ./corpus/... to rewrite corpus/testdata/sample after
// changing the content or the layout.
package samplepack

import (
	"fmt"
	"os"
	"path/filepath"
)

// File names of the generated fixture.
const (
	PDFName  = "wexcombe-cyp-scrutiny-2026-10-14.pdf"
	TextName = "wexcombe-cyp-scrutiny-2026-10-14.txt"
)

// WriteFiles renders the pack and writes PDFName and TextName into dir.
func WriteFiles(dir string) error {
	pdfData, text, err := Render()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	if err := os.WriteFile(filepath.Join(dir, PDFName), pdfData, 0o644); err != nil {
		return fmt.Errorf("write sample pack: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, TextName), []byte(text), 0o644); err != nil {
		return fmt.Errorf("write sample text: %w", err)
	}
	return nil
}
