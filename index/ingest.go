package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/scrutineer/scrutineer/corpus"
)

// DefaultBatchSize is the number of passages written per batch.
const DefaultBatchSize = 800

// IngestOptions controls IngestPaths and IngestDocument.
type IngestOptions struct {
	// Corpus bounds the reading of each file.
	Corpus corpus.Options
	// Workers is the number of files read at once; 0 means one per CPU.
	Workers int
	// BatchSize is the number of passages written per batch; 0 means
	// DefaultBatchSize. A file's passages always go in one batch.
	BatchSize int
	// Force re-indexes files whose content is unchanged.
	Force bool
	// Themer, when set, gives each passage its themes. It is not part of
	// the options' JSON form (nor is Progress): a process given options
	// as JSON supplies its own.
	Themer Themer `json:"-"`
	// Progress, when set, is called after each file from the calling
	// goroutine.
	Progress func(Progress) `json:"-"`
	// FileTimeout bounds the reading of one file; a file that takes
	// longer is reported in Summary.Skipped and the rest go on. 0 means
	// DefaultFileTimeout; a negative value, no limit.
	FileTimeout time.Duration
}

// DefaultFileTimeout is how long one file may take to read. The largest
// real packs (hundreds of pages) read in seconds; a file still reading
// after this is damaged or hostile.
const DefaultFileTimeout = 2 * time.Minute

// fileTimeout is the deadline of one file's read; 0 for none.
func (o IngestOptions) fileTimeout() time.Duration {
	switch {
	case o.FileTimeout == 0:
		return DefaultFileTimeout
	case o.FileTimeout < 0:
		return 0
	}
	return o.FileTimeout
}

// Progress reports how far an ingest has got.
type Progress struct {
	FilesDone, FilesTotal int
	// Pages and Passages count what has been read so far.
	Pages, Passages int
	// File is the path of the file just finished.
	File string
}

// Skipped is a file that was not ingested, and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Summary tells what an ingest did.
type Summary struct {
	Files     int `json:"files"`
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	// Pages and Passages count the files added or updated.
	Pages    int       `json:"pages"`
	Passages int       `json:"passages"`
	Skipped  []Skipped `json:"skipped,omitempty"`
	// Warnings are per-file problems that did not stop the file going in,
	// as "source: warning".
	Warnings []string `json:"warnings,omitempty"`
	// Took is how long the ingest took; its JSON is in milliseconds
	// (took_ms), never raw nanoseconds.
	Took time.Duration `json:"-"`
}

// MarshalJSON writes the summary with its duration in milliseconds.
func (s Summary) MarshalJSON() ([]byte, error) {
	type plain Summary
	return json.Marshal(struct {
		plain
		TookMS int64 `json:"took_ms"`
	}{plain(s), s.Took.Milliseconds()})
}

// readResult is one file read by a worker.
type readResult struct {
	path      string
	doc       *corpus.Document
	unchanged bool
	err       error
}

