package inspection

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/corpus"
)

// text is an inspection report's pages joined into one string that
// remembers where each page starts, so that anything read from it can cite
// its page.
type text struct {
	s string
	// starts[i] is the byte offset in s where page i begins.
	starts []int
	pages  []corpus.Page
}

var (
	// reFootnote is a footnote at the foot of a page: a number, a space and
	// a sentence ("1 The areas for improvement have been cross-referenced
	// ...").
	reFootnote = regexp.MustCompile(`(?m)^(\d{1,2}) [A-Z‘'“][^\n]*`)
	// reRunningHead is the running head of a report page that page cleaning
	// left: the dates and the page number ("23 to 27 February 2026 2").
	reRunningHead = regexp.MustCompile(`^(?:\d{1,2}(?: [A-Z][a-z]+)?(?: \d{4})?\s*(?:to|–|-)\s*\d{1,2} [A-Z][a-z]+ \d{4}|\d{1,2}(?: and \d{1,2})? [A-Z][a-z]+ \d{4})\s+\d{1,3}\s*$`)
)

// newText joins pages' bodies. A page's footnotes (a numbered note at the
// foot whose number is a marker earlier on the page, "improve?1") are left
// out, and a page that ends mid-sentence runs on into the next without a
// paragraph break, so that a point crossing a page reads whole.
func newText(pages []corpus.Page) *text {
	t := &text{pages: pages}
	var b strings.Builder
	for _, p := range pages {
		body := p.Body
		if body == "" && p.Text != "" {
			body = p.Text
		}
		body = dropFootnotes(strings.TrimSpace(dropRunningHead(body)))
		if b.Len() > 0 {
			prev := strings.TrimRight(b.String(), " \n")
			if runsOn(prev, body) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		t.starts = append(t.starts, b.Len())
		b.WriteString(body)
	}
	t.s = b.String()
	return t
}

// dropRunningHead removes a running head of dates and a page number from
// the top of a page body.
func dropRunningHead(body string) string {
	first, rest, _ := strings.Cut(strings.TrimLeft(body, "\n "), "\n")
	if reRunningHead.MatchString(strings.TrimSpace(first)) {
		return rest
	}
	return body
}

// runsOn reports whether a page ending with prev continues into a page
// starting with next: prev ends without closing punctuation and next
// starts in lower case or with a closing bracket.
func runsOn(prev, next string) bool {
	if prev == "" || next == "" {
		return false
	}
	last := prev[len(prev)-1]
	if strings.IndexByte(".!?:", last) >= 0 {
		return false
	}
	c := next[0]
	return c >= 'a' && c <= 'z' || c == '(' || c == ')'
}

// dropFootnotes removes the footnotes at the foot of a page: numbered
// lines whose number appears earlier on the page glued to a word, as a
// superscript marker is extracted ("improve?1", "Board1").
func dropFootnotes(body string) string {
	locs := reFootnote.FindAllStringSubmatchIndex(body, -1)
	if len(locs) == 0 {
		return body
	}
	markers := map[string]int{} // marker -> where it first appears
	for _, m := range reMarker.FindAllStringSubmatchIndex(body, -1) {
		if _, ok := markers[body[m[2]:m[3]]]; !ok {
			markers[body[m[2]:m[3]]] = m[2]
		}
	}
	for _, l := range locs {
		if l[0] < len(body)/3 {
			continue // a footnote sits at the foot of the page
		}
		if at, ok := markers[body[l[2]:l[3]]]; ok && at < l[0] {
			return strings.TrimRight(body[:l[0]], " \n")
		}
	}
	return body
}

// reMarker is a footnote marker: a number glued to the end of a word, a
// question mark or a bracket.
var reMarker = regexp.MustCompile(`[A-Za-z?)](\d{1,2})\b`)

// page returns the physical page number of a byte offset.
func (t *text) page(off int) int {
	i := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	if i < 0 || i >= len(t.pages) {
		return 0
	}
	return t.pages[i].Number
}

// printed returns the printed page number of a byte offset (0 unknown).
func (t *text) printed(off int) int {
	i := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
	if i < 0 || i >= len(t.pages) {
		return 0
	}
	return t.pages[i].Printed
}

// line is one line of the text with its byte range.
type line struct {
	s          string // trimmed
	start, end int
}

// lines splits t[from:to] into lines.
func (t *text) lines(from, to int) []line {
	var out []line
	for i := from; i < to; {
		j := strings.IndexByte(t.s[i:to], '\n')
		end := to
		if j >= 0 {
			end = i + j
		}
		out = append(out, line{s: strings.TrimSpace(t.s[i:end]), start: i, end: end})
		i = end + 1
	}
	return out
}

// atoi reads a small number, 0 when it is not one.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}
