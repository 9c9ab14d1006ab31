package bleveindex

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/scrutineer/scrutineer/index"
)

// Boosts of the item title and section heading over the passage text.
const (
	titleBoost   = 2.0
	headingBoost = 1.0
)

// request is a query as Search runs it: the caller's query and what
// Search adds to it to search near spellings.
type request struct {
	Query
	// fuzzy is the edit distance allowed for the query's longer words,
	// set by Search when the query as typed finds nothing.
	fuzzy int
	// respell are the query's words that no passage has, searched within
	// fuzzyDistance edits (set by Search).
	respell map[string]bool
	// named lists the passages of the papers known by a file name, any
	// of their names (set by Search); without it a source filter matches
	// each paper's first name only.
	named func(name string) ([]string, error)
	// phrases, when set, receives the query's phrase boosts instead of
	// the query, for Search to score on the first pass's best passages
	// only (see rescorePhrases).
	phrases *[]query.Query
}

// buildQuery turns q into a bleve query: the query string on the passage
// text, jargon groups of the whole text as optional terms, title and heading
// matches as optional boosts, and the filters as further conjuncts.
func buildQuery(q request) (query.Query, bool, error) {
	text := strings.TrimSpace(q.Text)
	cs, err := parseUserQuery(text)
	if err != nil {
		return nil, false, err
	}
	var must, should, mustNot []query.Query
	var fieldFilters []clause
	for _, c := range cs {
		if c.field != "" && c.field != fTitle && c.field != fHeading {
			fieldFilters = append(fieldFilters, c) // committee:, kind:, theme:, source:
			continue
		}
		field := c.field
		if field == "" {
			field = fText
		}
		var m query.FieldableQuery
		if c.phrase {
			m = query.NewMatchPhraseQuery(c.text)
		} else {
			mq := query.NewMatchQuery(c.text)
			if q.fuzzy > 0 && !c.not && utf8.RuneCountInString(c.text) >= minFuzzyWord {
				mq.SetFuzziness(q.fuzzy)
			} else if q.respell[c.text] && !c.not {
				mq.SetFuzziness(fuzzyDistance)
			}
			m = mq
		}
		m.SetField(field)
		switch {
		case c.not:
			mustNot = append(mustNot, m)
		case c.must:
			must = append(must, m)
		default:
			should = append(should, m)
		}
	}
	var textQ query.Query
	hasText := len(must)+len(should) > 0
	if hasText {
		// As the query-string parser builds it: a clause that analyses
		// to nothing (a stop word) is skipped rather than failing the
		// query.
		bq := query.NewBooleanQueryForQueryString(must, should, mustNot)
		if len(should) > 0 {
			// A multi-word jargon term ("children in care") is split into
			// words; its group key brings in the group's other terms.
			for _, k := range jargonKeys(textOf(cs)) {
				t := query.NewTermQuery(k)
				t.SetField(fText)
				bq.AddShould(t)
			}
		}
		for _, sq := range statRefQueries(textOf(cs)) {
			bq.AddShould(sq)
		}
		// Not for a query with jargon: its group terms stand in for the
		// words as typed, which the papers seldom write side by side.
		if len(jargonKeys(textOf(cs))) == 0 {
			ps := append(pairPhrases(cs), nearPairs(cs)...)
			if q.phrases != nil {
				*q.phrases = ps
			} else {
				for _, pq := range ps {
					bq.AddShould(pq)
				}
			}
		}
		if aw := allWords(cs); aw != nil {
			bq.AddShould(aw)
		}
		textQ = bq
	} else {
		all := query.NewMatchAllQuery()
		if len(mustNot) > 0 {
			textQ = query.NewBooleanQuery([]query.Query{all}, nil, mustNot)
		} else {
			textQ = all
		}
	}
	var extra []query.Query
	for _, c := range fieldFilters {
		switch c.field {
		case fItem, fYear:
			t := query.NewTermQuery(c.text)
			t.SetField(c.field)
			extra = append(extra, unscored{t})
		case fDate:
			d, err := dateRange(c.text)
			if err != nil {
				return nil, false, err
			}
			extra = append(extra, unscored{d})
		case fCommitteeKey:
			q.Committee = c.text
		case fKind:
			q.Kind = c.text
		case fThemes:
			q.Theme = c.text
		case fSource:
			q.Source = c.text
		}
	}

	var filters []query.Query
	term := func(field, v string) {
		t := query.NewTermQuery(v)
		t.SetField(field)
		filters = append(filters, unscored{t})
	}
	if c := strings.ToLower(strings.TrimSpace(q.Committee)); c != "" {
		term(fCommitteeKey, c)
	}
	if q.Kind != "" {
		term(fKind, strings.ToLower(q.Kind))
	}
	if q.Source != "" {
		if q.named == nil {
			term(fSource, q.Source)
		} else {
			ids, err := q.named(q.Source)
			if err != nil {
				return nil, false, err
			}
			filters = append(filters, unscored{query.NewDocIDQuery(ids)})
		}
	}
	if q.Theme != "" {
		term(fThemes, q.Theme)
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		yes := true
		var to time.Time
		if !q.To.IsZero() {
			to = q.To
		}
		d := query.NewDateRangeInclusiveQuery(q.From, to, &yes, &yes)
		d.SetField(fDate)
		filters = append(filters, unscored{d})
	}

	// Filters join the text query as conjuncts, so a selective filter
	// skips through the text's postings instead of testing every match.
	// They are unscored: a keyword term would add the same score to every
	// passage, and a date range scored by its terms would favour dates
	// for no reason; unscored, a range is one union of postings.
	filters = append(filters, extra...)
	bq := query.NewBooleanQuery(append([]query.Query{textQ}, filters...), nil, nil)
	if !q.IncludeExempt {
		// Few passages are exempt: excluding them is cheaper than
		// filtering every hit for the rest.
		b := query.NewBoolFieldQuery(true)
		b.SetField(fExempt)
		bq.AddMustNot(unscored{b})
	}
	if plain := textOf(cs); plain != "" {
		t := query.NewMatchQuery(plain)
		t.SetField(fTitle)
		t.SetBoost(titleBoost)
		h := query.NewMatchQuery(plain)
		h.SetField(fHeading)
		h.SetBoost(headingBoost)
		bq.AddShould(t, h)
	}
	for _, y := range yearQueries(cs) {
		bq.AddShould(y)
	}
	return lean(bq), hasText, nil
}

