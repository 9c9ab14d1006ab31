// Package pdftext extracts text from PDF files page by page, in reading
// order, on top of github.com/ledongthuc/pdf. It owns everything between a
// PDF's bytes and plain page text: opening (including encrypted and slightly
// damaged files), walking the page tree, interpreting each page's content
// stream with its own text-state tracking (so words get the right spaces and
// lines the right breaks), decoding fonts to Unicode, and judging whether a
// page's text is usable. It never panics on bad input: a malformed file is
// an error, a page it cannot read is empty text plus a warning.
package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/unicode/norm"
)

// Sentinel errors. Extract wraps them with detail; test with errors.Is.
var (
	// ErrEncrypted means the PDF is encrypted and could not be opened:
	// it needs a password, the password was wrong, or the encryption is of
	// a kind the reader does not support (AES-256).
	ErrEncrypted = errors.New("PDF is encrypted and needs a password")
	// ErrNoText means no page has a text layer (a scan; OCR is not done).
	ErrNoText = errors.New("no page has a text layer (a scan? OCR is not supported)")
	// ErrMalformed means the file is not a PDF the reader can parse.
	ErrMalformed = errors.New("malformed PDF")
	// ErrTooManyPages means the document has more pages than
	// Options.MaxPages allows.
	ErrTooManyPages = errors.New("PDF has too many pages")
)

// Options bound extraction.
type Options struct {
	// MaxPages is the most pages accepted; a longer document is an error
	// wrapping ErrTooManyPages. 0 means no limit.
	MaxPages int
	// Password opens a PDF encrypted with a user password. Files with an
	// empty user password open without it.
	Password string
}

// Result is the text of each page plus non-fatal warnings.
type Result struct {
	// Pages holds the text of page i+1 at index i. Lines end with "\n"
	// between them; paragraphs are separated by a blank line.
	Pages []string
	// Warnings are human-readable notes naming the pages concerned.
	Warnings []string
	// NoTextPages lists the 1-based numbers of pages without any text
	// (scanned pages, blank pages, pages that could not be read).
	NoTextPages []int
	// GarbledPages lists the 1-based numbers of pages whose text looks
	// like undecodable font codes rather than words.
	GarbledPages []int
}

// IsPDF reports whether data starts like a PDF file (the header may follow
// some leading junk, as the format allows within the first kilobyte).
func IsPDF(data []byte) bool {
	return headerOffset(data) >= 0
}

func headerOffset(data []byte) int {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Index(head, []byte("%PDF-"))
}

// Extract returns the text of every page of the PDF in data. It honours
// ctx between pages. When no page has text the error wraps ErrNoText and
// the (empty) result is returned as well, so callers can see the warnings.
func Extract(ctx context.Context, data []byte, opts Options) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: %v", ErrMalformed, r)
		}
	}()
	r, repaired, err := open(data, opts.Password)
	if err != nil {
		return nil, err
	}
	if enc := r.Trailer().Key("Encrypt"); enc.Kind() == pdf.Dict {
		// The library derives per-object keys for 40-bit RC4 wrongly (it
		// does not cut them to 10 bytes), so every stream would come out
		// as noise: say so rather than report a scan.
		bits := enc.Key("Length").Int64()
		if bits == 0 {
			bits = 40
		}
		if enc.Key("V").Int64() == 1 || bits == 40 {
			return nil, fmt.Errorf("%w: 40-bit RC4 encryption is not supported by this reader; decrypt it first (for example qpdf --decrypt in.pdf out.pdf)", ErrEncrypted)
		}
	}
	root := r.Trailer().Key("Root").Key("Pages")
	limit := opts.MaxPages
	pages, werr := walkPages(root, limit)
	if werr != nil {
		return nil, werr
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: the document has no pages", ErrMalformed)
	}
	res = &Result{Pages: make([]string, len(pages))}
	if repaired {
		res.Warnings = append(res.Warnings, "the file is damaged (truncated or with a broken cross-reference table) and was repaired: pages may be missing or out of order")
	}
	fonts := make(fontCache)
	var noMap, garbled []int
	noMapFonts := map[string]bool{}
	damaged := 0
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("extract page %d: %w", i+1, err)
		}
		pt, perr := pageText(p, fonts)
		if perr != nil {
			damaged++
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: %v", i+1, perr))
		}
		res.Pages[i] = pt.text
		if strings.TrimSpace(pt.text) == "" {
			res.NoTextPages = append(res.NoTextPages, i+1)
		}
		if pt.stats.unmapped >= 2*minUnmapped || pt.stats.unmapped >= minUnmapped && pt.stats.unmapped*10 > pt.stats.glyphs {
			noMap = append(noMap, i+1)
			for name := range pt.stats.fonts {
				noMapFonts[name] = true
			}
		}
		if pt.text != "" && looksGarbled(pt.text) {
			garbled = append(garbled, i+1)
		}
		if pt.truncated {
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: content stream too large or complex; text may be incomplete", i+1))
		}
	}
	res.GarbledPages = garbled
	if len(noMap) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: characters in fonts without a Unicode map (%s) were skipped (OCR needed for them)", pageList(noMap), fontList(noMapFonts)))
	}
	if len(garbled) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: text looks garbled (fonts without a usable Unicode map?)", pageList(garbled)))
	}
	if len(res.NoTextPages) == len(pages) {
		if damaged*2 >= len(pages) {
			return res, fmt.Errorf("%w: the content of %d of %d pages could not be decoded (damaged, or encrypted with its keys lost)", ErrMalformed, damaged, len(pages))
		}
		if len(noMap) > 0 {
			return res, fmt.Errorf("%w: its fonts have no Unicode map", ErrNoText)
		}
		return res, ErrNoText
	}
	if len(res.NoTextPages) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: no text (scanned or blank)", pageList(res.NoTextPages)))
	}
	return res, nil
}

