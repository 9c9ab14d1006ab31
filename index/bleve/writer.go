package bleveindex

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/blevesearch/bleve/v2"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// writer gathers papers into batches. Each batch also carries the paper
// list as it stands after the batch, so every acknowledged batch leaves
// the index consistent.
type writer struct {
	x      *Index
	opts   IngestOptions
	papers paperSet
	// where maps "p:"+path and "u:"+address to the one paper found there.
	where map[string]string
	// pending are the records written in the pending batch.
	pending map[string]*DocumentInfo
	b       *bleve.Batch
	limit   int
}

func (x *Index) newWriter(opts IngestOptions) (*writer, error) {
	papers, err := x.readPapers()
	if err != nil {
		return nil, fmt.Errorf("ingest into %s: %w", x.dir, err)
	}
	limit := opts.BatchSize
	if limit <= 0 {
		limit = index.DefaultBatchSize
	}
	w := &writer{x: x, opts: opts, papers: papers, where: map[string]string{}, pending: map[string]*DocumentInfo{}, b: x.bi.NewBatch(), limit: limit}
	for id, e := range papers {
		for _, l := range e.Sources {
			w.mark(l, id)
		}
	}
	return w, nil
}

// placeKeys are the keys of where for a location.
func placeKeys(l Location) []string {
	var out []string
	if l.Path != "" {
		out = append(out, "p:"+l.Path)
	}
	if l.URL != "" {
		out = append(out, "u:"+l.URL)
	}
	return out
}

// mark records that l is a location of paper id ("" to forget it).
func (w *writer) mark(l Location, id string) {
	for _, k := range placeKeys(l) {
		if id == "" {
			delete(w.where, k)
		} else {
			w.where[k] = id
		}
	}
}

// record returns the record of paper id, as the pending batch has it.
func (w *writer) record(id string) (*DocumentInfo, error) {
	if rec, ok := w.pending[id]; ok {
		return rec, nil
	}
	return w.x.readRecord(id)
}

// put writes a record into the batch and the paper list.
func (w *writer) put(rec *DocumentInfo) error {
	if err := putRecord(w.b, rec); err != nil {
		return err
	}
	w.pending[rec.ID] = rec
	w.papers[rec.ID] = entryOf(rec)
	return nil
}

// file records one file read (r.doc nil when its content was already
// indexed) and counts what that did in sum.
func (w *writer) file(ctx context.Context, r readResult, sum *Summary) error {
	loc := Location{Name: filepath.Base(r.path), Path: r.path}
	if r.doc != nil {
		loc.Name, loc.URL = r.doc.Source, r.doc.URL
	} else if o, ok := w.opts.Origins[r.path]; ok {
		loc.URL = o.URL
	}
	id := index.PaperID(r.hash)
	cur, indexed := w.papers[id]
	if indexed && cur.Hash != r.hash {
		return fmt.Errorf("its content hash begins as that of %s (%s), so the two cannot be told apart", cur.name(), id)
	}
	if !indexed && r.doc == nil {
		// Indexed when the file was read, replaced since in this ingest:
		// read it now.
		again := readFileNow(ctx, r.path, w.opts, nil)
		if again.err != nil {
			return again.err
		}
		return w.file(ctx, again, sum)
	}
	replaced, err := w.dropSource(loc, id)
	if err != nil {
		return err
	}
	if indexed && !(w.opts.Force && r.doc != nil) {
		added, err := w.addSource(id, loc)
		switch {
		case err != nil:
			return err
		case replaced:
			sum.Updated++
		case added:
			sum.Merged++
		default:
			sum.Unchanged++
		}
		return nil
	}
	doc := r.doc
	var old *DocumentInfo
	locs := []Location{loc}
	if indexed {
		if old, err = w.record(id); err != nil {
			return err
		}
		if old != nil {
			locs, _ = withLocation(old.Sources, loc)
		}
	}
	info := infoFor(doc, loc)
	info.PagesKept = true
	setSources(info, locs)
	if err := putPassages(w.b, old, info, func(i int) []corpus.Passage { return doc.Items[i].Passages }, w.opts.Themer); err != nil {
		return err
	}
	if err := putPages(w.b, id, doc.Pages); err != nil {
		return err
	}
	w.pending[id] = info
	w.papers[id] = entryOf(info)
	w.mark(loc, id)
	if replaced || indexed {
		sum.Updated++
	} else {
		sum.Added++
	}
	sum.Pages += len(doc.Pages)
	for _, it := range doc.Items {
		sum.Passages += len(it.Passages)
	}
	for _, warn := range doc.Warnings {
		sum.Warnings = append(sum.Warnings, doc.Source+": "+warn)
	}
	return nil
}

