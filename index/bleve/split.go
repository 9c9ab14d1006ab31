package bleveindex

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"runtime"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveapi "github.com/blevesearch/bleve_index_api"
)

// splitMin is the number of passages from which a ranking search runs as
// two halves side by side. bleve walks one query on one core; a broad
// query on a large index matches most passages, and two halves over
// disjoint ranges of internal document numbers take about half the time
// when a second core is free. Scores do not depend on the split: term
// statistics are the whole index's in both halves.
var splitMin uint64 = 20_000

// searchRanked runs req, as two halves merged when the index is large.
// req must rank hits (no From offset) and may ask for terms facets. With
// one core the halves would only take turns, so it runs whole.
//
// Both halves read one snapshot of the index. Internal document numbers
// belong to a snapshot: after an ingest the index merges its segments in
// the background and renumbers passages, so halves read from two
// snapshots could count a passage twice and miss another.
func (x *Index) searchRanked(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	split := runtime.GOMAXPROCS(0) >= 2
	if !split && req.Facets == nil {
		return x.bi.SearchInContext(ctx, req)
	}
	adv, err := x.bi.Advanced()
	if err != nil {
		return x.bi.SearchInContext(ctx, req)
	}
	reader, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("open reader: %w", err)
	}
	defer reader.Close()
	n, err := reader.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count passages: %w", err)
	}
	if n < splitMin {
		split = false
	}
	if !split && req.Facets == nil {
		return x.bi.SearchInContext(ctx, req)
	}
	// The scoring model a whole search would use, so that scores match.
	model := bleveapi.DefaultScoringModel
	if m, ok := x.bi.Mapping().(*mapping.IndexMappingImpl); ok && m.ScoringModel == bleveapi.BM25Scoring {
		model = bleveapi.BM25Scoring
	}
	ctx = context.WithValue(ctx, search.GetScoringModelCallbackKey,
		search.GetScoringModelCallbackFn(func() string { return model }))
	if !split {
		// Whole, but through searchReader, which counts facets from the
		// facet table.
		return x.searchReader(ctx, reader, req, req.Query, true)
	}
	// Internal numbers count deleted passages too, so the halves are
	// only about even; any split point gives the same merged result.
	mid := n / 2
	type result struct {
		sr  *bleve.SearchResult
		err error
	}
	second := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				second <- result{err: fmt.Errorf("internal error: %v", r)}
			}
		}()
		sr, err := x.searchReader(ctx, reader, req, docRange{q: req.Query, lo: mid}, false)
		second <- result{sr, err}
	}()
	a, errA := x.searchReader(ctx, reader, req, docRange{q: req.Query, hi: mid}, false)
	b := <-second
	if errA != nil {
		return nil, errA
	}
	if b.err != nil {
		return nil, b.err
	}
	return mergeRanked(req, a, b.sr), nil
}

// searchReader runs q in place of req's query on one index snapshot:
// hits ranked by req's order, the total and req's terms facets. Unless
// trim is set, the facets keep all their terms, for halves whose counts
// are added before the terms are cut to the request's size.
func (x *Index) searchReader(ctx context.Context, reader bleveapi.IndexReader, req *bleve.SearchRequest, q query.Query, trim bool) (*bleve.SearchResult, error) {
	searcher, err := q.Searcher(ctx, reader, x.bi.Mapping(), search.SearcherOptions{Score: req.Score})
	if err != nil {
		return nil, err
	}
	defer searcher.Close()
	// Sort fields keep state while collecting: each half has its own.
	coll := collector.NewTopNCollector(req.Size, 0, req.Sort.Copy())
	// The passages' facets are counted from the facet table, when the
	// request asks for them alone; other facets from doc values.
	var table *facetCounter
	var tableSize int
	if f, ok := req.Facets[fFacets]; ok && len(req.Facets) == 1 && f.Field == fFacets {
		if table, err = x.facets.counter(reader); err != nil {
			return nil, err
		}
		tableSize = facetSize(f.Size, trim)
	}
	if table != nil {
		searcher = &facetSearcher{Searcher: searcher, c: table}
	} else if req.Facets != nil {
		fb := search.NewFacetsBuilder(reader)
		for name, f := range req.Facets {
			fb.Add(name, newTermCounter(f.Field, facetSize(f.Size, trim)))
		}
		coll.SetFacetsBuilder(fb)
	}
	if err := coll.Collect(ctx, searcher, reader); err != nil {
		return nil, err
	}
	facets := coll.FacetResults()
	if table != nil {
		x.facets.readUnread(table)
		fr, err := table.result(tableSize)
		if err != nil {
			return nil, err
		}
		facets = search.FacetResults{fFacets: fr}
	}
	return &bleve.SearchResult{
		Request:  req,
		Hits:     coll.Results(),
		Total:    coll.Total(),
		MaxScore: coll.MaxScore(),
		Took:     coll.Took(),
		Facets:   facets,
	}, nil
}

// facetSize is the number of terms a facet of size keeps: all of them
// unless trim is set.
func facetSize(size int, trim bool) int {
	if trim {
		return size
	}
	return math.MaxInt
}

// mergeRanked merges the results of the two halves of req: hits in req's
// order (the lower half first among equals, as one search would order
// them), totals added and facet counts summed.
func mergeRanked(req *bleve.SearchRequest, a, b *bleve.SearchResult) *bleve.SearchResult {
	isScore, desc := req.Sort.CacheIsScore(), req.Sort.CacheDescending()
	before := func(i, j *search.DocumentMatch) bool { // i strictly before j
		for k := range req.Sort {
			c := 0
			if isScore[k] {
				if i.Score < j.Score {
					c = -1
				} else if i.Score > j.Score {
					c = 1
				}
			} else {
				iv, jv := sortValue(i, k), sortValue(j, k)
				if iv < jv {
					c = -1
				} else if iv > jv {
					c = 1
				}
			}
			if c == 0 {
				continue
			}
			if desc[k] {
				c = -c
			}
			return c < 0
		}
		return false
	}
	hits := make(search.DocumentMatchCollection, 0, len(a.Hits)+len(b.Hits))
	i, j := 0, 0
	for len(hits) < req.Size && (i < len(a.Hits) || j < len(b.Hits)) {
		if j >= len(b.Hits) || (i < len(a.Hits) && !before(b.Hits[j], a.Hits[i])) {
			hits = append(hits, a.Hits[i])
			i++
		} else {
			hits = append(hits, b.Hits[j])
			j++
		}
	}
	out := *a
	out.Hits = hits
	out.Total = a.Total + b.Total
	if b.MaxScore > out.MaxScore {
		out.MaxScore = b.MaxScore
	}
	out.Took = a.Took
	if b.Took > out.Took {
		out.Took = b.Took
	}
	if a.Facets != nil && b.Facets != nil {
		out.Facets = a.Facets
		out.Facets.Merge(b.Facets)
		for name, f := range req.Facets {
			out.Facets.Fixup(name, f.Size)
		}
	}
	return &out
}

// sortValue is the k-th sort value of a hit, or "" when it has none.
func sortValue(d *search.DocumentMatch, k int) string {
	if k < len(d.Sort) {
		return d.Sort[k]
	}
	return ""
}

// docRange restricts a query to internal document numbers in [lo, hi);
// hi 0 means no upper bound.
type docRange struct {
	q      query.Query
	lo, hi uint64
}

// Searcher implements query.Query.
func (r docRange) Searcher(ctx context.Context, i bleveapi.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := r.q.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	rs := &rangeSearcher{Searcher: s}
	if r.lo > 0 {
		rs.lo = docNumber(r.lo)
	}
	if r.hi > 0 {
		rs.hi = docNumber(r.hi)
	}
	return rs, nil
}

