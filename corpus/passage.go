package corpus

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/corpus/english"
)

// Passage sizes, in words.
const (
	// MinPassageWords is the size short paragraphs are merged up to.
	MinPassageWords = 40
	// MaxPassageWords is the most words of one passage; longer paragraphs
	// are cut at sentence ends.
	MaxPassageWords = 300
	// cutWords is the size long paragraphs are cut into.
	cutWords = 200
	// flushWords is the size from which a passage is closed after a
	// paragraph, so that passages stay paragraph-sized.
	flushWords = 60
	// tailWords is the size under which the last passage of an item is
	// merged into the one before.
	tailWords = 15
)

// Chunk cuts each item into passages of roughly MinPassageWords to
// MaxPassageWords words: short paragraphs are merged, long ones cut at
// sentence ends, table rows kept one per line. A passage never crosses an
// item boundary; it carries the page it starts on, that page's printed
// number, the item's number and the nearest heading above it. Blank pages
// give no passages.
func Chunk(doc *Document) {
	for i := range doc.Items {
		it := &doc.Items[i]
		it.Passages = chunkItem(doc, it)
	}
}

// unit is one paragraph of an item.
type unit struct {
	page    int
	off     int // byte offset in its page's Body
	heading string
	lines   []string
	// brk marks a unit that follows a blank-page filler: a page break the
	// text no longer shows, which a passage does not cross.
	brk bool
}

func (u unit) words() int {
	n := 0
	for _, l := range u.lines {
		n += len(strings.Fields(l))
	}
	return n
}

// units reads an item's paragraphs with their pages and headings.
func units(doc *Document, it *Item) []unit {
	var out []unit
	head := ""
	lastPage := 0
	brk := false // a filler stands between the last unit and the next
	for _, seg := range doc.Segments(it) {
		fillers := fillerOffsets(&doc.Pages[seg.Page-1], seg.Offset, seg.Offset+len(seg.Text))
		if len(doc.Pages) == 1 {
			// A text pack without page breaks: its item's "Agenda Item"
			// stamps start its pages, and a passage does not cross them.
			fillers = stampOffsets(&doc.Pages[0], it.Number, seg.Offset, seg.Offset+len(seg.Text), fillers)
		}
		off := seg.Offset
		for pi, para := range strings.Split(seg.Text, "\n\n") {
			for len(fillers) > 0 && fillers[0] <= off {
				brk = true
				fillers = fillers[1:]
			}
			off += len(para) + 2
			var cur *unit
			lines := strings.Split(para, "\n")
			for li, l := range lines {
				l = strings.TrimSpace(l)
				if l == "" || isRuleRow(l) {
					continue
				}
				alone := len(lines) == 1
				h := ""
				if li == 0 {
					h = headingOf(l, alone)
				} else {
					h = heading(l)
				}
				if h != "" && li+1 < len(lines) {
					// A line the next one carries on in lower case is the
					// start of a wrapped paragraph, not a heading.
					if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(lines[li+1])); unicode.IsLower(r) {
						h = ""
					}
				}
				if h != "" {
					head = h
					cur = nil
					continue
				}
				// A numbered paragraph ("2.1 ...") or a list item after prose
				// starts a new unit even without a blank line before it.
				if cur != nil && len(cur.lines) > 0 && (reParaNumber.MatchString(l) || isListItem(l) && !isListItem(cur.lines[len(cur.lines)-1])) {
					cur = nil
				}
				if cur == nil {
					// A paragraph cut by a page break goes on in the same unit.
					if pi == 0 && li == 0 && !brk && len(out) > 0 && lastPage < seg.Page {
						prev := &out[len(out)-1]
						if prev.heading == head && continues(prev.lines[len(prev.lines)-1], l) {
							cur = prev
						}
					}
					if cur == nil {
						out = append(out, unit{page: seg.Page, off: off - len(para) - 2, heading: head, brk: brk})
						cur = &out[len(out)-1]
						brk = false
					}
				}
				cur.lines = append(cur.lines, l)
			}
		}
		lastPage = seg.Page
	}
	return out
}

