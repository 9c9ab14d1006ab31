package findings

import (
	"github.com/scrutineer/scrutineer/analysis/figures"
)

// ragMisrated finds an indicator whose printed rating differs from the
// one the report's own RAG rule gives its latest value.
type ragMisrated struct{}

func (ragMisrated) Kind() string { return "rag-misrated" }

func (ragMisrated) Doc() string {
	return "the printed RAG rating differs from the rating the report's own RAG rule gives the latest value"
}

// ragRank orders ratings from best to worst.
var ragRank = map[figures.RAG]int{figures.Green: 1, figures.Amber: 2, figures.Red: 3}

// Severity changes for the way a rating is wrong: rated better than the
// rule allows hides a problem; rated worse is only over-cautious.
const (
	ratedKinderRise = 0.15
	ratedHarsherCut = 0.25
)

func (c ragMisrated) Find(it *Item) []Finding {
	var out []Finding
	for _, ind := range councilIndicators(it) {
		v, ok := ind.Latest()
		if !ok || ragRank[ind.RAG] == 0 {
			continue
		}
		byRule := rate(ind)
		if byRule == "" || byRule == ind.RAG {
			continue
		}
		s := severity(c.Kind(), gravity{})
		if ragRank[ind.RAG] < ragRank[byRule] {
			s += ratedKinderRise
		} else {
			s -= ratedHarsherCut
		}
		fig := targetFigures(ind, v)
		out = append(out, Finding{
			Kind:     c.Kind(),
			Severity: clamp(s),
			Summary: upperFirst(fig) + " is rated " + ragName(ind.RAG) + ", but the report's own rule (" +
				ruleText(ind) + ") makes it " + ragName(byRule) + ".",
			Evidence:  evidence(ind.Cite(), ind.Rule.Evidence),
			Indicator: ind,
			Words: Words{
				Measure: measure(ind.Name), Figures: fig,
				Claim: ragName(ind.RAG), Shows: ragName(byRule),
			},
		})
	}
	return out
}

// ruleText states a RAG rule's amber band: "amber within 10% of
// target", "amber within 5 points of target", "amber down to the floor of
// 80%".
func ruleText(ind *figures.Indicator) string {
	r := ind.Rule
	switch {
	case r.Floor:
		return "amber down to the floor of " + withUnit(ind.Floor, unitOf(ind))
	case r.Relative:
		return "amber within " + fmtNum(100*r.AmberWithin) + "% of target"
	case unitOf(ind) == "%":
		return "amber within " + marginPhrase(ind, r.AmberWithin) + " of target"
	}
	return "amber within " + withUnit(r.AmberWithin, unitOf(ind)) + " of target"
}
