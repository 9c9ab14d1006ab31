package findings

import (
	"sort"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// strength finds what is going well: an indicator on target and
// improving, or better than its comparators.
type strength struct{}

func (strength) Kind() string { return "strength" }

func (strength) Doc() string {
	return "an indicator that is green or on target and improving, or better than England and statistical neighbours, and worse than none of its comparators; a few per item at most"
}

// maxStrengths is the most strengths an item gets.
const maxStrengths = 3

func (c strength) Find(it *Item) []Finding {
	type scored struct {
		f     Finding
		score int
	}
	var all []scored
	for _, ind := range councilIndicators(it) {
		v, ok := ind.Latest()
		if !ok || polarity(ind) == figures.PolarityUnknown || ind.RAG == figures.Red || ind.RAG == figures.Amber {
			continue
		}
		var parts []string
		score := 0
		gain := 0.0
		onTarget := ind.RAG == figures.Green || ind.HasTarget && !worse(ind, v.Value, ind.Target)
		if run := improvingRun(ind); onTarget && run >= 1 {
			first := ind.Values[len(ind.Values)-1-run]
			parts = append(parts, "has improved for "+Spell(run)+" "+singular(periodNoun(ind.Values), run)+
				" (from "+valuesText(ind, run+1)+")")
			score += run
			gain = relGap(v.Value-first.Value, first.Value)
		}
		var beaten []string
		for _, cmp := range ind.Comparators {
			if strings.TrimSpace(cmp.Name) != "" && worse(ind, cmp.Value, v.Value) {
				beaten = append(beaten, comparatorValue(ind, cmp))
			} else {
				beaten = nil
				break
			}
		}
		if len(beaten) > 0 {
			parts = append(parts, "is better than "+andList(beaten))
			score += len(beaten)
		}
		if len(parts) == 0 || behindAny(ind, v.Value) {
			continue // a figure worse than England or neighbours is no strength
		}
		fig := measure(ind.Name) + " at " + valueText(v, unitOf(ind)) + inPeriod(v) + " " + strings.Join(parts, " and ")
		if unitOf(ind) == "" {
			fig = figuresOf(ind, v) + ": the figure " + strings.Join(parts, " and ")
		}
		all = append(all, scored{Finding{
			Kind:      c.Kind(),
			Severity:  severity(c.Kind(), gravity{gap: gain}),
			Summary:   upperFirst(fig) + ".",
			Strength:  true,
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Figures: fig, Shows: strings.Join(parts, " and ")},
		}, score})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	var out []Finding
	for i := 0; i < len(all) && i < maxStrengths; i++ {
		out = append(out, all[i].f)
	}
	return out
}

// behindAny reports whether a value is worse than any of the indicator's
// comparators.
func behindAny(ind *figures.Indicator, v float64) bool {
	for _, cmp := range ind.Comparators {
		if worse(ind, v, cmp.Value) {
			return true
		}
	}
	return false
}

// singular turns "quarters" into "quarter" for a count of one.
func singular(noun string, n int) string {
	if n == 1 {
		return strings.TrimSuffix(noun, "s")
	}
	return noun
}