// fillerOffsets lists the Body offsets of a page's blank-page fillers in
// [from, to).
func fillerOffsets(p *Page, from, to int) []int {
	var out []int
	for _, m := range p.Marks {
		if m.Filler && m.Offset > from && m.Offset < to {
			out = append(out, m.Offset)
		}
	}
	return out
}

// stampOffsets adds to offs the Body offsets of a page's stamps of item
// in (from+the stamp of the item's first page, to), in order.
func stampOffsets(p *Page, item string, from, to int, offs []int) []int {
	const atStart = 40 // a stamp this close to the start is the item's own first page's
	for _, m := range p.Marks {
		if m.Stamp != "" && m.Stamp == item && m.Offset > from+atStart && m.Offset < to {
			offs = append(offs, m.Offset)
		}
	}
	sort.Ints(offs)
	return offs
}

// isRuleRow reports whether l is a table's separator row ("|---|--|").
func isRuleRow(l string) bool {
	return strings.Trim(l, "|-: \t=_+") == ""
}

// tableRow reports whether a line is a row of table cells.
func tableRow(l string) bool {
	return strings.HasPrefix(l, "|") || strings.Contains(l, "\t")
}

// joinLines joins a paragraph's lines: prose with spaces, table rows one
// per line.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			if tableRow(l) || tableRow(lines[i-1]) || isListItem(l) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

var reParaNumber = regexp.MustCompile(`^\d{1,2}(?:\.\d{1,2})+\.?(?:\s|$)`)

var reListItem = regexp.MustCompile(`^(?:[-•*–o]\s|\(?[a-z0-9]{1,3}[.)]\s|\(?[ivx]{1,4}\)\s)`)

func isListItem(l string) bool { return reListItem.MatchString(l) }

func chunkItem(doc *Document, it *Item) []Passage {
	var out []Passage
	var cur struct {
		page    int
		off     int
		heading string
		parts   []string
		words   int
	}
	printedAt := inferPages(doc, it)
	flush := func() {
		if cur.words == 0 {
			cur.parts = nil
			return
		}
		p := Passage{Item: it.Number, Page: cur.page, PrintedPage: doc.PrintedPage(cur.page), Heading: cur.heading, Text: strings.Join(cur.parts, "\n")}
		if printedAt != nil && p.PrintedPage == 0 {
			p.PrintedPage, p.PageInferred = printedAt(cur.off), true
		}
		out = append(out, p)
		cur.parts, cur.words = nil, 0
	}
	unitOff := 0
	add := func(page int, heading, text string, words int) {
		if cur.words == 0 {
			cur.page, cur.heading, cur.off = page, heading, unitOff
		}
		cur.parts = append(cur.parts, text)
		cur.words += words
	}
	for _, u := range units(doc, it) {
		w := u.words()
		if w == 0 {
			continue
		}
		unitOff = u.off
		if cur.words > 0 && (u.brk || u.heading != cur.heading && cur.words >= 20 || cur.words+w > MaxPassageWords) {
			flush()
		}
		if w > MaxPassageWords {
			for _, piece := range cutLong(u.lines) {
				add(u.page, u.heading, piece, len(strings.Fields(piece)))
				flush()
			}
			continue
		}
		add(u.page, u.heading, joinLines(u.lines), w)
		if cur.words >= flushWords {
			flush()
		}
	}
	if cur.words > 0 && cur.words < tailWords && len(out) > 0 {
		last := &out[len(out)-1]
		if len(strings.Fields(last.Text))+cur.words <= MaxPassageWords {
			last.Text += "\n" + strings.Join(cur.parts, "\n")
			cur.parts, cur.words = nil, 0
		}
	}
	flush()
	return out
}