// Near spellings: when a query finds nothing, its words of at least
// minFuzzyWord letters are searched again within fuzzyDistance edits.
const (
	minFuzzyWord  = 6
	fuzzyDistance = 2
)

// phraseBoost weighs a pair of the query's words found side by side.
const phraseBoost = 4.0

// pairPhrases returns, for each pair of neighbouring plain words of the
// query (not quoted, not in a field, not excluded), an optional phrase
// query on the passage text: passages where the words stand together as
// typed ("placement stability", "care leavers") rank above those that
// have them apart.
func pairPhrases(cs []clause) []query.Query {
	var out []query.Query
	var prev string
	for _, c := range cs {
		if c.field != "" || c.not || c.phrase {
			prev = ""
			continue
		}
		if prev != "" {
			m := query.NewMatchPhraseQuery(prev + " " + c.text)
			m.SetField(fText)
			m.SetBoost(phraseBoost)
			out = append(out, m)
		}
		prev = c.text
	}
	return out
}

// Search runs q. Hits are passages, at most q.PerItem from one item so one
// long report does not fill the page; Total counts matching passages.
// Facets count matching passages by committee, year and theme, unless
// q.NoFacets is set.
func (x *Index) Search(ctx context.Context, q Query) (*Results, error) {
	return x.search(ctx, request{Query: q})
}

