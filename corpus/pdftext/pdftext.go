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
	"time"

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
	// ErrTooComplex means reading the document would take more work than
	// any sound file needs: its streams decompress to too much (a
	// decompression bomb), or its page tree or objects are too many.
	ErrTooComplex = errors.New("PDF needs more work to read than allowed")
	// ErrDeadline means reading the document took longer than
	// Options.Timeout (DefaultTimeout when unset). A deadline or
	// cancellation of the caller's context gives the context's error
	// instead.
	ErrDeadline = errors.New("PDF took too long to read")
)

// Options bound extraction.
type Options struct {
	// MaxPages is the most pages accepted; a longer document is an error
	// wrapping ErrTooManyPages. 0 means no limit.
	MaxPages int
	// Password opens a PDF encrypted with a user password. Files with an
	// empty user password open without it.
	Password string
	// Timeout bounds the time spent on the file; 0 means DefaultTimeout,
	// and a negative value means no limit but the context's.
	Timeout time.Duration
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
// ctx, and gives up after Options.Timeout (DefaultTimeout when unset) with
// an error wrapping ErrDeadline; work that would run away on a hostile
// file (loops, bombs, huge page trees) stops with an error wrapping
// ErrMalformed or ErrTooComplex. When no page has text the error wraps
// ErrNoText and the (empty) result is returned as well, so callers can see
// the warnings.
//
// The reading runs in its own goroutine, so Extract returns at the
// deadline even from inside a library call it cannot interrupt; that
// goroutine stops at its next check, and the work it can do meanwhile is
// bounded by the same budgets.
func Extract(ctx context.Context, data []byte, opts Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	own := opts.Timeout
	if own == 0 {
		own = DefaultTimeout
	}
	run := ctx
	cancel := context.CancelFunc(func() {})
	if own > 0 {
		run, cancel = context.WithTimeout(ctx, own)
	}
	defer cancel()
	b := newBudget(ctx, run, own, len(data))
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := extractWithin(b, data, opts)
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		return o.res, o.err
	case <-run.Done():
		// The reader may have finished at the same moment.
		select {
		case o := <-done:
			return o.res, o.err
		default:
		}
		return nil, b.deadlineErr()
	}
}