// cutLong cuts a long paragraph into pieces of about cutWords words, at
// table rows or sentence ends, or between words when a sentence is longer
// than MaxPassageWords.
func cutLong(lines []string) []string {
	var pieces []string
	for _, l := range lines {
		if tableRow(l) || isListItem(l) {
			pieces = append(pieces, l)
			continue
		}
		pieces = append(pieces, sentences(l)...)
	}
	var out []string
	var b []string
	words := 0
	emit := func() {
		if len(b) > 0 {
			out = append(out, joinLines(b))
		}
		b, words = nil, 0
	}
	for _, p := range pieces {
		w := len(strings.Fields(p))
		if w > MaxPassageWords {
			emit()
			f := strings.Fields(p)
			for len(f) > 0 {
				n := min(cutWords, len(f))
				out = append(out, strings.Join(f[:n], " "))
				f = f[n:]
			}
			continue
		}
		if words > 0 && words+w > cutWords {
			emit()
		}
		b = append(b, p)
		words += w
	}
	emit()
	return out
}

// sentences splits a paragraph into its sentences (english.SentenceEnds).
func sentences(s string) []string {
	var out []string
	for _, e := range english.SentenceEnds(s, 0, len(s)) {
		if t := strings.TrimSpace(s[e[0]:e[1]]); t != "" {
			out = append(out, t)
		}
	}
	return out
}

var (
	// reWord finds a word of three letters or more: "4 Q38" is a footnote,
	// not a heading.
	reWord       = regexp.MustCompile(`\pL{3}`)
	reNumHeading = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$`)
	reMDHeading  = regexp.MustCompile(`^#{1,6}\s+(.+)$`)
)

// heading returns l as a section heading when it is clearly one wherever
// it stands: a numbered heading ("3. Background", "3.1 Placement
// stability"), an ALL CAPS line, a markdown or bold heading line. It
// returns "" otherwise.
func heading(l string) string {
	l = strings.TrimSpace(l)
	if m := rePages.FindStringIndex(l); m != nil && m[1] == len(l) {
		// An agenda line: "5.\tFostering Service Annual Report\t(Pages 61 - 78)".
		l = strings.TrimSpace(strings.ReplaceAll(l[:m[0]], "\t", " "))
	}
	n := utf8.RuneCountInString(l)
	if n < 3 || n > 100 || tableRow(l) || cells(l) {
		return ""
	}
	if m := reMDHeading.FindStringSubmatch(l); m != nil {
		return strings.Trim(strings.TrimSpace(m[1]), "*")
	}
	if strings.HasPrefix(l, "**") && strings.HasSuffix(l, "**") && n < 90 {
		return strings.TrimSpace(strings.Trim(l, "*"))
	}
	if m := reNumHeading.FindStringSubmatch(l); m != nil {
		rest := m[2]
		r, _ := utf8.DecodeRuneInString(rest)
		maxWords := 12
		if strings.Contains(m[1], ".") {
			maxWords = 8 // "3.1 Placement stability", not "3.1 The council has ..."
		}
		if strings.HasSuffix(rest, ":") && len(strings.Fields(rest)) > 3 && !titleLike(rest) {
			return "" // "4.1 Ofsted said that the council needs to:" leads into a list
		}
		if unicode.IsUpper(r) && utf8.RuneCountInString(rest) <= 80 && len(strings.Fields(rest)) <= maxWords && !endsSentence(rest) && reWord.MatchString(rest) {
			return l
		}
		return ""
	}
	if isAllCaps(l) && len(strings.Fields(l)) <= 14 && !strings.HasSuffix(l, ".") {
		return strings.TrimRight(l, ":")
	}
	return ""
}

