package findings

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// reWord is a word: letters, digits and inner apostrophes or hyphens.
var reWord = regexp.MustCompile(`[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*`)

// stem reduces a lower-case word to a crude stem, enough to make
// "assessments" meet "assessment" and "caseloads" meet "caseload".
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// stems returns the stems of the words of s, lower-cased.
func stems(s string) []string {
	var out []string
	for _, w := range reWord.FindAllString(strings.ToLower(s), -1) {
		out = append(out, stem(w))
	}
	return out
}

// keyWords returns the distinctive stems of s: its words less the
// generic ones and numbers, each once, in order.
func keyWords(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range stems(s) {
		if len(w) < 2 || genericWords[w] || seen[w] || isNumber(w) {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

func isNumber(w string) bool {
	_, err := strconv.ParseFloat(w, 64)
	return err == nil
}

// shared counts the words of want that have is.
func shared(want, have []string) int {
	set := setOf(have...)
	n := 0
	for _, w := range want {
		if set[w] {
			n++
		}
	}
	return n
}

// mentionScore says how well a text names an indicator: the number of the
// indicator's distinctive name words it holds, 0 unless it holds at
// least half of them, and two of them when the one it holds is a weak
// word ("agency use" names "Agency social workers"; "social workers" alone
// does not).
func mentionScore(text string, ind *figures.Indicator) int {
	n := nameScore(text, ind.Name)
	if ind.Title != "" {
		n = max(n, nameScore(text, ind.Title))
	}
	return n
}

// nameScore is mentionScore for one of an indicator's names.
func nameScore(text, name string) int {
	want := keyWords(name)
	if len(want) == 0 {
		return 0
	}
	have := setOf(stems(text)...)
	n, weak := 0, 0
	for _, w := range want {
		if have[w] {
			n++
			if weakWords[w] {
				weak++
			}
		}
	}
	if n == 0 || 2*n < len(want) || n == weak && n < 2 {
		return 0
	}
	// "Assessment of foster carers" is about assessments: a text that
	// names the carers but not what of them is measured is about
	// something else.
	if head := headWords(name); len(head) > 0 && shared(head, stems(text)) == 0 {
		return 0
	}
	return n
}

// headWords are the key words of what a measure named "X of Y" counts
// (X), when X has any ("Number of ..." has none) and Y does too.
func headWords(name string) []string {
	head, tail, ok := strings.Cut(strings.ToLower(name), " of ")
	if !ok || len(keyWords(tail)) == 0 {
		return nil
	}
	return keyWords(head)
}

// matchIndicator returns the council indicator of the item a sentence is
// about: the one whose name words it holds best (the first on a tie), nil
// when none.
func matchIndicator(it *Item, text string) *figures.Indicator {
	var best *figures.Indicator
	bestN := 0
	for i := range it.Indicators {
		ind := &it.Indicators[i]
		if ind.Owner != figures.OwnerCouncil {
			continue
		}
		if n := mentionScore(text, ind); n > bestN {
			best, bestN = ind, n
		}
	}
	return best
}

// narrative returns the item's council prose: sentences that are not
// table rows.
func narrative(it *Item) []figures.Sentence {
	var out []figures.Sentence
	for _, s := range it.Sentences {
		if s.Owner == figures.OwnerCouncil && !s.Table {
			out = append(out, s)
		}
	}
	return out
}

// councilIndicators returns pointers to the item's council indicators.
func councilIndicators(it *Item) []*figures.Indicator {
	var out []*figures.Indicator
	for i := range it.Indicators {
		if it.Indicators[i].Owner == figures.OwnerCouncil {
			out = append(out, &it.Indicators[i])
		}
	}
	return out
}

// fmtNum prints a number with at most one decimal place and thousands
// separators ("1,204", "24.1").
func fmtNum(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "?"
	}
	r := math.Round(v*10) / 10
	s := strconv.FormatFloat(math.Abs(r), 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	if r < 0 {
		return "-" + b.String()
	}
	return b.String()
}

// withUnit prints a number in an indicator's unit.
func withUnit(v float64, unit string) string {
	n := fmtNum(v)
	switch unit {
	case "%":
		return n + "%"
	case "£":
		return "£" + n
	case "":
		return n
	}
	return n + " " + unit
}

// valueText is a value as printed, or in its unit when it was not; a
// bare number printed under a percentage heading gets its "%".
func valueText(v figures.Value, unit string) string {
	return printed(v.Text, v.Value, unit)
}

// printed is a figure as the report prints it, with a percentage's sign
// when the table heading carried it, or in its unit when not printed.
func printed(text string, v float64, unit string) string {
	t := strings.TrimSpace(text)
	if t == "" {
		return withUnit(v, unit)
	}
	if unit == "%" && reBareNumber.MatchString(t) {
		return t + "%"
	}
	return t
}

// reBareNumber is a number printed with no unit.
var reBareNumber = regexp.MustCompile(`^-?\d[\d,]*(?:\.\d+)?$`)

// reUnitInName is a name that carries its unit: "Vacancy rate (%)".
var reUnitInName = regexp.MustCompile(`\(%\)|%\s*$|\(per ?cent\)`)

// unitOf is an indicator's unit, or "%" when the reader left it blank and
// the name says so ("Agency rate (%)").
func unitOf(ind *figures.Indicator) string {
	if ind.Unit == "" && reUnitInName.MatchString(ind.Name) {
		return "%"
	}
	return ind.Unit
}

// targetText is an indicator's target as printed, or in its unit.
func targetText(ind *figures.Indicator) string {
	return printed(ind.TargetText, ind.Target, unitOf(ind))
}

// measure is an indicator's name as it reads inside a sentence: the first
// letter lower-cased unless the name opens with an acronym.
func measure(name string) string {
	name = strings.TrimSpace(reUnitInName.ReplaceAllString(name, ""))
	r, n := utf8.DecodeRuneInString(name)
	if n == 0 {
		return "the measure"
	}
	if r2, _ := utf8.DecodeRuneInString(name[n:]); unicode.IsUpper(r) && !unicode.IsUpper(r2) {
		return string(unicode.ToLower(r)) + name[n:]
	}
	return name
}

// upperFirst capitalises the first letter of a sentence.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// inPeriod is " in Q3" for a value with a period, " at 30 Sep 2026" for
// one at a date, "" without one.
func inPeriod(v figures.Value) string {
	p := strings.TrimSpace(v.Period)
	switch {
	case p == "", strings.EqualFold(p, "latest"), strings.EqualFold(p, "current"):
		return "" // the latest is what a figure is unless the report says when
	case p[0] >= '0' && p[0] <= '9' && !reYearOnly.MatchString(strings.ToLower(p)):
		return " at " + p
	case strings.HasPrefix(strings.ToLower(p), "in ") || strings.HasPrefix(strings.ToLower(p), "at "):
		return " " + p
	}
	return " in " + p
}

// figuresOf states an indicator's value: "613 approved foster
// households in Q3" for a count that names what it counts, "initial health
// assessments within 20 working days at 38% in Q2" otherwise.
func figuresOf(ind *figures.Indicator, v figures.Value) string {
	if unitOf(ind) == "" {
		name := strings.TrimSpace(ind.Name)
		if m := reNumberOf.FindString(name); m != "" {
			name = name[len(m):]
		}
		if !reNotCounted.MatchString(name) {
			return valueText(v, unitOf(ind)) + " " + measure(name) + inPeriod(v)
		}
	}
	return measure(ind.Name) + " at " + valueText(v, unitOf(ind)) + inPeriod(v)
}

var (
	// reNumberOf opens a count's name without saying what it counts.
	reNumberOf = regexp.MustCompile(`(?i)^(?:the\s+)?(?:number|no\.?|count|total number) of\s+`)
	// reNotCounted opens a name that is not what is counted ("Average
	// caseload", "Rate of re-referrals").
	reNotCounted = regexp.MustCompile(`(?i)^(?:average|mean|median|rate|ratio|percentage|proportion|per cent|days|weeks|time|timeliness|cost|spend)\b`)
)

// periodNoun names what a series' periods are: quarters, months or years
// (dates three months apart are quarters).
func periodNoun(vs []figures.Value) string {
	if n := spacing(vs); n > 0 {
		switch n {
		case 1:
			return "months"
		case 3:
			return "quarters"
		case 6:
			return "half-years"
		case 12:
			return "years"
		}
	}
	q, m, y := 0, 0, 0
	for _, v := range vs {
		p := strings.ToLower(v.Period)
		switch {
		case reQuarter.MatchString(p):
			q++
		case reMonthName.MatchString(p):
			m++
		case reYearOnly.MatchString(p):
			y++
		}
	}
	switch len(vs) {
	case q:
		return "quarters"
	case m:
		return "months"
	case y:
		return "years"
	}
	return "periods"
}

// spacing is the number of months between a series' periods when each
// names a date or month ("Sep 2026", "30 Sep 2026") the same distance
// apart, else 0.
func spacing(vs []figures.Value) int {
	if len(vs) < 2 {
		return 0
	}
	gap := 0
	var prev dateSpan
	for i, v := range vs {
		d, ok := parseDate(v.Period)
		if !ok || d.End.Sub(d.Start).Hours() > 24*31 {
			return 0
		}
		if i > 0 {
			g := (d.Start.Year()-prev.Start.Year())*12 + int(d.Start.Month()-prev.Start.Month())
			if g <= 0 || gap != 0 && g != gap {
				return 0
			}
			gap = g
		}
		prev = d
	}
	return gap
}

var (
	reQuarter   = regexp.MustCompile(`\bq[1-4]\b|\bquarter\b`)
	reMonthName = regexp.MustCompile(`\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b`)
	reYearOnly  = regexp.MustCompile(`^\s*(?:20\d\d(?:[-/]\d\d(?:\d\d)?)?|last year|this year)\s*$`)
)

// countWords spells small counts.
var countWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// Spell spells a small count in words, larger ones in digits, as
// reports are read aloud.
func Spell(n int) string {
	if n >= 0 && n < len(countWords) {
		return countWords[n]
	}
	return strconv.Itoa(n)
}

// valuesText lists the last n values of a series: "22% to 24.1% to
// 25.6%".
func valuesText(ind *figures.Indicator, n int) string {
	vs := ind.Values[len(ind.Values)-min(n, len(ind.Values)):]
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = valueText(v, unitOf(ind))
	}
	return strings.Join(parts, " to ")
}

// seriesText describes the last n values of a series: "rising from 22%
// to 24.1% to 25.6% over three quarters"; "" for fewer than two.
func seriesText(ind *figures.Indicator, n int, verb string) string {
	n = min(n, len(ind.Values))
	if n < 2 {
		return ""
	}
	return verb + " from " + valuesText(ind, n) + " over " + Spell(n) + " " + periodNoun(ind.Values[len(ind.Values)-n:])
}

// evidence returns the cites, dropping empty and repeated ones, in the
// order given.
func evidence(es ...report.Evidence) []report.Evidence {
	var out []report.Evidence
	for _, e := range es {
		if strings.TrimSpace(e.Quote) == "" {
			continue
		}
		dup := false
		for _, o := range out {
			if o.Page == e.Page && o.Quote == e.Quote {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// hasPhrase finds a phrase in text as whole words, case-insensitively,
// and returns its byte offset, or -1.
func hasPhrase(text, phrase string) int {
	low := strings.ToLower(text)
	if len(low) != len(text) {
		return -1 // offsets would not hold; rare
	}
	p := strings.ToLower(phrase)
	for off := 0; off <= len(low); {
		i := strings.Index(low[off:], p)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(p)
		if (i == 0 || !isWordByte(low[i-1])) && (end == len(low) || !isWordByte(low[end])) {
			return i
		}
		off = i + 1
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// clip shortens a phrase to at most n bytes at a word boundary.
func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	head := strings.TrimRight(s[:cut], " ,;:")
	// Not on a word that leads into what was cut ("overspend by £4m in").
	for {
		i := strings.LastIndexByte(head, ' ')
		if i <= 0 || !danglers[strings.ToLower(head[i+1:])] {
			break
		}
		head = strings.TrimRight(head[:i], " ,;:")
	}
	return head + " …"
}

// danglers are words a clipped clause must not end on: they lead into
// the words cut off.
var danglers = setOf("a", "an", "the", "in", "of", "to", "by", "for", "and", "or", "with", "on", "at", "from", "their", "its", "our", "his", "her", "this", "that", "these", "those", "as", "than", "into", "is", "are", "was", "were", "be")
