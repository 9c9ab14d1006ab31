package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split fills doc.Meta and doc.Items from the cleaned pages.
//
// A pack is recognised by its agenda: numbered items, most with a printed
// page range ("(Pages 61 - 78)"). The front pages up to the end of the
// agenda become an item of kind "agenda" with number "". Each agenda item
// is then found in the pack, in agenda order, from (best first) the
// printed page numbers of the pages, its "Agenda Item N" stamps, the page
// offset inferred from the pack's length, or a cover sheet or heading
// carrying its title. Items are contiguous: one ends where the next
// starts, so appendices and appended documents stay with the item they
// follow. Agenda items with no pages in the file (apologies, declarations
// of interest, papers "to follow") are left out of Items; the agenda
// item's passages still hold their lines of the agenda.
//
// A file without an agenda (one report, an inspection report, minutes) is
// one item with number "", titled from its cover sheet or its first title
// line.
func Split(doc *Document) {
	doc.Items = nil
	if needsClean(doc) {
		Clean(doc)
	}
	gl := flatten(doc)
	if len(doc.Pages) == 0 {
		return
	}
	entries, agendaEnd := findAgenda(doc, gl)
	front := gl
	if agendaEnd < len(front) {
		front = gl[:agendaEnd]
	}
	if len(front) > 400 {
		front = front[:400]
	}
	if len(entries) > 0 {
		lines := texts(front)
		doc.Meta = readMeta(lines)
		if doc.Meta.Committee == "" {
			doc.Meta.Committee = committeeLine(lines)
		}
	} else {
		doc.Meta = readMeta(texts(headLines(gl, 60)))
	}
	if doc.Meta.Council == "" {
		doc.Meta.Council = readMeta(texts(headLines(gl, 150))).Council
	}
	if doc.Meta.Council == "" {
		doc.Meta.Council = councilNamed(doc.Pages[:min(len(doc.Pages), councilPages)])
	}
	var starts []itemStart
	if len(entries) > 0 {
		starts = locate(doc, gl, entries, agendaEnd)
	}
	if len(starts) == 0 {
		splitSingle(doc, gl)
		if len(entries) > 0 {
			// An agenda whose papers are not in the file (a front sheet).
			doc.Items[0].Title, doc.Items[0].Kind, doc.Items[0].Cover = "Agenda", KindAgenda, nil
		}
		return
	}
	starts = append([]itemStart{{pos: 0, item: Item{Title: "Agenda", Kind: KindAgenda}}}, starts...)
	// Two starts at one place (a stamp and the line after it share an
	// offset): the first item would be empty, so it goes.
	kept := starts[:0]
	for i, s := range starts {
		if i+1 < len(starts) {
			p, o := posOf(doc, gl, s.pos)
			np, no := posOf(doc, gl, starts[i+1].pos)
			if p == np && o == no {
				continue
			}
		}
		kept = append(kept, s)
	}
	starts = kept
	for i, s := range starts {
		it := s.item
		it.StartPage, it.StartOffset = posOf(doc, gl, s.pos)
		if i+1 < len(starts) {
			it.EndPage, it.EndOffset = endOf(doc, gl, starts[i+1].pos)
		} else {
			it.EndPage, it.EndOffset = len(doc.Pages), 0
		}
		if it.EndPage < it.StartPage {
			it.EndPage = it.StartPage
		}
		if it.Kind != KindAgenda {
			it.Cover = readCover(coverLines(gl, s.pos, nextPos(starts, i, len(gl))))
			if it.Cover != nil {
				it.Exempt = it.Cover.Exempt
			}
		}
		doc.Items = append(doc.Items, it)
	}
}

// needsClean reports whether a document's pages were never cleaned (built
// by hand or read back from JSON, which does not carry Body): some page
// has text and no page has a Body or is marked blank.
func needsClean(doc *Document) bool {
	hasText := false
	for _, p := range doc.Pages {
		if p.Body != "" || p.Blank {
			return false
		}
		if strings.TrimSpace(p.Text) != "" {
			hasText = true
		}
	}
	return hasText
}

// gline is one line of a page's Body, or a mark Clean left there, in
// document order.
type gline struct {
	page int // index in doc.Pages
	off  int // byte offset in the page's Body
	text string
	mark *Mark
}

