package findings

import (
	"math"
	"regexp"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// quantifierContradicted finds a word for a proportion ("almost all",
// "the majority", "a small number") that the percentage in the same
// sentence, or the indicator it is about, does not bear out.
type quantifierContradicted struct{}

func (quantifierContradicted) Kind() string { return "quantifier-contradicted" }

func (quantifierContradicted) Doc() string {
	return `a council sentence says "almost all", "the majority", "most", "a small number" or "very few", and its own percentage (or its indicator's) is outside what the word can mean`
}

// quantifierReach is how far after a quantifier, in bytes, the
// percentage it describes may be printed.
const quantifierReach = 120

func (c quantifierContradicted) Find(it *Item) []Finding {
	var out []Finding
	for _, s := range narrative(it) {
		q, pos := quantifierIn(s.Text)
		if pos < 0 {
			continue
		}
		value, shows, ind, ok := proportionOf(it, s, q, pos)
		if !ok || value >= q.min && value <= q.max {
			continue
		}
		gap := math.Max(q.min-value, value-q.max)
		claim := clauseAround(s.Text, pos, pos+len(q.phrase))
		f := Finding{
			Kind:     c.Kind(),
			Severity: severity(c.Kind(), gravity{gap: gap / 100}),
			Summary:  `The report says "` + claim + `", but the figure is ` + shows + ".",
			Evidence: evidence(s.Evidence()),
			Words:    Words{Claim: claim, Shows: shows, Figures: shows, Thing: q.phrase},
		}
		if ind != nil {
			f.Indicator = ind
			f.Words.Measure = measure(ind.Name)
			f.Evidence = evidence(s.Evidence(), ind.Cite())
		}
		out = append(out, f)
	}
	return out
}

// quantifierIn returns the first quantifier of the table a text holds
// (longest phrases are listed first) and its offset, or -1.
func quantifierIn(text string) (quantifier, int) {
	for _, q := range quantifiers {
		i := hasPhrase(text, q.phrase)
		if i < 0 {
			continue
		}
		if q.phrase == "most" && notQuantity.MatchString(text[i+len(q.phrase):]) {
			continue
		}
		if q.stated && !reStatedAll.MatchString(text[i:]) || q.stated && !reClauseStart.MatchString(text[:i]) {
			continue // "85% of all referrals", "house all of the services"
		}
		return q, i
	}
	return quantifier{}, -1
}

var (
	// reRateName names a measure that is a rate of something rather than
	// the share of a group that a quantifier could speak of.
	reRateName = regexp.MustCompile(`(?i)\b(?:rate|turnover|ratio|per (?:cent )?(?:of )?(?:posts|fte))\b`)
	// reStatedAll is "all" with the percentage it claims in brackets
	// close after: "All children had a review within timescale (93%)".
	reStatedAll = regexp.MustCompile(`(?i)^all\s+(?:of\s+)?(?:the\s+|our\s+)?[a-z][a-z' -]{2,80}?\(\s*\d+(?:\.\d+)?\s?%\s*\)`)
	// reClauseStart is the text before a word that opens a clause.
	reClauseStart = regexp.MustCompile(`(?:^|[.;:,]\s*|\b(?:and|but|while)\s+)$`)
)

// proportionOf returns the percentage a quantifier at pos describes: the
// first printed after it in the sentence (or, for most words, the last
// before it), else the latest value of the sentence's indicator when that
// is a percentage.
func proportionOf(it *Item, s figures.Sentence, q quantifier, pos int) (float64, string, *figures.Indicator, bool) {
	ps := percentages(s.Text)
	for _, p := range ps {
		if p.pos > pos && p.pos-pos <= quantifierReach {
			return p.value, p.text, nil, true
		}
	}
	if q.stated {
		return 0, "", nil, false
	}
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].stop <= pos {
			return ps[i].value, ps[i].text, nil, true
		}
	}
	if len(ps) > 0 {
		return 0, "", nil, false // the sentence's own percentages measure something else
	}
	// The share the quantifier speaks of is an indicator's only when the
	// words after it name the indicator ("almost all care leavers have an
	// up-to-date pathway plan"), and the indicator is a share of a group,
	// not a rate ("most vacancies are covered by agency staff" says
	// nothing of the vacancy rate).
	ind := matchIndicator(it, s.Text[pos:])
	if ind == nil || unitOf(ind) != "%" || reRateName.MatchString(ind.Name) {
		return 0, "", nil, false
	}
	v, ok := ind.Latest()
	if !ok {
		return 0, "", nil, false
	}
	return v.Value, figuresOf(ind, v), ind, true
}