// docNumber is the internal ID of scorch document number n.
func docNumber(n uint64) bleveapi.IndexInternalID {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, n)
	return b
}

// rangeSearcher passes on the matches of its searcher in [lo, hi).
type rangeSearcher struct {
	search.Searcher
	lo, hi  bleveapi.IndexInternalID // nil: unbounded
	started bool
	done    bool
}

// Next implements search.Searcher.
func (r *rangeSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if r.done {
		return nil, nil
	}
	if !r.started {
		r.started = true
		if r.lo != nil {
			d, err := r.Searcher.Advance(ctx, r.lo)
			return r.limit(ctx, d, err)
		}
	}
	d, err := r.Searcher.Next(ctx)
	return r.limit(ctx, d, err)
}

// Advance implements search.Searcher.
func (r *rangeSearcher) Advance(ctx *search.SearchContext, id bleveapi.IndexInternalID) (*search.DocumentMatch, error) {
	if r.done {
		return nil, nil
	}
	r.started = true
	if r.lo != nil && id.Compare(r.lo) < 0 {
		id = r.lo
	}
	d, err := r.Searcher.Advance(ctx, id)
	return r.limit(ctx, d, err)
}

// limit ends the range at the first match at or past hi.
func (r *rangeSearcher) limit(ctx *search.SearchContext, d *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if err != nil || d == nil {
		return d, err
	}
	if r.hi != nil && d.IndexInternalID.Compare(r.hi) >= 0 {
		ctx.DocumentMatchPool.Put(d)
		r.done = true
		return nil, nil
	}
	return d, nil
}

// termCounter counts a terms facet as bleve's facet.TermsFacetBuilder
// does, with the same result, but without making a string of every term
// it is shown: a broad query shows it a few terms of every matching
// passage, and those strings were most of the cost of counting facets.
type termCounter struct {
	field   string
	size    int
	counts  map[string]*int
	total   int
	missing int
	saw     bool
}

func newTermCounter(field string, size int) *termCounter {
	return &termCounter{field: field, size: size, counts: map[string]*int{}}
}

// StartDoc implements search.FacetBuilder.
func (c *termCounter) StartDoc() { c.saw = false }

// add counts n passages with term, as n calls of UpdateVisitor would
// but for the total and missing counts, which the caller keeps.
func (c *termCounter) add(term string, n int) {
	if p, ok := c.counts[term]; ok {
		*p += n
		return
	}
	c.counts[term] = &n
}

// UpdateVisitor implements search.FacetBuilder.
func (c *termCounter) UpdateVisitor(term []byte) {
	c.total++
	c.saw = true
	if n, ok := c.counts[string(term)]; ok { // no string is made to look up
		*n++
		return
	}
	n := 1
	c.counts[string(term)] = &n
}

// EndDoc implements search.FacetBuilder.
func (c *termCounter) EndDoc() {
	if !c.saw {
		c.missing++
	}
}

// Field implements search.FacetBuilder.
func (c *termCounter) Field() string { return c.field }

// Size implements search.FacetBuilder: an estimate of its memory in bytes.
func (c *termCounter) Size() int {
	n := 64 + len(c.field)
	for k := range c.counts {
		n += 16 + len(k) + 16
	}
	return n
}

// Result implements search.FacetBuilder: the size most frequent terms,
// most frequent first and ties by term, and the count of the others.
func (c *termCounter) Result() *search.FacetResult {
	rv := &search.FacetResult{Field: c.field, Total: c.total, Missing: c.missing, Terms: &search.TermFacets{}}
	for term, n := range c.counts {
		rv.Terms.Add(&search.TermFacet{Term: term, Count: *n})
	}
	sort.Sort(rv.Terms)
	rv.Terms.TrimToTopN(min(c.size, rv.Terms.Len()))
	notOther := 0
	for _, tf := range rv.Terms.Terms() {
		notOther += tf.Count
	}
	rv.Other = c.total - notOther
	return rv
}
