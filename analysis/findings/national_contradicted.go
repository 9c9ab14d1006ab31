package findings

import (
	"github.com/scrutineer/scrutineer/analysis/figures"
)

// nationalContradicted finds a narrative comparison with statistical
// neighbours, England or the region ("in line with our statistical
// neighbours", "better than the national average") that the report gives
// no figures for and DfE's published figures for the measure do not bear
// out.
type nationalContradicted struct{}

func (nationalContradicted) Kind() string { return "national-contradicted" }

func (nationalContradicted) Doc() string {
	return `a council sentence compares a measure with statistical neighbours, England or the region without the figures, and DfE's latest published figures for the measure say otherwise`
}

func (c nationalContradicted) Find(it *Item) []Finding {
	var out []Finding
	for _, s := range narrative(it) {
		ph, cn, ppos, cpos := comparisonIn(s.Text)
		if ppos < 0 {
			continue
		}
		if _, _, _, ok := comparedFigures(it, s, cn, cpos); ok {
			continue // the report's own figures: comparison-contradicted weighs them
		}
		ind := matchIndicator(it, s.Text)
		if ind == nil || ind.National == nil || ind.National.Value == nil {
			continue
		}
		n := ind.National
		theirs := map[string]*float64{"statistical neighbours": n.Neighbours, "England": n.England, "the region": n.Region}[cn.name]
		if theirs == nil {
			continue
		}
		// The claim is weighed on the national figures, in the measure's
		// own unit and polarity.
		probe := &figures.Indicator{Unit: nationalUnit(n.Unit), Polarity: polarityOf(n.Polarity)}
		if !contradicts(ph.rel, *n.Value, *theirs, probe) {
			continue
		}
		claim := clauseAround(s.Text, ppos, cpos+1)
		says := nationalFigures(ind, n)
		out = append(out, Finding{
			Kind:      c.Kind(),
			Severity:  severity(c.Kind(), gravity{gap: relGap(*n.Value-*theirs, *theirs)}),
			Summary:   `The report says "` + claim + `", but ` + says + ".",
			Evidence:  evidence(s.Evidence(), ind.Cite()),
			Indicator: ind,
			Words:     Words{Claim: claim, Shows: says, Measure: measure(n.Title), Comparator: cn.name},
		})
	}
	return out
}

// polarityOf is a national measure's polarity as an indicator's.
func polarityOf(p string) figures.Polarity {
	switch p {
	case "High":
		return figures.HigherIsBetter
	case "Low":
		return figures.LowerIsBetter
	}
	return figures.PolarityUnknown
}
