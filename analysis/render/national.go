package render

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/report"
)

// nationalRow is one of an item's measures set against DfE's published
// figures.
type nationalRow struct {
	Measure string
	// Paper is the report's own latest figure ("22.2%").
	Paper string
	// Year is the national figures' year; Council, England and
	// Neighbours their values ("–" when suppressed).
	Year                        string
	Council, England, Neighbour string
	// Rank is the council's place among itself and its neighbours ("8/11",
	// 1 the best).
	Rank string
	// Verdict is "worse", "better" or "" by the measure's polarity
	// against England and the neighbours.
	Verdict string
}

// nationalRows builds an item's table of measures set against the
// national figures.
func nationalRows(inds []report.Indicator) []nationalRow {
	var out []nationalRow
	for _, ind := range inds {
		n := ind.National
		if n == nil {
			continue
		}
		if n.Unit == "number" || n.Unit == "FTE" {
			continue // a count grows with the council: not set against others
		}
		unit := n.Unit
		if unit == "cases" || unit == "score" {
			unit = ""
		}
		row := nationalRow{
			Measure: clean(strings.TrimSuffix(n.Title, " (%)")), Year: strconv.Itoa(n.Year),
			Council: num(n.Value, unit), England: num(n.England, unit), Neighbour: num(n.Neighbours, unit),
		}
		if len(ind.Values) > 0 {
			row.Paper = withUnit(ind.Values[len(ind.Values)-1].Value, unit)
		}
		if n.NeighbourRank > 0 {
			row.Rank = fmt.Sprintf("%d/%d", n.NeighbourRank, n.Ranked)
		}
		row.Verdict = verdict(n)
		out = append(out, row)
	}
	return out
}

// verdict says whether the council's national figure is worse or better
// than both England's and its neighbours' by the measure's polarity.
func verdict(n *report.National) string {
	if n.Value == nil || n.England == nil || n.Neighbours == nil {
		return ""
	}
	v, e, nb := *n.Value, *n.England, *n.Neighbours
	switch {
	case n.Polarity == "High" && v < e && v < nb, n.Polarity == "Low" && v > e && v > nb:
		return "worse"
	case n.Polarity == "High" && v > e && v > nb, n.Polarity == "Low" && v < e && v < nb:
		return "better"
	}
	return ""
}

// num writes a national figure in its unit, "–" when suppressed.
func num(v *float64, unit string) string {
	if v == nil {
		return "–"
	}
	return withUnit(*v, unit)
}

func withUnit(v float64, unit string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	switch unit {
	case "%":
		return s + "%"
	case "":
		return s
	}
	return s + " " + unit
}

// nationalNote is the brief's one footnote on the national figures: where
// they come from, how old they are, and the licence's attribution; ""
// when no item uses them.
func nationalNote(items []report.Item) string {
	years, sources := map[int]bool{}, map[string]bool{}
	for _, it := range items {
		for _, ind := range it.Indicators {
			if ind.National != nil {
				years[ind.National.Year] = true
				sources[ind.National.Source] = true
			}
		}
	}
	if len(years) == 0 {
		return ""
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	var ss []string
	for s := range sources {
		ss = append(ss, s)
	}
	sort.Strings(ss)
	when := strconv.Itoa(ys[0])
	if len(ys) > 1 {
		when += "–" + strconv.Itoa(ys[len(ys)-1])
	}
	return "National figures: the Department for Education's published children's services statistics (" + strings.Join(ss, ", ") +
		"), the latest each paper could be compared with by its date (" + when + "); statistical neighbours from DfE's 2025 model. " +
		"Contains public sector information licensed under the Open Government Licence v3.0."
}