// flatten lists every page's Body lines and marks in document order.
func flatten(doc *Document) []gline {
	var gl []gline
	for pi := range doc.Pages {
		p := &doc.Pages[pi]
		marks := p.Marks
		off := 0
		body := p.Body
		for {
			for len(marks) > 0 && marks[0].Offset <= off {
				m := marks[0]
				gl = append(gl, gline{page: pi, off: min(m.Offset, len(body)), mark: &m})
				marks = marks[1:]
			}
			if off > len(body) || body == "" {
				break
			}
			end := strings.IndexByte(body[off:], '\n')
			if end < 0 {
				gl = append(gl, gline{page: pi, off: off, text: body[off:]})
				break
			}
			gl = append(gl, gline{page: pi, off: off, text: body[off : off+end]})
			off += end + 1
		}
		for _, m := range marks {
			gl = append(gl, gline{page: pi, off: min(m.Offset, len(body)), mark: &m})
		}
	}
	return gl
}

func texts(gl []gline) []string {
	out := make([]string, len(gl))
	for i, g := range gl {
		out[i] = g.text
	}
	return out
}

// headLines returns the first n non-empty lines.
func headLines(gl []gline, n int) []gline {
	var out []gline
	for _, g := range gl {
		if g.text != "" {
			out = append(out, g)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// agendaSearchLines is how far into a file its agenda may begin.
const agendaSearchLines = 600

// findAgenda finds the agenda's numbered items and the gl index just after
// the agenda. It returns no entries when the file has no agenda.
func findAgenda(doc *Document, gl []gline) ([]agendaEntry, int) {
	limit := min(len(gl), agendaSearchLines)
	start := -1
	for i := 0; i < limit; i++ {
		if gl[i].mark == nil && reAgendaHdr.MatchString(stripMarkup(gl[i].text)) {
			start = i + 1
			break
		}
	}
	withHeader := start >= 0
	if !withHeader {
		start = 0
	}
	// The agenda stops at the first stamp, blank-page filler or numbered
	// page: the papers have begun.
	end := start
	for ; end < len(gl) && end-start < agendaSearchLines; end++ {
		g := gl[end]
		if g.mark != nil && end > start {
			break
		}
		if g.page > gl[start].page && (doc.Pages[g.page].Printed > 0 || doc.Pages[g.page].Stamp != "") {
			break
		}
	}
	entries := parseAgenda(texts(gl[start:end]))
	ranged := 0
	for i := range entries {
		entries[i].line += start
		if entries[i].PrintedStart > 0 {
			ranged++
		}
	}
	if !withHeader && ranged < 2 || ranged == 0 && len(entries) < 2 {
		return nil, 0
	}
	// The agenda ends after its last entry's paragraph and a page range
	// standing alone below it.
	last := entries[len(entries)-1].line
	after := last + 1
	for after < end && after-last <= 3 && gl[after].text != "" && gl[after].page == gl[last].page {
		after++
	}
	for k := after; k < end && k < after+4; k++ {
		if rePages.MatchString(gl[k].text) {
			after = k + 1
			break
		}
	}
	return entries, after
}

// itemStart is an agenda item and the gl index where it starts.
type itemStart struct {
	pos  int
	item Item
}

func nextPos(starts []itemStart, i, n int) int {
	if i+1 < len(starts) {
		return starts[i+1].pos
	}
	return n
}

// locate finds where each agenda entry starts.
func locate(doc *Document, gl []gline, entries []agendaEntry, agendaEnd int) []itemStart {
	pageStart := make([]int, len(doc.Pages)+1)
	for i := range pageStart {
		pageStart[i] = -1
	}
	for i := len(gl) - 1; i >= 0; i-- {
		pageStart[gl[i].page] = i
	}
	// firstAt returns the first gl index on page index p or later.
	firstAt := func(p int) int {
		for ; p < len(doc.Pages); p++ {
			if pageStart[p] >= 0 {
				return pageStart[p]
			}
		}
		return len(gl)
	}
	hasPrinted := false
	for _, p := range doc.Pages {
		if p.Printed > 0 {
			hasPrinted = true
			break
		}
	}
	offset := printedOffset(doc, gl, entries, agendaEnd, hasPrinted)
	stamps := map[string][]int{}
	for i := agendaEnd; i < len(gl); i++ {
		if m := gl[i].mark; m != nil && m.Stamp != "" {
			stamps[m.Stamp] = append(stamps[m.Stamp], i)
		}
	}
	agendaPage := 0
	if agendaEnd > 0 && agendaEnd-1 < len(gl) {
		agendaPage = gl[agendaEnd-1].page
	}
	var out []itemStart
	prev := agendaEnd - 1
	meta := doc.Meta
	keys := newLineKeys(len(gl))
	titles := make([]string, len(entries))
	for i, e := range entries {
		titles[i] = e.Title
	}
	for ei, e := range entries {
		pos := -1
		// 1. A printed page range mapped to physical pages.
		if e.PrintedStart > 0 && offset != noOffset {
			if p := e.PrintedStart + offset - 1; p > agendaPage && p < len(doc.Pages) {
				if at := firstAt(p); at > prev && at < len(gl) {
					pos = at
				}
			}
		}
		// 2. The item's first stamp after the previous item.
		if pos < 0 {
			for _, s := range stamps[strings.ToLower(e.Number)] {
				if s > prev {
					if c := coverBefore(gl, keys, e.Title, s, prev, meta, titles); c >= 0 {
						pos = c
					} else {
						pos = refineBack(doc, gl, s, prev, true)
					}
					break
				}
			}
		}
		// 3. A cover sheet or heading with the item's title. When other
		// items have stamps, only a cover sheet counts (minutes repeat the
		// titles of earlier items as headings), and only before the next
		// item's first stamp.
		if pos < 0 {
			limit := len(gl)
			if len(stamps) > 0 {
				limit = nextStamp(gl, entries, ei, prev, stamps)
			}
			if at := findTitle(gl[:limit], keys, e.Title, prev, meta, titles, len(stamps) == 0); at >= 0 {
				pos = refineBack(doc, gl, at, prev, false)
			}
		}
		if pos < 0 || pos <= prev || pos >= len(gl) {
			continue
		}
		it := Item{Number: e.Number, Title: e.Title, PrintedStart: e.PrintedStart, PrintedEnd: e.PrintedEnd, Kind: kindOf(e.Title)}
		out = append(out, itemStart{pos: pos, item: it})
		prev = pos
	}
	return out
}

const noOffset = -1 << 30

// printedOffset returns physical page (1-based) minus printed page, from
// the printed numbers of the pages, else from the stamps, else from the
// pack's length; noOffset when none can be had.
func printedOffset(doc *Document, gl []gline, entries []agendaEntry, agendaEnd int, hasPrinted bool) int {
	if hasPrinted {
		count := map[int]int{}
		for _, p := range doc.Pages {
			if p.Printed > 0 {
				count[p.Number-p.Printed]++
			}
		}
		best, bestN := noOffset, 0
		for off, n := range count {
			if n > bestN || n == bestN && off < best {
				best, bestN = off, n
			}
		}
		return best
	}
	if len(doc.Pages) < 2 {
		return noOffset
	}
	// The first stamp of an entry with a range.
	firstStamp := map[string]int{}
	for i := agendaEnd; i < len(gl); i++ {
		if m := gl[i].mark; m != nil && m.Stamp != "" {
			if _, ok := firstStamp[m.Stamp]; !ok {
				firstStamp[m.Stamp] = gl[i].page
			}
		}
	}
	for _, e := range entries {
		if p, ok := firstStamp[strings.ToLower(e.Number)]; ok && e.PrintedStart > 0 {
			return p + 1 - e.PrintedStart
		}
	}
	// Packs end on the last page of their last item.
	maxEnd := 0
	for _, e := range entries {
		maxEnd = max(maxEnd, e.PrintedEnd)
	}
	if maxEnd == 0 {
		return noOffset
	}
	off := len(doc.Pages) - maxEnd
	if off < 1 || agendaEnd > 0 && agendaEnd <= len(gl) && gl[agendaEnd-1].page+1 > off {
		return noOffset
	}
	return off
}

// refineBack moves an item's start from the evidence found (a stamp, a
// cover sheet) back to where the item really begins: the top of its page
// when no stamp of another item stands between, or, in a text that has
// lost its page breaks, just after the blank-page filler that ends the
// previous item's papers.
func refineBack(doc *Document, gl []gline, at, prev int, filler bool) int {
	page := gl[at].page
	ps := at
	for ps-1 > prev && gl[ps-1].page == page {
		ps--
	}
	if ps < at && (ps == 0 || gl[ps-1].page != page) {
		clear := true
		for j := ps; j < at; j++ {
			if m := gl[j].mark; m != nil && m.Stamp != "" {
				clear = false
				break
			}
		}
		if clear {
			return ps
		}
	}
	for j := at - 1; filler && j > prev && at-j <= coverLookBack; j-- {
		if m := gl[j].mark; m != nil {
			if m.Filler {
				return j + 1
			}
			break
		}
	}
	return at
}

// kindOf classifies an agenda item by its title.
func kindOf(title string) Kind {
	t := strings.ToLower(title)
	switch {
	case strings.Contains(t, "minutes"):
		return KindMinutes
	case strings.HasPrefix(t, "appendix") || strings.HasPrefix(t, "annex"):
		return KindAppendix
	}
	return KindReport
}

var stopWords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "from": true, "into": true,
	"between": true, "report": true, "update": true, "this": true, "that": true, "our": true,
}

// titleWords returns a title's content words, lower case, possessives
// dropped.
func titleWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = strings.Trim(w, "'’")
		if len(w) < 3 || stopWords[w] {
			continue
		}
		out[w] = true
	}
	return out
}

