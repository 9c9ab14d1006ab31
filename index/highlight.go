package index

import (
	"strings"

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
	curr := f.Start
	for _, l := range locs {
		if l == nil || !l.ArrayPositions.Equals(f.ArrayPositions) || l.Start < curr {
			continue
		}
		if l.End > f.End {
			break
		}
		b.WriteString(escaper.Replace(string(f.Orig[curr:l.Start])))
		b.WriteString("<mark>")
		b.WriteString(escaper.Replace(string(f.Orig[l.Start:l.End])))
		b.WriteString("</mark>")
		curr = l.End
	}
	b.WriteString(escaper.Replace(string(f.Orig[curr:f.End])))
	return b.String()
}

func newHighlighter(map[string]interface{}, *registry.Cache) (highlight.Highlighter, error) {
	return simplehl.NewHighlighter(simple.NewFragmenter(snippetSize), markFormatter{}, " … "), nil
}
