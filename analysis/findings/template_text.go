package findings

import (
	"regexp"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// templateText finds placeholder text left in a report.
type templateText struct{}

func (templateText) Kind() string { return "template-text" }

func (templateText) Doc() string {
	return `placeholder text left in a report: "[insert ...]", "TBC", "TBA", "xx%", "XX", "[date]", "Lorem ipsum"`
}

// placeholders are the marks of an unfinished template. prose marks only
// count outside tables, where "TBC" in a cell can be a fair status.
var placeholders = []struct {
	re    *regexp.Regexp
	prose bool
}{
	{re: regexp.MustCompile(`(?i)\[\s*(?:insert|add|enter|include)\b[^\]]{0,60}\]`)},
	{re: regexp.MustCompile(`(?i)\[\s*(?:date|name|title|x+|tbc|tba|figure|number|n)\s*\]`)},
	{re: regexp.MustCompile(`(?i)\blorem ipsum\b`)},
	{re: regexp.MustCompile(`\b[xX]{2,}(?:\.[xX]+)?\s?%`)},
	{re: regexp.MustCompile(`\bXX+\b`)},
	{re: regexp.MustCompile(`\b(?:TBC|TBA|TBD)\b`), prose: true},
}

func (c templateText) Find(it *Item) []Finding {
	var out []Finding
	for _, s := range it.Sentences {
		if s.Owner != figures.OwnerCouncil {
			continue
		}
		for _, p := range placeholders {
			if p.prose && s.Table {
				continue
			}
			loc := p.re.FindStringIndex(s.Text)
			if loc == nil {
				continue
			}
			mark := s.Text[loc[0]:loc[1]]
			out = append(out, Finding{
				Kind:     c.Kind(),
				Severity: severity(c.Kind(), gravity{}),
				Summary:  `The report still has placeholder text "` + mark + `" in "` + clip(s.Text, maxClaim) + `".`,
				Evidence: evidence(s.Evidence()),
				Words:    Words{Thing: mark, Claim: clip(s.Text, maxClaim)},
			})
			break
		}
	}
	return out
}
