package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// agendaEntry is one numbered item of an agenda front sheet.
type agendaEntry struct {
	Number       string
	Title        string
	PrintedStart int
	PrintedEnd   int
	// line is the index, in the lines given to parseAgenda, of the entry's
	// number.
	line int
}

var (
	// "5. Fostering Service Annual Report (Pages 61 - 78)", "5 Title",
	// "- 9. Title** (Pages 155 - 232)".
	reAgendaItem = regexp.MustCompile(`^(\d{1,2}[a-z]?)(?:[.)]\s*|\s+)(\S.*)$`)
	// A number alone on its line, the title on the next ("7", "12.").
	reAgendaNum = regexp.MustCompile(`^(\d{1,2}[a-z]?)[.)]?$`)
	rePages     = regexp.MustCompile(`(?i)\(\s*pages?\s+(\d{1,4})\s*(?:(?:-|–|—|to)\s*(\d{1,4}))?\s*\)`)
	reAgendaHdr = regexp.MustCompile(`(?i)^(?:a\s*g\s*e\s*n\s*d\s*a|agenda(?:\s+item\s+no\.?)?|agenda\s+items?|items? of business|order of business)\s*:?$`)
)

// stripMarkup removes the emphasis and list markers a PDF-to-text converter
// leaves around agenda lines.
func stripMarkup(l string) string {
	l = strings.ReplaceAll(l, "**", "")
	l = strings.ReplaceAll(l, "__", "")
	l = strings.TrimSpace(l)
	for _, p := range []string{"- ", "* ", "• ", "# ", "## ", "### "} {
		l = strings.TrimPrefix(l, p)
	}
	return strings.TrimSpace(l)
}

// itemNumberValue orders item numbers: "4" < "4a" < "5".
func itemNumberValue(n string) int {
	digits := strings.TrimRightFunc(n, unicode.IsLetter)
	v, err := strconv.Atoi(digits)
	if err != nil {
		return -1
	}
	v *= 100
	if suf := n[len(digits):]; suf != "" {
		v += int(suf[0]-'a') + 1
	}
	return v
}

// agendaGap is the most lines between two agenda entries: past it the
// agenda has ended and numbered lines are paragraphs of a report.
const agendaGap = 40

// parseAgenda reads the numbered items of an agenda from its lines (already
// cleaned, one text line each, "" between paragraphs). Item numbers must
// rise; a title runs over the lines after the number until a blank line or
// a page range, and a page range may stand alone on a later line before
// the next item.
func parseAgenda(lines []string) []agendaEntry {
	var out []agendaEntry
	last := -1
	for i := 0; i < len(lines); i++ {
		if len(out) > 0 && i-out[len(out)-1].line > agendaGap {
			break
		}
		l := stripMarkup(lines[i])
		var num, first string
		titleFrom := i + 1
		if m := reAgendaNum.FindStringSubmatch(l); m != nil {
			num = m[1]
			// The title is on the next non-empty line.
			for titleFrom < len(lines) && strings.TrimSpace(lines[titleFrom]) == "" && titleFrom-i < 4 {
				titleFrom++
			}
			if titleFrom >= len(lines) {
				break
			}
			first = stripMarkup(lines[titleFrom])
			titleFrom++
		} else if m := reAgendaItem.FindStringSubmatch(l); m != nil {
			num, first = m[1], m[2]
		} else {
			continue
		}
		v := itemNumberValue(num)
		if v <= last || first == "" || !startsTitle(first) {
			continue
		}
		parts := []string{first}
		j := titleFrom
		for ; j < len(lines) && len(parts) < 5 && !rePages.MatchString(strings.Join(parts, " ")); j++ {
			n := stripMarkup(lines[j])
			if n == "" || reAgendaItem.MatchString(n) || reAgendaNum.MatchString(n) {
				break
			}
			parts = append(parts, n)
		}
		title := strings.Join(parts, " ")
		e := agendaEntry{Number: num, line: i}
		if m := rePages.FindStringSubmatchIndex(title); m != nil {
			e.PrintedStart, e.PrintedEnd = pageRange(title, m)
			rest := strings.TrimSpace(title[m[1]:])
			title = strings.TrimSpace(title[:m[0]])
			if rest != "" {
				title += " " + rest
			} else if j < len(lines) && titleGoesOn(title) {
				// "7. Ofsted Inspection (ILACS): (Pages 17 - 22)" with the
				// title's end on the next line.
				if n := stripMarkup(lines[j]); n != "" && len(n) <= 80 && startsTitle(n) && !reAgendaItem.MatchString(n) && !reAgendaNum.MatchString(n) && !strings.HasPrefix(n, "To ") {
					title += " " + n
				}
			}
		} else {
			// A page range alone on a later line, before the next item.
			for k, seen := j, 0; k < len(lines) && seen < 3; k++ {
				n := stripMarkup(lines[k])
				if n == "" {
					continue
				}
				if reAgendaItem.MatchString(n) || reAgendaNum.MatchString(n) {
					break
				}
				seen++
				if m := rePages.FindStringSubmatchIndex(n); m != nil && m[0] == 0 {
					e.PrintedStart, e.PrintedEnd = pageRange(n, m)
					break
				}
			}
		}
		e.Title = cleanTitle(title)
		if e.Title == "" {
			continue
		}
		out = append(out, e)
		last = v
	}
	return out
}

