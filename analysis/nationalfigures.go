package analysis

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/national"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// setNational sets each of the council's own indicators that is one of
// DfE's published measures against the national figures: the latest year
// published by the meeting's date (today's when unknown), for the
// council of the paper (code). An indicator is mapped only when its unit
// and period agree with the measure's (national.MatchIndicatorBasis).
func setNational(inds []figures.Indicator, code string, meeting time.Time) {
	if code == "" {
		return
	}
	if meeting.IsZero() {
		meeting = time.Now()
	}
	for i := range inds {
		ind := &inds[i]
		if ind.Owner != figures.OwnerCouncil {
			continue
		}
		m, ok := national.MatchIndicatorBasis(ind.Name, ind.Unit)
		if !ok && ind.Title != "" {
			m, ok = national.MatchIndicatorBasis(ind.Title, ind.Unit)
		}
		if !ok {
			continue
		}
		year, err := national.LatestPublished(m.Measure.ID, meeting)
		if err != nil {
			continue
		}
		cmp, err := national.CompareYear(code, m.Measure.ID, year)
		if err != nil || !cmp.Value.Published {
			continue
		}
		ind.National = nationalOf(cmp, m.Note)
	}
}

// nationalOf is a comparison in its contract form.
func nationalOf(cmp national.Comparison, basis string) *report.National {
	known := func(f national.Figure) *float64 {
		if !f.Known() {
			return nil
		}
		v := f.Value
		return &v
	}
	out := &report.National{
		Measure: cmp.Measure.ID, Title: cmp.Measure.Title, Unit: cmp.Measure.Unit,
		Polarity: string(cmp.Measure.Polarity), Year: cmp.Year,
		Period: fmt.Sprintf("%s %d", cmp.Measure.Period, cmp.Year),
		Value:  known(cmp.Value), England: known(cmp.England), Region: known(cmp.Region),
		RegionName: cmp.RegionName, NeighbourRank: cmp.Rank, Ranked: cmp.Ranked,
		Source: cmp.Measure.Source, Basis: basis,
	}
	if cmp.Neighbours.Known() {
		v := cmp.Neighbours.Value
		out.Neighbours = &v
	}
	return out
}

// reQuarter is a report's quarter of a financial year ("Quarter 3
// 2024/25", "Q2 2025-26").
var reQuarter = regexp.MustCompile(`(?i)\b(?:quarter|Q)\s*([1-4])\s+(?:of\s+)?(20\d\d)\s*[/-]\s*(?:20)?\d\d\b`)

// paperDate is the date a paper's figures are compared at: its meeting's,
// else a month after the end of the quarter it reports on, read from its
// first page or title ("Quarter 3 2024/25" is compared at January 2025);
// zero when neither is known.
func paperDate(meeting time.Time, head string) time.Time {
	if !meeting.IsZero() {
		return meeting
	}
	m := reQuarter.FindStringSubmatch(head)
	if m == nil {
		return time.Time{}
	}
	q, _ := strconv.Atoi(m[1])
	y, _ := strconv.Atoi(m[2])
	// A financial year's quarters end in June, September, December and
	// March; the figures are reported the month after.
	end := time.Date(y, time.June, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 3*(q-1), 0)
	return end.AddDate(0, 1, 1)
}