// commonWords returns how many content words two titles share, and how
// many each has.
func commonWords(a, b string) (common, na, nb int) {
	wa, wb := titleWords(a), titleWords(b)
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	return common, len(wa), len(wb)
}

// similarTitles reports whether two titles name the same paper: most
// content words of the shorter are in the longer.
func similarTitles(a, b string) bool {
	common, na, nb := commonWords(a, b)
	if na == 0 || nb == 0 {
		return false
	}
	small := min(na, nb)
	if small == 1 {
		return common == 1 && na == nb
	}
	return common >= 2 && float64(common) >= 0.6*float64(small)
}

var reLeadNumber = regexp.MustCompile(`^\d{1,2}[a-z]?[.)]?\s+`)

// lineKeys caches what findTitle compares on each line: the subject on a
// cover-sheet line and the line as a heading, normalised.
type lineKeys struct {
	done    []bool
	subject []string
	norm    []string
}

func newLineKeys(n int) *lineKeys {
	return &lineKeys{done: make([]bool, n), subject: make([]string, n), norm: make([]string, n)}
}

func (k *lineKeys) get(gl []gline, i int) (subject, norm string) {
	if !k.done[i] {
		k.done[i] = true
		l := gl[i].text
		if l != "" && len(l) <= 400 {
			for _, lv := range lineLabels(l) {
				if lv.field == fieldSubject && lv.value != "" {
					k.subject[i] = lv.value
					break
				}
			}
			if len(l) <= 250 {
				k.norm[i] = strings.ToLower(strings.Join(strings.Fields(reLeadNumber.ReplaceAllString(stripMarkup(l), "")), " "))
			}
		}
	}
	return k.subject[i], k.norm[i]
}

