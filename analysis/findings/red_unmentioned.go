package findings

import "github.com/scrutineer/scrutineer/analysis/figures"

// redUnmentioned finds a red or off-target indicator that the item's
// narrative never mentions, while it discusses others.
type redUnmentioned struct{}

func (redUnmentioned) Kind() string { return "red-unmentioned" }

func (redUnmentioned) Doc() string {
	return "a red or off-target indicator in a table that no narrative sentence of the item mentions, while the narrative discusses other indicators"
}

func (c redUnmentioned) Find(it *Item) []Finding {
	inds := councilIndicators(it)
	prose := narrative(it)
	mentioned := make([]bool, len(inds))
	any := false
	for i, ind := range inds {
		for _, s := range prose {
			if !sameText(s.Text, ind.Cite().Quote) && mentionScore(s.Text, ind) > 0 {
				mentioned[i], any = true, true
				break
			}
		}
	}
	if !any {
		return nil // the narrative discusses no indicator: nothing is singled out
	}
	var out []Finding
	for i, ind := range inds {
		v, ok := ind.Latest()
		if !ok || mentioned[i] || !ind.Table || ind.RAG != figures.Red && (!offTarget(ind) || saidMet(ind)) {
			continue
		}
		fig := figuresOf(ind, v)
		state := "rated Red"
		g := gravity{red: ind.RAG == figures.Red}
		if ind.HasTarget {
			fig = targetFigures(ind, v)
			// Half the gap: the miss itself is missed-target's finding;
			// this one is about the narrative's silence.
			g.gap = relGap(v.Value-ind.Target, ind.Target) / 2
			if ind.RAG != figures.Red {
				state = "off target"
			}
		}
		out = append(out, Finding{
			Kind:      c.Kind(),
			Severity:  severity(c.Kind(), g),
			Summary:   upperFirst(fig) + " is " + state + ", but the report's narrative does not mention it.",
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Figures: fig},
		})
	}
	return out
}
