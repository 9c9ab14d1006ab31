package findings

import (
	"math"
	"regexp"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// polarity is an indicator's polarity, or the one its topic implies
// (caseloads, agency staff and vacancies are better lower) when the
// report does not say.
func polarity(ind *figures.Indicator) figures.Polarity {
	if ind.Polarity != figures.PolarityUnknown {
		return ind.Polarity
	}
	for _, t := range topics {
		if t.re.MatchString(ind.Name) && t.lowerIsBetter {
			return figures.LowerIsBetter
		}
	}
	return figures.PolarityUnknown
}

// shortfall is how much worse a is than b for the indicator, in its
// unit: positive when worse, negative when better, 0 when equal or the
// polarity is unknown.
func shortfall(ind *figures.Indicator, a, b float64) float64 {
	switch polarity(ind) {
	case figures.HigherIsBetter:
		return b - a
	case figures.LowerIsBetter:
		return a - b
	}
	return 0
}

// worse reports whether a is worse than b for the indicator.
func worse(ind *figures.Indicator, a, b float64) bool { return shortfall(ind, a, b) > 0 }

// relGap is a gap as a fraction of what it is measured against, or as
// points out of 100 for a percentage with a zero base.
func relGap(gap, base float64) float64 {
	if base == 0 {
		return math.Abs(gap) / 100
	}
	return math.Abs(gap / base)
}

// rate gives the rating the report's own RAG rule gives an indicator's
// latest value (figures.RAGRule.Rate, the one place a value is rated),
// with the polarity its topic implies when the report gives none. It
// returns "" when the indicator has no rule, no value, no target or no
// known polarity.
func rate(ind *figures.Indicator) figures.RAG {
	if ind.Rule == nil {
		return ""
	}
	judged := *ind
	judged.Polarity = polarity(ind)
	return ind.Rule.Rate(judged)
}

// offTarget reports whether an indicator's latest value misses its
// target: polarity-aware, or, when the polarity is unknown, when the
// report rates it red or amber and it is not at target.
func offTarget(ind *figures.Indicator) bool {
	v, ok := ind.Latest()
	if !ok || !ind.HasTarget {
		return false
	}
	if polarity(ind) == figures.PolarityUnknown {
		return (ind.RAG == figures.Red || ind.RAG == figures.Amber) && v.Value != ind.Target
	}
	return worse(ind, v.Value, ind.Target)
}

// reTargetMet is a report saying a target is met ("within the target of
// 14%", "on target", "better than the target").
var reTargetMet = regexp.MustCompile(`(?i)\b(?:within|better than|ahead of|on|meets?|met|meeting|exceed(?:s|ed|ing)?|achieved|beats?|beaten)\s+(?:the\s+|its\s+|our\s+|a\s+)?(?:\w+\s+)?target\b`)

// saidMet reports whether the sentence or row an indicator was read from
// says its target is met: the checks then say nothing of a miss, as the
// polarity that makes it one may be misread.
func saidMet(ind *figures.Indicator) bool {
	q := ind.Cite().Quote
	loc := reTargetMet.FindStringIndex(q)
	return loc != nil && !negatedBefore(q, loc[0])
}

// periodsOffTarget counts the latest consecutive values that miss the
// target (polarity known), or 1 when only the latest can be judged.
func periodsOffTarget(ind *figures.Indicator) int {
	if polarity(ind) == figures.PolarityUnknown {
		if offTarget(ind) {
			return 1
		}
		return 0
	}
	n := 0
	for i := len(ind.Values) - 1; i >= 0 && worse(ind, ind.Values[i].Value, ind.Target); i-- {
		n++
	}
	return n
}

// worseningRun counts the consecutive latest periods in which the value
// got worse than the period before; 0 when the polarity is unknown.
func worseningRun(ind *figures.Indicator) int {
	n := 0
	for i := len(ind.Values) - 1; i > 0 && worse(ind, ind.Values[i].Value, ind.Values[i-1].Value); i-- {
		n++
	}
	return n
}

// improvingRun counts the consecutive latest periods in which the value
// got better.
func improvingRun(ind *figures.Indicator) int {
	n := 0
	for i := len(ind.Values) - 1; i > 0 && worse(ind, ind.Values[i-1].Value, ind.Values[i].Value); i-- {
		n++
	}
	return n
}

// topicOf returns the kind of the check that owns an indicator's topic
// (caseloads, agency staff, vacancies), "" for none.
func topicOf(ind *figures.Indicator) string {
	for _, t := range topics {
		if t.re.MatchString(ind.Name) {
			return t.kind
		}
	}
	return ""
}