// findTitle finds, after prev, a cover sheet whose subject is the title or
// (when headings is true) a heading that is the title. A cover sheet that names another committee
// or another date (an earlier report appended to this one) does not count.
func findTitle(gl []gline, keys *lineKeys, title string, prev int, meta Meta, titles []string, headings bool) int {
	norm := strings.ToLower(strings.Join(strings.Fields(title), " "))
	for i := prev + 1; i < len(gl); i++ {
		subject, h := keys.get(gl, i)
		if subject != "" && isSubject(gl, i, subject, title, meta, titles) {
			return coverTop(gl, i, prev)
		}
		if headings && h != "" && h == norm {
			return i
		}
	}
	return -1
}

// nextStamp returns the gl index of the first stamp after prev of an
// entry after entries[ei], len(gl) when there is none.
func nextStamp(gl []gline, entries []agendaEntry, ei, prev int, stamps map[string][]int) int {
	limit := len(gl)
	for _, e := range entries[ei+1:] {
		for _, s := range stamps[strings.ToLower(e.Number)] {
			if s > prev {
				limit = min(limit, s)
				break
			}
		}
	}
	return limit
}

// coverBefore looks back from a stamp at gl index at (not past prev, nor
// further than coverLookBack lines) for the cover sheet of the item with
// this title: a pack's first page of a report may carry no stamp.
func coverBefore(gl []gline, keys *lineKeys, title string, at, prev int, meta Meta, titles []string) int {
	for i := at - 1; i > prev && at-i <= coverLookBack; i-- {
		if m := gl[i].mark; m != nil && m.Stamp != "" {
			break
		}
		if subject, _ := keys.get(gl, i); subject != "" && isSubject(gl, i, subject, title, meta, titles) {
			return coverTop(gl, i, prev)
		}
	}
	return -1
}

// coverLookBack is how far back from an item's first stamp its cover
// sheet is looked for, in lines.
const coverLookBack = 150

