package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean fills each page's Body, Printed, Stamp, Marks, Blank and NoText
// fields from its Text. It takes out running headers and footers (lines
// that repeat at the top or bottom of several pages, "Page N" footers,
// "Agenda Item N" stamps, blank-page fillers), joins words broken across
// lines by a hyphen and normalises white space. Clean may be run again: it
// only reads Text.
func Clean(doc *Document) {
	pages := doc.Pages
	lines := make([][]string, len(pages))
	for i := range pages {
		lines[i] = splitLines(pages[i].Text)
	}
	running := runningLines(lines)
	printed := printedNumbers(lines)
	for i := range pages {
		p := &pages[i]
		p.NoText = strings.TrimSpace(p.Text) == ""
		p.Printed = printed[i]
		cleanPage(p, lines[i], running)
	}
}

// Line patterns Clean recognises.
var (
	reStamp    = regexp.MustCompile(`(?i)^agenda\s+item\s+(?:no\.?\s*)?(\d{1,3}[a-z]?(?:\.\d{1,2})?)\.?$`)
	rePageWord = regexp.MustCompile(`(?i)^(?:-\s*)?page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?(?:\s*-)?$`)
	reBareNum  = regexp.MustCompile(`^(?:-\s*)?(\d{1,4})(?:\s*-)?$`)
	reFiller   = regexp.MustCompile(`(?i)^(?:this\s+)?page\s+(?:has\s+been\s+|is\s+)?(?:intentionally|deliberately)\s+(?:left\s+)?blank\.?$`)
	reNumbered = regexp.MustCompile(`^\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s`)
)

// lineCleaner normalises characters that PDF converters leave behind.
var lineCleaner = strings.NewReplacer(
	"\u00a0", " ", "\u2002", " ", "\u2003", " ", "\u2009", " ", "\u200b", "",
	"\u00ad", "", "\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl",
	"<p>", " ", "</p>", " ", "\r", "",
)

// splitLines returns the page's lines with characters normalised and runs
// of blanks collapsed: a run holding a tab, or of two or more spaces not
// after a full stop or comma, becomes one tab (a table cell boundary), any
// other run one space.
func splitLines(text string) []string {
	raw := strings.Split(text, "\n")
	out := make([]string, len(raw))
	for i, l := range raw {
		out[i] = collapseSpace(lineCleaner.Replace(l))
	}
	return out
}

func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	spaces, tab := 0, false
	var last rune
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\v' {
			spaces++
			tab = tab || r == '\t'
			continue
		}
		if !unicode.IsPrint(r) && r != '\u200d' {
			continue
		}
		if spaces > 0 && b.Len() > 0 {
			// A tab, or a wide gap not after a sentence's punctuation, is a
			// cell boundary ("Report to  Committee", "Ward\tAll").
			if tab || spaces >= 2 && !strings.ContainsRune(".?!,;", last) {
				b.WriteByte('\t')
			} else {
				b.WriteByte(' ')
			}
		}
		spaces, tab = 0, false
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// zone is how many non-empty lines at each end of a page may hold running
// headers and footers.
const zone = 3

// zoneIndexes returns the indexes of the non-empty lines at the top and
// bottom of a page.
func zoneIndexes(ls []string) []int {
	var nonEmpty []int
	for i, l := range ls {
		if l != "" {
			nonEmpty = append(nonEmpty, i)
		}
	}
	if len(nonEmpty) <= 2*zone {
		return nonEmpty
	}
	z := append([]int{}, nonEmpty[:zone]...)
	return append(z, nonEmpty[len(nonEmpty)-zone:]...)
}

