package figures

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// num is a figure in prose: "613", "25.6%", "£3.2m", "12 per cent".
const num = `£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%| per cent|k\b|m\b|bn\b)?`

// when is a period phrase after a figure: "in September 2024", "at the
// end of the previous quarter", "in Q2".
const when = `(?:in|at|on|for|by|during) (?:the )?(?:end of (?:the )?)?(?:(?:previous|last|same) (?:quarter|year|month)(?: last year)?|Q[1-4](?: (?:19|20)\d\d(?:/\d\d)?)?|quarter [1-4]|(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: (?:19|20)\d\d)?|(?:19|20)\d\d(?:/\d\d)?)`

var (
	reNum = regexp.MustCompile(num)
	// reTargetOf finds a target: "against a target of 90%", "the target
	// caseload of no more than 18", "(target 25%)".
	reTargetOf = regexp.MustCompile(`(?i)\btarget\b[^.;\d£]{0,30}?(` + num + `)`)
	// reFloorOf finds a floor standard.
	reFloorOf = regexp.MustCompile(`(?i)\bfloor(?: standard)?\b[^.;\d£]{0,20}?(` + num + `)`)
	// reFromTo finds a change: "fell from 640 to 613", "rose from 22% in
	// March to 25.6%".
	reFromTo = regexp.MustCompile(`(?i)\b(?:fell|rose|increased|decreased|reduced|dropped|declined|grew|improved|worsened|went (?:up|down)|risen|fallen|changed|moved|gone (?:up|down))\b[^.;\d£]{0,25}?\bfrom (` + num + `)(?: (` + when + `))? to (` + num + `)(?: (` + when + `))?`)
	// reWasFrom finds a value then where it came from: "75.2% has
	// improved from 74.7% in September 2024".
	reWasFrom = regexp.MustCompile(`(?i)(` + num + `)\)?,? (?:has |have |had )?(?:improved|increased|decreased|risen|fallen|reduced|fell|rose|dropped|declined|grown|grew) from (` + num + `)(?: (` + when + `))?`)
	// reCompared finds an earlier value: "compared to 23.4% the previous
	// Quarter", "compared with 72.7% at the end of the previous quarter".
	reCompared = regexp.MustCompile(`(?i)\bcompared (?:to|with) (` + num + `)(?: ((?:the )?(?:previous|last|same) (?:quarter|year|month)|` + when + `))?`)
	// reCard finds a labelled figure of a performance card: "Latest:
	// 613", "Target: 700", "Previous: 612 (Red)".
	reCard = regexp.MustCompile(`(?i)\b(latest|target|floor|previous|baseline|england|national|statistical neighbours?|region)\s*:?\s*(` + num + `)(?:,)?(?:\s*\((red|amber|green)\))?`)
	// reDateNum marks numbers that are dates, not figures.
	reDateNum     = regexp.MustCompile(`(?i)^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b`)
	reMonthBefore = regexp.MustCompile(`(?i)(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|q[1-4])\.?\s*$`)
	// reQualifier marks a number that qualifies a measure ("within 20
	// working days", "over 12 months", "aged 16"), not its value.
	reQualifierBefore = regexp.MustCompile(`(?i)\b(?:within|over|under|after|before|for|than|aged|age|least|most|top|first|last|next|every|per|of the|to the|past)\s*$`)
	reUnitAfter       = regexp.MustCompile(`(?i)^(?:\s*(?:working |calendar |school )?(?:days?|weeks?|months?|years?|hours?|times?|sessions?)\b|\s*and (?:over|under|above|below)\b|\+)`)
	// rePeriodAfter reads the period a value is for.
	rePeriodAfter = regexp.MustCompile(`(?i)^[^.;,]{0,20}?\b(` + when + `)`)
	// reLabelBefore marks a number that labels rather than counts:
	// "Quarter 3", "per 10,000", "Year 11".
	reLabelBefore = regexp.MustCompile(`(?i)\b(?:quarter|year|phase|tier|stage|level|page|item|paragraph|section|appendix|per|aged|ages|under|over|nearly|almost|top|key stage|recommendation|priority|number|by)\s*$`)
)

