package national

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxPaperText is how much of a paper's text CouncilOf reads: a front
// sheet, a cover sheet or a report's first pages.
const maxPaperText = 20000

// CouncilOf finds the council a paper is from, given text from it: a front
// sheet ("Sefton Metropolitan Borough Council"), a report title ("Inspection
// of Bath and North East Somerset local authority children's services"), an
// email address or web domain ("democratic.services@kent.gov.uk"), or a
// file name ("ofsted-ilacs-kingston-upon-hull-2026-05.pdf").
//
// An email or web domain of a council decides. Otherwise each mention of a
// council scores: more for a longer name, for a name followed by "Council"
// (or "County Council", "Borough Council"...) or preceded by "of"
// ("Inspection of ...", "London Borough of ..."), double in the first 300
// words (the title or front sheet); the council with the most wins, the
// first named on a tie. So a Kent paper naming its statistical neighbours
// in passing is Kent's. In mixed-case text a name counts only when
// capitalised ("Reading", not "reading"). Only the first 20,000 bytes are
// read. Text that names no council gives a
// *LookupError wrapping ErrUnknownCouncil.
func CouncilOf(text string) (Council, error) {
	s, err := data()
	if err != nil {
		return Council{}, err
	}
	return s.councilOf(text)
}

func (s *store) councilOf(text string) (Council, error) {
	if len(text) > maxPaperText {
		text = text[:maxPaperText]
		for len(text) > 0 && !utf8.ValidString(text) {
			text = text[:len(text)-1]
		}
	}
	// A domain broken over a line ("georgina.little@kent\n.gov.uk") is joined.
	joined := domainBreak.ReplaceAllString(text, ".gov.uk")
	for _, m := range domainRE.FindAllStringSubmatch(joined, 50) {
		if i, ok := s.names.domain(m[1]); ok {
			return s.councils[i], nil
		}
	}
	words := paperWords(text)
	mixed := hasUpper(text) && hasLower(text)
	total := map[int]int{}
	first := map[int]int{}
	for i := 0; i < len(words); i++ {
		// The longest name that starts here; the same words may name a
		// current council and an abolished one ("Dorset"): the current.
		best, bestLen := -1, 0
		for _, p := range s.names.phrases[words[i].w] {
			if i+len(p.words) > len(words) || len(p.words) < bestLen {
				continue
			}
			ok := true
			for j, w := range p.words {
				if words[i+j].w != w {
					ok = false
					break
				}
			}
			if !ok || (mixed && !words[i].upper) {
				continue
			}
			if len(p.words) > bestLen || (best >= 0 && s.councils[best].Abolished != 0 && s.councils[p.council].Abolished == 0) {
				best, bestLen = p.council, len(p.words)
			}
		}
		if best < 0 {
			continue
		}
		score := 10 * bestLen
		if next := i + bestLen; next < len(words) && councilNoun[words[next].w] {
			score += 5
		} else if next+1 < len(words) && councilWords[words[next].w] && councilNoun[words[next+1].w] {
			score += 5
		}
		if i > 0 && words[i-1].w == "of" {
			score += 3
		}
		if i < titleWords {
			score *= 2
		}
		if _, seen := first[best]; !seen {
			first[best] = i
		}
		total[best] += score
		i += bestLen - 1
	}
	best, bestScore := -1, 0
	for c, sc := range total {
		if sc > bestScore || (sc == bestScore && first[c] < first[best]) {
			best, bestScore = c, sc
		}
	}
	if best < 0 {
		return Council{}, &LookupError{Name: truncate(strings.Join(strings.Fields(text), " "), 60)}
	}
	return s.councils[best], nil
}

// titleWords is how many words from the start count as the paper's title
// or front sheet, where a name counts double.
const titleWords = 300

// domainBreak is a line break inside an email address before ".gov.uk".
var domainBreak = regexp.MustCompile(`\s*\n\s*\.gov\.uk`)

// councilNoun are the words after a place that make it a council's name.
var councilNoun = map[string]bool{"council": true, "borough": true, "county": true, "city": true, "metropolitan": true}

type paperWord struct {
	w     string
	upper bool // the word began with a capital letter
}

// paperWords splits text as tokens does, keeping whether each word was
// capitalised.
func paperWords(text string) []paperWord {
	var out []paperWord
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '\'' || r == '’' || r == '.')
	}) {
		r, _ := utf8.DecodeRuneInString(f)
		up := unicode.IsUpper(r) || r == '&'
		for _, suf := range []string{"'s", "’s", "'S", "’S"} {
			f = strings.TrimSuffix(f, suf) // "Sefton Council's plans"
		}
		for _, t := range tokens(f) {
			out = append(out, paperWord{t, up})
		}
	}
	return out
}

func hasUpper(s string) bool { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }
func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }
