package figures

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// rePrinted is a whole cell or word that is a figure as printed: "1,466", "25.6%", "£3.2m", "-4.70",
// "(4.7)", "12 per cent".
var rePrinted = regexp.MustCompile(`^\(?([-−–]?)(£?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(%| per cent|k|m|bn)?\)?\*?$`)

// parseNumber reads a printed figure: its value and its unit ("%", "£" or
// ""). ok is false for anything else.
func parseNumber(s string) (v float64, unit string, ok bool) {
	m := rePrinted.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, "", false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[3], ",", "")+m[4], 64)
	if err != nil {
		return 0, "", false
	}
	if m[1] != "" {
		v = -v
	}
	switch m[5] {
	case "%", " per cent":
		unit = "%"
	case "k":
		v *= 1e3
	case "m":
		v *= 1e6
	case "bn":
		v *= 1e9
	}
	if m[2] != "" {
		unit = "£"
	}
	return v, unit, true
}

// cut shortens s to at most n bytes at a word boundary; the result is a
// prefix of s, so verbatim text stays verbatim.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := strings.LastIndexByte(s[:n], ' ')
	if i <= 0 {
		i = n
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
	}
	return strings.TrimRight(s[:i], " ,;:")
}

// clean collapses white space.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// format prints a value in its unit.
func format(v float64, unit string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i > 3 {
		s = strconv.FormatFloat(v, 'f', 2, 64)
	}
	switch unit {
	case "%":
		return s + "%"
	case "£":
		return "£" + s
	case "":
		return s
	}
	return s + " " + unit
}
