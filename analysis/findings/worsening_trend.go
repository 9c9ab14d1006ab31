package findings

import "math"

// worseningTrend finds a council indicator that has got worse over two
// or more consecutive periods.
type worseningTrend struct{}

func (worseningTrend) Kind() string { return "worsening-trend" }

func (worseningTrend) Doc() string {
	return "an indicator has got worse over two or more consecutive periods (polarity-aware; unknown polarity is skipped)"
}

// minWorsening is the shortest run of worsening periods that makes a
// trend.
const minWorsening = 2

func (c worseningTrend) Find(it *Item) []Finding {
	var out []Finding
	for _, ind := range councilIndicators(it) {
		run := worseningRun(ind)
		if topicOf(ind) != "" || run < minWorsening {
			continue
		}
		first, last := ind.Values[len(ind.Values)-1-run], ind.Values[len(ind.Values)-1]
		verb := "falling"
		if last.Value > first.Value {
			verb = "rising"
		}
		shows := measure(ind.Name) + " " + seriesText(ind, run+1, verb)
		explained, planned := accounted(it, ind)
		out = append(out, Finding{
			Kind: c.Kind(),
			Severity: severity(c.Kind(), gravity{
				gap: relGap(math.Abs(last.Value-first.Value), first.Value), periods: run,
				red: ind.RAG == "red", explained: explained, planned: planned,
			}),
			Summary:   upperFirst(shows) + ", worse each time.",
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Figures: shows, Shows: shows},
		})
	}
	return out
}
