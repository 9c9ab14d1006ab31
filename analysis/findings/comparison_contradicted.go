package findings

import (
	"math"
	"regexp"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// comparisonContradicted finds a narrative comparison with statistical
// neighbours or England ("broadly in line with", "better than", "below")
// that the figures do not bear out.
type comparisonContradicted struct{}

func (comparisonContradicted) Kind() string { return "comparison-contradicted" }

func (comparisonContradicted) Doc() string {
	return `a council sentence says a figure is "in line with", "similar to", "above", "below", "better" or "worse than" statistical neighbours or England, and the figures say otherwise`
}

// comparisonReach is how far before the comparator's name, in bytes, the
// comparison phrase may sit ("in line with the average of our
// statistical neighbours").
const comparisonReach = 35

// reAsAbove is "above" or "below" pointing elsewhere in the report ("as
// shown above"), not comparing.
var reAsAbove = regexp.MustCompile(`(?i)\b(?:as|shown|set out|see|described|noted|mentioned|listed|outlined|detailed)\s+(?:\w+\s+)?$`)

func (c comparisonContradicted) Find(it *Item) []Finding {
	var out []Finding
	for _, s := range narrative(it) {
		ph, cn, ppos, cpos := comparisonIn(s.Text)
		if ppos < 0 {
			continue
		}
		own, theirs, ind, ok := comparedFigures(it, s, cn, cpos)
		var before []figures.Sentence
		if prev, lean := antecedent(it, s); !ok && lean {
			// "This is broadly in line with ...": the figure is the one
			// the sentence before gives.
			joined := figures.Sentence{Text: prev.Text + " " + s.Text, Page: s.Page}
			own, theirs, ind, ok = comparedFigures(it, joined, cn, len(prev.Text)+1+cpos)
			before = append(before, prev)
		}
		if !ok {
			continue
		}
		diff := own.value - theirs.value
		if !contradicts(ph.rel, own.value, theirs.value, ind) {
			continue
		}
		claim := clauseAround(s.Text, ppos, cpos+1)
		shows := own.text + " against " + theirs.text + " for " + cn.name
		unitInd := &figures.Indicator{Unit: "%"}
		if ind != nil {
			unitInd = ind
		}
		way := "higher"
		if diff < 0 {
			way = "lower"
		}
		f := Finding{
			Kind:     c.Kind(),
			Severity: severity(c.Kind(), gravity{gap: relGap(diff, theirs.value)}),
			Summary: `The report says "` + claim + `", but its figures are ` + shows + " (" +
				marginPhrase(unitInd, diff) + " " + way + ").",
			Words: Words{Claim: claim, Shows: shows, Figures: shows, Comparator: cn.name},
		}
		for _, b := range before {
			f.Evidence = append(f.Evidence, b.Evidence())
		}
		f.Evidence = append(f.Evidence, s.Evidence())
		if ind != nil {
			f.Indicator = ind
			f.Words.Measure = measure(ind.Name)
			f.Evidence = append(f.Evidence, ind.Cite())
		}
		f.Evidence = evidence(f.Evidence...)
		out = append(out, f)
	}
	return out
}

// comparisonIn finds a comparison phrase followed closely by a
// comparator's name; it returns both and their offsets, -1 when none.
func comparisonIn(text string) (comparisonPhrase, comparatorName, int, int) {
	for _, cn := range comparatorNames {
		for _, loc := range cn.re.FindAllStringIndex(text, -1) {
			for _, ph := range comparisonPhrases {
				lo := max(0, loc[0]-comparisonReach)
				i := hasPhrase(text[lo:loc[0]], ph.phrase)
				if i < 0 || reAsAbove.MatchString(text[:lo+i]) {
					continue
				}
				return ph, cn, lo + i, loc[0]
			}
		}
	}
	return comparisonPhrase{}, comparatorName{}, -1, -1
}

// figure is a number and how it is printed.
type figure struct {
	value float64
	text  string
}

// comparedFigures returns the council's figure and the comparator's: from
// the sentence when it prints exactly two percentages (the comparator's
// is the one nearer its name), else from the sentence's indicator and its
// comparator of that name.
func comparedFigures(it *Item, s figures.Sentence, cn comparatorName, cpos int) (own, theirs figure, ind *figures.Indicator, ok bool) {
	if ps := percentages(s.Text); len(ps) == 2 {
		a, b := ps[0], ps[1]
		if math.Abs(float64(b.pos-cpos)) > math.Abs(float64(a.pos-cpos)) {
			a, b = b, a
		}
		return figure{a.value, a.text}, figure{b.value, b.text}, matchIndicator(it, s.Text), true
	}
	ind = matchIndicator(it, s.Text)
	if ind == nil {
		return figure{}, figure{}, nil, false
	}
	v, vok := ind.Latest()
	if !vok {
		return figure{}, figure{}, nil, false
	}
	for _, cmp := range ind.Comparators {
		if comparatorIs(cmp.Name, cn) {
			t := printed(cmp.Text, cmp.Value, unitOf(ind))
			return figure{v.Value, valueText(v, unitOf(ind))}, figure{cmp.Value, t}, ind, true
		}
	}
	return figure{}, figure{}, nil, false
}

// comparatorIs reports whether a comparator's name is the one a sentence
// names.
func comparatorIs(name string, cn comparatorName) bool {
	ws := stems(name)
	for _, k := range cn.keys {
		for _, w := range ws {
			if w == k {
				return true
			}
		}
	}
	return false
}

// contradicts reports whether the council's figure a against the
// comparator's b goes against a claimed relation.
func contradicts(rel relation, a, b float64, ind *figures.Indicator) bool {
	switch rel {
	case relSimilar:
		d := math.Abs(a - b)
		if ind == nil || unitOf(ind) == "%" {
			return d > similarPoints || d >= 1 && relGap(d, b) > similarRelative
		}
		return relGap(d, b) > similarRelative
	case relHigher:
		return a < b
	case relLower:
		return a > b
	case relBetter:
		return ind != nil && polarity(ind) != figures.PolarityUnknown && worse(ind, a, b)
	case relWorse:
		return ind != nil && polarity(ind) != figures.PolarityUnknown && worse(ind, b, a)
	}
	return false
}
