package bleveindex

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// fileTimeout is the deadline of one file's read under o; 0 for none.
func fileTimeout(o IngestOptions) time.Duration {
	switch {
	case o.FileTimeout == 0:
		return index.DefaultFileTimeout
	case o.FileTimeout < 0:
		return 0
	}
	return o.FileTimeout
}

// readResult is one file read by a worker: its content hash, and the
// document when its content was not already indexed (or opts.Force).
type readResult struct {
	path string
	hash string
	doc  *corpus.Document
	err  error
}

// IngestPaths reads the named files and every .pdf and .txt file under the
// named folders (following symbolic links, each folder once), in parallel,
// and indexes them under their absolute paths. Each file's read has its
// own deadline, opts.FileTimeout. A paper is known by its content: a file
// whose content is already indexed is not read again (it is recorded as
// one more source of that paper when its path is new), two files of one
// name and different content are two papers, and a file changed at a path
// (or address) already indexed replaces the paper that was there, its old
// passages deleted in the same batch that adds the new ones. A file
// that is not indexed (unreadable, too large, timed out, a symlink loop,
// not a regular file, not a PDF or text file...) is reported in
// Summary.Skipped with why, and the rest go in.
// When ctx is cancelled it stops after the file in hand, writes what it
// has read in one last batch (so the index stays consistent and the files
// read are kept), and returns the summary so far with ctx's error.
func (x *Index) IngestPaths(ctx context.Context, paths []string, opts IngestOptions) (Summary, error) {
	start := time.Now()
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return Summary{}, index.ErrClosed
	}
	files, skipped := expandPaths(paths)
	sum := Summary{Files: len(files), Skipped: skipped}
	w, err := x.newWriter(opts)
	if err != nil {
		return sum, err
	}

	// A text file beside a PDF of the same name (or whose PDF is already
	// indexed) is that paper converted: the PDF is indexed, so that search
	// does not show each passage twice.
	pdfs := map[string]string{}
	for _, e := range w.papers {
		for _, l := range e.Sources {
			if stem, ok := stemOf(l.Name, ".pdf"); ok {
				pdfs[stem] = l.Name
			}
		}
	}
	for _, f := range files {
		if stem, ok := stemOf(filepath.Base(f), ".pdf"); ok {
			pdfs[stem] = f
		}
	}
	var todo []string
	for _, f := range files {
		if stem, ok := stemOf(filepath.Base(f), ".txt"); ok {
			if pdf, ok := pdfs[stem]; ok {
				sum.Skipped = append(sum.Skipped, Skipped{Path: f, Reason: "the text of " + filepath.Base(pdf) + ", which is indexed"})
				continue
			}
		}
		todo = append(todo, f)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := x.readAll(ctx, todo, opts, w.papers.hashes())

	done := 0
	for r := range results {
		if ctx.Err() != nil {
			break
		}
		done++
		if r.err == nil {
			r.err = w.file(ctx, r, &sum)
		}
		if r.err != nil {
			sum.Skipped = append(sum.Skipped, Skipped{Path: r.path, Reason: r.err.Error()})
		} else if w.full() {
			if err := w.flush(); err != nil {
				sum.Took = time.Since(start)
				return sum, err
			}
		}
		if opts.Progress != nil {
			opts.Progress(Progress{FilesDone: done, FilesTotal: len(todo), Pages: sum.Pages, Passages: sum.Passages, File: r.path})
		}
	}
	sum.Took = time.Since(start)
	if err := ctx.Err(); err != nil {
		cancel()
		for range results {
		}
		// The files read before the stop are kept: one last batch.
		if ferr := w.flush(); ferr != nil {
			return sum, fmt.Errorf("ingest into %s: %w", x.dir, errors.Join(err, ferr))
		}
		return sum, fmt.Errorf("ingest into %s: %w", x.dir, err)
	}
	if err := w.flush(); err != nil {
		return sum, err
	}
	sum.Took = time.Since(start)
	return sum, nil
}

// stemOf returns a file name without its extension ext, lower-cased, and
// whether the name has that extension (any case).
func stemOf(name, ext string) (string, bool) {
	if !strings.EqualFold(filepath.Ext(name), ext) {
		return "", false
	}
	return strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name))), true
}