// search runs q (see Search); near spellings run through it again.
func (x *Index) search(ctx context.Context, q request) (res *Results, err error) {
	defer func() {
		// The query parser reads user input; a panic in it must not take
		// the caller down.
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("search %q: internal error: %v", q.Text, r)
		}
	}()
	start := time.Now()
	limit := q.Limit
	if limit <= 0 {
		limit = index.DefaultLimit
	}
	if limit > index.MaxLimit {
		limit = index.MaxLimit
	}
	offset := q.Offset
	if offset < 0 {
		offset = 0
	}
	perItem := q.PerItem
	if perItem <= 0 {
		perItem = index.DefaultPerItem
	}
	var respelled []string
	if q.fuzzy == 0 && q.respell == nil {
		if cs, err := parseUserQuery(q.Text); err == nil {
			if respelled, err = x.unknownWords(ctx, cs); err != nil {
				return nil, fmt.Errorf("search %s: %w", x.dir, err)
			}
			if len(respelled) > 0 && len(respelled) < countWords(cs) {
				// A query of unknown words alone is respelled as a
				// whole below, when it finds nothing.
				q.respell = map[string]bool{}
				for _, w := range respelled {
					q.respell[w] = true
				}
			} else {
				respelled = nil
			}
		}
	}
	q.named = x.passagesNamed
	var phrases []query.Query
	if !q.Newest {
		q.phrases = &phrases
	}
	bq, hasText, err := buildQuery(q)
	if err != nil {
		return nil, err
	}
	if q.Paper != "" {
		f, err := x.paperFilter(ctx, q.Paper)
		if err != nil {
			return nil, err
		}
		bq = query.NewConjunctionQuery([]query.Query{bq, f})
	}

	// First pass: IDs and scores only, collapsed per item.
	need := offset + limit
	window := need * perItem * 2
	if window < minWindow {
		window = minWindow
	}
	var selected []*search.DocumentMatch
	for round := 0; ; round++ {
		req := bleve.NewSearchRequestOptions(bq, window, 0, false)
		switch {
		case !hasText:
			req.SortBy([]string{"-" + fDate, fSource, fItemIndex, fSeq})
		case q.Newest:
			req.SortBy([]string{"-" + fDate, "-_score", fSource, fItemIndex, fSeq})
		}
		if round == 0 && !q.NoFacets {
			// Facets cost a doc-values read per matching passage: about
			// half the time of a broad query.
			req.AddFacet(fFacets, bleve.NewFacetRequest(fFacets, facetValues))
		}
		sr, err := x.searchRanked(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("search %s: %w", x.dir, err)
		}
		if round == 0 {
			res = &Results{Query: q.Text, Total: sr.Total, Facets: facets(sr.Facets), Respelled: respelled}
		}
		if hasText && !q.Newest {
			if err := x.rescorePhrases(ctx, sr.Hits, phrases); err != nil {
				return nil, fmt.Errorf("search %s: %w", x.dir, err)
			}
			selected = groupItems(sr.Hits, perItem, x.known().weight)
		} else {
			selected = collapse(sr.Hits, perItem)
		}
		if len(selected) >= need || uint64(window) >= sr.Total || round == 3 {
			break
		}
		window *= 4
	}
	if res.Total == 0 && hasText && q.fuzzy == 0 && !q.Newest {
		// Spelling is corrected only when the query as typed finds
		// nothing: near spellings of a word found are noise.
		nq := q
		nq.fuzzy = fuzzyDistance
		near, err := x.search(ctx, nq)
		if err != nil {
			return nil, err
		}
		if near.Total > 0 {
			near.Query, near.NearSpellings = q.Text, true
			return near, nil
		}
	}
	if offset >= len(selected) {
		res.Hits = []Hit{}
		res.Took = time.Since(start)
		return res, nil
	}
	selected = selected[offset:]
	if len(selected) > limit {
		selected = selected[:limit]
	}

	// Second pass: stored fields and highlights for the chosen page.
	ids := make([]string, len(selected))
	for i, h := range selected {
		ids[i] = h.ID
	}
	// A conjunction with the chosen IDs advances the query straight to
	// them; the query is still there so highlights find their terms.
	page := query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), bq})
	req := bleve.NewSearchRequestOptions(page, len(ids), 0, false)
	req.Fields = storedFields
	if hasText {
		req.Highlight = bleve.NewHighlightWithStyle(highlighterName)
		req.Highlight.AddField(fText)
	}
	sr, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", x.dir, err)
	}
	byID := make(map[string]*search.DocumentMatch, len(sr.Hits))
	for _, h := range sr.Hits {
		byID[h.ID] = h
	}
	res.Hits = make([]Hit, 0, len(selected))
	papers := x.known()
	for _, s := range selected {
		h, ok := byID[s.ID]
		if !ok {
			continue // deleted between the passes by a concurrent ingest
		}
		hit := hitFrom(h)
		hit.Score = s.Score
		hitIdentity(&hit, h.ID, papers)
		res.Hits = append(res.Hits, hit)
	}
	res.Took = time.Since(start)
	return res, nil
}

// paperFilter matches the passages of the one paper ref names (see
// Resolve); nothing when no paper fits.
func (x *Index) paperFilter(ctx context.Context, ref string) (query.Query, error) {
	rec, err := x.Resolve(ctx, ref)
	if errors.Is(err, index.ErrNotFound) {
		return query.NewDocIDQuery(nil), nil
	}
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", x.dir, err)
	}
	return unscored{q: query.NewDocIDQuery(passageIDs(rec))}, nil
}