// IngestPaths reads the named files and every .pdf and .txt file under the
// named folders (following symbolic links, each folder once), in parallel,
// and indexes them under their absolute paths. Each file's read has its
// own deadline, opts.FileTimeout. A file whose content hash
// is already indexed under its name is left alone; a changed file's old
// passages are replaced in the same batch that adds the new ones. A file
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
		return Summary{}, ErrClosed
	}
	files, skipped := expandPaths(paths)
	sum := Summary{Files: len(files), Skipped: skipped}
	w, err := x.newWriter(opts)
	if err != nil {
		return sum, err
	}

	// One file per source name: a second file of the same name would
	// replace the first. A text file beside a PDF of the same name (or
	// whose PDF is already indexed) is that paper converted: the PDF is
	// indexed, so that search does not show each passage twice.
	pdfs := map[string]string{}
	for src := range w.files {
		if stem, ok := stemOf(src, ".pdf"); ok {
			pdfs[stem] = src
		}
	}
	for _, f := range files {
		if stem, ok := stemOf(filepath.Base(f), ".pdf"); ok {
			pdfs[stem] = f
		}
	}
	bySource := map[string]string{}
	var todo []string
	for _, f := range files {
		src := filepath.Base(f)
		if first, ok := bySource[src]; ok {
			sum.Skipped = append(sum.Skipped, Skipped{Path: f, Reason: "same file name as " + first})
			continue
		}
		if stem, ok := stemOf(src, ".txt"); ok {
			if pdf, ok := pdfs[stem]; ok {
				sum.Skipped = append(sum.Skipped, Skipped{Path: f, Reason: "the text of " + filepath.Base(pdf) + ", which is indexed"})
				continue
			}
		}
		bySource[src] = f
		todo = append(todo, f)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	known := make(map[string]string, len(w.files))
	for k, v := range w.files {
		known[k] = v
	}
	results := x.readAll(ctx, todo, opts, known)

	done := 0
	for r := range results {
		if ctx.Err() != nil {
			break
		}
		done++
		switch {
		case r.err != nil:
			sum.Skipped = append(sum.Skipped, Skipped{Path: r.path, Reason: r.err.Error()})
		case r.unchanged:
			sum.Unchanged++
		default:
			updated, err := w.add(r.doc)
			if err != nil {
				sum.Skipped = append(sum.Skipped, Skipped{Path: r.path, Reason: err.Error()})
				break
			}
			if updated {
				sum.Updated++
			} else {
				sum.Added++
			}
			sum.Pages += len(r.doc.Pages)
			for _, it := range r.doc.Items {
				sum.Passages += len(it.Passages)
			}
			for _, warn := range r.doc.Warnings {
				sum.Warnings = append(sum.Warnings, r.doc.Source+": "+warn)
			}
			if w.full() {
				if err := w.flush(); err != nil {
					sum.Took = time.Since(start)
					return sum, err
				}
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

// readAll reads files on opts.Workers goroutines. A file whose hash is
// already recorded under its name comes back unchanged without being
// parsed. The channel closes when every file is done or ctx ends.
func (x *Index) readAll(ctx context.Context, files []string, opts IngestOptions, known map[string]string) <-chan readResult {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	jobs := make(chan string)
	out := make(chan readResult, workers)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				r := readFile(ctx, p, opts, known)
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, p := range files {
			select {
			case jobs <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// readFile reads one file under its own deadline (opts.FileTimeout).
// When the deadline passes, or ctx ends, it returns at once with an error;
// a read stuck inside a parser is left to finish on its own goroutine, and
// what it returns is dropped, so one bad file cannot hold up the folder or
// the index.
func readFile(ctx context.Context, path string, opts IngestOptions, known map[string]string) readResult {
	limit := opts.fileTimeout()
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

// readFileNow reads and parses one file: a regular file within the size
// limit whose content is not already indexed under its name.
func readFileNow(ctx context.Context, path string, opts IngestOptions, known map[string]string) readResult {
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
	if !opts.Force && known[filepath.Base(path)] == hash {
		return readResult{path: path, unchanged: true}
	}
	doc, err := readDocument(ctx, filepath.Base(path), data, opts.Corpus)
	if err != nil {
		return readResult{path: path, err: err}
	}
	doc.Path = path
	return readResult{path: path, doc: doc}
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

// IngestDocument indexes a document already read, replacing an earlier
// version of the same Source in one batch. A document whose Hash is already
// indexed under its Source is left alone unless opts.Force is set.
func (x *Index) IngestDocument(ctx context.Context, doc *corpus.Document, opts IngestOptions) (Summary, error) {
	start := time.Now()
	if doc == nil || doc.Source == "" {
		return Summary{}, fmt.Errorf("ingest document: no source name")
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return Summary{}, ErrClosed
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
	if !opts.Force && doc.Hash != "" && w.files[doc.Source] == doc.Hash {
		sum.Unchanged = 1
		sum.Took = time.Since(start)
		return sum, nil
	}
	updated, err := w.add(doc)
	if err != nil {
		return sum, err
	}
	if err := w.flush(); err != nil {
		return sum, err
	}
	if updated {
		sum.Updated = 1
	} else {
		sum.Added = 1
	}
	sum.Pages = len(doc.Pages)
	for _, it := range doc.Items {
		sum.Passages += len(it.Passages)
	}
	for _, warn := range doc.Warnings {
		sum.Warnings = append(sum.Warnings, doc.Source+": "+warn)
	}
	sum.Took = time.Since(start)
	return sum, nil
}

// writer gathers documents into batches. Each batch also carries the file
// list as it stands after the batch, so every acknowledged batch leaves
// the index consistent.
type writer struct {
	x     *Index
	opts  IngestOptions
	files fileSet
	b     *bleve.Batch
	limit int
}

func (x *Index) newWriter(opts IngestOptions) (*writer, error) {
	files, err := x.readFiles()
	if err != nil {
		return nil, fmt.Errorf("ingest into %s: %w", x.dir, err)
	}
	limit := opts.BatchSize
	if limit <= 0 {
		limit = DefaultBatchSize
	}
	return &writer{x: x, opts: opts, files: files, b: x.bi.NewBatch(), limit: limit}, nil
}

// add puts doc into the current batch and reports whether it replaces an
// earlier version.
func (w *writer) add(doc *corpus.Document) (bool, error) {
	var old *DocumentInfo
	if _, ok := w.files[doc.Source]; ok {
		var err error
		if old, err = w.x.readRecord(doc.Source); err != nil {
			return false, err
		}
	}
	if old != nil && w.b.Size() > 0 {
		// The old record may be in the pending batch; write it first so
		// the deletes below see the right passages.
		if err := w.flush(); err != nil {
			return false, err
		}
	}
	if _, err := addDocument(w.b, old, doc, w.opts.Themer); err != nil {
		return false, err
	}
	w.files[doc.Source] = doc.Hash
	return old != nil, nil
}

func (w *writer) full() bool { return w.b.Size() >= w.limit }

// flush writes the pending batch with the current file list.
func (w *writer) flush() error {
	if w.b.Size() == 0 {
		return nil
	}
	data, err := json.Marshal(w.files)
	if err != nil {
		return err
	}
	w.b.SetInternal([]byte(keyFiles), data)
	if err := w.x.bi.Batch(w.b); err != nil {
		return fmt.Errorf("write batch to %s: %w", w.x.dir, err)
	}
	w.b.Reset()
	return nil
}

// Delete removes a file's passages and record.
func (x *Index) Delete(ctx context.Context, source string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return ErrClosed
	}
	rec, err := x.readRecord(source)
	if err != nil {
		return err
	}
	if rec == nil {
		return fmt.Errorf("delete %s: %w", source, ErrNotFound)
	}
	files, err := x.readFiles()
	if err != nil {
		return err
	}
	delete(files, source)
	b := x.bi.NewBatch()
	for _, id := range rec.ids() {
		b.Delete(id)
	}
	b.DeleteInternal([]byte(keyFile + source))
	data, _ := json.Marshal(files)
	b.SetInternal([]byte(keyFiles), data)
	if err := x.bi.Batch(b); err != nil {
		return fmt.Errorf("delete %s from %s: %w", source, x.dir, err)
	}
	return nil
}
