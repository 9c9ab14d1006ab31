package bleveindex

import (
	"context"
	"reflect"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveapi "github.com/blevesearch/bleve_index_api"
)

// lean rewrites q into an equivalent query that builds fewer searchers.
//
// bleve wraps every clause group in a disjunction or conjunction searcher,
// even a group of one: a query word that analyses to one term becomes a
// disjunction of one term, and a query with no filters a conjunction of
// one query. Each wrapper costs a call, a comparison and a score per
// matching passage, which is most of the index for a broad query. A
// wrapper of one clause scores exactly as the clause (a sum of one score,
// coordination 1/1), so lean drops it; scores and ranking are unchanged.
// Nodes lean does not know are kept as they are.
func lean(q query.Query) query.Query {
	switch t := q.(type) {
	case *query.MatchQuery:
		if fuzzy, ok := boolField(t, "autoFuzzy"); ok && !fuzzy &&
			t.Fuzziness == 0 && t.Prefix == 0 && t.Operator == query.MatchQueryOperatorOr {
			return &leanMatch{m: t}
		}
	case *query.BooleanQuery:
		t.Must = lean(t.Must)
		t.Should = lean(t.Should)
		t.MustNot = lean(t.MustNot)
		if t.Filter != nil {
			t.Filter = lean(t.Filter)
		}
	case *query.ConjunctionQuery:
		skip, ok := boolField(t, "queryStringMode")
		if !ok {
			return q
		}
		out := &leanGroup{all: true, skipNone: skip, clauses: make([]query.Query, len(t.Conjuncts))}
		for i, c := range t.Conjuncts {
			out.clauses[i] = lean(c)
		}
		return out
	case *query.DisjunctionQuery:
		skip, ok := boolField(t, "queryStringMode")
		if !ok {
			return q
		}
		out := &leanGroup{min: t.Min, skipNone: skip, clauses: make([]query.Query, len(t.Disjuncts))}
		for i, c := range t.Disjuncts {
			out.clauses[i] = lean(c)
		}
		return out
	}
	return q
}

// boolField reads an unexported flag of a bleve query: queryStringMode of
// a group from the query-string parser, which skips clauses that match
// nothing (a stop word) instead of letting them fail or dilute the group,
// or autoFuzzy of a match query. ok is false when the flag cannot be read,
// and lean then leaves the node alone.
func boolField(q query.Query, name string) (value, ok bool) {
	v := reflect.ValueOf(q)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return false, false
	}
	f := v.Elem().FieldByName(name)
	if !f.IsValid() || f.Kind() != reflect.Bool {
		return false, false
	}
	return f.Bool(), true
}

// leanGroup is a conjunction (all) or disjunction of clauses that hands
// back a single clause's searcher instead of wrapping it.
type leanGroup struct {
	clauses  []query.Query
	all      bool
	min      float64
	skipNone bool
}

// Searcher implements query.Query.
func (g *leanGroup) Searcher(ctx context.Context, i bleveapi.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	ss := make([]search.Searcher, 0, len(g.clauses))
	for _, c := range g.clauses {
		s, err := c.Searcher(ctx, i, m, options)
		if err != nil {
			for _, s := range ss {
				_ = s.Close()
			}
			return nil, err
		}
		if _, none := s.(*searcher.MatchNoneSearcher); none && g.skipNone {
			continue
		}
		ss = append(ss, s)
	}
	switch {
	case len(ss) == 0:
		return searcher.NewMatchNoneSearcher(i)
	case len(ss) == 1 && (g.all || g.min <= 1):
		// A clause that matches nothing stays wrapped: a boolean query
		// drops a must clause of that type, which would match all. So
		// does one whose Min differs from the group's: a boolean query
		// reads the Min of its should searcher to decide whether a
		// passage must match it.
		_, none := ss[0].(*searcher.MatchNoneSearcher)
		min := 0
		if !g.all {
			min = int(g.min)
		}
		if !none && ss[0].Min() == min {
			return ss[0], nil
		}
	}
	if g.all {
		return searcher.NewConjunctionSearcher(ctx, i, ss, options)
	}
	return searcher.NewDisjunctionSearcher(ctx, i, ss, g.min, options)
}

// Validate checks the clauses that can be checked, as bleve's groups do.
func (g *leanGroup) Validate() error {
	for _, c := range g.clauses {
		if v, ok := c.(query.ValidatableQuery); ok {
			if err := v.Validate(); err != nil {
				return err
			}
		}
	}
	return nil
}

// leanMatch is a match query (any of the analysed terms) whose terms form
// a leanGroup.
type leanMatch struct {
	m *query.MatchQuery
}

// Searcher implements query.Query.
func (q *leanMatch) Searcher(ctx context.Context, i bleveapi.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	field := q.m.FieldVal
	if field == "" {
		field = m.DefaultSearchField()
	}
	name := q.m.Analyzer
	if name == "" {
		name = m.AnalyzerNameForPath(field)
	}
	an := m.AnalyzerNamed(name)
	if an == nil {
		return q.m.Searcher(ctx, i, m, options) // reports the missing analyzer
	}
	tokens := an.Analyze([]byte(q.m.Match))
	if len(tokens) == 0 {
		return searcher.NewMatchNoneSearcher(i)
	}
	g := &leanGroup{min: 1, clauses: make([]query.Query, len(tokens))}
	for k, t := range tokens {
		tq := query.NewTermQuery(string(t.Term))
		tq.SetField(field)
		tq.SetBoost(q.m.BoostVal.Value())
		g.clauses[k] = tq
	}
	return g.Searcher(ctx, i, m, options)
}

// unscored is a query that only selects: its searcher skips term
// frequencies and norms, and a range of dates or numbers becomes one
// union of postings instead of a scored disjunction of many terms. A
// filter's score is the same for every passage it keeps, so leaving it
// out changes no ranking.
type unscored struct {
	q query.Query
}

// Searcher implements query.Query.
func (u unscored) Searcher(ctx context.Context, i bleveapi.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	options.Score = "none"
	options.IncludeTermVectors = false
	options.Explain = false
	return u.q.Searcher(ctx, i, m, options)
}

// Validate checks the wrapped query when it can be checked.
func (u unscored) Validate() error {
	if v, ok := u.q.(query.ValidatableQuery); ok {
		return v.Validate()
	}
	return nil
}