// isSubject reports whether subject, read from a cover sheet at gl[i],
// names this title, and no other agenda title better, in a cover sheet
// that fits the meeting.
func isSubject(gl []gline, i int, subject, title string, meta Meta, titles []string) bool {
	if !similarTitles(subject, title) {
		return false
	}
	own := overlap(subject, title)
	for _, t := range titles {
		if t != title && overlap(subject, t) > own {
			return false
		}
	}
	return coverFits(gl, i, meta)
}

// overlap is the share of two titles' content words they have in common
// (Jaccard).
func overlap(a, b string) float64 {
	common, na, nb := commonWords(a, b)
	union := na + nb - common
	if union == 0 {
		return 0
	}
	return float64(common) / float64(union)
}

// coverFits checks the labels around a cover-sheet subject against the
// meeting: a different date or committee means it is not this meeting's.
func coverFits(gl []gline, at int, meta Meta) bool {
	for j := max(0, at-8); j < min(len(gl), at+8); j++ {
		for _, lv := range lineLabels(gl[j].text) {
			if lv.value == "" {
				continue
			}
			switch lv.field {
			case fieldDate:
				if d, ok := parseDate(lv.value); ok && meta.Date != "" && d != meta.Date {
					return false
				}
			case fieldReportTo:
				if meta.Committee != "" && !similarTitles(lv.value, meta.Committee) && !strings.Contains(strings.ToLower(lv.value), strings.ToLower(meta.Committee)) {
					return false
				}
			}
		}
	}
	return true
}

// coverTop moves from a cover sheet's subject line up over its other label
// lines, table rules and the short lines above them (council name,
// "Report").
func coverTop(gl []gline, at, prev int) int {
	top := at
	short := 0
	for j := at - 1; j > prev && at-j <= 12; j-- {
		g := gl[j]
		if g.mark != nil {
			break
		}
		if g.text == "" {
			continue
		}
		if len(lineLabels(g.text)) > 0 || isRuleRow(g.text) {
			top = j
			continue
		}
		if len(g.text) <= 40 && !strings.HasSuffix(g.text, ".") && !strings.HasPrefix(g.text, "-") && short < 3 {
			short++
			top = j
			continue
		}
		break
	}
	return top
}

// posOf converts a gl index into a page number and Body offset.
func posOf(doc *Document, gl []gline, pos int) (int, int) {
	if pos >= len(gl) {
		return len(doc.Pages), len(doc.Pages[len(doc.Pages)-1].Body)
	}
	g := gl[pos]
	if pos == 0 || gl[pos-1].page != g.page {
		// The first line of its page: the item takes the whole page, and
		// any blank pages before it belong to the previous item.
		return g.page + 1, 0
	}
	return g.page + 1, g.off
}

// endOf returns the end page and offset of an item followed by one that
// starts at gl index next.
func endOf(doc *Document, gl []gline, next int) (int, int) {
	page, off := posOf(doc, gl, next)
	if off == 0 {
		return page - 1, 0
	}
	return page, off
}

// coverLines returns the text lines of an item from its start, for
// reading its cover sheet.
func coverLines(gl []gline, from, to int) []string {
	var out []string
	for i := from; i < to && len(out) < 3*coverScanLines; i++ {
		if gl[i].mark != nil {
			continue
		}
		out = append(out, gl[i].text)
	}
	return out
}

// splitSingle makes the whole file one item.
func splitSingle(doc *Document, gl []gline) {
	it := Item{StartPage: 1, EndPage: len(doc.Pages), Kind: KindReport}
	lines := coverLines(gl, 0, len(gl))
	it.Cover = readCover(lines)
	if it.Cover != nil {
		it.Exempt = it.Cover.Exempt
		if doc.Meta.Committee == "" {
			doc.Meta.Committee = committeeOf(it.Cover.ReportTo)
		}
		if doc.Meta.Date == "" {
			doc.Meta.Date = it.Cover.MeetingDate
		}
	}
	if it.Cover != nil && it.Cover.Subject != "" {
		it.Title = cleanTitle(it.Cover.Subject)
	} else {
		it.Title = firstTitle(lines)
	}
	if it.Title == "" {
		it.Title = strings.TrimSuffix(doc.Source, extOf(doc.Source))
	}
	if strings.Contains(strings.ToLower(it.Title), "minutes") || looksLikeMinutes(lines) {
		it.Kind = KindMinutes
	}
	doc.Items = []Item{it}
}