// extractWithin does Extract's work under the budget b. It must not panic: it
// runs in a goroutine of its own.
func extractWithin(b *budget, data []byte, opts Options) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: %v", ErrMalformed, r)
		}
	}()
	r, root, how, err := open(data, opts.Password, b)
	if err != nil {
		return nil, err
	}
	if b.stopped() {
		return nil, b.errStopped()
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
	tree, werr := walkPages(root, opts.MaxPages, b)
	if werr != nil {
		return nil, werr
	}
	pages := tree.pages
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: the document has no pages", ErrMalformed)
	}
	res = &Result{Pages: make([]string, len(pages))}
	if how.repaired {
		why := "truncated or with a broken cross-reference table"
		if how.loop {
			why = "its " + xrefLoop
		}
		res.Warnings = append(res.Warnings, fmt.Sprintf("the file is damaged (%s) and was repaired: pages may be missing or out of order", why))
	}
	if tree.repeats > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the page tree refers back to itself or lists a page more than once (%d references skipped): each page is read once", tree.repeats))
	}
	fonts := make(fontCache)
	var noMap, garbled []int
	noMapFonts := map[string]bool{}
	damaged := 0
	firstDamage := "" // the first damaged page's reason
	for i, p := range pages {
		if b.stopped() {
			return nil, fmt.Errorf("extract page %d: %w", i+1, b.errStopped())
		}
		pt, perr := pageText(p, fonts, b)
		if b.stopped() {
			return nil, fmt.Errorf("extract page %d: %w", i+1, b.errStopped())
		}
		if perr != nil {
			damaged++
			if firstDamage == "" {
				firstDamage = fmt.Sprintf("page %d: %v", i+1, perr)
			}
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
			return res, fmt.Errorf("%w: the content of %d of %d pages could not be decoded (damaged, or encrypted with its keys lost; %s)", ErrMalformed, damaged, len(pages), firstDamage)
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
func pageText(p page, fonts fontCache, b *budget) (pr pageResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			pr, err = pageResult{}, fmt.Errorf("unreadable: %v", r)
		}
	}()
	in := newInterp(fonts, b)
	res := p.v.Key("Resources")
	if res.IsNull() {
		res = p.res
	}
	data, cerr := contentBytes(p.v.Key("Contents"), b)
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

// page is a page dictionary and the Resources it inherits from the page
// tree (used when it has none of its own).
type page struct {
	v   pdf.Value
	res pdf.Value
}

// pageTree is what walkPages found.
type pageTree struct {
	pages []page
	// repeats counts references skipped because they name a page or node
	// already walked: a page listed twice, or a tree that loops.
	repeats int
}

// walkPages lists the page dictionaries in order, walking /Kids once. A
// reference to a node or page already walked is skipped before it is
// read, so a page listed a million times costs a million skips, not a
// million reads; depth is capped, the references walked count against
// the budget, and past limit pages (when limit > 0) it stops with
// ErrTooManyPages.
func walkPages(root pdf.Value, limit int, b *budget) (pageTree, error) {
	var t pageTree
	seen := make(map[uint64]bool)
	var walk func(n pdf.Value, res pdf.Value, depth int) error
	walk = func(n pdf.Value, res pdf.Value, depth int) error {
		if depth > 64 {
			return nil
		}
		if !b.object() {
			return b.errStopped()
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
			t.pages = append(t.pages, page{v: n, res: res})
			if limit > 0 && len(t.pages) > limit {
				total := int(root.Key("Count").Int64())
				if total < len(t.pages) {
					total = len(t.pages)
				}
				return fmt.Errorf("%d pages or more, limit %d: %w", total, limit, ErrTooManyPages)
			}
			return nil
		}
		if r := n.Key("Resources"); !r.IsNull() {
			res = r
		}
		refs, _ := kidRefs(kids)
		for i := 0; i < kids.Len(); i++ {
			if !b.pageRef() {
				return b.errStopped()
			}
			if i < len(refs) && refs[i] != 0 {
				if seen[refs[i]] {
					t.repeats++
					continue
				}
			}
			if err := walk(kids.Index(i), res, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, pdf.Value{}, 0); err != nil {
		return pageTree{}, err
	}
	return t, nil
}

// xrefLoop says what is wrong with a file whose cross-reference /Prev
// chain comes back to a section already read.
const xrefLoop = "cross-reference chain loops"

// opened says how open got a file to read.
type opened struct {
	repaired bool // with a cross-reference table rebuilt from its objects
	loop     bool // because its cross-reference chain loops
}

// open parses the file, working around what the library refuses but can
// read: leading junk before the header, a %PDF-2.0 header, a damaged or
// missing cross-reference table, a trailer whose /Size undercounts the
// table. A cross-reference chain that loops is never handed to the
// library (it would follow it for ever): the file is repaired instead.
func open(data []byte, password string, b *budget) (r *pdf.Reader, pages pdf.Value, how opened, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, pages, how, err = nil, pdf.Value{}, opened{}, fmt.Errorf("%w: %v", ErrMalformed, x)
		}
	}()
	if len(data) == 0 {
		return nil, pdf.Value{}, how, fmt.Errorf("%w: empty file", ErrMalformed)
	}
	off := headerOffset(data)
	if off < 0 {
		head := data
		if len(head) > 16 {
			head = head[:16]
		}
		return nil, pdf.Value{}, how, fmt.Errorf("%w: not a PDF (starts with %q)", ErrMalformed, head)
	}
	data = fixHeader(data[off:])
	if err := checkColumns(data); err != nil {
		return nil, pdf.Value{}, how, err
	}
	chain := scanXrefChain(data)
	err = fmt.Errorf("%w: implausible cross-reference numbers", ErrMalformed)
	switch {
	case chain.loop:
		how.loop = true
		err = fmt.Errorf("%w: %s", ErrMalformed, xrefLoop)
	case xrefSane(data):
		if err := checkEncrypted(data, chain); err != nil {
			return nil, pdf.Value{}, how, err
		}
		// What checkEncrypted could not open to check (a table the
		// library reads and the chain scan does not).
		if err := checkEncryptRefs(data); err != nil {
			return nil, pdf.Value{}, how, err
		}
		whole := data
		if chain.undercounted() {
			// A merged file (pdfunite) whose trailer counts fewer
			// objects than its table lists: sound, read as it is.
			whole = growTrailer(data, chain)
		}
		r, pages, err = newReader(whole, password)
		if err == nil {
			return r, pages, how, nil
		}
		if errors.Is(err, ErrEncrypted) || errors.Is(err, errObjStmLoop) || errors.Is(err, errObjStmSelf) {
			return nil, pdf.Value{}, how, err
		}
	}
	// Try again with a cross-reference table rebuilt from the objects
	// found in the file (truncated files, broken offsets), and failing
	// that with a page tree made of the page objects found.
	for _, synthetic := range []bool{false, true} {
		if b.stopped() {
			return nil, pdf.Value{}, how, b.errStopped()
		}
		fixed, rerr := rebuildXref(data, synthetic, b)
		if rerr != nil {
			return nil, pdf.Value{}, how, rerr
		}
		if fixed == nil {
			continue
		}
		r2, pages2, err2 := newReader(fixed, password)
		if errors.Is(err2, ErrEncrypted) {
			return nil, pdf.Value{}, how, err2
		}
		if err2 != nil {
			continue
		}
		if tree, werr := walkPages(pages2, 1, b); werr == nil && len(tree.pages) == 0 {
			continue
		}
		how.repaired = true
		return r2, pages2, how, nil
	}
	if how.loop {
		return nil, pdf.Value{}, how, fmt.Errorf("%w: its %s and it could not be repaired", ErrMalformed, xrefLoop)
	}
	if strings.Contains(err.Error(), "%%EOF") || strings.Contains(err.Error(), "startxref") {
		return nil, pdf.Value{}, how, fmt.Errorf("%w: truncated or damaged (no usable cross-reference table or %%%%EOF) and it could not be repaired", ErrMalformed)
	}
	return nil, pdf.Value{}, how, err
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

// newReader opens data with the library and returns the reader and the
// root of the page tree.
func newReader(data []byte, password string) (r *pdf.Reader, pages pdf.Value, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, pages, err = nil, pdf.Value{}, fmt.Errorf("%w: %v", ErrMalformed, x)
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
		if err := checkObjStreams(r, data); err != nil {
			return nil, pdf.Value{}, err
		}
		// Read the catalog so a broken trailer fails here, not later.
		pages = r.Trailer().Key("Root").Key("Pages")
		if pages.IsNull() {
			return nil, pages, fmt.Errorf("%w: no page tree", ErrMalformed)
		}
		return r, pages, nil
	}
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword):
		if password != "" {
			return nil, pdf.Value{}, fmt.Errorf("%w: the password given is wrong", ErrEncrypted)
		}
		return nil, pdf.Value{}, fmt.Errorf("%w: it needs a user password", ErrEncrypted)
	case strings.Contains(msg, "256-bit") || strings.Contains(msg, "V=5") || strings.Contains(msg, "R=5") || strings.Contains(msg, "R=6"):
		return nil, pdf.Value{}, fmt.Errorf("%w: AES-256 encryption is not supported by this reader; decrypt it first (for example qpdf --decrypt --password=... in.pdf out.pdf)", ErrEncrypted)
	case strings.Contains(msg, "encrypt"):
		return nil, pdf.Value{}, fmt.Errorf("%w: unsupported encryption: %v", ErrEncrypted, err)
	}
	if errors.Is(err, ErrMalformed) {
		return nil, pdf.Value{}, err
	}
	return nil, pdf.Value{}, fmt.Errorf("%w: %v", ErrMalformed, err)
}