// titleGoesOn reports whether a title breaks off in the middle ("...:",
// "... and").
func titleGoesOn(t string) bool {
	t = strings.TrimSpace(t)
	if strings.HasSuffix(t, ":") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, "–") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, "&") {
		return true
	}
	f := strings.Fields(t)
	return len(f) > 0 && smallWords[strings.ToLower(f[len(f)-1])]
}

// startsTitle reports whether s can start an item title (a letter, a
// quote or a reference number such as "24/00109").
func startsTitle(s string) bool {
	r := []rune(s)[0]
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'‘“`, r)
}

func pageRange(s string, m []int) (int, int) {
	a, _ := strconv.Atoi(s[m[2]:m[3]])
	b := a
	if m[4] >= 0 {
		b, _ = strconv.Atoi(s[m[4]:m[5]])
	}
	if b < a {
		b = a
	}
	return a, b
}

// cleanTitle tidies an agenda title: markup and trailing separators gone,
// spaces collapsed, an all-capitals title put in title case.
func cleanTitle(t string) string {
	t = strings.ReplaceAll(t, "**", "")
	t = strings.Join(strings.Fields(t), " ")
	t = strings.TrimRight(t, " -–:;,.")
	t = strings.TrimSpace(t)
	if isAllCaps(t) {
		t = titleCase(t)
	}
	return t
}

// isAllCaps reports whether s has several letters and no lower-case ones.
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4
}

var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true,
	"on": true, "to": true, "for": true, "with": true, "by": true, "at": true, "from": true,
	"into": true, "between": true, "as": true, "vs": true,
}

// keptCaps are short words printed in capitals that stay so in title case.
var keptCaps = map[string]bool{
	"UK": true, "NHS": true, "SEND": true, "LGA": true, "DFE": true, "OFSTED": false,
	"ILACS": true, "CAMHS": true, "SEN": true, "LAC": true, "CIC": true, "MASH": true,
	"ICB": true, "CCG": true, "EHCP": true, "UASC": true, "IRO": true, "SCR": true,
	"LSCB": true, "HSCB": true, "DCLG": true, "KCC": true, "II": true, "III": true, "IV": true,
}

// titleCase turns an all-capitals title into title case, keeping known
// acronyms and words without vowels (HSCB) in capitals.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		core := strings.Trim(w, `()"'‘’“”,.:;`)
		switch {
		case keptCaps[core] || (len(core) > 1 && !strings.ContainsAny(core, "AEIOUY") && strings.IndexFunc(core, unicode.IsLetter) >= 0 && !strings.ContainsAny(core, "’'")):
			continue
		case i > 0 && smallWords[strings.ToLower(core)]:
			words[i] = strings.ToLower(w)
		default:
			words[i] = capitalise(strings.ToLower(w))
		}
	}
	return strings.Join(words, " ")
}