// committeeOf takes the committee from a cover sheet's "Report to" value,
// dropping a date after a dash ("Cabinet - 30 January 2025").
func committeeOf(reportTo string) string {
	name := reportTo
	if i := strings.LastIndexAny(name, "-–—"); i > 0 {
		if _, ok := parseDate(name[i:]); ok {
			name = name[:i]
		}
	}
	return tidyName(name)
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		return name[i:]
	}
	return ""
}

var reNotTitle = regexp.MustCompile(`(?i)(@|www\.|https?:|^tel\b|^telephone|^e-?mail|^fax|^date\b|^public document pack$|^page \d|^\d[\d\s/.:-]*$|^dear\b|^our ref|^your ref|^ask for|^direct dial)`)

var (
	reDear    = regexp.MustCompile(`(?i)^dear\b`)
	reMinutes = regexp.MustCompile(`(?i)^minutes\b`)
)

// firstTitle returns the first line of a file that reads as its title,
// with its continuation lines ("Inspection of Camden local authority" /
// "children's services"). In a letter the title is the line after "Dear
// ..."; in minutes headed by the council's name it is the "MINUTES of a
// meeting of ..." line.
func firstTitle(lines []string) string {
	var head []string
	for _, l := range lines {
		if l = stripMarkup(l); l != "" {
			head = append(head, l)
			if len(head) == 30 {
				break
			}
		}
	}
	from := 0
	for i, l := range head {
		if i < 20 && reDear.MatchString(l) {
			from = i + 1
			break
		}
	}
	for i := from; i < len(head); i++ {
		l := head[i]
		n := len([]rune(l))
		if n < 8 || n > 160 || reNotTitle.MatchString(l) || strings.IndexFunc(l, unicode.IsLetter) < 0 {
			continue
		}
		if _, ok := parseDate(l); ok && n < 40 || reMonthYear.MatchString(l) {
			continue // a date ("September 2008") is not a title
		}
		if strings.HasSuffix(l, ".") && n > 80 {
			continue
		}
		if reCouncil.MatchString(l) {
			// A council's name above its minutes: the minutes line names
			// the meeting.
			for j := i + 1; j < len(head) && j <= i+3; j++ {
				if reMinutes.MatchString(head[j]) {
					m := head[j]
					if k := strings.Index(m, " held"); k > 0 {
						m = m[:k]
					}
					return cleanTitle(m)
				}
			}
		}
		title := l
		for j := i + 1; j < len(head) && j <= i+2; j++ {
			// A title wrapped onto the next line: it goes on in lower case,
			// or this line ends on a word that cannot end a title.
			r, _ := utf8.DecodeRuneInString(head[j])
			if !unicode.IsLower(r) && !reOpenEnd.MatchString(title) || endsSentence(title) || len(head[j]) > 80 {
				break
			}
			title += " " + head[j]
		}
		return cleanTitle(title)
	}
	return ""
}

var (
	// reMonthYear is a month and year alone on a line.
	reMonthYear = regexp.MustCompile(`(?i)^(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{4}$`)
	// reOpenEnd is a line ending on a word a title cannot end on ("Needs
	// assessment of vulnerable and").
	reOpenEnd = regexp.MustCompile(`(?i)\b(?:and|of|for|the|in|to|with|on|a|an|by|from)$`)
)

// looksLikeMinutes reports whether the first lines of a file say it is
// minutes.
func looksLikeMinutes(lines []string) bool {
	seen := 0
	for _, l := range lines {
		if l = stripMarkup(l); l == "" {
			continue
		}
		if reMinutes.MatchString(l) {
			return true
		}
		if seen++; seen >= 6 {
			break
		}
	}
	return false
}

// Segment is the part of one page's Body that belongs to an item.
type Segment struct {
	// Page is the physical page, 1-based.
	Page int
	// Offset is where Text starts in the page's Body.
	Offset int
	Text   string
}

// Segments returns the text of an item page by page, cut at the item's
// start and end offsets. Blank pages are skipped.
func (d *Document) Segments(it *Item) []Segment {
	var out []Segment
	for n := max(it.StartPage, 1); n <= it.EndPage && n <= len(d.Pages); n++ {
		p := &d.Pages[n-1]
		if p.Blank {
			continue
		}
		from, to := 0, len(p.Body)
		if n == it.StartPage {
			from = min(max(it.StartOffset, 0), len(p.Body))
		}
		if n == it.EndPage && it.EndOffset > 0 {
			to = min(it.EndOffset, len(p.Body))
		}
		if from >= to {
			continue
		}
		out = append(out, Segment{Page: n, Offset: from, Text: p.Body[from:to]})
	}
	return out
}
