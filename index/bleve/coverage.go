package bleveindex

import (
	"regexp"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/scrutineer/scrutineer/corpus/english"
)

// allWordsBoost weighs a passage that has every concept of the query: each
// word as the index stems it, a jargon term of several words ("children in
// care") counting as one concept met by any of its group's forms. Plain
// words match any of them; a passage about all of "Norfolk care leavers"
// ranks above the many that are only about care leavers.
const allWordsBoost = 1.0

// allWords returns the optional query for a passage that has every
// concept of the query's plain words, or nil when they make fewer than two.
func allWords(cs []clause) query.Query {
	var words []string
	for _, c := range cs {
		if c.field == "" && !c.not && !c.phrase && !c.must {
			words = append(words, c.text)
		}
	}
	toks := analyze(strings.Join(words, " "))
	if len(toks) < 2 {
		return nil
	}
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = string(t.Term)
	}
	var concepts []query.Query
	seen := map[string]bool{}
	add := func(term string) {
		if seen[term] {
			return
		}
		seen[term] = true
		t := query.NewTermQuery(term)
		t.SetField(fText)
		// On each term: bleve does not apply a group's own boost.
		t.SetBoost(allWordsBoost)
		concepts = append(concepts, t)
	}
	next := 0
	for _, m := range english.FindJargon(terms) {
		for _, t := range terms[next:m.At] {
			add(t)
		}
		add(m.Group.Key)
		next = m.At + m.Len
	}
	for _, t := range terms[next:] {
		add(t)
	}
	if len(concepts) < 2 {
		return nil
	}
	return query.NewConjunctionQuery(concepts)
}

// yearBoost weighs the passages of papers dated in a year the query names
// ("Kent Ofsted 2022 judgement").
const yearBoost = 1.0

var reYear = regexp.MustCompile(`^(19[89]\d|20[0-4]\d)$`)

// yearQueries returns an optional query on the paper's year for each year
// among the query's plain words.
func yearQueries(cs []clause) []query.Query {
	var out []query.Query
	for _, c := range cs {
		if c.field == "" && !c.not && !c.phrase && reYear.MatchString(c.text) {
			t := query.NewTermQuery(c.text)
			t.SetField(fYear)
			t.SetBoost(yearBoost)
			out = append(out, t)
		}
	}
	return out
}

// nearBoost weighs a pair of the query's neighbouring words found one word
// apart ("placement of stability", "caseloads of social workers" for
// "social worker caseloads" is not: order is kept).
const nearBoost = 1.0

// nearMaxWords is the most words (stop words aside) a query may have for
// nearPairs to weigh its pairs.
const nearMaxWords = 3

// nearPairs returns, for each pair of neighbouring plain words of the
// query, an optional phrase with one word of any kind between them: the
// proximity boost beside pairPhrases' adjacent one.
func nearPairs(cs []clause) []query.Query {
	plain := 0
	for _, c := range cs {
		if c.field == "" && !c.not && !c.phrase && len(analyze(c.text)) > 0 {
			plain++
		}
	}
	if plain > nearMaxWords {
		// A phrase costs a read of positions for every passage with
		// both words; on a longer query the pairs' sum doubled the
		// slowest searches for little gain.
		return nil
	}
	var out []query.Query
	prev := ""
	for _, c := range cs {
		if c.field != "" || c.not || c.phrase {
			prev = ""
			continue
		}
		toks := analyze(c.text)
		if len(toks) != 1 {
			prev = ""
			continue
		}
		t := string(toks[0].Term)
		if prev != "" {
			m := query.NewMultiPhraseQuery([][]string{{prev}, {}, {t}}, fText)
			m.SetBoost(nearBoost)
			out = append(out, m)
		}
		prev = t
	}
	return out
}
