package findings

import (
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// worseThanNational finds a council measure that the Department for
// Education's latest published figures show worse than both England and
// the council's statistical neighbours; one better than both is a
// strength. It reads the national figures the analysis set on the
// indicator (Indicator.National), not the paper's own comparators, and
// names the year and what each figure covers.
type worseThanNational struct{}

func (worseThanNational) Kind() string { return "worse-than-national" }

func (worseThanNational) Doc() string {
	return "in DfE's latest published figures the council's value for the measure is worse than both England's and its statistical neighbours' average (polarity-aware, with the gap)"
}

func (c worseThanNational) Find(it *Item) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, ind := range councilIndicators(it) {
		cmp, ok := nationalGap(ind)
		if !ok || !cmp.worse || seen[ind.National.Measure] {
			continue // one finding a measure, however often the report gives it
		}
		seen[ind.National.Measure] = true
		explained, planned := accounted(it, ind)
		out = append(out, Finding{
			Kind:      c.Kind(),
			Severity:  severity(c.Kind(), gravity{gap: relGap(cmp.gap, cmp.base), explained: explained, planned: planned}),
			Summary:   upperFirst(measure(ind.National.Title)) + ": " + cmp.says + "; " + cmp.margin() + ".",
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.National.Title), Figures: paperFigure(ind), Shows: cmp.says, Comparator: "England and statistical neighbours"},
		})
	}
	return out
}

// betterThanNational finds the strength worseThanNational looks for: a
// measure better than both England and the statistical neighbours in
// DfE's latest figures.
type betterThanNational struct{}

func (betterThanNational) Kind() string { return "better-than-national" }

func (betterThanNational) Doc() string {
	return "in DfE's latest published figures the council's value is better than both England's and its statistical neighbours' average: a strength"
}

func (c betterThanNational) Find(it *Item) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, ind := range councilIndicators(it) {
		cmp, ok := nationalGap(ind)
		if !ok || !cmp.better || seen[ind.National.Measure] {
			continue
		}
		seen[ind.National.Measure] = true
		out = append(out, Finding{
			Kind:      c.Kind(),
			Severity:  severity(c.Kind(), gravity{}),
			Strength:  true,
			Summary:   upperFirst(measure(ind.National.Title)) + ": " + cmp.says + ".",
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.National.Title), Figures: paperFigure(ind), Shows: cmp.says, Comparator: "England and statistical neighbours"},
		})
	}
	return out
}

// nationalSide is how a council's measure stands in the national figures.
type nationalSide struct {
	worse, better bool
	gap, base     float64 // the larger material gap and the figure it is from
	probe         *figures.Indicator
	unit          string // the national measure's
	says          string
}

// margin states how far worse: "2.3 points worse", "3.2 more cases
// each".
func (s nationalSide) margin() string {
	if s.unit == "cases" {
		return fmtNum(s.gap) + " more cases each"
	}
	return marginPhrase(s.probe, s.gap) + " worse"
}

// nationalGap sets an indicator's national figures against England and
// the statistical neighbours: worse (or better) than both by a material
// margin, by the measure's polarity. It is false when the indicator has
// no national figures to compare, or its measure is a count or has no
// polarity.
func nationalGap(ind *figures.Indicator) (nationalSide, bool) {
	n := ind.National
	if n == nil || n.Value == nil || n.England == nil || n.Neighbours == nil || !comparableUnit(n.Unit) || (n.Polarity != "High" && n.Polarity != "Low") {
		return nationalSide{}, false
	}
	v := *n.Value
	// behind is how far v is behind b by the polarity, negative when ahead.
	behind := func(b float64) float64 {
		if n.Polarity == "High" {
			return b - v
		}
		return v - b
	}
	side := nationalSide{probe: &figures.Indicator{Unit: nationalUnit(n.Unit)}, unit: n.Unit, says: nationalFigures(ind, n)}
	e, nb := behind(*n.England), behind(*n.Neighbours)
	side.gap, side.base = e, *n.England
	if nb > e {
		side.gap, side.base = nb, *n.Neighbours
	}
	// The council's place among its neighbours confirms it: in the lower
	// half to be worse, in the top third to be a strength (when ranked).
	lowerHalf := n.Ranked == 0 || 2*n.NeighbourRank > n.Ranked
	topThird := n.Ranked == 0 || 3*n.NeighbourRank <= n.Ranked
	switch {
	case e > 0 && nb > 0:
		side.worse = lowerHalf && material(side.probe, side.gap, side.base)
	case e < 0 && nb < 0:
		// Better than both by the smaller margin, and by twice what is
		// material: a strength is clear.
		side.gap, side.base = -e, *n.England
		if -nb < -e {
			side.gap, side.base = -nb, *n.Neighbours
		}
		side.better = topThird && material(side.probe, side.gap/2, side.base)
	}
	return side, true
}

// comparableUnit reports whether a national measure's values can be set
// against England's and other councils': a rate, share, time or average,
// not a count that grows with the council.
func comparableUnit(unit string) bool {
	switch unit {
	case "number", "FTE":
		return false
	}
	return true
}

// nationalUnit is a national measure's unit as an indicator's.
func nationalUnit(unit string) string {
	switch unit {
	case "%", "per 10,000", "days":
		return unit
	}
	return ""
}

// nationalFigures states the national figures: "DfE's figures for the
// year ending 31 March 2024 give the council 23.3%, against 22.4% for
// England and 21% for its statistical neighbours (8th of 11)".
func nationalFigures(ind *figures.Indicator, n *report.National) string {
	unit := nationalUnit(n.Unit)
	when := "for " + n.Period
	switch {
	case strings.HasPrefix(n.Period, "year"):
		when = "for the " + n.Period
	case strings.HasPrefix(n.Period, "at "):
		when = "as " + n.Period
	}
	s := "DfE's figures " + when + " give the council " + withUnit(*n.Value, unit) +
		", against " + withUnit(*n.England, unit) + " for England and " + withUnit(*n.Neighbours, unit) + " for its statistical neighbours"
	if n.NeighbourRank > 0 && n.Ranked > 0 {
		s += " (" + ordinal(n.NeighbourRank) + " of " + strconv.Itoa(n.Ranked) + ")"
	}
	if n.Basis != "" {
		s += "; " + n.Basis
	}
	return s
}

// paperFigure states the paper's own latest figure for the measure, ""
// when it gives none.
func paperFigure(ind *figures.Indicator) string {
	v, ok := ind.Latest()
	if !ok {
		return ""
	}
	return figuresOf(ind, v)
}

// ordinal writes 1 as "1st", 2 as "2nd", 11 as "11th".
func ordinal(n int) string {
	s := strconv.Itoa(n)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}
