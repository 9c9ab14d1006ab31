package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/corpus/pdftext"
)

// Sentinel errors callers can test with errors.Is.
var (
	// ErrEmpty is returned for a file with no bytes.
	ErrEmpty = errors.New("empty file")
	// ErrUnsupported is returned for a file that is neither PDF nor UTF-8 text.
	ErrUnsupported = errors.New("not a PDF or UTF-8 text file")
	// ErrTooLarge is returned for a file over Options.MaxBytes.
	ErrTooLarge = errors.New("file too large")
	// ErrEncrypted is returned for a PDF that needs a password.
	ErrEncrypted = pdftext.ErrEncrypted
	// ErrNoText is returned when no page of a file has any text (a scan).
	ErrNoText = pdftext.ErrNoText
	// ErrMalformed is returned for a PDF the reader cannot parse.
	ErrMalformed = pdftext.ErrMalformed
	// ErrTooComplex is returned for a PDF that would take more work to
	// read than any sound file needs (a decompression bomb, a page tree of
	// millions of references).
	ErrTooComplex = pdftext.ErrTooComplex
	// ErrDeadline is returned when reading a PDF took longer than
	// Options.Timeout. The caller's own deadline or cancellation gives the
	// context's error instead.
	ErrDeadline = pdftext.ErrDeadline
)

// Options bound the work done on one file.
type Options struct {
	// MaxBytes is the largest file accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxPages is the most pages read; 0 means DefaultMaxPages.
	MaxPages int
	// Password opens an encrypted PDF.
	Password string
	// Timeout bounds the time spent reading one PDF; 0 means
	// pdftext.DefaultTimeout. The context's deadline applies as well.
	Timeout time.Duration
}

// Defaults for Options.
const (
	DefaultMaxBytes = 200 << 20
	DefaultMaxPages = 5000
)

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxPages <= 0 {
		o.MaxPages = DefaultMaxPages
	}
	return o
}

// Open reads the file at path and returns it fully processed: pages
// extracted and cleaned, items split, passages cut. It reads with ReadFile,
// so devices, FIFOs and files over the size limit are refused before any
// byte is read. Errors name the file.
func Open(ctx context.Context, path string, opts Options) (*Document, error) {
	opts = opts.withDefaults()
	data, err := ReadFile(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	doc, err := Read(ctx, filepath.Base(path), data, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	doc.Path = path
	return doc, nil
}

// Read processes a file's bytes; name is used as the document's Source.
func Read(ctx context.Context, name string, data []byte, opts Options) (*Document, error) {
	doc, err := Extract(ctx, name, data, opts)
	if err != nil {
		return nil, err
	}
	Split(doc)
	Chunk(doc)
	return doc, nil
}

// Extract reads a file's pages and cleans them (running headers and
// footers, printed page numbers, item stamps, blank pages), without
// splitting it into items.
func Extract(ctx context.Context, name string, data []byte, opts Options) (*Document, error) {
	opts = opts.withDefaults()
	if len(data) == 0 {
		return nil, ErrEmpty
	}
	if int64(len(data)) > opts.MaxBytes {
		return nil, fmt.Errorf("%w (%d bytes, limit %d)", ErrTooLarge, len(data), opts.MaxBytes)
	}
	sum := sha256.Sum256(data)
	doc := &Document{Source: name, Hash: hex.EncodeToString(sum[:])}
	var texts []string
	switch {
	case pdftext.IsPDF(data):
		doc.Format = "pdf"
		res, err := pdftext.Extract(ctx, data, pdftext.Options{MaxPages: opts.MaxPages, Password: opts.Password, Timeout: opts.Timeout})
		if errors.Is(err, pdftext.ErrTooManyPages) {
			return nil, fmt.Errorf("%w: %v", ErrTooLarge, err)
		}
		if err != nil {
			return nil, err
		}
		texts = res.Pages
		doc.Warnings = append(doc.Warnings, res.Warnings...)
	case strings.EqualFold(filepath.Ext(name), ".pdf"):
		// A scraper that saved an error page under a PDF's name: trust the
		// bytes, not the extension.
		return nil, fmt.Errorf("%w: named .pdf but holds no PDF%s", ErrUnsupported, looksLike(data))
	case isText(data):
		if err := checkText(data); err != nil {
			return nil, err
		}
		doc.Format = "text"
		texts = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\f")
		if len(texts) > 1 && strings.TrimSpace(texts[len(texts)-1]) == "" {
			texts = texts[:len(texts)-1]
		}
		if len(texts) > opts.MaxPages {
			return nil, fmt.Errorf("%d pages, limit %d: %w", len(texts), opts.MaxPages, ErrTooLarge)
		}
	default:
		return nil, ErrUnsupported
	}
	doc.Pages = make([]Page, len(texts))
	for i, t := range texts {
		doc.Pages[i] = Page{Number: i + 1, Text: t}
	}
	Clean(doc)
	return doc, nil
}

// textSample is how much of a file isText looks at to tell text from
// binary; checkText then checks all of it.
const textSample = 64 << 10

// isText reports whether data starts like UTF-8 text rather than binary:
// its first 64 KB are valid UTF-8 without NUL bytes.
func isText(data []byte) bool {
	sample := data
	if len(sample) > textSample {
		sample = sample[:textSample]
		// Do not cut a rune in half at the sample's end.
		for i := 0; i < utf8.UTFMax && !utf8.Valid(sample); i++ {
			sample = sample[:len(sample)-1]
		}
	}
	if !utf8.Valid(sample) {
		return false
	}
	return !bytes.ContainsRune(sample, 0)
}

// checkText checks a text file whole: invalid UTF-8 or a NUL byte
// anywhere is an error naming where it is, so nothing but text reaches
// the index.
func checkText(data []byte) error {
	bad := bytes.IndexByte(data, 0)
	what := "a NUL byte"
	if !utf8.Valid(data) {
		for i := 0; i < len(data) && (bad < 0 || i < bad); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				bad, what = i, "invalid UTF-8"
				break
			}
			i += n
		}
	}
	if bad < 0 {
		return nil
	}
	line := bytes.Count(data[:bad], []byte("\n")) + 1
	return fmt.Errorf("%w: %s at byte %d (line %d); convert the file to UTF-8 text", ErrUnsupported, what, bad, line)
}

// looksLike names what a file that should have been a PDF holds instead,
// when it can tell.
func looksLike(data []byte) string {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 512)]))
	switch {
	case bytes.HasPrefix(head, []byte("<!doctype html")), bytes.HasPrefix(head, []byte("<html")):
		return " (it is an HTML page, perhaps an error page saved by a download)"
	case bytes.HasPrefix(head, []byte("pk\x03\x04")):
		return " (it is a ZIP archive, perhaps a Word document)"
	}
	return ""
}