// sentenceIndicators reads the indicators the sentences give: a figure
// with its target, comparator or earlier value, a change "from A to B",
// or a performance card ("Latest: 613 Target: 700").
func sentenceIndicators(ss []Sentence, owners []Owner) []Indicator {
	var out []Indicator
	for i := range ss {
		s := &ss[i]
		if !strings.ContainsAny(s.Text, "0123456789") {
			continue
		}
		// A card may come as a row of a table or as a line of its own.
		if ind, ok := cardIndicator(ss, i); ok {
			ind.Owner = owners[i]
			out = append(out, ind)
			continue
		}
		if s.Table {
			continue // the table reader reads table rows
		}
		ind, ok := proseIndicator(s, i+1 < len(ss) && followsOn(ss[i+1].Text))
		if n := len(out); n > 0 && i > 0 && followsOn(s.Text) && out[n-1].Row.Quote == cut(ss[i-1].Text, MaxQuote) && !out[n-1].Table {
			// "This is above the target of 18", "This compares to the
			// England average of 22.4%": the figure just before.
			prev := &out[n-1]
			if !prev.HasTarget {
				if m := reTargetOf.FindStringSubmatch(s.Text); m != nil {
					setTarget(prev, m[1])
				}
			}
			if !ok || ind.Name == "" || len(ind.Values) == 1 && ind.Values[0].Period == "" && !ind.HasTarget {
				for _, c := range findComparators(s.Text) {
					prev.Comparators = append(prev.Comparators, c.Comparator)
				}
				continue
			}
		}
		if !ok {
			continue
		}
		ind.Owner = owners[i]
		out = append(out, ind)
	}
	// Drop a figure alone (no target, comparator or change) unless the
	// next sentence gave it a target.
	kept := out[:0]
	for _, ind := range out {
		if ind.Table || ind.HasTarget || len(ind.Comparators) > 0 || len(ind.Values) > 1 || ind.RAG != "" {
			kept = append(kept, ind)
		}
	}
	return kept
}