// headerKey is the form in which running lines are compared: digits
// folded (a footer carries its page number), case and spaces ignored.
func headerKey(l string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(l) {
		switch {
		case unicode.IsDigit(r):
			if !strings.HasSuffix(b.String(), "#") {
				b.WriteByte('#')
			}
		case unicode.IsSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mayRepeat reports whether a line could be a running header or footer:
// not a label ("RESOLVED:"), not a sentence, not a numbered paragraph or
// heading, not a list item, table row or cover-sheet line.
func mayRepeat(l string) bool {
	if utf8.RuneCountInString(l) < 4 || utf8.RuneCountInString(l) > 160 {
		return false
	}
	if strings.HasSuffix(l, ":") || strings.HasSuffix(l, ".") || numberedPara(l) {
		return false
	}
	switch l[0] {
	case '|', '-', '*', '(':
		return false
	}
	// Cover-sheet lines repeat on the first page of every report.
	if strings.ContainsRune(l, '\t') || len(lineLabels(l)) > 0 {
		return false
	}
	return strings.IndexFunc(l, unicode.IsLetter) >= 0
}

// numberedPara reports whether l starts like a numbered paragraph or
// heading ("3. Background", "2.1 The service"): a number, then a capital.
// A running header that starts with a date ("3 to 7 March 2025 5") does not.
func numberedPara(l string) bool {
	loc := reNumbered.FindStringIndex(l)
	if loc == nil {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l[loc[1]:])
	return !unicode.IsLower(r)
}

// runningLines finds the lines that repeat at the top or bottom of at least
// three pages (or, inside one very long page such as a text file without
// form feeds, lines that repeat there like page headers do).
func runningLines(lines [][]string) map[string]bool {
	count := map[string]int{}
	for _, ls := range lines {
		seen := map[string]bool{}
		for _, i := range zoneIndexes(ls) {
			if !mayRepeat(ls[i]) {
				continue
			}
			k := headerKey(ls[i])
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	running := map[string]bool{}
	for k, n := range count {
		if n >= 3 {
			running[k] = true
		}
	}
	return running
}

// flowingRunning finds, inside one long page, the lines that repeat like
// page headers: at least four times, with a digit (a date, a version) and
// not ending a sentence. A flowing text has lost its page breaks, so
// position cannot tell a header from body text; these rules are strict on
// purpose.
func flowingRunning(ls []string) map[string]bool {
	count := map[string]int{}
	for _, l := range ls {
		if l == "" || !mayRepeat(l) || utf8.RuneCountInString(l) < 15 || utf8.RuneCountInString(l) > 120 {
			continue
		}
		if strings.HasSuffix(l, ".") || strings.IndexFunc(l, unicode.IsDigit) < 0 || strings.ContainsRune(l, '\t') {
			continue
		}
		count[l]++
	}
	out := map[string]bool{}
	for l, n := range count {
		if n >= 4 {
			out[l] = true
		}
	}
	return out
}

// flowingPage is the number of lines from which a page is treated as a
// flowing text that has lost its page breaks.
const flowingPage = 250

// printedNumbers returns each page's printed number, 0 when it has none:
// "Page N" in the top or bottom zone, or a bare number there when the bare
// numbers of several pages agree on one offset from the physical page; a
// page between pages N-1 and N+1 is page N.
func printedNumbers(lines [][]string) []int {
	out := make([]int, len(lines))
	bare := make([][]int, len(lines))
	offsets := map[int]int{}
	for p, ls := range lines {
		for _, i := range zoneIndexes(ls) {
			if m := rePageWord.FindStringSubmatch(ls[i]); m != nil {
				if n, err := strconv.Atoi(m[1]); err == nil && out[p] == 0 {
					out[p] = n
				}
			} else if m := reBareNum.FindStringSubmatch(ls[i]); m != nil {
				if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
					bare[p] = append(bare[p], n)
					offsets[p+1-n]++
				}
			}
		}
	}
	best, bestN := 0, 0
	for off, n := range offsets {
		if n > bestN || (n == bestN && off < best) {
			best, bestN = off, n
		}
	}
	if bestN >= 2 {
		for p := range lines {
			if out[p] != 0 {
				continue
			}
			for _, n := range bare[p] {
				if p+1-n == best {
					out[p] = n
				}
			}
		}
	}
	// A page between two numbered pages whose numbers leave a gap of one
	// carries the number between: its footer was lost in extraction (a
	// landscape table, a filler page).
	for p := 1; p+1 < len(out); p++ {
		if out[p] == 0 && out[p-1] > 0 && out[p+1] == out[p-1]+2 {
			out[p] = out[p-1] + 1
		}
	}
	return out
}

// hyphenPrefixes are first parts of compounds whose hyphen stays when the
// compound is broken across lines ("step-\ndown" is "step-down").
var hyphenPrefixes = map[string]bool{
	"self": true, "co": true, "non": true, "step": true, "well": true, "cross": true,
	"multi": true, "pre": true, "post": true, "anti": true, "ex": true, "semi": true,
	"half": true, "part": true, "mid": true, "long": true, "short": true, "full": true,
	"high": true, "low": true, "year": true, "face": true, "child": true, "family": true,
}

// maxJoinedLine bounds the lines joinHyphen extends: real lines are short,
// and joining a long chain of hyphen-ended lines would copy quadratically.
const maxJoinedLine = 1000

// joinHyphen joins a line ending in a hyphenated word with the next line's
// start. It returns the joined line and true when prev ends with a word
// broken by a hyphen ("fos-") and next starts with a lower-case letter; the
// hyphen is dropped unless the first part is a common compound prefix.
func joinHyphen(prev, next string) (string, bool) {
	if len(prev) < 3 || len(prev) > maxJoinedLine || !strings.HasSuffix(prev, "-") || next == "" {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(r) {
		return "", false
	}
	body := prev[:len(prev)-1]
	start := strings.LastIndexFunc(body, func(r rune) bool { return !unicode.IsLetter(r) })
	word := body[start+1:]
	if utf8.RuneCountInString(word) < 2 {
		return "", false
	}
	// A digit or another hyphen before the word ("18-25-", "x-y-"): keep it.
	if start >= 0 && body[start] != ' ' && body[start] != '\t' && body[start] != '(' && body[start] != '"' {
		return prev + next, true
	}
	if hyphenPrefixes[strings.ToLower(word)] {
		return prev + next, true
	}
	for i, r := range word {
		if i > 0 && unicode.IsUpper(r) {
			// An acronym or a capitalised part ("SEND-"): keep the hyphen.
			return prev + next, true
		}
	}
	return body + next, true
}

// fillerLine reports whether l is a blank-page filler.
func fillerLine(l string) bool { return reFiller.MatchString(strings.TrimSpace(l)) }

// cleanPage builds p.Body from the page's normalised lines.
func cleanPage(p *Page, ls []string, running map[string]bool) {
	p.Stamp, p.Marks, p.Blank = "", nil, false
	inZone := map[int]bool{}
	for _, i := range zoneIndexes(ls) {
		inZone[i] = true
	}
	var flowing map[string]bool
	if len(ls) >= flowingPage {
		flowing = flowingRunning(ls)
	}
	type mark struct {
		line int // index in out before which the mark stands
		Mark
	}
	var (
		out   []string
		marks []mark
		cut   bool // a removed line lies between out's last line and the next
	)
	lastText := func() (int, string) {
		for j := len(out) - 1; j >= 0; j-- {
			if out[j] != "" {
				return j, out[j]
			}
		}
		return -1, ""
	}
	for i, l := range ls {
		if l == "" {
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
			continue
		}
		if m := reStamp.FindStringSubmatch(l); m != nil {
			if p.Stamp == "" {
				p.Stamp = strings.ToLower(m[1])
			}
			marks = append(marks, mark{len(out), Mark{Stamp: strings.ToLower(m[1])}})
			cut = true
			continue
		}
		if fillerLine(l) {
			marks = append(marks, mark{len(out), Mark{Filler: true}})
			continue
		}
		if inZone[i] && (rePageWord.MatchString(l) || (p.Printed > 0 && reBareNum.MatchString(l) && strings.Trim(l, "- ") == strconv.Itoa(p.Printed))) {
			cut = true
			continue
		}
		if inZone[i] && mayRepeat(l) && running[headerKey(l)] {
			cut = true
			continue
		}
		if flowing != nil && (flowing[l] || rePageWord.MatchString(l)) {
			cut = true
			continue
		}
		// A sentence interrupted by a removed header goes on in the same
		// paragraph.
		if cut {
			if j, prev := lastText(); j >= 0 && continues(prev, l) {
				out = out[:j+1]
			}
		}
		cut = false
		if n := len(out); n > 0 && out[n-1] != "" {
			if joined, ok := joinHyphen(out[n-1], l); ok {
				out[n-1] = joined
				continue
			}
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	// Offsets of line starts in the joined body.
	starts := make([]int, len(out)+1)
	for j, l := range out {
		starts[j+1] = starts[j] + len(l) + 1
	}
	p.Body = strings.Join(out, "\n")
	for _, m := range marks {
		j := m.line
		if j > len(out) {
			j = len(out)
		}
		off := starts[j]
		if off > len(p.Body) {
			off = len(p.Body)
		}
		m.Mark.Offset = off
		p.Marks = append(p.Marks, m.Mark)
	}
	p.Blank = p.Body == ""
}

// continues reports whether next carries on the sentence prev leaves open:
// prev ends without closing punctuation and next starts in lower case.
func continues(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(first) {
		return false
	}
	return unicode.IsLetter(last) || unicode.IsDigit(last) || last == ',' || last == '-' || last == '–' || last == '('
}
