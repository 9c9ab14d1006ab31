// Package english owns the project's English text analysis: tokenising,
// lower-casing, possessive removal, stop words, snowball (Porter2) stemming
// with github.com/kljensen/snowball, and the children's-services jargon
// groups that let "LAC", "CLA" and "children in care" meet. The search
// index and the theme matcher both analyse text through this package, so a
// word means the same thing to both.
package english

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Token is one analysed word of a text.
type Token struct {
	// Term is the analysed form: lower-cased, possessive removed, stemmed.
	Term string
	// Start and End are byte offsets of the surface word in the text.
	Start, End int
	// Pos is the 0-based position of the word among all words of the text,
	// stop words included, so phrase distances survive stop-word removal.
	Pos int
}

// irregular maps plurals the stemmer leaves alone to their singular, so
// that "children's" and "child" meet.
var irregular = map[string]string{
	"children": "child",
	"people":   "person",
	"women":    "woman",
	"men":      "man",
}

// Stem returns the analysed form of one lower-case word (no stop-word
// check): irregular plurals folded, then snowball English.
func Stem(word string) string {
	if s, ok := irregular[word]; ok {
		return s
	}
	if len(word) <= 2 {
		return word
	}
	return english.Stem(word, true)
}

// Normalize lower-cases a word and removes a trailing possessive ('s, ’s,
// or a bare apostrophe).
func Normalize(word string) string {
	w := strings.ToLower(word)
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// Words splits text into surface words: runs of letters and digits, with
// apostrophes kept inside a word ("children's") and hyphens splitting
// ("step-down" is two words). It returns byte offsets.
func Words(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if !inWord && (r == '\'' || r == '’') && start >= 0 {
			// An apostrophe stays only when a letter follows it, or it ends
			// a plural possessive ("carers'").
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			inWord = unicode.IsLetter(next) || (i > 0 && text[i-1] == 's')
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// Analyze runs the whole chain over text: words, normalisation, stop-word
// removal and stemming. Jargon groups are not added; see Expand.
func Analyze(text string) []Token {
	words := Words(text)
	toks := make([]Token, 0, len(words))
	for pos, w := range words {
		n := Normalize(text[w[0]:w[1]])
		if n == "" || IsStop(n) {
			continue
		}
		toks = append(toks, Token{Term: Stem(n), Start: w[0], End: w[1], Pos: pos})
	}
	return toks
}

// Terms returns just the analysed terms of text, in order.
func Terms(text string) []string {
	toks := Analyze(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}
