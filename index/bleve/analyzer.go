package bleveindex

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/scrutineer/scrutineer/corpus/english"
)

// Names under which the project's analysis components are registered in
// bleve's registry.
const (
	// AnalyzerName is the analyzer every text field of the index uses.
	AnalyzerName = "scrutineer_en"
	// FilterNormalize lower-cases and removes possessives (english.Normalize).
	FilterNormalize = "scrutineer_normalize"
	// FilterStop removes stop words (english.IsStop).
	FilterStop = "scrutineer_stop"
	// FilterStem stems with snowball English (english.Stem).
	FilterStem = "scrutineer_stem"
	// FilterJargon adds a jargon group's key token where a term of the group
	// occurs (english.FindJargon).
	FilterJargon = "scrutineer_jargon"
)

// analysisRevision is bumped whenever the analysis chain or the mapping
// changes in a way that makes an existing index wrong.
const analysisRevision = 4

// AnalysisVersion identifies the analysis chain an index was built with:
// the revision above plus a digest of the jargon groups, so editing
// english/jargon.txt also marks older indexes as stale.
var AnalysisVersion = analysisVersion()

func analysisVersion() string {
	h := sha256.New()
	for _, g := range english.Jargon() {
		fmt.Fprintf(h, "%s\n", strings.Join(g.Terms, "|"))
	}
	return fmt.Sprintf("%d-%s", analysisRevision, hex.EncodeToString(h.Sum(nil))[:12])
}

// normalizeFilter applies english.Normalize and drops tokens left empty.
type normalizeFilter struct{}

func (normalizeFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		n := english.Normalize(string(t.Term))
		if n == "" {
			continue
		}
		t.Term = []byte(n)
		out = append(out, t)
	}
	return out
}

// stopFilter removes english stop words; positions of the remaining tokens
// are kept, so phrase distances survive.
type stopFilter struct{}

func (stopFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		if english.IsStop(string(t.Term)) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// stemFilter applies english.Stem to every token not marked as a keyword.
type stemFilter struct{}

func (stemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if t.KeyWord {
			continue
		}
		if s := english.Stem(string(t.Term)); s != "" {
			t.Term = []byte(s)
		}
	}
	return in
}

// jargonFilter adds, after each jargon match, a token holding the group's
// Key at the position of the match's first term and spanning the whole
// match, so "LAC", "CLA" and "children in care" share a term.
type jargonFilter struct{}

func (jargonFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	if len(in) == 0 {
		return in
	}
	terms := make([]string, len(in))
	for i, t := range in {
		terms[i] = string(t.Term)
	}
	ms := english.FindJargon(terms)
	if len(ms) == 0 {
		return in
	}
	out := make(analysis.TokenStream, 0, len(in)+len(ms))
	next := 0
	for _, m := range ms {
		out = append(out, in[next:m.At+m.Len]...)
		first, last := in[m.At], in[m.At+m.Len-1]
		out = append(out, &analysis.Token{
			Term:     []byte(m.Group.Key),
			Start:    first.Start,
			End:      last.End,
			Position: first.Position,
			Type:     analysis.AlphaNumeric,
			KeyWord:  true,
		})
		next = m.At + m.Len
	}
	return append(out, in[next:]...)
}

// jargonKeys returns the keys of the jargon groups that text mentions. The
// query syntax analyses each word on its own, so a term of several words
// ("children in care") would otherwise be missed; for a one-word term
// ("LAC") the extra key weighs the group up, which the judged queries
// under testdata/relevance favour.
func jargonKeys(text string) []string {
	toks := analyze(text)
	terms := make([]string, 0, len(toks))
	for _, t := range toks {
		terms = append(terms, string(t.Term))
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range english.FindJargon(terms) {
		if !seen[m.Group.Key] {
			seen[m.Group.Key] = true
			out = append(out, m.Group.Key)
		}
	}
	return out
}

// newAnalyzer builds the project's analyzer: unicode words, then
// normalisation, stop words, stemming and jargon.
func newAnalyzer() analysis.Analyzer {
	return &analysis.DefaultAnalyzer{
		Tokenizer: unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{
			normalizeFilter{}, stopFilter{}, stemFilter{}, jargonFilter{},
		},
	}
}

var projectAnalyzer = newAnalyzer()

// analyze runs text through the project's analyzer, without jargon keys.
func analyze(text string) analysis.TokenStream {
	toks := unicode.NewUnicodeTokenizer().Tokenize([]byte(text))
	toks = normalizeFilter{}.Filter(toks)
	toks = stopFilter{}.Filter(toks)
	return stemFilter{}.Filter(toks)
}

// AnalyzeTerms returns the terms the index stores for text, jargon keys
// included, in stream order. It shows users and tests what a query or a
// passage turns into.
func AnalyzeTerms(text string) []string {
	toks := projectAnalyzer.Analyze([]byte(text))
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(t.Term)
	}
	return out
}

func init() {
	reg := func(name string, f analysis.TokenFilter) {
		if err := registry.RegisterTokenFilter(name, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
		}); err != nil {
			panic(err) // registering a name twice is a programming error
		}
	}
	reg(FilterNormalize, normalizeFilter{})
	reg(FilterStop, stopFilter{})
	reg(FilterStem, stemFilter{})
	reg(FilterJargon, jargonFilter{})
	if err := registry.RegisterAnalyzer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return newAnalyzer(), nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterHighlighter(highlighterName, newHighlighter); err != nil {
		panic(err)
	}
}
