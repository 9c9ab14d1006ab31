package bleveindex

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// Documents lists the ingested papers, sorted by name then ID, with their
// sources, meeting details and items (without passages).
func (x *Index) Documents(ctx context.Context) ([]DocumentInfo, error) {
	files, err := x.readPapers()
	if err != nil {
		return nil, fmt.Errorf("list documents in %s: %w", x.dir, err)
	}
	out := make([]DocumentInfo, 0, len(files))
	for _, src := range files.sorted() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rec, err := x.readRecord(src)
		if err != nil {
			return nil, fmt.Errorf("list documents in %s: %w", x.dir, err)
		}
		if rec != nil {
			out = append(out, *rec)
		}
	}
	return out, nil
}

// Document returns the record of one ingested paper, named as Resolve
// reads it (ID, path, address or file name); index.ErrNotFound when none fits,
// an *AmbiguousError when several do.
func (x *Index) Document(ctx context.Context, ref string) (*DocumentInfo, error) {
	return x.Resolve(ctx, ref)
}

// Item returns the agenda item numbered number of an ingested paper (named
// as Resolve reads source), with its passages in reading order, and the
// paper's record. It returns index.ErrNotFound when the paper or the item is not
// in the index. Exempt items are returned (marked Exempt): the caller
// decides what to show.
func (x *Index) Item(ctx context.Context, source, number string) (*corpus.Item, *DocumentInfo, error) {
	rec, err := x.Document(ctx, source)
	if err != nil {
		return nil, nil, err
	}
	for i := range rec.Items {
		if rec.Items[i].Number != number {
			continue
		}
		ps, err := x.passages(ctx, rec, i)
		if err != nil {
			return nil, nil, err
		}
		it := rec.Items[i]
		it.Passages = ps
		return &it, rec, nil
	}
	return nil, nil, fmt.Errorf("item %q of %s: %w", number, source, index.ErrNotFound)
}

// passages loads the stored passages of item i of rec, in order.
func (x *Index) passages(ctx context.Context, rec *DocumentInfo, i int) ([]corpus.Passage, error) {
	n := rec.ItemPassages[i]
	if n == 0 {
		return nil, nil
	}
	ids := make([]string, n)
	for k := range ids {
		ids[k] = docID(rec.ID, i, k)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), n, 0, false)
	req.Fields = storedFields
	req.SortBy([]string{fSeq})
	sr, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("read passages of %s: %w", rec.Source, err)
	}
	out := make([]corpus.Passage, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		hit := hitFrom(h)
		text, _ := h.Fields[fText].(string)
		out = append(out, corpus.Passage{
			Item:        rec.Items[i].Number,
			Page:        hit.Page,
			PrintedPage: hit.PrintedPage,
			Heading:     hit.Heading,
			Text:        text,
		})
	}
	return out, nil
}

// FindItems ranks agenda items by how well text matches their title (most
// weight), section headings and passages; it is how a paper is found by
// its title or topic. Exempt items are included and marked.
func (x *Index) FindItems(ctx context.Context, text string, limit int) ([]ItemHit, error) {
	if limit <= 0 {
		limit = index.DefaultLimit
	}
	var qs []query.Query
	add := func(field string, boost float64) {
		m := query.NewMatchQuery(text)
		m.SetField(field)
		m.SetBoost(boost)
		qs = append(qs, m)
	}
	add(fTitle, 6)
	add(fHeading, 1.5)
	add(fText, 1)
	req := bleve.NewSearchRequestOptions(query.NewDisjunctionQuery(qs), 2000, 0, false)
	sr, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("find items in %s: %w", x.dir, err)
	}
	type agg struct {
		key   string
		best  float64
		sum   float64
		count int
	}
	groups := map[string]*agg{}
	var order []*agg
	for _, h := range sr.Hits {
		k := groupKey(h.ID)
		g := groups[k]
		if g == nil {
			g = &agg{key: k, best: h.Score}
			groups[k] = g
			order = append(order, g)
		}
		g.sum += h.Score
		g.count++
	}
	// The best passage decides; the number of matching passages breaks
	// near-ties in favour of the item that is about the topic throughout.
	score := func(g *agg) float64 { return g.best + 0.05*g.sum }
	sort.SliceStable(order, func(i, j int) bool { return score(order[i]) > score(order[j]) })

	recs := map[string]*DocumentInfo{}
	var out []ItemHit
	for _, g := range order {
		if len(out) >= limit {
			break
		}
		src, idx, ok := splitGroup(g.key)
		if !ok {
			continue
		}
		rec, seen := recs[src]
		if !seen {
			if rec, err = x.readRecord(src); err != nil {
				return nil, err
			}
			recs[src] = rec
		}
		if rec == nil || idx >= len(rec.Items) {
			continue
		}
		it := rec.Items[idx]
		out = append(out, ItemHit{
			ID: rec.ID, Source: rec.Source, Path: rec.Path, URL: rec.URL, Meta: rec.Meta,
			Number: it.Number, Title: it.Title, Kind: it.Kind,
			StartPage: it.StartPage, EndPage: it.EndPage,
			PrintedStart: it.PrintedStart, PrintedEnd: it.PrintedEnd,
			Exempt: it.Exempt || (it.Cover != nil && it.Cover.Exempt),
			Score:  score(g),
		})
	}
	return out, nil
}

// splitGroup splits a group key into paper ID and item index.
func splitGroup(key string) (string, int, bool) {
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == '\x1f' {
			n, err := strconv.Atoi(key[i+1:])
			return key[:i], n, err == nil
		}
	}
	return "", 0, false
}

// SetThemes re-indexes the passages of one ingested paper (named as
// Resolve reads source) with the themes themer gives them, in one batch.
// Searches filter on and facet by them.
func (x *Index) SetThemes(ctx context.Context, source string, themer Themer) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return index.ErrClosed
	}
	rec, err := x.Document(ctx, source)
	if err != nil {
		return err
	}
	all := make([][]corpus.Passage, len(rec.Items))
	for i := range rec.Items {
		if all[i], err = x.passages(ctx, rec, i); err != nil {
			return err
		}
		if len(all[i]) != rec.ItemPassages[i] {
			return fmt.Errorf("set themes of %s: item %d has %d passages stored, record says %d",
				source, i, len(all[i]), rec.ItemPassages[i])
		}
	}
	b := x.bi.NewBatch()
	if err := putPassages(b, rec, rec, func(i int) []corpus.Passage { return all[i] }, themer); err != nil {
		return err
	}
	if err := x.bi.Batch(b); err != nil {
		return fmt.Errorf("set themes of %s: %w", source, err)
	}
	return nil
}
