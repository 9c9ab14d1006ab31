package bleveindex

import (
	"encoding/binary"
	"fmt"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	bleveapi "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// facetTable holds, for each segment of the index, the facet terms of
// every passage, read once from the segment's doc values and kept as small
// numbers.
//
// Counting facets reads a value for every matching passage. Read from doc
// values, that is a chunk decompressed and a term looked up by its bytes
// per passage: more than half the time of a broad faceted query on a large
// index. A segment never changes once written (an ingest adds segments and
// merges replace them), so its passages' terms can be read once and
// counted from memory by every later search. A segment not read yet is
// counted from its doc values as before while it is read in the
// background, so no search waits for the table.
//
// The zero value is ready to use; close stops the readers in flight.
type facetTable struct {
	mu sync.Mutex
	// codes numbers every facet term seen; terms is its inverse.
	codes map[string]uint32
	terms []string
	segs  map[segment.Segment]*segFacets
	// reading marks the segments being read in the background.
	reading map[segment.Segment]bool
	stop    chan struct{}
	closed  bool
	wg      sync.WaitGroup
	// sync reads missing segments in the search itself (for tests).
	sync bool
}

// segFacets is one segment's facet terms: local passage n has the terms
// numbered codes[start[n]:start[n+1]].
type segFacets struct {
	start []uint32
	codes []uint32
}

// facetCounter counts a search's facets over one index snapshot.
type facetCounter struct {
	offsets []uint64     // the first internal number of each segment, then the end
	segs    []*segFacets // nil: read from doc values
	terms   []string     // the table's terms as the search began
	cur     int          // the segment of the last passage counted
	counts  []int
	total   int
	missing int
	// slow counts the passages of segments not in the table yet.
	slow    *termCounter
	dv      bleveapi.DocValueReader
	reader  bleveapi.IndexReader
	readErr error
	// unread are the segments of snap not in the table.
	snap   *scorch.IndexSnapshot
	unread []segment.Segment
}

// counter prepares to count facets over reader; once the search is done,
// readUnread reads the segments the table lacks. It returns nil when
// reader is not a scorch snapshot: the caller then counts from doc values.
func (t *facetTable) counter(reader bleveapi.IndexReader) (*facetCounter, error) {
	snap, ok := reader.(*scorch.IndexSnapshot)
	if !ok {
		return nil, nil
	}
	ss := snap.Segments()
	c := &facetCounter{offsets: make([]uint64, 0, len(ss)+1), segs: make([]*segFacets, len(ss)), reader: reader}
	var running uint64
	var missing []segment.Segment
	t.mu.Lock()
	live := make(map[segment.Segment]*segFacets, len(ss))
	for i, s := range ss {
		c.offsets = append(c.offsets, running)
		// The snapshot numbers passages by the segment's full count,
		// deleted passages included.
		running += s.Segment().Count()
		seg := s.Segment()
		if sf, ok := t.segs[seg]; ok {
			c.segs[i] = sf
			live[seg] = sf
		} else {
			missing = append(missing, seg)
		}
	}
	c.offsets = append(c.offsets, running)
	// Segments merged away are dropped: a search still reading an older
	// snapshot holds its own references to their tables.
	t.segs = live
	if t.sync {
		t.mu.Unlock()
		for i, s := range ss {
			if c.segs[i] == nil {
				sf, err := t.read(s.Segment(), nil)
				if err != nil {
					return nil, err
				}
				c.segs[i] = sf
			}
		}
		t.mu.Lock()
	} else {
		c.snap, c.unread = snap, missing
	}
	c.terms = t.terms
	t.mu.Unlock()
	c.counts = make([]int, len(c.terms))
	return c, nil
}

// readUnread reads in the background the segments c found missing from
// the table. It is called once the search is done, so the reading does
// not slow the search that found them.
func (t *facetTable) readUnread(c *facetCounter) {
	if len(c.unread) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.closed {
		t.readLater(c.snap, c.unread)
	}
}

// readLater reads segs, of snap, into the table in the background. It
// holds a reference to snap so the segments stay open. t.mu is held.
func (t *facetTable) readLater(snap *scorch.IndexSnapshot, segs []segment.Segment) {
	if t.reading == nil {
		t.reading = map[segment.Segment]bool{}
		t.stop = make(chan struct{})
	}
	var todo []segment.Segment
	for _, s := range segs {
		if !t.reading[s] {
			t.reading[s] = true
			todo = append(todo, s)
		}
	}
	if len(todo) == 0 {
		return
	}
	snap.AddRef()
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		defer snap.DecRef()
		for _, s := range todo {
			// A segment that cannot be read is counted from its doc
			// values by every search, as before the table.
			_, _ = t.read(s, t.stop)
			t.mu.Lock()
			delete(t.reading, s)
			t.mu.Unlock()
		}
	}()
}

