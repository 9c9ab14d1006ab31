package figures

import (
	"regexp"
	"strings"
)

// A headline count is a number a report gives without target or trend
// ("Harlowmere was looking after 398 children"), which a pack may give
// again elsewhere with another value. Only the counts named here are read,
// each under one name, so that two papers' wordings of one measure meet.
type headline struct {
	re   *regexp.Regexp // the count is the first submatch
	name string
}

var headlines = []headline{
	{regexp.MustCompile(`(?i)\b(?:looking after|looked after|caring for)\s+(\d[\d,]*)\s+(?:children|young people|children and young people)\b`), "Children in care"},
	{regexp.MustCompile(`(?i)\b(\d[\d,]*)\s+(?:children in care|looked[- ]after children|children looked after)\b`), "Children in care"},
	{regexp.MustCompile(`(?i)\b(\d[\d,]*)\s+children (?:subject to|on) (?:a )?child protection plans?\b`), "Children subject to a child protection plan"},
	{regexp.MustCompile(`(?i)\b(\d[\d,]*)\s+care leavers\b`), "Care leavers"},
}

// reAtDate is the date a count is at ("at 30 September 2026").
var reAtDate = regexp.MustCompile(`(?i)\b(?:at|on|as at)\s+(\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4})\b`)

// headlineCounts reads the headline counts of an item's council
// sentences that say the date they are at; a count without its date
// cannot be compared with another.
func headlineCounts(ss []Sentence, owners []Owner) []Indicator {
	var out []Indicator
	for i, s := range ss {
		if owners[i] != OwnerCouncil || s.Table {
			continue
		}
		at := reAtDate.FindStringSubmatch(s.Text)
		if at == nil {
			continue
		}
		for _, h := range headlines {
			m := h.re.FindStringSubmatch(s.Text)
			if m == nil {
				continue
			}
			v, _, ok := parseNumber(m[1])
			if !ok || v < 2 {
				continue
			}
			out = append(out, Indicator{
				Name:     h.name,
				Values:   []Value{{Period: strings.TrimSpace(at[1]), Value: v, Text: m[1]}},
				Owner:    OwnerCouncil,
				Evidence: s.Evidence(),
				Row:      s.Evidence(),
			})
			break
		}
	}
	return out
}
