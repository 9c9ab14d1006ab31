package findings

import (
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// workforceCheck finds a workforce measure (agency staff, vacancies) that
// is high or rising: above its target, above its comparators, above the
// topic's threshold when the report gives neither, or worse two periods
// running.
type workforceCheck struct {
	kind, doc string
}

func (w workforceCheck) Kind() string { return w.kind }
func (w workforceCheck) Doc() string  { return w.doc }

// risingRun is how many periods of getting worse make a measure rising.
const risingRun = 2

func (w workforceCheck) Find(it *Item) []Finding {
	threshold := 0.0
	for _, t := range topics {
		if t.kind == w.kind {
			threshold = t.high
		}
	}
	// A rate says it better than a headcount: when the item gives the
	// topic as a percentage, its counts ("agency social workers (FTE)")
	// make no finding of their own.
	hasRate := false
	for _, ind := range councilIndicators(it) {
		if topicOf(ind) == w.kind && unitOf(ind) == "%" {
			hasRate = true
		}
	}
	var out []Finding
	for _, ind := range councilIndicators(it) {
		v, ok := ind.Latest()
		if !ok || topicOf(ind) != w.kind || hasRate && unitOf(ind) != "%" {
			continue
		}
		var parts []string
		g := gravity{red: ind.RAG == figures.Red}
		switch {
		case ind.HasTarget && worse(ind, v.Value, ind.Target):
			parts = append(parts, "above the target of "+targetText(ind))
			g.gap = relGap(v.Value-ind.Target, ind.Target)
		case len(ind.Comparators) > 0:
			var names []string
			for _, cmp := range ind.Comparators {
				if worse(ind, v.Value, cmp.Value) {
					names = append(names, comparatorValue(ind, cmp))
					g.gap = max(g.gap, relGap(v.Value-cmp.Value, cmp.Value))
				}
			}
			if len(names) > 0 {
				parts = append(parts, "above "+andList(names))
			}
		case !ind.HasTarget && unitOf(ind) == "%" && threshold > 0 && v.Value >= threshold:
			parts = append(parts, "a high level ("+fmtNum(threshold)+"% or more)")
			g.gap = relGap(v.Value-threshold, threshold)
		}
		if run := worseningRun(ind); run >= risingRun {
			parts = append(parts, seriesText(ind, run+1, "rising"))
			g.periods = run
		}
		if len(parts) == 0 {
			continue
		}
		g.explained, g.planned = accounted(it, ind)
		fig := figuresOf(ind, v)
		shows := strings.Join(parts, ", and ")
		out = append(out, Finding{
			Kind:      w.kind,
			Severity:  severity(w.kind, g),
			Summary:   upperFirst(fig) + ": " + shows + ".",
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Figures: fig, Shows: shows},
		})
	}
	return out
}
