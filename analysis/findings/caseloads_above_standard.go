package findings

import "github.com/scrutineer/scrutineer/analysis/figures"

// caseloadsAboveStandard finds caseloads above the report's own standard
// or target.
type caseloadsAboveStandard struct{}

func (caseloadsAboveStandard) Kind() string { return "caseloads-above-standard" }

func (caseloadsAboveStandard) Doc() string {
	return "a caseload measure above the report's own standard or target"
}

func (c caseloadsAboveStandard) Find(it *Item) []Finding {
	var out []Finding
	for _, ind := range councilIndicators(it) {
		v, ok := ind.Latest()
		if !ok || topicOf(ind) != c.Kind() || !ind.HasTarget || !worse(ind, v.Value, ind.Target) {
			continue
		}
		explained, planned := accounted(it, ind)
		fig := figuresOf(ind, v) + " against a standard of " + targetText(ind)
		out = append(out, Finding{
			Kind: c.Kind(),
			Severity: severity(c.Kind(), gravity{
				gap: relGap(v.Value-ind.Target, ind.Target), periods: periodsOffTarget(ind),
				red: ind.RAG == figures.Red, explained: explained, planned: planned,
			}),
			Summary:   upperFirst(fig) + " (" + withUnit(v.Value-ind.Target, unitOf(ind)) + " over).",
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Figures: fig},
		})
	}
	return out
}