// phraseWeight scales the phrase boosts' scores, read on their own, as
// they are added to the first pass's scores.
const phraseWeight = 1.5

// rescorePhrases adds to each of hits (the first pass's best passages,
// which groupItems then sorts by their weighted scores) the score of the
// query's phrase boosts (neighbouring words side by side
// or one word apart). They are scored on these passages only: a phrase
// reads the positions of its words in every passage that has them, which
// over a whole large index was most of a broad query's time.
func (x *Index) rescorePhrases(ctx context.Context, hits search.DocumentMatchCollection, phrases []query.Query) error {
	if len(phrases) == 0 || len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	q := query.NewConjunctionQuery([]query.Query{unscored{query.NewDocIDQuery(ids)}, query.NewDisjunctionQuery(phrases)})
	sr, err := x.bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, len(ids), 0, false))
	if err != nil {
		return err
	}
	add := make(map[string]float64, len(sr.Hits))
	for _, h := range sr.Hits {
		add[h.ID] = h.Score
	}
	for _, h := range hits {
		h.Score += phraseWeight * add[h.ID]
	}
	// groupItems puts the hits back in order of score.
	return nil
}

// passagesNamed lists the passages of the papers that have name among
// their file names: a paper found under several names is found by each.
func (x *Index) passagesNamed(name string) ([]string, error) {
	var ids []string
	for id, e := range x.known() {
		if !slices.ContainsFunc(e.Sources, func(l index.Location) bool { return l.Name == name }) {
			continue
		}
		rec, err := x.readRecord(id)
		if err != nil {
			return nil, fmt.Errorf("search %s: %w", x.dir, err)
		}
		if rec != nil {
			ids = append(ids, passageIDs(rec)...)
		}
	}
	return ids, nil
}

// minWindow is the fewest hits the first pass ranks. A wider window costs
// little (about 1% of a broad query on 100,000 passages at 300 against
// 100) and spares a second search over the whole index when a few long
// items fill the first hits; the hits kept do not depend on it.
const minWindow = 300

// Item grouping: an item is ranked by its best passage plus a share of
// its next best ones, so a report that is about the query (many passages
// match) comes before one that mentions it once in a strong passage.
const (
	itemSupport      = 0.3 // share of each further passage's score
	itemSupportCount = 4   // further passages counted
	// paperRepeat is the weight of a paper's second item among the
	// results, squared for its third, and so on.
	paperRepeat = 0.85
	// boilerWeight is the weight of a boilerplate passage (see
	// corpus.IsBoilerplate): ranked down, never dropped.
	boilerWeight = 0.3
	// agendaWeight is the weight of a passage of the agenda itself, which
	// announces the items that answer.
	agendaWeight = 0.5
)

// groupItems ranks the items of hits (in score order) by their best
// passage plus itemSupport of each of their next itemSupportCount
// passages, and returns at most perItem hits of each item, the item's hits
// together and best first, items in that order. Ties keep the order of
// the items' best passages.
func groupItems(hits search.DocumentMatchCollection, perItem int, weight func(id string) float64) []*search.DocumentMatch {
	if weight != nil {
		for _, h := range hits {
			h.Score *= weight(h.ID)
		}
	}
	// Scores may have changed since the search ranked the hits
	// (rescorePhrases, weight).
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	type group struct {
		hits  []*search.DocumentMatch
		score float64
		seen  int
	}
	var order []*group
	byKey := map[string]*group{}
	for _, h := range hits {
		k := groupKey(h.ID)
		g := byKey[k]
		if g == nil {
			g = &group{score: h.Score}
			byKey[k] = g
			order = append(order, g)
		} else if g.seen <= itemSupportCount {
			g.score += itemSupport * h.Score
		}
		g.seen++
		if len(g.hits) < perItem {
			g.hits = append(g.hits, h)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].score > order[j].score })
	// Diversity across papers: each further item of a paper already
	// ranked weighs paperRepeat less, so one long pack does not fill the
	// page when other papers answer too.
	perPaper := map[string]int{}
	for _, g := range order {
		p := paperOf(g.hits[0].ID)
		g.score *= math.Pow(paperRepeat, float64(perPaper[p]))
		perPaper[p]++
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].score > order[j].score })
	out := make([]*search.DocumentMatch, 0, len(hits))
	for _, g := range order {
		out = append(out, g.hits...)
	}
	return out
}