// fontList names up to five fonts, sorted.
func fontList(set map[string]bool) string {
	var names []string
	for n := range set {
		if n == "" {
			n = "unnamed"
		}
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 5 {
		names = append(names[:5], fmt.Sprintf("and %d more", len(names)-5))
	}
	return strings.Join(names, ", ")
}

// pageList formats page numbers as "page 3" or "pages 1-4, 7".
func pageList(ps []int) string {
	var parts []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", ps[i], ps[j]))
		} else {
			parts = append(parts, fmt.Sprint(ps[i]))
		}
		i = j + 1
		if len(parts) == 20 && i < len(ps) {
			parts = append(parts, fmt.Sprintf("and %d more", len(ps)-i))
			break
		}
	}
	if len(ps) == 1 {
		return "page " + parts[0]
	}
	return "pages " + strings.Join(parts, ", ")
}

// minUnmapped is how many undecodable characters a page needs before it
// is reported (with at least a tenth of the page's characters; twice as
// many are reported whatever the share), so one stray symbol does not raise
// a warning.
const minUnmapped = 5

type pageResult struct {
	text      string
	stats     pageStats
	truncated bool
}

// pageText extracts one page, turning a panic into an error.
func pageText(p pdf.Value, fonts fontCache) (pr pageResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			pr, err = pageResult{}, fmt.Errorf("unreadable: %v", r)
		}
	}()
	in := newInterp(fonts)
	res := inherited(p, "Resources")
	data, cerr := contentBytes(p.Key("Contents"))
	in.run(data, res, 0)
	t := in.text()
	if !norm.NFKC.IsNormalString(t) {
		t = norm.NFKC.String(t)
	}
	pr = pageResult{text: t, stats: in.stats, truncated: in.ops >= maxOps || in.textBytes >= maxPageText}
	if cerr != nil {
		return pr, fmt.Errorf("content stream damaged: %v", cerr)
	}
	return pr, nil
}