// withLocation returns locs with loc in it: merged into the location
// that is the same place (its path and address brought up to date), or
// appended; added is true when appended.
func withLocation(locs []Location, loc Location) (out []Location, added bool) {
	out = append([]Location(nil), locs...)
	for i, l := range out {
		if !sameLocation(l, loc) {
			continue
		}
		if loc.Path != "" {
			out[i].Path, out[i].Name = loc.Path, loc.Name
		}
		if loc.URL != "" {
			out[i].URL = loc.URL
		}
		return out, false
	}
	return append(out, loc), true
}

// addSource records loc as a location of the indexed paper id and
// reports whether it is a new one.
func (w *writer) addSource(id string, loc Location) (bool, error) {
	e := w.papers[id]
	locs, added := withLocation(e.Sources, loc)
	if slices.Equal(locs, e.Sources) {
		return false, nil
	}
	rec, err := w.record(id)
	if err != nil {
		return false, err
	}
	if rec == nil {
		return false, fmt.Errorf("paper %s has no record", id)
	}
	for _, l := range e.Sources {
		w.mark(l, "")
	}
	for _, l := range locs {
		w.mark(l, id)
	}
	r := *rec
	setSources(&r, locs)
	return added, w.put(&r)
}

// dropSource takes loc's path and address from every paper but keep: the
// file there has changed. A paper left with no location is deleted. It
// reports whether any paper had them.
func (w *writer) dropSource(loc Location, keep string) (bool, error) {
	dropped := false
	for _, k := range placeKeys(loc) {
		id, ok := w.where[k]
		if !ok || id == keep {
			continue
		}
		dropped = true
		e := w.papers[id]
		var rest []Location
		for _, l := range e.Sources {
			if sameSource(l, loc) {
				w.mark(l, "")
			} else {
				rest = append(rest, l)
			}
		}
		rec, err := w.record(id)
		if err != nil {
			return false, err
		}
		if len(rest) == 0 {
			w.deletePaper(id, rec)
			continue
		}
		if rec == nil {
			w.papers[id] = paperEntry{Hash: e.Hash, Sources: rest}
			continue
		}
		r := *rec
		setSources(&r, rest)
		if err := w.put(&r); err != nil {
			return false, err
		}
	}
	return dropped, nil
}

// deletePaper puts the deletion of paper id (its passages and record)
// into the batch.
func (w *writer) deletePaper(id string, rec *DocumentInfo) {
	if rec != nil {
		for _, pid := range passageIDs(rec) {
			w.b.Delete(pid)
		}
		for _, l := range rec.Sources {
			w.mark(l, "")
		}
	}
	w.b.DeleteInternal([]byte(keyPaper + id))
	w.b.DeleteInternal([]byte(keyPages + id))
	delete(w.papers, id)
	delete(w.pending, id)
}

func (w *writer) full() bool { return w.b.Size() >= w.limit }

// flush writes the pending batch with the current paper list.
func (w *writer) flush() error {
	if w.b.Size() == 0 {
		return nil
	}
	data, err := json.Marshal(w.papers)
	if err != nil {
		return err
	}
	w.b.SetInternal([]byte(keyPapers), data)
	if err := w.x.bi.Batch(w.b); err != nil {
		return fmt.Errorf("write batch to %s: %w", w.x.dir, err)
	}
	w.b.Reset()
	clear(w.pending)
	list := w.papers.clone()
	w.x.papers.Store(&list)
	return nil
}

// Delete removes a paper (named as Resolve reads ref: its ID, a path, an
// address or a file name that only it has) with its passages and record.
// It returns index.ErrNotFound or an *AmbiguousError when ref does not name one
// paper.
func (x *Index) Delete(ctx context.Context, ref string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return index.ErrClosed
	}
	rec, err := x.Resolve(ctx, ref)
	if err != nil {
		return fmt.Errorf("delete %s: %w", ref, err)
	}
	w, err := x.newWriter(IngestOptions{})
	if err != nil {
		return err
	}
	w.deletePaper(rec.ID, rec)
	if err := w.flush(); err != nil {
		return fmt.Errorf("delete %s from %s: %w", ref, x.dir, err)
	}
	return nil
}