// followsOn reports whether a sentence speaks of the one before.
func followsOn(s string) bool {
	for _, w := range []string{"This ", "It ", "That ", "Which "} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// cardIndicator reads a performance card: a sentence of labelled figures
// ("Latest: 613 Target: 700 Floor: 650 Previous: 612 (Red)") named by the
// sentence before it, with the rating printed between.
func cardIndicator(ss []Sentence, i int) (Indicator, bool) {
	s := &ss[i]
	if !strings.Contains(s.Text, ":") {
		return Indicator{}, false
	}
	ms := reCard.FindAllStringSubmatch(s.Text, -1)
	if len(ms) < 2 || !strings.EqualFold(ms[0][1], "latest") {
		return Indicator{}, false
	}
	ind := Indicator{}
	for _, m := range ms {
		v, u, ok := parseNumber(m[2])
		if !ok {
			continue
		}
		setUnit(&ind, u)
		switch k := strings.ToLower(m[1]); k {
		case "latest":
			ind.Values = append(ind.Values, Value{Period: "latest", Value: v, Text: m[2]})
		case "previous", "baseline":
			ind.Values = append([]Value{{Period: k, Value: v, Text: m[2]}}, ind.Values...)
		case "target":
			ind.Target, ind.HasTarget, ind.TargetText = v, true, m[2]
		case "floor":
			ind.Floor, ind.HasFloor = v, true
		default:
			ind.Comparators = append(ind.Comparators, Comparator{Name: comparatorName(k), Value: v, Text: m[2]})
		}
	}
	// The name and the rating: the sentences before, on the same page.
	for j := i - 1; j >= 0 && j >= i-3 && ss[j].Page == s.Page; j-- {
		t := strings.TrimSpace(ss[j].Text)
		if r, ok := ragWords[strings.ToLower(t)]; ok {
			ind.RAG = r
			continue
		}
		if reCard.MatchString(t) && strings.Contains(t, ":") || len(t) > 250 {
			break
		}
		if r, _ := utf8.DecodeRuneInString(t); strings.HasSuffix(t, ".") && len(strings.Fields(t)) > 12 || !unicode.IsLetter(r) && r != '%' {
			continue // a sentence of the commentary, or the tail of a name ("– rolling 12 months"), not the measure's name
		}
		name, rag := trailingRAG(t)
		if rag != "" && ind.RAG == "" {
			ind.RAG = rag
		}
		ind.Name = name
		break
	}
	if ind.Name == "" && reMeasureName.MatchString(s.Heading) && !reCard.MatchString(s.Heading) {
		// The measure's name set as the heading over its card ("Number
		// of foster households" at the top of a page).
		name, rag := trailingRAG(s.Heading)
		if rag != "" && ind.RAG == "" {
			ind.RAG = rag
		}
		ind.Name = name
	}
	if ind.Name == "" || len(ind.Values) == 0 {
		return Indicator{}, false
	}
	if ind.Unit == "" {
		ind.Unit = unitOfName(ind.Name)
	}
	ind.Row = s.Evidence()
	ind.Evidence = ind.Row
	return ind, true
}

// reMeasureName opens a heading that names a measure ("Number of foster
// households"), not a section ("Key Performance Indicators") or a rating.
var reMeasureName = regexp.MustCompile(`(?i)^(?:number|percentage|proportion|rate|average|total|%)\b`)

// trailingRAG splits a rating printed at the end of a name ("Number of
// foster households RED").
func trailingRAG(s string) (string, RAG) {
	f := strings.Fields(s)
	if len(f) > 1 {
		if r, ok := ragWords[strings.ToLower(f[len(f)-1])]; ok && len(f[len(f)-1]) > 1 {
			return strings.Join(f[:len(f)-1], " "), r
		}
	}
	return s, ""
}

// proseIndicator reads a sentence's figure with what it is measured
// against.
func proseIndicator(s *Sentence, lone bool) (Indicator, bool) {
	text := s.Text
	ind := Indicator{}
	used := make([][2]int, 0, 4) // byte ranges of numbers read
	mark := func(loc []int, k int) {
		if loc[2*k] >= 0 {
			used = append(used, [2]int{loc[2*k], loc[2*k+1]})
		}
	}
	mainAt := -1
	// Each pattern runs only where its key word is, which keeps reading
	// a long pack fast.
	low := strings.ToLower(text)
	hasFrom := strings.Contains(low, "from ")
	if loc := find(reFromTo, text, hasFrom && strings.Contains(low, " to ")); loc != nil {
		a, b := text[loc[2]:loc[3]], text[loc[6]:loc[7]]
		va, ua, oka := parseNumber(a)
		vb, ub, okb := parseNumber(b)
		if oka && okb {
			ind.Values = []Value{{Period: sub(text, loc, 2), Value: va, Text: a}, {Period: sub(text, loc, 4), Value: vb, Text: b}}
			setUnit(&ind, ub)
			setUnit(&ind, ua)
			mark(loc, 1)
			mark(loc, 3)
			mainAt = loc[0]
		}
	} else if loc := find(reWasFrom, text, hasFrom); loc != nil {
		a, b := text[loc[4]:loc[5]], text[loc[2]:loc[3]]
		va, ua, oka := parseNumber(a)
		vb, ub, okb := parseNumber(b)
		if oka && okb {
			ind.Values = []Value{{Period: sub(text, loc, 3), Value: va, Text: a}, {Value: vb, Text: b}}
			setUnit(&ind, ub)
			setUnit(&ind, ua)
			mark(loc, 1)
			mark(loc, 2)
			mainAt = loc[2]
		}
	}
	targetAt := -1
	if loc := find(reTargetOf, text, strings.Contains(low, "target")); loc != nil && standsAlone(text, loc[2], loc[3]) {
		setTarget(&ind, text[loc[2]:loc[3]])
		mark(loc, 1)
		targetAt = loc[0]
	}
	if loc := find(reFloorOf, text, strings.Contains(low, "floor")); loc != nil {
		if v, _, ok := parseNumber(text[loc[2]:loc[3]]); ok {
			ind.Floor, ind.HasFloor = v, true
			mark(loc, 1)
		}
	}
	for _, c := range findComparators(text) {
		ind.Comparators = append(ind.Comparators, c.Comparator)
		used = append(used, c.at)
	}
	hasCompared := strings.Contains(low, "compared")
	var earlier *Value
	if loc := find(reCompared, text, hasCompared); loc != nil && loc[4] >= 0 && !overlaps(used, loc[2], loc[3]) && standsAlone(text, loc[2], loc[3]) {
		if v, _, ok := parseNumber(text[loc[2]:loc[3]]); ok {
			earlier = &Value{Period: sub(text, loc, 2), Value: v, Text: text[loc[2]:loc[3]]}
			mark(loc, 1)
		}
	}
	if len(ind.Values) == 0 && earlier == nil && !lone && !ind.HasTarget && len(ind.Comparators) == 0 {
		// A figure alone, and the next sentence does not speak of it.
		return Indicator{}, false
	}
	if len(ind.Values) == 0 {
		// With a target, the figure is the one in the target's clause
		// ("rose by 9%, and 21% were re-referrals, against a target").
		from := 0
		if targetAt > 0 {
			from = max(0, strings.LastIndex(text[:targetAt], ", and "), strings.LastIndex(text[:targetAt], "; "))
		}
		at, v := mainValue(text, used, from)
		if at < 0 && from > 0 {
			at, v = mainValue(text, used, 0)
		}
		if at < 0 {
			return Indicator{}, false
		}
		mainAt = at
		if m := rePeriodAfter.FindStringSubmatch(text[at+len(v.Text):]); m != nil {
			v.Period = m[1]
		}
		ind.Values = []Value{v}
		if _, u, _ := parseNumber(v.Text); u != "" {
			ind.Unit = u
		}
		if earlier != nil {
			ind.Values = []Value{*earlier, v}
		}
	}
	if !lone && !ind.HasTarget && len(ind.Comparators) == 0 && len(ind.Values) < 2 {
		// A figure alone, and the next sentence does not speak of it.
		return Indicator{}, false
	}
	ind.Name = nameOf(text, mainAt)
	if ind.Name == "" {
		return Indicator{}, false
	}
	if ind.HasTarget {
		// A target in another unit than the figure is another measure's.
		_, tu, _ := parseNumber(ind.TargetText)
		if _, vu, _ := parseNumber(ind.Values[len(ind.Values)-1].Text); tu != vu {
			ind.Target, ind.HasTarget, ind.TargetText = 0, false, ""
		}
	}
	if ind.Unit == "" {
		ind.Unit = unitOfName(ind.Name)
	}
	ind.Row = s.Evidence()
	ind.Row.Quote = cut(ind.Row.Quote, MaxQuote)
	ind.Evidence = ind.Row
	return ind, true
}

// find runs re on text when worth it (the pattern's key word is there).
func find(re *regexp.Regexp, text string, worth bool) []int {
	if !worth {
		return nil
	}
	return re.FindStringSubmatchIndex(text)
}

// sub returns submatch k of a match, trimmed, "" when it did not take part.
func sub(text string, loc []int, k int) string {
	if loc[2*k] < 0 {
		return ""
	}
	return strings.TrimSpace(text[loc[2*k]:loc[2*k+1]])
}

func setTarget(ind *Indicator, t string) {
	if v, u, ok := parseNumber(t); ok && !(u == "" && v >= 1900 && v <= 2100 && !strings.Contains(t, ",")) {
		ind.Target, ind.HasTarget, ind.TargetText = v, true, t
		setUnit(ind, u)
	}
}

func overlaps(used [][2]int, a, b int) bool {
	for _, u := range used {
		if a < u[1] && u[0] < b {
			return true
		}
	}
	return false
}

// mainValue returns the sentence's own figure: the first number that is
// not already read, not a date or a year, and not a qualifier of the
// measure ("within 20 working days").
func mainValue(text string, used [][2]int, from int) (int, Value) {
	for _, loc := range reNum.FindAllStringIndex(text[from:], -1) {
		a, b := loc[0]+from, loc[1]+from
		if overlaps(used, a, b) || a > 0 && isWordByte(text[a-1]) || b < len(text) && isWordByte(text[b]) && !strings.HasSuffix(text[a:b], "%") {
			continue
		}
		if !standsAlone(text, a, b) || reParaFigure.MatchString(text[a:min(len(text), b+2)]) {
			continue
		}
		tok := text[a:b]
		if v, unit, ok := parseNumber(tok); ok {
			// Only the words either side matter: look no further.
			after, before := text[b:min(len(text), b+40)], text[max(0, a-40):a]
			if unit == "" && v >= 1900 && v <= 2100 && !strings.Contains(tok, ",") {
				continue // a year
			}
			if reDateNum.MatchString(after) || reMonthBefore.MatchString(before) {
				continue
			}
			if strings.HasPrefix(after, "/") || strings.HasPrefix(after, "-") && !strings.HasPrefix(after, "- ") {
				continue // "2024/25", "16-17"
			}
			if unit == "" && (reUnitAfter.MatchString(after) || reQualifierBefore.MatchString(before) || reLabelBefore.MatchString(before)) {
				continue
			}
			return a, Value{Value: v, Text: tok}
		}
	}
	return -1, Value{}
}

// reParaFigure is a paragraph number before a capital ("3.1 At 31
// March").
var reParaFigure = regexp.MustCompile(`^\d+\.\d+ [A-Z]`)

// standsAlone reports whether the number at text[a:b] is a figure of its
// own, not part of "2023/24", "0-17", "Q3" or "10.5.2".
func standsAlone(text string, a, b int) bool {
	if a > 0 && strings.ContainsRune("/-–.:", rune(text[a-1])) && !(text[a-1] == '-' && a > 1 && text[a-2] == ' ') {
		return false
	}
	if b < len(text) && strings.ContainsRune("/–", rune(text[b])) {
		return false
	}
	if b+1 < len(text) && text[b] == '-' && text[b+1] >= '0' && text[b+1] <= '9' {
		return false
	}
	return true
}

// found is a comparator read from a sentence and where its figure is.
type found struct {
	Comparator
	at [2]int
}

// reComparator matches the names of comparators, longest first.
var reComparator = func() *regexp.Regexp {
	var names []string
	for _, c := range comparatorNames {
		names = append(names, regexp.QuoteMeta(c.phrase))
	}
	sort.Slice(names, func(a, b int) bool { return len(names[a]) > len(names[b]) })
	alt := strings.Join(names, "|")
	return regexp.MustCompile(`(?i)(?:(` + num + `)(?:\s+per\s+[\d,]+)?\)?\s+(?:for|in|across)\s+(?:(?:the|our|its)\s+)?(` + alt + `)\b` +
		`|\b(` + alt + `)(?:\s+(?:averages?|rates?|figures?|levels?|mean|comparators?))?(?:\s+(?:of|was|is|at|stood at|:))?\s*\(?(` + num + `)` +
		`|\b(?:average|rate|figure) (?:for|in|across) (?:(?:the|our|its)\s+)?(` + alt + `)(?:\s+(?:of|was|is|at|:))?\s*\(?(` + num + `))`)
}()

// findComparators reads "28% for England", "the England average of
// 22.4%", "the rate for England of 41.6".
func findComparators(text string) []found {
	low := strings.ToLower(text)
	any := false
	for _, c := range comparatorNames {
		if strings.Contains(low, c.phrase) {
			any = true
			break
		}
	}
	if !any {
		return nil
	}
	var out []found
	for _, loc := range reComparator.FindAllStringSubmatchIndex(text, -1) {
		var n, name [2]int
		switch {
		case loc[2] >= 0:
			n, name = [2]int{loc[2], loc[3]}, [2]int{loc[4], loc[5]}
		case loc[6] >= 0:
			n, name = [2]int{loc[8], loc[9]}, [2]int{loc[6], loc[7]}
		default:
			n, name = [2]int{loc[12], loc[13]}, [2]int{loc[10], loc[11]}
		}
		v, _, ok := parseNumber(text[n[0]:n[1]])
		if !ok || !standsAlone(text, n[0], n[1]) || v >= 1900 && v <= 2100 && !strings.ContainsAny(text[n[0]:n[1]], ",%.") {
			continue
		}
		out = append(out, found{Comparator{Name: comparatorName(text[name[0]:name[1]]), Value: v, Text: text[n[0]:n[1]]}, n})
	}
	return out
}

// Phrases trimmed from a name.
var (
	reLeadTime  = regexp.MustCompile(`(?i)^(?:(?:in|at|as of|as at|on|by|for|during|over|since|between) [^,]{1,60},\s*)+`)
	reLeadThere = regexp.MustCompile(`(?i)^(?:there (?:were|was|are|is|have been|had been)|we (?:have|had)|this (?:is|was)|it (?:is|was))(?:\s+|$)`)
	reTrailVerb = regexp.MustCompile(`(?i)\s+(?:was|were|is|are|has been|have been|had been|stood at|stands at|remained at|remains at|remained|remains|reached|at|of|to|by|has|have|had|now|currently|increased|decreased|fell|rose|risen|fallen|improved|worsened|dropped|declined|grew|grown|went (?:up|down))\s*$`)
	reTrailTime = regexp.MustCompile(`(?i)\s+(?:(?:for|in|at|during|over|as at|as of|by|to) (?:the )?(?:(?:12|twelve|three|3) months?|quarter|year|month|period|end of|q[1-4]|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})[^,]*)$`)
	reAuxiliary = regexp.MustCompile(`(?i)\b(?:were|was|had been|have been|has been|are|is)\s+`)
	// reLeadHad ends the words before a figure that what follows it
	// names: "the service had 231 approved households", "Harlowmere was
	// looking after 398 children".
	reLeadHad    = regexp.MustCompile(`(?i)\b(?:had|has|have|held|holds|(?:was|were|is|are) (?:looking after|supporting|caring for)|looked after|supported|approved|recruited|there (?:were|was|are|is))$`)
	reNameBreak  = regexp.MustCompile(`(?i),\s|;|\(|\s(?:against|compared|which|while|whereas|but|than|above|below|meeting|achieving|exceeding|continuing)\b`)
	reLeadArtcle = regexp.MustCompile(`(?i)^(?:the|a|an|our|its|their)\s+`)
)

// nameOf names the measure a sentence's figure at byte at is of: the
// words after "N% of", after "there were N", or else the subject before
// the figure.
func nameOf(text string, at int) string {
	if at < 0 || at > len(text) {
		return ""
	}
	loc := reNum.FindStringIndex(text[at:])
	end := at
	if loc != nil && loc[0] == 0 {
		end = at + loc[1]
	}
	after := text[end:]
	before := strings.TrimSpace(text[:at])
	before = reLeadTime.ReplaceAllString(before, "")
	var name string
	switch {
	case strings.HasPrefix(strings.ToLower(after), " of "):
		// "41% of initial health assessments were completed within ..."
		name = after[4:]
		if i := reNameBreak.FindStringIndex(name); i != nil {
			name = name[:i[0]]
		}
		name = dropAuxiliary(name)
	case reLeadThere.MatchString(before) && strings.TrimSpace(reLeadThere.ReplaceAllString(before, "")) == "",
		reLeadHad.MatchString(before):
		// "there were 613 approved households against ..."
		name = after
		if i := reNameBreak.FindStringIndex(name); i != nil {
			name = name[:i[0]]
		}
	default:
		name = before
		if i := strings.LastIndex(name, ", "); i >= 0 && i+2 < len(name) && len(strings.Fields(name[i+2:])) >= 2 {
			name = name[i+2:]
		}
		for k := 0; k < 3; k++ {
			name = reTrailVerb.ReplaceAllString(name, "")
			name = reTrailTime.ReplaceAllString(name, "")
		}
	}
	name = strings.TrimSpace(reLeadArtcle.ReplaceAllString(strings.TrimSpace(name), ""))
	name = strings.Trim(name, " .,:;()")
	for k := 0; k < 2; k++ {
		name = strings.Trim(reTrailTime.ReplaceAllString(name, ""), " .,:;()")
	}
	if generic[strings.ToLower(name)] {
		// "a rate of 78 per 10,000 children": the words after the figure
		// say what of.
		tail := after
		if i := reNameBreak.FindStringIndex(tail); i != nil {
			tail = tail[:i[0]]
		}
		if f := strings.Fields(tail); len(f) > 1 && len(f) <= 8 && (f[0] == "per" || f[0] == "of") {
			name = strings.TrimRight(name+" "+strings.Join(f, " "), " .,:;")
		}
	}
	if i := strings.LastIndexByte(name, '('); i > 0 && strings.Count(name, "(") > strings.Count(name, ")") {
		name = strings.TrimSpace(name[:i])
	}
	w := strings.Fields(name)
	if len(w) == 0 || len(w) > 20 || !hasLetter(name) || pronouns[strings.ToLower(w[0])] || w[0][0] >= '0' && w[0][0] <= '9' {
		return ""
	}
	for _, x := range w {
		if vague[strings.ToLower(x)] {
			return ""
		}
	}
	return upperFirst(name)
}

// pronouns open a subject that names nothing by itself.
// generic names say what a figure is only with the words after it.
var generic = map[string]bool{"rate": true, "number": true, "proportion": true, "percentage": true, "total": true, "average": true}

// dropAuxiliary joins "initial health assessments were completed within
// 20 days" into a name: the verb goes before a participle ("assessments
// completed within"), and reads "that were" before anything else
// ("referrals that were re-referrals").
func dropAuxiliary(s string) string {
	loc := reAuxiliary.FindStringIndex(s)
	if loc == nil {
		return s
	}
	rest := s[loc[1]:]
	next := strings.ToLower(strings.Fields(rest + " x")[0])
	if strings.HasSuffix(next, "ed") || participles[next] {
		return s[:loc[0]] + rest
	}
	return s[:loc[0]] + "that " + s[loc[0]:]
}

// participles are irregular past participles.
var participles = map[string]bool{
	"seen": true, "done": true, "made": true, "held": true, "taken": true, "given": true, "kept": true,
	"met": true, "sent": true, "paid": true, "set": true, "put": true, "brought": true, "found": true,
	"written": true, "known": true, "shown": true, "still": true, "not": true, "now": true,
}

// pronouns, conjunctions and the like open a subject that names nothing
// by itself; vague words name a measure only by pointing elsewhere.
var (
	pronouns = map[string]bool{
		"these": true, "those": true, "this": true, "it": true, "they": true, "which": true, "that": true,
		"we": true, "there": true, "although": true, "when": true, "while": true, "whilst": true, "since": true,
		"because": true, "however": true, "and": true, "but": true, "or": true, "so": true, "also": true,
		"target": true, "targets": true, "if": true, "as": true, "with": true,
	}
	vague = map[string]bool{"this": true, "these": true, "it": true}
)

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// unitOfName reads a unit from a measure's name.
func unitOfName(name string) string {
	low := strings.ToLower(name)
	for _, u := range unitWords {
		if strings.Contains(low, u.phrase) {
			return u.unit
		}
	}
	return ""
}