// inherited returns a page attribute, looking up the page tree as the
// specification allows for Resources, MediaBox, CropBox and Rotate.
func inherited(p pdf.Value, key string) pdf.Value {
	v := p
	for i := 0; i < 64 && !v.IsNull(); i++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// walkPages lists the page dictionaries in order, walking /Kids once.
// It guards against cycles and absurd depth, and stops with an error past
// limit pages when limit > 0.
func walkPages(root pdf.Value, limit int) ([]pdf.Value, error) {
	var pages []pdf.Value
	seen := make(map[uint64]bool)
	var walk func(n pdf.Value, depth int) error
	walk = func(n pdf.Value, depth int) error {
		if depth > 64 {
			return nil
		}
		if k, ok := objKey(n); ok {
			if seen[k] {
				return nil
			}
			seen[k] = true
		}
		kids := n.Key("Kids")
		typ := n.Key("Type").Name()
		if typ == "Page" || (typ != "Pages" && kids.Kind() != pdf.Array && depth > 0) {
			if n.Kind() != pdf.Dict {
				return nil
			}
			pages = append(pages, n)
			if limit > 0 && len(pages) > limit {
				total := int(root.Key("Count").Int64())
				if total < len(pages) {
					total = len(pages)
				}
				return fmt.Errorf("%d pages or more, limit %d: %w", total, limit, ErrTooManyPages)
			}
			return nil
		}
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// open parses the file, working around what the library refuses but can
// read: leading junk before the header, a %PDF-2.0 header, a damaged or
// missing cross-reference table.
func open(data []byte, password string) (r *pdf.Reader, repaired bool, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, repaired, err = nil, false, fmt.Errorf("%w: %v", ErrMalformed, x)
		}
	}()
	if len(data) == 0 {
		return nil, false, fmt.Errorf("%w: empty file", ErrMalformed)
	}
	off := headerOffset(data)
	if off < 0 {
		head := data
		if len(head) > 16 {
			head = head[:16]
		}
		return nil, false, fmt.Errorf("%w: not a PDF (starts with %q)", ErrMalformed, head)
	}
	data = fixHeader(data[off:])
	err = fmt.Errorf("%w: implausible cross-reference numbers", ErrMalformed)
	if xrefSane(data) {
		r, err = newReader(data, password)
		if err == nil {
			return r, false, nil
		}
		if errors.Is(err, ErrEncrypted) {
			return nil, false, err
		}
	}
	// Try again with a cross-reference table rebuilt from the objects
	// found in the file (truncated files, broken offsets), and failing
	// that with a page tree made of the page objects found.
	for _, synthetic := range []bool{false, true} {
		fixed, rerr := rebuildXref(data, synthetic)
		if rerr != nil {
			return nil, false, rerr
		}
		if fixed == nil {
			continue
		}
		r2, err2 := newReader(fixed, password)
		if errors.Is(err2, ErrEncrypted) {
			return nil, false, err2
		}
		if err2 != nil {
			continue
		}
		if pages, werr := walkPages(r2.Trailer().Key("Root").Key("Pages"), 1); werr == nil && len(pages) == 0 {
			continue
		}
		return r2, true, nil
	}
	if strings.Contains(err.Error(), "%%EOF") || strings.Contains(err.Error(), "startxref") {
		return nil, false, fmt.Errorf("%w: truncated or damaged (no usable cross-reference table or %%%%EOF) and it could not be repaired", ErrMalformed)
	}
	return nil, false, err
}

// fixHeader rewrites a header the library rejects ("%PDF-2.0", or one not
// followed by an end of line) to "%PDF-1.7" in a copy of data. Offsets are
// unchanged.
func fixHeader(data []byte) []byte {
	if len(data) < 9 {
		return data
	}
	ok := bytes.HasPrefix(data, []byte("%PDF-1.")) && data[7] >= '0' && data[7] <= '7' && (data[8] == '\r' || data[8] == '\n')
	if ok {
		return data
	}
	out := make([]byte, len(data))
	copy(out, data)
	copy(out, "%PDF-1.7")
	if out[8] != '\r' && out[8] != '\n' {
		out[8] = '\n'
	}
	return out
}

func newReader(data []byte, password string) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("%w: %v", ErrMalformed, x)
		}
	}()
	tried := false
	pw := func() string {
		if tried || password == "" {
			return ""
		}
		tried = true
		return password
	}
	r, err = pdf.NewReaderEncrypted(bytes.NewReader(data), int64(len(data)), pw)
	if err == nil {
		// Touch the catalog so a broken trailer fails here, not later.
		if r.Trailer().Key("Root").Key("Pages").IsNull() {
			return nil, fmt.Errorf("%w: no page tree", ErrMalformed)
		}
		return r, nil
	}
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword):
		if password != "" {
			return nil, fmt.Errorf("%w: the password given is wrong", ErrEncrypted)
		}
		return nil, fmt.Errorf("%w: it needs a user password", ErrEncrypted)
	case strings.Contains(msg, "256-bit") || strings.Contains(msg, "V=5") || strings.Contains(msg, "R=5") || strings.Contains(msg, "R=6"):
		return nil, fmt.Errorf("%w: AES-256 encryption is not supported by this reader; decrypt it first (for example qpdf --decrypt --password=... in.pdf out.pdf)", ErrEncrypted)
	case strings.Contains(msg, "encrypt"):
		return nil, fmt.Errorf("%w: unsupported encryption: %v", ErrEncrypted, err)
	}
	if errors.Is(err, ErrMalformed) {
		return nil, err
	}
	return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
}
