package bleveindex

import (
	"regexp"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
)

// statRef finds a short or long statutory reference in a query: "s.47",
// "s47", "section 47", "reg 33", "Regulation 44", "para 8".
var statRef = regexp.MustCompile(`(?i)\b(s|ss|sec|section|reg|regs|regulation|para|paragraph|sch|schedule)\s?\.?\s?(\d{1,3}[a-z]?)\b`)

// statLong maps each short form to its long one.
var statLong = map[string]string{
	"s": "section", "ss": "section", "sec": "section", "section": "section",
	"reg": "regulation", "regs": "regulation", "regulation": "regulation",
	"para": "paragraph", "paragraph": "paragraph",
	"sch": "schedule", "schedule": "schedule",
}

// statShort is the short form papers write for each long one.
var statShort = map[string]string{"section": "s", "regulation": "reg", "paragraph": "para", "schedule": "sch"}

// statRefForms returns the forms a paper may write for each statutory
// reference in text, other than the one typed: "s.47" gives "section 47",
// "s 47" and "s47", so a short reference meets its long form and the
// long one meets the short.
func statRefForms(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range statRef.FindAllStringSubmatch(text, -1) {
		long := statLong[strings.ToLower(m[1])]
		n := strings.ToLower(m[2])
		short := statShort[long]
		for _, f := range []string{long + " " + n, short + " " + n, short + n} {
			if !seen[f] && !strings.EqualFold(f, m[0]) {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// statRefQueries returns optional phrase queries on the passage text for
// the other forms of the statutory references in text.
func statRefQueries(text string) []query.Query {
	var out []query.Query
	for _, f := range statRefForms(text) {
		m := query.NewMatchPhraseQuery(f)
		m.SetField(fText)
		m.SetBoost(phraseBoost)
		out = append(out, m)
	}
	return out
}