// capitalise upper-cases the first letter of w and of each part after a
// hyphen or slash.
func capitalise(w string) string {
	r := []rune(w)
	up := true
	for i, c := range r {
		if up && unicode.IsLetter(c) {
			r[i] = unicode.ToUpper(c)
			up = false
		}
		if c == '-' || c == '/' || c == '(' {
			up = true
		}
	}
	return string(r)
}

var months = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var (
	reDate = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b`)
	// "November 27, 2017".
	reDateUS  = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reDateNum = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	reWeekday = regexp.MustCompile(`(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`)
)

// parseDate finds the first date in s and returns it as YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	type cand struct {
		at      int
		y, m, d int
	}
	var best *cand
	consider := func(c cand) {
		if c.m < 1 || c.m > 12 || c.d < 1 || c.y < 1990 || c.y > 2100 {
			return
		}
		if t := time.Date(c.y, time.Month(c.m), c.d, 0, 0, 0, 0, time.UTC); t.Day() != c.d {
			return // 31 September
		}
		if best == nil || c.at < best.at {
			best = &c
		}
	}
	if m := reDate.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		consider(cand{m[0], y, months[strings.ToLower(s[m[4]:m[5]])], d})
	}
	if m := reDateUS.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		consider(cand{m[0], y, months[strings.ToLower(s[m[2]:m[3]])], d})
	}
	if m := reDateNum.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		consider(cand{m[0], y, mo, d})
	}
	if best == nil {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", best.y, best.m, best.d), true
}

var (
	reCouncil   = regexp.MustCompile(`(?i)^(?:the\s+)?(?:[a-z][\w'’&.-]*\s+){1,4}(?:council|borough)$`)
	reMeetingLb = regexp.MustCompile(`(?i)^(?:meeting|committee|name of meeting|meeting of|board|panel)\s*[:\t]\s*(.+)$`)
	// reTimeLb labels a meeting's time ("Time: 6.00 pm", "TIME:").
	reTimeLb = regexp.MustCompile(`(?i)^(?:time|start time|time of meeting)\s*[:\t]`)
	// reClock is a time of day: "6.00 pm", "10:30am", "2 p.m.".
	reClock  = regexp.MustCompile(`(?i)\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s*m\b\.?`)
	reDateLb = regexp.MustCompile(`(?i)^(?:date|date and time|date of meeting|meeting date)\s*[:\t]\s*(.+)$`)
	// "CABINET - THURSDAY, 30 JANUARY 2025".
	reCommitteeDay = regexp.MustCompile(`(?i)^(.+?)\s+[-–—]\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(.+)$`)
	// "CORPORATE PARENTING PANEL – 10th December 2024": no weekday, so the
	// name must say it is a body (committee, panel, board...).
	reCommitteeDate = regexp.MustCompile(`^(.+?)\s+[-–—]\s+(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4})$`)
	reBodyWord      = regexp.MustCompile(`(?i)\b(committee|board|panel|cabinet|council|forum|commission|sub-committee)\b`)
	reMeetingOf     = regexp.MustCompile(`(?i)\bmeeting of (?:the\s+)?(.+?)\s+(?:will be held|to be held|held)\b`)
)

// readMeta reads the council, committee and meeting date from a pack's
// front lines.
// maxMetaLine is how much of a line the front page's reading looks at: a
// meeting's council, committee and date stand in short lines, and a file
// that is one long line (a text file without line breaks) is not read
// whole for them.
const maxMetaLine = 1000

// headsOf returns the lines, each cut to at most n bytes at a rune's
// start.
func headsOf(lines []string, n int) []string {
	out := lines
	for i, l := range lines {
		if len(l) <= n {
			continue
		}
		if &out[0] == &lines[0] {
			out = append([]string(nil), lines...)
		}
		k := n
		for k > 0 && !utf8.RuneStart(l[k]) {
			k--
		}
		out[i] = l[:k]
	}
	return out
}

func readMeta(lines []string) Meta {
	lines = headsOf(lines, maxMetaLine)
	var m Meta
	var heldDate, labelDate, dayDate, anyDate string
	// dashCommittee is a name from "NAME – date", used only when no
	// stronger sign names the committee.
	var dashCommittee string
	for i, raw := range lines {
		l := stripMarkup(raw)
		if l == "" {
			continue
		}
		if m.Council == "" && len(l) <= 60 && reCouncil.MatchString(l) && !hasLowerWord(l) {
			m.Council = tidyName(dropAcronym(l))
		}
		if mm := reMeetingLb.FindStringSubmatch(l); mm != nil && m.Committee == "" {
			m.Committee = tidyName(mm[1])
		}
		if mm := reCommitteeDay.FindStringSubmatch(l); mm != nil {
			if d, ok := parseDate(mm[2]); ok {
				if m.Committee == "" && reBodyWord.MatchString(mm[1]) || m.Committee == "" && isAllCaps(mm[1]) {
					m.Committee = tidyName(mm[1])
				}
				if dayDate == "" {
					dayDate = d
				}
			}
		}
		if mm := reCommitteeDate.FindStringSubmatch(l); mm != nil && dashCommittee == "" && len(mm[1]) < 80 &&
			!strings.Contains(mm[1], ":") && reBodyWord.MatchString(mm[1]) {
			if _, ok := parseDate(mm[2]); ok {
				dashCommittee = tidyName(mm[1])
			}
		}
		if mm := reMeetingOf.FindStringSubmatchIndex(l); mm != nil {
			if name := l[mm[2]:mm[3]]; m.Committee == "" && len(name) < 80 {
				m.Committee = tidyName(name)
			}
			// "A meeting of the County Council will be held ... on
			// Thursday, 13th March, 2025": the date may run onto the next
			// line.
			rest := l[mm[1]:]
			if i+1 < len(lines) {
				rest += " " + lines[i+1]
			}
			if d, ok := parseDate(rest); ok && heldDate == "" {
				heldDate = d
			}
		}
		if mm := reDateLb.FindStringSubmatch(l); mm != nil && labelDate == "" {
			if d, ok := parseDate(mm[1]); ok {
				labelDate = d
			} else if i+1 < len(lines) {
				if d, ok := parseDate(lines[i+1]); ok {
					labelDate = d
				}
			}
		}
		if m.Time == "" && (reTimeLb.MatchString(l) || reDateLb.MatchString(l) || heldDate != "" && i < 40) {
			if mm := reClock.FindStringSubmatch(l); mm != nil {
				m.Time = clock(mm[1], mm[2], mm[3])
			}
		}
		d, ok := parseDate(l)
		if !ok && reWeekday.MatchString(l) && i+1 < len(lines) {
			// "Thursday, 13th March," / "2025".
			d, ok = parseDate(l + " " + lines[i+1])
		}
		if ok {
			if anyDate == "" {
				anyDate = d
			}
			if dayDate == "" && reWeekday.MatchString(l) {
				dayDate = d
			}
		}
	}
	switch {
	case heldDate != "":
		m.Date = heldDate
	case dayDate != "":
		m.Date = dayDate
	case labelDate != "":
		m.Date = labelDate
	default:
		m.Date = anyDate
	}
	if m.Committee == "" {
		m.Committee = dashCommittee
	}
	return m
}

// councilPages is how many pages councilNamed reads.
const councilPages = 10

// reCouncilName is a council named in running text: "Sefton
// Metropolitan Borough Council", "Kent County Council", "London Borough
// of Camden".
var reCouncilName = regexp.MustCompile(`\b(?:(?:[A-Z][a-z]+[ -]){1,3}(?:Metropolitan Borough|Metropolitan District|Borough|County|City|District) Council|(?:London|Royal) Borough of (?:[A-Z][a-z]+(?: and | upon | )?){1,3})`)

// notNames are capitalised words that open a sentence rather than name a
// place ("The County Council").
var notNames = map[string]bool{"The": true, "This": true, "That": true, "Each": true, "Every": true, "Our": true, "Your": true, "Any": true, "Other": true, "Local": true, "A": true, "An": true, "Whole": true}

// reGovDomain is a council's web or email domain ("democratic.services@
// sefton.gov.uk", "www.kent.gov.uk").
var reGovDomain = regexp.MustCompile(`(?i)(?:@|www\.)(?:[a-z0-9-]+\.)*?([a-z-]+)\.gov\.uk\b`)

// councilNamed returns the council a document's first pages both name
// and give an address of: the name containing the most used gov.uk
// domain ("Sefton Metropolitan Borough Council" for sefton.gov.uk), the
// most often named when several do. Papers name other councils too
// (neighbours, comparators), so a name without its domain is not taken;
// "" when none fits.
func councilNamed(pages []Page) string {
	domains := map[string]int{}
	domain := ""
	for _, p := range pages {
		for _, m := range reGovDomain.FindAllStringSubmatch(p.Text, -1) {
			d := strings.ToLower(strings.ReplaceAll(m[1], "-", ""))
			if d == "education" || d == "ofsted" || d == "gov" || d == "legislation" || d == "service" {
				continue // national bodies' domains
			}
			domains[d]++
			if domains[d] > domains[domain] {
				domain = d
			}
		}
	}
	if domain == "" {
		return ""
	}
	counts := map[string]int{}
	best := ""
	for _, p := range pages {
		for _, m := range reCouncilName.FindAllString(p.Text, -1) {
			m = strings.Join(strings.Fields(m), " ")
			m = strings.TrimSuffix(strings.TrimSuffix(m, " and"), " upon")
			key := strings.ToLower(strings.NewReplacer(" ", "", "-", "").Replace(m))
			if notNames[strings.Fields(m)[0]] || !strings.Contains(key, domain) {
				continue
			}
			counts[m]++
			if counts[m] > counts[best] {
				best = m
			}
		}
	}
	return best
}

// dropAcronym takes a council's acronym off the front of its name
// ("WSCC West Sussex County Council"), when the name is not all capitals.
func dropAcronym(l string) string {
	f := strings.Fields(l)
	if len(f) > 2 && len(f[0]) >= 2 && strings.ToUpper(f[0]) == f[0] && strings.ToLower(f[0]) != f[0] && !isAllCaps(l) {
		return strings.Join(f[1:], " ")
	}
	return l
}

// hasLowerWord reports whether a name has a word in lower case ("Inspection
// of Kent County Council" is not a council's name).
func hasLowerWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// committeeLine finds a short line naming a committee among the first
// lines, when no labelled one was found.
func committeeLine(lines []string) string {
	for _, raw := range lines {
		l := stripMarkup(raw)
		if l == "" || len(l) > 80 || strings.HasSuffix(l, ".") || strings.Contains(l, ":") || !startsTitle(l) {
			continue
		}
		if reCommitteeWord.MatchString(l) {
			return tidyName(l)
		}
	}
	return ""
}

var reCommitteeWord = regexp.MustCompile(`(?i)\b(committee|board|panel|cabinet|forum)\b`)

// tidyName trims a name and puts an all-capitals one in title case.
func tidyName(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "**", "")), " ")
	s = strings.Trim(s, " -–:,.")
	if isAllCaps(s) {
		s = titleCase(s)
	}
	return s
}

// clock writes a time of day as 24-hour "HH:MM": "6", "00", "p" is
// "18:00"; "" when it is not a time.
func clock(h, m, ampm string) string {
	hh, err := strconv.Atoi(h)
	if err != nil || hh < 1 || hh > 12 {
		return ""
	}
	mm := 0
	if m != "" {
		if mm, err = strconv.Atoi(m); err != nil || mm > 59 {
			return ""
		}
	}
	if strings.EqualFold(ampm, "p") && hh != 12 {
		hh += 12
	}
	if strings.EqualFold(ampm, "a") && hh == 12 {
		hh = 0
	}
	return fmt.Sprintf("%02d:%02d", hh, mm)
}
