package figures

import (
	"regexp"
	"strconv"
	"strings"
)

// Periods are ordered by a month index (year*12 + month) when they name a
// date, or by the words of relativePeriods.

// rePeriods read the date a period ends in; the first that matches wins.
var (
	reQuarterYear = regexp.MustCompile(`(?i)\bQ(?:uarter\s*)?([1-4])\b\D{0,4}((?:19|20)\d\d)(?:[/-](\d{2,4}))?`)
	reMonthYear   = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[-\s']*((?:19|20)?\d\d)\b`)
	reFinYear     = regexp.MustCompile(`\b((?:19|20)\d\d)[/-](\d{2}|(?:19|20)\d\d)\b`)
	reYear        = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
	reQuarter     = regexp.MustCompile(`(?i)\bQ(?:uarter\s*)?([1-4])\b`)
)

var months = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// periodKey returns an order for a period: later periods have larger
// keys. dated is true when the key comes from a date (comparable across
// periods), false when from words or a bare quarter.
func periodKey(p string) (key int, dated, ok bool) {
	// The last date named is the end of the period ("Jan – Mar 24",
	// "12m to Dec 24").
	if m := reMonthYear.FindAllStringSubmatch(p, -1); m != nil {
		last := m[len(m)-1]
		y, _ := strconv.Atoi(last[2])
		if y < 100 {
			y += 2000
		}
		return y*12 + months[strings.ToLower(last[1])[:3]], true, true
	}
	if m := reQuarterYear.FindStringSubmatch(p); m != nil {
		q, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		// Q1 of a financial year 2024/25 is April to June 2024.
		if m[3] != "" {
			return y*12 + 3 + 3*q, true, true
		}
		return y*12 + 3*q, true, true
	}
	if m := reFinYear.FindStringSubmatch(p); m != nil {
		y, _ := strconv.Atoi(m[1])
		return (y+1)*12 + 3, true, true
	}
	if m := reYear.FindStringSubmatch(p); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y*12 + 12, true, true
	}
	if m := reQuarter.FindStringSubmatch(p); m != nil {
		q, _ := strconv.Atoi(m[1])
		return q, false, true
	}
	low := strings.ToLower(p)
	best, bestLen := 0, 0
	for _, r := range relativePeriods {
		if strings.Contains(low, r.phrase) && len(r.phrase) > bestLen {
			best, bestLen = r.order, len(r.phrase)
		}
	}
	return best, false, bestLen > 0
}

// isPeriodHeading reports whether a column heading names a period.
func isPeriodHeading(h string) bool {
	if _, _, ok := periodKey(h); ok {
		return true
	}
	return false
}

// sortValues puts values oldest first when their periods say how; values
// whose periods cannot all be ordered keep the order they were read in.
func sortValues(vs []Value) {
	if len(vs) < 2 {
		return
	}
	keys := make([]int, len(vs))
	dated := 0
	for i, v := range vs {
		k, d, ok := periodKey(v.Period)
		if !ok {
			return
		}
		if d {
			dated++
		}
		keys[i] = k
	}
	if dated != 0 && dated != len(vs) {
		return
	}
	// insertion sort, stable, on a handful of values
	for i := 1; i < len(vs); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
			vs[j], vs[j-1] = vs[j-1], vs[j]
		}
	}
}
