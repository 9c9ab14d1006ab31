package bleveindex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
)

// highlighterName is the bleve highlighter that marks matches with
// <mark>…</mark>.
const highlighterName = "scrutineer_mark"

// snippetSize is the length in bytes of a snippet fragment.
const snippetSize = 220

// markFormatter writes a fragment with matched terms in <mark>…</mark>,
// escaping only &, < and > so apostrophes and quotes stay readable in a
// terminal, in Slack and in HTML alike.
type markFormatter struct{}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Format implements highlight.FragmentFormatter.
func (markFormatter) Format(f *highlight.Fragment, locs highlight.TermLocations) string {
	var b strings.Builder
	start, end := wordBounds(f.Orig, f.Start, f.End)
	curr := start
	for _, l := range locs {
		if l == nil || !l.ArrayPositions.Equals(f.ArrayPositions) || l.Start < curr {
			continue
		}
		if l.End > end {
			break
		}
		b.WriteString(escaper.Replace(string(f.Orig[curr:l.Start])))
		b.WriteString("<mark>")
		b.WriteString(escaper.Replace(string(f.Orig[l.Start:l.End])))
		b.WriteString("</mark>")
		curr = l.End
	}
	b.WriteString(escaper.Replace(string(f.Orig[curr:end])))
	return b.String()
}

// wordBounds narrows a fragment [start, end) of text to whole words: a
// fragment cut inside a word at either end starts after it or stops
// before it, so a snippet never shows half a word. A fragment of one
// word is kept as it is.
func wordBounds(text []byte, start, end int) (int, int) {
	inWord := func(i int) bool {
		if i <= 0 || i >= len(text) {
			return false
		}
		r, _ := utf8.DecodeRune(text[i:])
		p, _ := utf8.DecodeLastRune(text[:i])
		return isWordRune(r) && isWordRune(p)
	}
	s, e := start, end
	if inWord(s) {
		for s < e && !unicode.IsSpace(rune(text[s])) {
			s++
		}
		for s < e && unicode.IsSpace(rune(text[s])) {
			s++
		}
	}
	if inWord(e) {
		for e > s && !unicode.IsSpace(rune(text[e-1])) {
			e--
		}
		for e > s && unicode.IsSpace(rune(text[e-1])) {
			e--
		}
	}
	if s >= e {
		return start, end
	}
	return s, e
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func newHighlighter(map[string]interface{}, *registry.Cache) (highlight.Highlighter, error) {
	return simplehl.NewHighlighter(simple.NewFragmenter(snippetSize), markFormatter{}, " … "), nil
}