// readAll reads files on opts.Workers goroutines and delivers them in
// the order given, so that which name of a paper found twice is its first
// does not depend on which file was read faster. Reading runs at most
// readAhead files a worker ahead of delivery. A file whose content hash is
// among known comes back with its hash and no document, without being
// parsed. The channel closes when every file is done or ctx ends.
func (x *Index) readAll(ctx context.Context, files []string, opts IngestOptions, known map[string]bool) <-chan readResult {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type job struct {
		path string
		done chan readResult
	}
	jobs := make(chan job)
	// slots holds each file's result channel in the order given.
	slots := make(chan chan readResult, readAhead*workers)
	out := make(chan readResult, workers)
	for i := 0; i < workers; i++ {
		go func() {
			for j := range jobs {
				j.done <- readFile(ctx, j.path, opts, known)
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(slots)
		for _, p := range files {
			done := make(chan readResult, 1)
			select {
			case slots <- done:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{p, done}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer close(out)
		for done := range slots {
			select {
			case r := <-done:
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// readAhead is how many files a worker may have read beyond the one
// ingest waits for.
const readAhead = 4

// readFile reads one file under its own deadline (opts.FileTimeout).
// When the deadline passes, or ctx ends, it returns at once with an error;
// a read stuck inside a parser is left to finish on its own goroutine, and
// what it returns is dropped, so one bad file cannot hold up the folder or
// the index.
func readFile(ctx context.Context, path string, opts IngestOptions, known map[string]bool) readResult {
	limit := fileTimeout(opts)
	fctx, cancel := ctx, context.CancelFunc(func() {})
	if limit > 0 {
		fctx, cancel = context.WithTimeout(ctx, limit)
	}
	defer cancel()
	done := make(chan readResult, 1)
	go func() { done <- readFileNow(fctx, path, opts, known) }()
	select {
	case r := <-done:
		return r
	case <-fctx.Done():
		if err := ctx.Err(); err != nil {
			return readResult{path: path, err: err}
		}
		return readResult{path: path, err: fmt.Errorf("timed out: still reading after %v, so it was stopped (the file may be damaged)", limit)}
	}
}

// readFileNow reads one file, a regular file within the size limit, and
// parses it unless its content hash is among known.
func readFileNow(ctx context.Context, path string, opts IngestOptions, known map[string]bool) readResult {
	fi, err := os.Stat(path)
	if err != nil {
		return readResult{path: path, err: errors.New(statReason(path, err))}
	}
	if !fi.Mode().IsRegular() {
		// Reading a named pipe would wait for a writer.
		return readResult{path: path, err: errors.New("not a regular file (" + kindOf(fi.Mode()) + ")")}
	}
	limit := opts.Corpus.MaxBytes
	if limit <= 0 {
		limit = corpus.DefaultMaxBytes
	}
	if fi.Size() > limit {
		return readResult{path: path, err: fmt.Errorf("too large: %s, the limit is %s", sizeText(fi.Size()), sizeText(limit))}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return readResult{path: path, err: errors.New("unreadable: " + errText(err))}
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	if !opts.Force && known[hash] {
		return readResult{path: path, hash: hash}
	}
	doc, err := readDocument(ctx, filepath.Base(path), data, opts.Corpus)
	if err != nil {
		return readResult{path: path, hash: hash, err: err}
	}
	doc.Path = path
	if o, ok := opts.Origins[path]; ok {
		o.Apply(doc)
	}
	return readResult{path: path, hash: hash, doc: doc}
}

// sizeText gives a file size in MB, or KB below a megabyte.
func sizeText(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// readDocument runs corpus.Read and turns a panic in a parser into an
// error, so one bad file cannot stop a whole folder.
func readDocument(ctx context.Context, name string, data []byte, opts corpus.Options) (doc *corpus.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("read %s: internal error: %v", name, r)
		}
	}()
	return corpus.Read(ctx, name, data, opts)
}

// IngestDocument indexes a document already read, found at doc.Path
// and doc.URL (either may be ""). As with IngestPaths, a paper is known by
// its content (doc.Hash): a document already indexed is left alone (or
// recorded as one more source of its paper), and one that changed at a
// path or address already indexed replaces the paper that was there, in
// one batch. opts.Force indexes it again even when unchanged.
func (x *Index) IngestDocument(ctx context.Context, doc *corpus.Document, opts IngestOptions) (Summary, error) {
	start := time.Now()
	if doc == nil || doc.Source == "" {
		return Summary{}, fmt.Errorf("ingest document: no source name")
	}
	if doc.Hash == "" {
		return Summary{}, fmt.Errorf("ingest %s: no content hash", doc.Source)
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return Summary{}, index.ErrClosed
	}
	w, err := x.newWriter(opts)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Files: 1}
	if doc.Path != "" && !filepath.IsAbs(doc.Path) {
		// The path is read again later, from another working folder.
		abs, err := filepath.Abs(doc.Path)
		if err != nil {
			return sum, fmt.Errorf("ingest %s: %w", doc.Source, err)
		}
		d := *doc
		d.Path = abs
		doc = &d
	}
	if err := w.file(ctx, readResult{path: doc.Path, hash: doc.Hash, doc: doc}, &sum); err != nil {
		return sum, err
	}
	if err := w.flush(); err != nil {
		return sum, err
	}
	sum.Took = time.Since(start)
	return sum, nil
}
