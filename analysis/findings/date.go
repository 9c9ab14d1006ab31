package findings

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// dateSpan is a date or period a report names ("31 October 2026",
// "September 2026", "Q3 2026/27"): from its first day to its last. A
// deadline of "September 2026" is met on 30 September.
type dateSpan struct {
	Text       string    // as written
	Start, End time.Time // first and last day, midnight UTC
	Pos, Stop  int       // byte offsets of Text in what was searched
}

// monthRE names a month in full or short.
const monthRE = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?`

// months maps a month's name or its first three letters to the month.
var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// seasons gives the months a season runs from and to, in the northern
// hemisphere as councils write them; winter runs into the next year.
var seasons = map[string][2]time.Month{
	"spring": {time.March, time.May},
	"summer": {time.June, time.August},
	"autumn": {time.September, time.November},
	"winter": {time.December, time.February},
}

// datePattern is one way of writing a date, with how to read its
// submatches.
type datePattern struct {
	re   *regexp.Regexp
	read func(m []string) (start, end time.Time, ok bool)
}

// datePatterns are the ways of writing a date, tried at every position;
// where two overlap the longer wins.
var datePatterns = []datePattern{
	// 31 October 2026, 31st of October 2026, the 1st October, 2026
	{regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+` + monthRE + `,?\s+(\d{4})\b`), func(m []string) (time.Time, time.Time, bool) {
		return day(m[3], m[2], m[1])
	}},
	// October 31, 2026
	{regexp.MustCompile(`(?i)\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`), func(m []string) (time.Time, time.Time, bool) {
		return day(m[3], m[1], m[2])
	}},
	// September 2026, end of March 2027, Sept '26
	{regexp.MustCompile(`(?i)\b` + monthRE + `,?\s+(\d{4}|'\d\d)\b`), func(m []string) (time.Time, time.Time, bool) {
		return month(m[2], m[1])
	}},
	// 31/10/2026, 31/10/26, 31.10.2026, 01.08.18; not a paragraph
	// number ("1.1.13")
	{regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b|\b(\d{2})\.(\d{2})\.(\d{2})\b`), func(m []string) (time.Time, time.Time, bool) {
		for i := 1; i+2 < len(m); i += 3 {
			if m[i] != "" {
				m = []string{m[0], m[i], m[i+1], m[i+2]}
				break
			}
		}
		mo, err := strconv.Atoi(m[2])
		if err != nil || mo < 1 || mo > 12 {
			return time.Time{}, time.Time{}, false
		}
		return day(m[3], time.Month(mo).String(), m[1])
	}},
	// 2026-10-31
	{regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`), func(m []string) (time.Time, time.Time, bool) {
		mo, err := strconv.Atoi(m[2])
		if err != nil || mo < 1 || mo > 12 {
			return time.Time{}, time.Time{}, false
		}
		return day(m[1], time.Month(mo).String(), m[3])
	}},
	// Q3 2026/27, Q4 2026-2027: a quarter of a financial year (April to
	// March)
	{regexp.MustCompile(`(?i)\bQ([1-4])\s+(\d{4})\s?[/-]\s?(\d{2}|\d{4})\b`), func(m []string) (time.Time, time.Time, bool) {
		y, ok := year(m[2])
		if !ok || !nextYear(y, m[3]) {
			return time.Time{}, time.Time{}, false
		}
		q := int(m[1][0] - '0')
		start := time.Date(y, time.April, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 3*(q-1), 0)
		return start, start.AddDate(0, 3, -1), true
	}},
	// Q3 2026: a calendar quarter
	{regexp.MustCompile(`(?i)\bQ([1-4])\s+(\d{4})\b`), func(m []string) (time.Time, time.Time, bool) {
		y, ok := year(m[2])
		if !ok {
			return time.Time{}, time.Time{}, false
		}
		q := int(m[1][0] - '0')
		start := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 3*(q-1), 0)
		return start, start.AddDate(0, 3, -1), true
	}},
	// spring 2027
	{regexp.MustCompile(`(?i)\b(spring|summer|autumn|winter)\s+(\d{4})\b`), func(m []string) (time.Time, time.Time, bool) {
		y, ok := year(m[2])
		if !ok {
			return time.Time{}, time.Time{}, false
		}
		s := seasons[strings.ToLower(m[1])]
		start := time.Date(y, s[0], 1, 0, 0, 0, 0, time.UTC)
		endYear := y
		if s[1] < s[0] {
			endYear++
		}
		return start, time.Date(endYear, s[1]+1, 0, 0, 0, 0, 0, time.UTC), true
	}},
	// end of 2026/27: the financial year's last day
	{regexp.MustCompile(`(?i)\bend of (?:the )?(?:financial year )?(\d{4})\s?[/-]\s?(\d{2}|\d{4})\b`), func(m []string) (time.Time, time.Time, bool) {
		y, ok := year(m[1])
		if !ok || !nextYear(y, m[2]) {
			return time.Time{}, time.Time{}, false
		}
		return time.Date(y, time.April, 1, 0, 0, 0, 0, time.UTC), time.Date(y+1, time.March, 31, 0, 0, 0, 0, time.UTC), true
	}},
	// end of 2026
	{regexp.MustCompile(`(?i)\bend of (?:the )?(?:calendar )?(?:year )?(\d{4})\b`), func(m []string) (time.Time, time.Time, bool) {
		y, ok := year(m[1])
		if !ok {
			return time.Time{}, time.Time{}, false
		}
		return time.Date(y, time.December, 1, 0, 0, 0, 0, time.UTC), time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC), true
	}},
}

