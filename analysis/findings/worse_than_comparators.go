package findings

import (
	"math"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// worseThanComparators finds a council indicator whose latest value is
// worse than England's or its statistical neighbours'.
type worseThanComparators struct{}

func (worseThanComparators) Kind() string { return "worse-than-comparators" }

func (worseThanComparators) Doc() string {
	return "an indicator's latest value is worse than England, statistical neighbours or the region (polarity-aware, with the margin)"
}

func (c worseThanComparators) Find(it *Item) []Finding {
	var out []Finding
	for _, ind := range councilIndicators(it) {
		v, ok := ind.Latest()
		if !ok || topicOf(ind) != "" || polarity(ind) == figures.PolarityUnknown {
			continue
		}
		var against, names []string
		var margin, rel float64
		var worst string
		for _, cmp := range ind.Comparators {
			if strings.TrimSpace(cmp.Name) == "" || !material(ind, shortfall(ind, v.Value, cmp.Value), cmp.Value) {
				continue
			}
			against = append(against, comparatorValue(ind, cmp))
			names = append(names, cmp.Name)
			if g := shortfall(ind, v.Value, cmp.Value); g > margin {
				margin, rel, worst = g, relGap(g, cmp.Value), cmp.Name
			}
		}
		if len(against) == 0 || rel < slightGap && ind.HasTarget && !offTarget(ind) {
			continue // a measure on its target and a shade behind England is not a challenge
		}
		fig := figuresOf(ind, v) + " against " + andList(against)
		explained, planned := accounted(it, ind)
		out = append(out, Finding{
			Kind:      c.Kind(),
			Severity:  severity(c.Kind(), gravity{gap: rel, red: ind.RAG == figures.Red, explained: explained, planned: planned}),
			Summary:   upperFirst(fig) + "; " + marginPhrase(ind, margin) + " worse than " + worst + ".",
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Figures: fig, Comparator: andList(names)},
		})
	}
	return out
}

// slightGap is the relative margin behind a comparator below which a
// measure that meets its own target is not raised.
const slightGap = 0.10

// material reports whether a shortfall against a comparator's figure is
// big enough to be worth members' time.
func material(ind *figures.Indicator, gap, base float64) bool {
	if gap <= 0 {
		return false
	}
	if unitOf(ind) == "%" {
		return gap >= materialPoints
	}
	return relGap(gap, base) >= materialRelative
}

// comparatorValue states a comparator's figure: "10.4% for statistical
// neighbours".
func comparatorValue(ind *figures.Indicator, cmp figures.Comparator) string {
	return printed(cmp.Text, cmp.Value, unitOf(ind)) + " for " + cmp.Name
}

// marginPhrase states a difference: "2.5 points" on a percentage, else in
// the unit.
func marginPhrase(ind *figures.Indicator, d float64) string {
	d = math.Abs(d)
	if unitOf(ind) == "%" {
		if fmtNum(d) == "1" {
			return "1 point"
		}
		return fmtNum(d) + " points"
	}
	return withUnit(d, unitOf(ind))
}

// andList joins phrases with commas and a final "and".
func andList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