// headingOf is heading plus short title-like lines: a line of title case
// words, or one standing alone as its own paragraph ("Policy context",
// "Summary:").
func headingOf(l string, alone bool) string {
	if h := heading(l); h != "" {
		return h
	}
	l = strings.TrimSpace(l)
	n := utf8.RuneCountInString(l)
	if n < 3 || n > 70 || tableRow(l) || cells(l) || endsSentence(l) || isListItem(l) || address(l) {
		return ""
	}
	if sectionWords[strings.ToLower(strings.TrimRight(l, ":"))] {
		return strings.TrimRight(l, ":")
	}
	if i := strings.IndexByte(l, ':'); i >= 0 && i < len(l)-1 || strings.Count(l, ",") >= 2 || strings.Contains(l, "?") {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(l)
	if !unicode.IsUpper(r) {
		return ""
	}
	words := strings.Fields(l)
	if len(words) > 10 {
		return ""
	}
	if alone && len(words) <= 8 || titleLike(l) && len(words) >= 2 {
		return strings.TrimRight(l, ":")
	}
	return ""
}

// sectionWords are one-word section headings of reports.
var sectionWords = map[string]bool{
	"introduction": true, "background": true, "purpose": true, "context": true, "summary": true,
	"conclusion": true, "conclusions": true, "recommendations": true, "recommendation": true,
	"appendices": true, "implications": true, "options": true, "risks": true, "consultation": true,
}

// reCell is a table cell's figure: a count, a rate, a sum of money or a
// change ("18", "6%", "-14", "£1,080", "10.2").
var reCell = regexp.MustCompile(`^[-+−–]?[£$€]?\d[\d,]*(?:\.\d+)?[%kmKM]?$`)

// cells reports whether a line carries two or more figures that are not
// years: a table row whose column gaps the extraction has closed up
// ("Net change -4 -7 -14", "Placed with parents 18 6%"), not a heading.
// Years and dates do not count ("Placement breakdowns 2017 to 2018").
func cells(l string) bool {
	n := 0
	for _, f := range strings.Fields(l) {
		if f == "%" {
			return true // a column heading: "Placement type Children % of total"
		}
		f = strings.Trim(f, "()")
		if !reCell.MatchString(f) || reYearLike.MatchString(f) {
			continue
		}
		if n++; n >= 2 {
			return true
		}
	}
	return false
}

// titleLike reports whether most of s's words of four letters or more
// start with a capital, as in a title ("Improvement Plan and Outcome");
// figures and dates do not count.
func titleLike(s string) bool {
	long, caps := 0, 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) >= 4 && unicode.IsLetter(r) {
			long++
			if unicode.IsUpper(r) {
				caps++
			}
		}
	}
	return long > 0 && caps*10 >= long*7
}

// address reports whether a line holds an email or web address: a
// contact line, not a heading.
func address(l string) bool {
	return strings.Contains(l, "@") || strings.Contains(l, "www.") || strings.Contains(l, "://")
}

// reYearLike is a four-digit year from 1900 to 2099.
var reYearLike = regexp.MustCompile(`^(?:19|20)\d\d$`)

// endsSentence reports whether s ends like a sentence or a clause.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".,;!?", r)
}

// inferPages returns, for an item of a text pack with no page breaks
// (every item on one page) whose agenda gives its printed page range, the
// printed page at a byte offset of the page: the item's first page, one
// more at each "Agenda Item" stamp of the item and each blank-page filler
// after its start, never beyond the range's last page. It returns nil for
// any other item: a page break tells the page there.
func inferPages(doc *Document, it *Item) func(off int) int {
	if len(doc.Pages) != 1 || it.PrintedStart <= 0 || it.StartPage != 1 {
		return nil
	}
	last := it.PrintedEnd
	if last < it.PrintedStart {
		last = it.PrintedStart
	}
	end := it.EndOffset
	if end <= 0 {
		end = len(doc.Pages[0].Body)
	}
	page := &doc.Pages[0]
	breaks := stampOffsets(page, it.Number, it.StartOffset, end, fillerOffsets(page, it.StartOffset, end))
	return func(off int) int {
		n := sort.SearchInts(breaks, off+1) // breaks at or before off
		return min(it.PrintedStart+n, last)
	}
}