// read reads seg's facet terms and adds them to the table. A close of stop
// abandons it.
func (t *facetTable) read(seg segment.Segment, stop <-chan struct{}) (*segFacets, error) {
	dv, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return nil, fmt.Errorf("segment %T has no doc values", seg)
	}
	n := seg.Count()
	sf := &segFacets{start: make([]uint32, 0, n+1)}
	// Terms are numbered for this segment first, then renumbered into the
	// table's numbers under its lock.
	local := map[string]uint32{}
	var names []string
	visit := func(field string, term []byte) {
		if field != fFacets {
			return
		}
		code, ok := local[string(term)]
		if !ok {
			code = uint32(len(names))
			local[string(term)] = code
			names = append(names, string(term))
		}
		sf.codes = append(sf.codes, code)
	}
	fields := []string{fFacets}
	var state segment.DocVisitState
	var err error
	for d := uint64(0); d < n; d++ {
		if d%4096 == 0 && stop != nil {
			select {
			case <-stop:
				return nil, fmt.Errorf("read facets: index closed")
			default:
			}
		}
		sf.start = append(sf.start, uint32(len(sf.codes)))
		if state, err = dv.VisitDocValues(d, fields, visit, state); err != nil {
			return nil, fmt.Errorf("read facets of passage %d: %w", d, err)
		}
	}
	sf.start = append(sf.start, uint32(len(sf.codes)))

	t.mu.Lock()
	defer t.mu.Unlock()
	if t.codes == nil {
		t.codes = map[string]uint32{}
	}
	global := make([]uint32, len(names))
	for i, name := range names {
		code, ok := t.codes[name]
		if !ok {
			code = uint32(len(t.terms))
			t.codes[name] = code
			t.terms = append(t.terms, name)
		}
		global[i] = code
	}
	for i, c := range sf.codes {
		sf.codes[i] = global[c]
	}
	if t.segs == nil {
		t.segs = map[segment.Segment]*segFacets{}
	}
	t.segs[seg] = sf
	return sf, nil
}

// close stops the background readers and waits for them.
func (t *facetTable) close() {
	t.mu.Lock()
	t.closed = true
	if t.stop != nil {
		close(t.stop)
	}
	t.mu.Unlock()
	t.wg.Wait()
}

// count counts the facets of the passage numbered by id.
func (c *facetCounter) count(id bleveapi.IndexInternalID) {
	if len(id) != 8 {
		c.readErr = fmt.Errorf("count facets: internal ID of %d bytes", len(id))
		return
	}
	n := binary.BigEndian.Uint64(id)
	if n < c.offsets[c.cur] || n >= c.offsets[c.cur+1] {
		// Matches come in order of number, so this runs once a segment.
		c.cur = sort.Search(len(c.offsets)-1, func(i int) bool { return c.offsets[i+1] > n })
		if c.cur >= len(c.segs) {
			c.cur = 0
			c.readErr = fmt.Errorf("count facets: passage %d past the index's %d", n, c.offsets[len(c.offsets)-1])
			return
		}
	}
	sf := c.segs[c.cur]
	if sf == nil {
		c.countSlow(id)
		return
	}
	local := n - c.offsets[c.cur]
	codes := sf.codes[sf.start[local]:sf.start[local+1]]
	if len(codes) == 0 {
		c.missing++
	}
	c.total += len(codes)
	for _, code := range codes {
		c.counts[code]++
	}
}

// countSlow counts a passage's facets from its doc values.
func (c *facetCounter) countSlow(id bleveapi.IndexInternalID) {
	if c.readErr != nil {
		return
	}
	if c.dv == nil {
		if c.dv, c.readErr = c.reader.DocValueReader([]string{fFacets}); c.readErr != nil {
			return
		}
		c.slow = newTermCounter(fFacets, 0)
	}
	c.slow.StartDoc()
	c.readErr = c.dv.VisitDocValues(id, func(field string, term []byte) {
		if field == fFacets {
			c.slow.UpdateVisitor(term)
		}
	})
	c.slow.EndDoc()
}

// result is the facet of the counted passages as bleve's terms facet of
// size would give it.
func (c *facetCounter) result(size int) (*search.FacetResult, error) {
	if c.readErr != nil {
		return nil, c.readErr
	}
	tc := c.slow
	if tc == nil {
		tc = newTermCounter(fFacets, size)
	}
	tc.size = size
	for code, n := range c.counts {
		if n > 0 {
			tc.add(c.terms[code], n)
		}
	}
	tc.total += c.total
	tc.missing += c.missing
	return tc.Result(), nil
}

// facetSearcher passes on its searcher's matches, counting their facets.
// The collector takes every match it is given as a hit.
type facetSearcher struct {
	search.Searcher
	c *facetCounter
}

// Next implements search.Searcher.
func (s *facetSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if d != nil && err == nil {
		s.c.count(d.IndexInternalID)
	}
	return d, err
}

// Advance implements search.Searcher.
func (s *facetSearcher) Advance(ctx *search.SearchContext, id bleveapi.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if d != nil && err == nil {
		s.c.count(d.IndexInternalID)
	}
	return d, err
}