// year reads a four-digit year in a plausible range, or a two-digit one
// after an apostrophe ("'26").
func year(s string) (int, bool) {
	s = strings.TrimPrefix(s, "'")
	y, err := strconv.Atoi(s)
	if err != nil {
		return 0, false
	}
	if len(s) == 2 {
		y += 2000
	}
	return y, y >= 1990 && y <= 2100
}

// nextYear reports whether s ("27", "2027") is the year after y.
func nextYear(y int, s string) bool {
	n, err := strconv.Atoi(s)
	if err != nil {
		return false
	}
	if len(s) == 2 {
		return n == (y+1)%100
	}
	return n == y+1
}

// monthOf reads a month's name.
func monthOf(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	if m, ok := months[s[:3]]; ok {
		return m, true
	}
	if mo, err := strconv.Atoi(s); err == nil && mo >= 1 && mo <= 12 {
		return time.Month(mo), true
	}
	return 0, false
}

// day reads a day of a month of a year; the day must exist.
func day(y, mo, d string) (time.Time, time.Time, bool) {
	yy, ok := year(y)
	if len(y) == 2 {
		yy, ok = year("'" + y)
	}
	m, mok := monthOf(mo)
	dd, err := strconv.Atoi(d)
	if !ok || !mok || err != nil || dd < 1 || dd > 31 {
		return time.Time{}, time.Time{}, false
	}
	t := time.Date(yy, m, dd, 0, 0, 0, 0, time.UTC)
	if t.Day() != dd {
		return time.Time{}, time.Time{}, false // 31 September
	}
	return t, t, true
}

// month reads a month of a year, from its first day to its last.
func month(y, mo string) (time.Time, time.Time, bool) {
	yy, ok := year(y)
	m, mok := monthOf(mo)
	if !ok || !mok {
		return time.Time{}, time.Time{}, false
	}
	start := time.Date(yy, m, 1, 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, 1, -1), true
}

// findDates returns the dates a text names, in order, none overlapping.
func findDates(text string) []dateSpan {
	var all []dateSpan
	for _, p := range datePatterns {
		for _, loc := range p.re.FindAllStringSubmatchIndex(text, -1) {
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = text[loc[2*i]:loc[2*i+1]]
				}
			}
			start, end, ok := p.read(m)
			if !ok {
				continue
			}
			all = append(all, dateSpan{Text: m[0], Start: start, End: end, Pos: loc[0], Stop: loc[1]})
		}
	}
	// Leftmost first, longest first at a position; where two overlap,
	// keep the longer (one sweep, so a long text stays linear).
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Pos != all[j].Pos {
			return all[i].Pos < all[j].Pos
		}
		return all[i].Stop > all[j].Stop
	})
	var out []dateSpan
	for _, d := range all {
		n := len(out)
		switch {
		case n == 0 || d.Pos >= out[n-1].Stop:
			out = append(out, d)
		case d.Stop-d.Pos > out[n-1].Stop-out[n-1].Pos && (n == 1 || d.Pos >= out[n-2].Stop):
			out[n-1] = d
		}
	}
	return out
}

// parseDate reads a text that is one date and nothing else (but spaces,
// "by" or "the end of"), returning false for anything else.
func parseDate(s string) (dateSpan, bool) {
	t := strings.TrimSpace(s)
	low := strings.ToLower(t)
	for _, p := range []string{"by ", "the ", "end of ", "the end of "} {
		if strings.HasPrefix(low, p) && !strings.HasPrefix(low, "end of 20") && !strings.HasPrefix(low, "end of the") {
			t, low = strings.TrimSpace(t[len(p):]), low[len(p):]
			low = strings.TrimSpace(low)
		}
	}
	ds := findDates(t)
	if len(ds) != 1 || ds[0].Pos != 0 || ds[0].Stop != len(t) {
		return dateSpan{}, false
	}
	return ds[0], true
}