// collapse keeps at most perItem hits per item, in rank order.
func collapse(hits search.DocumentMatchCollection, perItem int) []*search.DocumentMatch {
	count := map[string]int{}
	out := make([]*search.DocumentMatch, 0, len(hits))
	for _, h := range hits {
		k := groupKey(h.ID)
		if count[k] >= perItem {
			continue
		}
		count[k]++
		out = append(out, h)
	}
	return out
}

// facetValues bounds the values counted across all facets together.
const facetValues = 400

// facets splits the counts of the combined facet field by facet name.
func facets(fr search.FacetResults) map[string][]FacetCount {
	out := map[string][]FacetCount{}
	f := fr[fFacets]
	if f == nil || f.Terms == nil {
		return out
	}
	for _, t := range f.Terms.Terms() {
		name, value, ok := strings.Cut(t.Term, "\x1f")
		if !ok || value == "" {
			continue
		}
		out[name] = append(out[name], FacetCount{Value: value, Count: t.Count})
	}
	for name, vs := range out {
		sort.SliceStable(vs, func(i, j int) bool {
			if vs[i].Count != vs[j].Count {
				return vs[i].Count > vs[j].Count
			}
			return vs[i].Value < vs[j].Value
		})
		if len(vs) > facetLimit {
			out[name] = vs[:facetLimit]
		}
	}
	return out
}

// facetLimit is the most values returned for one facet.
const facetLimit = 30

// hitFrom builds a Hit from a match with stored fields.
func hitFrom(h *search.DocumentMatch) Hit {
	str := func(f string) string {
		s, _ := h.Fields[f].(string)
		return s
	}
	num := func(f string) int {
		v, _ := h.Fields[f].(float64)
		return int(v)
	}
	hit := Hit{
		Source:      str(fSource),
		Path:        str(fPath),
		Item:        str(fItem),
		Title:       str(fTitle),
		Heading:     str(fHeading),
		Committee:   str(fCommittee),
		Council:     str(fCouncil),
		Kind:        str(fKind),
		Page:        num(fPage),
		PrintedPage: num(fPrinted),
		Score:       h.Score,
		Themes:      strs(h.Fields[fThemes]),
	}
	if d := str(fDate); len(d) >= 10 {
		hit.Date = d[:10]
	}
	hit.Exempt, _ = h.Fields[fExempt].(bool)
	if frags := h.Fragments[fText]; len(frags) > 0 {
		hit.Snippet = strings.Join(frags, " … ")
	} else {
		hit.Snippet = escaper.Replace(lead(str(fText), snippetSize))
	}
	return hit
}

// strs reads a stored field that holds one string or several.
func strs(v interface{}) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []interface{}:
		out := make([]string, 0, len(t))
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// lead returns about n bytes of the start of s, cut at a word boundary.
func lead(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut < len(s) && s[cut]&0xC0 == 0x80 {
			cut++
		}
	}
	return s[:cut] + " …"
}

// dateRange reads a date filter of a query: "2025-06-01" (that day),
// ">=2025-01-01", ">2025-01-01", "<=2025-12-31" or "<2026-01-01".
func dateRange(v string) (query.Query, error) {
	op := ""
	for _, p := range []string{">=", "<=", ">", "<"} {
		if strings.HasPrefix(v, p) {
			op, v = p, v[len(p):]
			break
		}
	}
	v = strings.Trim(v, `"`)
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return nil, fmt.Errorf("%w: date:%s%s is not a date; write it as date:>=2025-01-01", index.ErrQuery, op, v)
	}
	yes, no := true, false
	var d *query.DateRangeQuery
	switch op {
	case ">=":
		d = query.NewDateRangeInclusiveQuery(t, time.Time{}, &yes, nil)
	case ">":
		d = query.NewDateRangeInclusiveQuery(t.Add(24*time.Hour), time.Time{}, &yes, nil)
	case "<=":
		d = query.NewDateRangeInclusiveQuery(time.Time{}, t.Add(24*time.Hour), nil, &no)
	case "<":
		d = query.NewDateRangeInclusiveQuery(time.Time{}, t, nil, &no)
	default:
		d = query.NewDateRangeInclusiveQuery(t, t.Add(24*time.Hour), &yes, &no)
	}
	d.SetField(fDate)
	return d, nil
}
