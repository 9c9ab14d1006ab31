// Package pdftext extracts text from PDF files page by page, in reading
// order, on top of github.com/ledongthuc/pdf. It never panics on bad input:
// a malformed file is an error, a page it cannot read is a warning.
package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Sentinel errors.
var (
	ErrEncrypted = errors.New("PDF is encrypted and needs a password")
	ErrNoText    = errors.New("no page has a text layer (a scan? OCR is not supported)")
	ErrMalformed = errors.New("malformed PDF")
)

// Options bound extraction.
type Options struct {
	MaxPages int
	Password string
}

// Result is the text of each page plus non-fatal warnings.
type Result struct {
	Pages    []string
	Warnings []string
}

// IsPDF reports whether data starts like a PDF file (the header may follow
// some leading junk, as the format allows within the first kilobyte).
func IsPDF(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(head, []byte("%PDF-"))
}

// Extract returns the text of every page of the PDF in data.
func Extract(ctx context.Context, data []byte, opts Options) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: %v", ErrMalformed, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "password") {
			return nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	n := r.NumPage()
	if opts.MaxPages > 0 && n > opts.MaxPages {
		return nil, fmt.Errorf("%d pages, more than the limit of %d", n, opts.MaxPages)
	}
	res = &Result{Pages: make([]string, n)}
	empty := 0
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t, perr := pageText(r, i)
		if perr != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: %v", i, perr))
		}
		if strings.TrimSpace(t) == "" {
			empty++
		}
		res.Pages[i-1] = t
	}
	if n > 0 && empty == n {
		return nil, ErrNoText
	}
	return res, nil
}

func pageText(r *pdf.Reader, i int) (s string, err error) {
	defer func() {
		if rec := recover(); rec != nil {
			s, err = "", fmt.Errorf("unreadable: %v", rec)
		}
	}()
	p := r.Page(i)
	if p.V.IsNull() {
		return "", nil
	}
	return p.GetPlainText(nil)
}
