package corpus

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Table is a table read from the text of a page: the layout the extraction
// kept (cells set apart by runs of spaces or tabs, " | " bars, or a label
// followed by a row of figures) read back into columns.
type Table struct {
	// Title is the line above the table that names it, "" when none.
	Title string
	// Header holds the heading rows, top first, each with one cell per
	// column. A heading set over several columns ("2024/25" over "Q1 Q2
	// Q3") is repeated in each column it spans.
	Header [][]string
	// Rows are the body rows, each with one cell per column ("" for an
	// empty cell). A row that names a group of the rows below it
	// ("Gender") has only its first cell.
	Rows [][]string
	// RowText is each body row as printed: its lines joined with white
	// space collapsed, verbatim text of the page, for a quote.
	RowText []string
	// Columns are the character offsets (in runes from the start of the
	// line) at which each column starts; nil when the layout gives no
	// positions (bars, or figures set apart by single spaces).
	Columns []int
	// Start and End are the byte offsets in the text of the start of the
	// table's first line (heading included, title not) and the end of its
	// last line; FirstLine and LastLine are the same lines' numbers,
	// counted from 0.
	Start, End          int
	FirstLine, LastLine int
}

// Width returns the number of columns.
func (t *Table) Width() int {
	if len(t.Header) > 0 {
		return len(t.Header[0])
	}
	if len(t.Rows) > 0 {
		return len(t.Rows[0])
	}
	return 0
}

// Heading returns the heading of column col: its heading cells from the
// top down, joined with a space, each given once; "" when none.
func (t *Table) Heading(col int) string {
	var parts []string
	for _, h := range t.Header {
		if col < 0 || col >= len(h) || h[col] == "" {
			continue
		}
		if len(parts) > 0 && parts[len(parts)-1] == h[col] {
			continue
		}
		parts = append(parts, h[col])
	}
	return strings.Join(parts, " ")
}

// Tables finds the tables of a page's text. A table is a run of two or
// more rows: lines whose cells are set apart by runs of two or more spaces
// or tabs (aligned by the character offsets of their cells, so that an
// empty cell or a wrapped row keeps its column), lines of cells between
// bars, or lines that end in the same number of figures or RAG ratings
// (a label then "1,466 1,460 1,444", the label sometimes on the lines
// above). Heading rows are the rows above the first row of figures whose
// cells are words or periods ("2024/25", "Q1", "Dec-23", "Latest"); the
// line above the table names it. It reads the text once, line by line.
func Tables(text string) []Table {
	lines := tableLines(text)
	used := make([]bool, len(lines))
	var out []Table
	for i := 0; i < len(lines); {
		switch lines[i].kind {
		case lineBar, lineRule:
			end := runEnd(lines, i, func(k lineKind) bool { return k == lineBar || k == lineRule }, 0)
			if t, ok := barTable(text, lines, i, end); ok {
				out = append(out, t)
				markLinesUsed(used, i, end)
			}
			i = end
			continue
		case lineGapped:
			end := runEnd(lines, i, func(k lineKind) bool { return k == lineGapped }, 2)
			// An indented short line after the last row carries on its cell.
			for n := 0; n < 2 && end < len(lines) && lines[end].kind == linePlain && indentedShort(text[lines[end].start:lines[end].end]); n++ {
				end++
			}
			if t, ok := gappedTable(text, lines, i, end); ok {
				out = append(out, t)
				markLinesUsed(used, i, end)
				i = end
				continue
			}
		}
		i++
	}
	out = append(out, figureTables(text, lines, used)...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// lineKind is how a line of text reads as part of a table.
type lineKind int

const (
	linePlain   lineKind = iota
	lineBlank            // nothing but white space
	lineBar              // cells between bars: "| a | b |"
	lineRule             // a bar table's rule: "|---|---|"
	lineGapped           // cells set apart by runs of spaces or tabs
	lineFigures          // ends in two or more figures, single spaced
)

// tline is one line of the text.
type tline struct {
	start, end int // byte offsets of the line, without its newline
	kind       lineKind
	cells      []tcell
	// figs is how many figures a lineFigures line ends in; label is the
	// text before them.
	figs  int
	label string
	tabs  bool // a lineGapped line whose cells are set apart by tabs
}

// tcell is one cell of a line: its text and its rune columns.
type tcell struct {
	text     string
	col, end int
}

// tableLines splits text into lines and reads each one.
func tableLines(text string) []tline {
	var out []tline
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		l := tline{start: start, end: end}
		readLine(&l, text[start:end])
		out = append(out, l)
		start = end + 1
	}
	return out
}

// readLine sets a line's kind and cells.
func readLine(l *tline, raw string) {
	trim := strings.TrimSpace(raw)
	switch {
	case trim == "":
		l.kind = lineBlank
		return
	case strings.HasPrefix(trim, "|") && strings.Count(trim, "|") >= 2:
		if isRuleRow(trim) {
			l.kind = lineRule
			return
		}
		l.kind = lineBar
		parts := strings.Split(strings.Trim(trim, " \t"), "|")
		parts = parts[1:]
		if strings.HasSuffix(trim, "|") {
			parts = parts[:len(parts)-1]
		}
		for _, p := range parts {
			l.cells = append(l.cells, tcell{text: tableClean(p)})
		}
		return
	}
	if cells := gapCells(raw); len(cells) >= 2 {
		l.kind = lineGapped
		l.cells = cells
		l.tabs = strings.Contains(trim, "\t")
		return
	}
	fields := strings.Fields(trim)
	n := 0
	for n < len(fields) && isFigure(fields[len(fields)-1-n]) {
		n++
	}
	label := strings.Join(fields[:len(fields)-n], " ")
	if n >= 2 && len(fields)-n <= 15 && !strings.HasSuffix(label, ",") && !periodLine(trim) && !ratingLegend(fields) {
		l.kind = lineFigures
		l.figs = n
		l.label = label
		return
	}
	l.kind = linePlain
}

// gapCells splits a line at runs of two or more spaces and at tabs,
// keeping each cell's rune columns. A cell of several figures set apart by
// single spaces is split into one cell per figure. A gap after a full
// stop before a capital (two spaces between sentences) does not split, nor
// does the gap after a paragraph number; it returns nil for a line with no
// gap.
func gapCells(raw string) []tcell {
	var cells []tcell
	col, cellStart, cellCol := 0, -1, 0
	spaces := 0
	flush := func(endByte, endCol int) {
		if cellStart >= 0 {
			cells = append(cells, tcell{text: strings.TrimSpace(raw[cellStart:endByte]), col: cellCol, end: endCol})
			cellStart = -1
		}
	}
	lastByte, lastCol := 0, 0 // end of the last non-space rune
	for i, r := range raw {
		switch {
		case r == '\t':
			flush(lastByte, lastCol)
			spaces = 2
		case r == ' ' || r == '\u00a0':
			spaces++
		default:
			if cellStart >= 0 && spaces >= 2 && !sentenceGap(raw[cellStart:lastByte], raw[i:]) {
				flush(lastByte, lastCol)
			}
			if cellStart < 0 {
				cellStart, cellCol = i, col
			}
			spaces = 0
			_, size := utf8.DecodeRuneInString(raw[i:])
			lastByte, lastCol = i+size, col+1
		}
		col++
	}
	flush(lastByte, lastCol)
	if len(cells) < 2 {
		return nil
	}
	if len(cells) == 2 && reParaNum.MatchString(cells[0].text) {
		return nil
	}
	for i, c := range cells {
		// A cell of prose: a line of text with a stray wide space. A long
		// measure's name before two or more figures is a row's label.
		if c.end-c.col > 80 && len(strings.Fields(c.text)) > 12 && (i > 0 || figureCells(cells[1:]) < 2) {
			return nil
		}
	}
	var out []tcell
	for _, c := range cells {
		out = append(out, splitFigures(c)...)
	}
	return out
}

// figureCells counts the cells that are figures.
func figureCells(cells []tcell) int {
	n := 0
	for _, c := range cells {
		if isFigure(c.text) {
			n++
		}
	}
	return n
}

// reParaNum is a paragraph number, which laid-out text sets apart with
// two spaces ("2.1  The tracker ...").
var reParaNum = regexp.MustCompile(`^(?:\d+(?:\.\d+)*\.?|\([a-z0-9]+\)|[a-z]\))$`)

// sentenceGap reports whether a gap between before and after is the wide
// space between two sentences of prose.
func sentenceGap(before, after string) bool {
	if before == "" {
		return false
	}
	switch before[len(before)-1] {
	case '.', '!', '?':
	default:
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return unicode.IsUpper(r) && len(strings.Fields(before)) >= 4
}

// splitFigures splits a cell made only of figures ("613 700") into one
// cell per figure.
func splitFigures(c tcell) []tcell {
	if !strings.Contains(c.text, " ") {
		return []tcell{c}
	}
	fields := strings.Fields(c.text)
	for _, f := range fields {
		if !isFigure(f) {
			return []tcell{c}
		}
	}
	var out []tcell
	off := 0
	for _, f := range fields {
		i := strings.Index(c.text[off:], f) + off
		col := c.col + utf8.RuneCountInString(c.text[:i])
		out = append(out, tcell{text: f, col: col, end: col + utf8.RuneCountInString(f)})
		off = i + len(f)
	}
	return out
}

// Cell vocabulary: what reads as a figure, and what reads as a period or a
// column heading of a performance table.
var (
	// reFigure is a number as tables print it: "1,466", "25.6%", "£3.2m",
	// "(4.70)", "-220.10", "85+", "<65", "65-79".
	reFigure = regexp.MustCompile(`^[(<>≤≥~]?[-+−–]?[£$€]?\d[\d,]*(?:\.\d+)?(?:%|k|m|bn|p|pp)?(?:[-–]\d[\d,]*(?:\.\d+)?%?)?[)+*]?\*?$`)
	// figureWords are cells that stand for a figure or a rating.
	figureWords = map[string]bool{
		"-": true, "–": true, "—": true, "n/a": true, "na": true, "..": true, "*": true,
		"red": true, "amber": true, "green": true, "blue": true,
		"r": false, "a": false, "g": false, // single letters are too often words
	}
	// rePeriod finds the periods and headings of a performance table's
	// columns in a heading line, lower-cased.
	rePeriod = regexp.MustCompile(`(?:\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+(?:19|20)\d\d\b` +
		`|\b(?:england|national|regional|region|statistical neighbours|stat\.? neighbours)\s+(?:19|20)\d\d(?:[/-]\d{2,4})?\b` +
		`|\bstat(?:istical|\.)? neighbours\b` +
		`|\b(?:q[1-4]|quarter [1-4])(?:\s+(?:19|20)\d\d(?:[/-]\d{2,4})?)?\b` +
		`|\b(?:19|20)\d\d(?:[/-]\d{2,4})?\b` +
		`|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[-\s]\d{2,4}\b` +
		`|\b(?:latest|previous|current|target|floor|actual|baseline|england|national|region|regional|rag|dot|trend|change|ytd|last year|this year|outturn|benchmark)\b` +
		`|\B[-–]\B)`)
	// periodStarts are the first letters a period can start with.
	periodStarts = "0123456789qjfmasondlpctefbry-–"
)

// ratingLegend reports whether a line names the ratings themselves
// ("GREEN AMBER RED"): a heading, not a row.
func ratingLegend(fields []string) bool {
	if len(fields) < 3 {
		return false
	}
	seen := map[string]bool{}
	for _, f := range fields {
		f = strings.ToLower(f)
		if f != "red" && f != "amber" && f != "green" || seen[f] {
			return false
		}
		seen[f] = true
	}
	return true
}

// isFigure reports whether a token reads as a table figure or a rating.
func isFigure(tok string) bool {
	if figureWords[strings.ToLower(tok)] {
		return true
	}
	return reFigure.MatchString(tok) && !reYearOnly.MatchString(tok)
}

// reYearOnly is a bare year or year span, which heads a column rather than
// filling it.
var reYearOnly = regexp.MustCompile(`^(?:19|20)\d\d(?:[/-]\d{2,4})?$`)

// periodLine reports whether a line is nothing but periods and column
// headings ("2009 2010 2011", "Q1 Q2 Q3", "Latest Previous").
func periodLine(s string) bool {
	s = strings.TrimSpace(s)
	r, _ := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(periodStarts, unicode.ToLower(r)) {
		return false
	}
	label, periods := periodCells(s)
	return label == "" && len(periods) > 0
}

// periodCells reads a heading line as an optional label then periods; it
// returns no periods when something else stands between them.
func periodCells(s string) (label string, periods []string) {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	if len(low) != len(s) {
		// Lower-casing changed the length: keep offsets true.
		low = s
	}
	locs := rePeriod.FindAllStringIndex(low, -1)
	if len(locs) == 0 {
		return "", nil
	}
	for k, loc := range locs {
		if k > 0 && strings.TrimSpace(s[locs[k-1][1]:loc[0]]) != "" {
			return "", nil
		}
		periods = append(periods, strings.TrimSpace(s[loc[0]:loc[1]]))
	}
	if strings.TrimSpace(s[locs[len(locs)-1][1]:]) != "" {
		return "", nil
	}
	return strings.TrimSpace(s[:locs[0][0]]), periods
}

// runEnd returns the end (exclusive) of the run of lines of the kinds in
// from start: a blank line or up to maxPlain short plain lines may stand
// between two of its lines.
func runEnd(lines []tline, start int, in func(lineKind) bool, maxPlain int) int {
	end := start + 1
	for j := start + 1; j < len(lines); j++ {
		k := lines[j].kind
		if in(k) {
			end = j + 1
			continue
		}
		// Look past one blank line and a few short plain lines (a wrapped
		// cell) for the next line of the run.
		blanks, plain, n := 0, 0, j
		for ; n < len(lines) && !in(lines[n].kind); n++ {
			switch lines[n].kind {
			case lineBlank:
				blanks++
			case linePlain:
				plain++
			default:
				plain = maxPlain + 1
			}
			if blanks > 1 || plain > maxPlain {
				break
			}
		}
		if n >= len(lines) || blanks > 1 || plain > maxPlain {
			break
		}
		j = n - 1
	}
	return end
}

func markLinesUsed(used []bool, from, to int) {
	for i := from; i < to; i++ {
		used[i] = true
	}
}

// barTable reads lines[from:to], rows between bars. The rows above the
// first rule are headings; with no rule, the leading rows with no figure.
func barTable(text string, lines []tline, from, to int) (Table, bool) {
	t := Table{Start: lines[from].start, End: lines[to-1].end, FirstLine: from, LastLine: to - 1}
	var rows [][]string
	var texts []string
	rule := -1
	for i := from; i < to; i++ {
		l := lines[i]
		switch l.kind {
		case lineRule:
			if rule < 0 {
				rule = len(rows)
			}
			continue
		case lineBar:
		default:
			continue
		}
		row := make([]string, len(l.cells))
		for k, c := range l.cells {
			row[k] = c.text
		}
		if emptyRow(row) {
			continue
		}
		rows = append(rows, row)
		texts = append(texts, tableClean(text[l.start:l.end]))
	}
	if len(rows) < 2 {
		return Table{}, false
	}
	nh := rule
	if nh < 0 || nh >= len(rows) {
		nh = 0
		for nh < len(rows)-1 && !hasFigureCell(rows[nh][1:]) {
			nh++
		}
		if nh == len(rows)-1 || nh == 0 && !hasFigureCell(rows[0][1:]) {
			nh = 0 // no figures at all: a table of words, heading unknown
		}
	}
	// A heading row under the heading (first cell empty, no figure) is a
	// heading too: "| | | Inadequate | Good |" under "Thresholds".
	for nh < len(rows)-1 && nh > 0 && rows[nh][0] == "" && !hasFigureCell(rows[nh]) {
		nh++
	}
	if nh > 0 {
		t.Header = rows[:nh]
	}
	for k := nh; k < len(rows); k++ {
		// A heading printed again where the table runs onto a new page.
		if slices.ContainsFunc(rows[:nh], func(h []string) bool { return slices.Equal(h, rows[k]) }) {
			continue
		}
		t.Rows = append(t.Rows, rows[k])
		t.RowText = append(t.RowText, texts[k])
	}
	if len(t.Rows) == 0 {
		return Table{}, false
	}
	spanHeadings(t.Header)
	finishTable(&t, lines, text)
	return t, true
}

// gappedTable reads lines[from:to], rows whose cells are set apart by runs
// of spaces, aligning cells into columns by their character offsets.
func gappedTable(text string, lines []tline, from, to int) (Table, bool) {
	rows := 0
	for i := from; i < to; i++ {
		if lines[i].kind == lineGapped {
			rows++
		}
	}
	if rows < 2 {
		return Table{}, false
	}
	if tabbed(lines[from:to]) {
		if k := uniformCells(lines[from:to]); k > 0 {
			return orderTable(text, lines, from, to, k)
		}
		return tabTable(text, lines, from, to)
	}
	// Columns come from the rows with figures (a heading may span several
	// columns); from every row when no row has a figure.
	var spans [][2]int
	for i := from; i < to; i++ {
		if l := lines[i]; l.kind == lineGapped && cellsHaveFigure(l.cells[1:]) {
			for _, c := range l.cells {
				spans = append(spans, [2]int{c.col, c.end})
			}
		}
	}
	figures := len(spans) > 0
	if !figures {
		for i := from; i < to; i++ {
			if l := lines[i]; l.kind != lineBlank {
				for _, c := range l.cells {
					spans = append(spans, [2]int{c.col, c.end})
				}
			}
		}
	}
	cols := mergeSpans(spans)
	if k := uniformCells(lines[from:to]); k > 0 && (k != len(cols) || !aligned(lines[from:to], cols)) {
		// Rows of one number of cells that their offsets do not line up
		// (text whose cells are set apart but not aligned): the cells'
		// order gives their columns.
		return orderTable(text, lines, from, to, k)
	}
	if len(cols) < 2 {
		return Table{}, false
	}
	t := Table{Start: lines[from].start, End: lines[to-1].end, FirstLine: from, LastLine: to - 1}
	for _, c := range cols {
		t.Columns = append(t.Columns, c[0])
	}
	body := false // a row of figures has been read
	rowStart := -1
	for i := from; i < to; i++ {
		l := lines[i]
		if l.kind == lineBlank {
			continue
		}
		cells := l.cells
		if l.kind == linePlain {
			raw := text[l.start:l.end]
			col := utf8.RuneCountInString(raw[:len(raw)-len(strings.TrimLeft(raw, " \t"))])
			trim := strings.TrimSpace(raw)
			cells = []tcell{{text: trim, col: col, end: col + utf8.RuneCountInString(trim)}}
		}
		hasFig := cellsHaveFigure(cells[1:]) || len(cells) > 0 && cells[0].col > 0 && cellsHaveFigure(cells[:1])
		switch {
		case figures && !body && !hasFig:
			t.Header = append(t.Header, placeHeading(cells, cols))
			continue
		case len(t.Rows) > 0 && !hasFig && continuation(t.Rows[len(t.Rows)-1], cells, cols):
			prev := t.Rows[len(t.Rows)-1]
			for k, v := range placeCells(cells, cols) {
				if v != "" {
					prev[k] = strings.TrimSpace(prev[k] + " " + v)
				}
			}
			t.RowText[len(t.RowText)-1] = tableClean(text[rowStart:l.end])
			t.End, t.LastLine = l.end, i
			continue
		}
		body = body || hasFig
		rowStart = l.start
		t.Rows = append(t.Rows, placeCells(cells, cols))
		t.RowText = append(t.RowText, tableClean(text[l.start:l.end]))
		t.End, t.LastLine = l.end, i
	}
	if len(t.Rows) < 2 && !(len(t.Rows) == 1 && len(t.Header) > 0) {
		return Table{}, false
	}
	if !figures {
		// A table of words: its heading cannot be told from its rows.
		t.Rows = append(t.Header, t.Rows...)
		t.Header = nil
	}
	spanHeadings(t.Header)
	finishTable(&t, lines, text)
	return t, true
}

// indented reports whether a line starts with white space and is short.
func indentedShort(s string) bool {
	return (strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t")) && utf8.RuneCountInString(strings.TrimSpace(s)) <= 60
}

// tabbed reports whether every row of a run sets its cells apart with
// tabs, which give the cells' order but not their columns.
func tabbed(lines []tline) bool {
	for _, l := range lines {
		if l.kind == lineGapped && !l.tabs {
			return false
		}
	}
	return true
}

// tabTable reads rows of tab-separated cells, one column per cell in
// order; a plain line among them carries on the row above.
func tabTable(text string, lines []tline, from, to int) (Table, bool) {
	t := Table{Start: lines[from].start, End: lines[to-1].end, FirstLine: from, LastLine: to - 1}
	rowStart := 0
	for i := from; i < to; i++ {
		l := lines[i]
		switch {
		case l.kind == lineGapped:
			row := make([]string, len(l.cells))
			for k, c := range l.cells {
				row[k] = c.text
			}
			t.Rows = append(t.Rows, row)
			t.RowText = append(t.RowText, tableClean(text[l.start:l.end]))
			rowStart = l.start
		case l.kind == linePlain && len(t.Rows) > 0:
			prev := t.Rows[len(t.Rows)-1]
			prev[len(prev)-1] = strings.TrimSpace(prev[len(prev)-1] + " " + tableClean(text[l.start:l.end]))
			t.RowText[len(t.RowText)-1] = tableClean(text[rowStart:l.end])
		}
	}
	// The leading rows with no figure head a table with figures.
	nh := 0
	for nh < len(t.Rows)-1 && !hasFigureCell(t.Rows[nh][1:]) {
		nh++
	}
	if nh == len(t.Rows)-1 {
		nh = 0
	}
	if nh > 0 {
		t.Header = t.Rows[:nh]
	}
	t.Rows, t.RowText = t.Rows[nh:], t.RowText[nh:]
	finishTable(&t, lines, text)
	return t, len(t.Rows) >= 2 || len(t.Rows) == 1 && nh > 0
}

// uniformCells returns the number of cells of every row of figures in a
// run when they all have the same, 0 otherwise.
func uniformCells(lines []tline) int {
	k := 0
	for _, l := range lines {
		if l.kind != lineGapped || !cellsHaveFigure(l.cells[1:]) {
			continue
		}
		if k != 0 && len(l.cells) != k {
			return 0
		}
		k = len(l.cells)
	}
	return k
}

// aligned reports whether every row of figures, and every heading row
// with as many cells as there are columns, puts each of its cells in a
// column of its own.
func aligned(lines []tline, cols [][2]int) bool {
	for _, l := range lines {
		// Rows of figures, and a heading with a cell for every column.
		if l.kind != lineGapped || !cellsHaveFigure(l.cells[1:]) && len(l.cells) != len(cols) {
			continue
		}
		seen := make([]bool, len(cols))
		for _, c := range l.cells {
			k := columnOf(c, cols)
			if seen[k] {
				return false
			}
			seen[k] = true
		}
	}
	return true
}

// orderTable reads rows of k cells set apart by gaps, in order: a row of
// fewer cells keeps its first cell as the label and sets the rest to the
// right; a line of words alone carries on a cell above (a wrapped
// heading carries on the heading cell left open, "Stat." then
// "neighbours"; a wrapped row, its label).
func orderTable(text string, lines []tline, from, to, k int) (Table, bool) {
	t := Table{Start: lines[from].start, End: lines[to-1].end, FirstLine: from, LastLine: to - 1}
	body := false
	rowStart := 0
	for i := from; i < to; i++ {
		l := lines[i]
		if l.kind == lineBlank {
			continue
		}
		var cells []string
		if l.kind == linePlain {
			cells = []string{tableClean(text[l.start:l.end])}
		} else {
			for _, c := range l.cells {
				cells = append(cells, c.text)
			}
		}
		hasFig := hasFigureCell(cells[1:])
		switch {
		case body && len(cells) < k && wrapsOn(t.Rows[len(t.Rows)-1], cells):
			// The words of cells the row above wrapped: "Reduce agency
			// social workers from 23% to" / "12% of posts".
			carryOn(t.Rows[len(t.Rows)-1], cells)
			t.RowText[len(t.RowText)-1] = tableClean(text[rowStart:l.end])
			t.End, t.LastLine = l.end, i
			continue
		case !hasFig && len(cells) == 1 && len(t.Rows) > 0:
			prev := t.Rows[len(t.Rows)-1]
			prev[0] = strings.TrimSpace(prev[0] + " " + cells[0])
			t.RowText[len(t.RowText)-1] = tableClean(text[rowStart:l.end])
			t.End, t.LastLine = l.end, i
			continue
		case !hasFig && len(cells) == 1 && len(t.Header) > 0 && !body:
			h := t.Header[len(t.Header)-1]
			at := 0
			for c := len(h) - 1; c >= 0; c-- {
				if strings.HasSuffix(h[c], ".") || openEnded(h[c]) {
					at = c
					break
				}
			}
			h[at] = strings.TrimSpace(h[at] + " " + cells[0])
			continue
		case !hasFig && !body:
			t.Header = append(t.Header, inOrder(cells, k))
			continue
		}
		body = true
		rowStart = l.start
		t.Rows = append(t.Rows, inOrder(cells, k))
		t.RowText = append(t.RowText, tableClean(text[l.start:l.end]))
		t.End, t.LastLine = l.end, i
	}
	if len(t.Rows) < 2 && !(len(t.Rows) == 1 && len(t.Header) > 0) {
		return Table{}, false
	}
	spanHeadings(t.Header)
	finishTable(&t, lines, text)
	return t, true
}

// inOrder sets a row's cells in k columns: all of them in order, or the
// first as the label and the rest to the right.
func inOrder(cells []string, k int) []string {
	row := make([]string, k)
	if len(cells) >= k {
		copy(row, cells[:k])
		for _, c := range cells[k:] {
			row[k-1] = strings.TrimSpace(row[k-1] + " " + c)
		}
		return row
	}
	rest := cells
	if len(cells) > 0 && !isFigure(cells[0]) {
		row[0], rest = cells[0], cells[1:]
	}
	copy(row[k-len(rest):], rest)
	return row
}

// wrapsOn reports whether a line of fewer cells than its table's rows
// carries on cells of the row above rather than starting a row: its first
// words are in lower case ("and approve 40 new households"), or the row's
// widest cell stops on a word that cannot end it ("from 23% to").
func wrapsOn(prev, cells []string) bool {
	if len(cells) == 0 || cells[0] == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(cells[0])
	if unicode.IsLower(r) {
		return true
	}
	w := widestText(prev)
	return w >= 0 && openEnded(prev[w])
}

// carryOn adds a wrapped line's cells to the row above: the first to its
// widest cell of words, the others to the cells of words after it.
func carryOn(prev, cells []string) {
	c := widestText(prev)
	if c < 0 {
		return
	}
	for _, cell := range cells {
		prev[c] = strings.TrimSpace(prev[c] + " " + cell)
		for c++; c < len(prev) && (prev[c] == "" || isFigure(prev[c])); c++ {
		}
		if c >= len(prev) {
			c = len(prev) - 1
		}
	}
}

// widestText returns the index of a row's longest cell that is not a
// figure, -1 when it has none.
func widestText(row []string) int {
	best := -1
	for i, c := range row {
		if !isFigure(c) && (best < 0 || len(c) > len(row[best])) {
			best = i
		}
	}
	return best
}

// mergeSpans merges overlapping rune spans into columns, left to right.
func mergeSpans(spans [][2]int) [][2]int {
	sort.Slice(spans, func(a, b int) bool { return spans[a][0] < spans[b][0] })
	var cols [][2]int
	for _, s := range spans {
		if n := len(cols); n > 0 && s[0] < cols[n-1][1] {
			if s[1] > cols[n-1][1] {
				cols[n-1][1] = s[1]
			}
			continue
		}
		cols = append(cols, s)
	}
	return cols
}

// column returns the column a cell belongs to: the one it overlaps most,
// or else the nearest.
func columnOf(c tcell, cols [][2]int) int {
	best, bestOver, bestDist := 0, 0, -1
	for k, col := range cols {
		over := min(c.end, col[1]) - max(c.col, col[0])
		dist := max(col[0]-c.end, c.col-col[1], 0)
		if over > bestOver || bestOver == 0 && over <= 0 && (bestDist < 0 || dist < bestDist) {
			best, bestOver, bestDist = k, max(over, 0), dist
		}
	}
	return best
}

// place puts a row's cells in their columns.
func placeCells(cells []tcell, cols [][2]int) []string {
	row := make([]string, len(cols))
	for _, c := range cells {
		k := columnOf(c, cols)
		row[k] = strings.TrimSpace(row[k] + " " + c.text)
	}
	return row
}

// placeHeading puts a heading row's cells in their columns; a cell over
// several columns fills each.
func placeHeading(cells []tcell, cols [][2]int) []string {
	row := make([]string, len(cols))
	for _, c := range cells {
		spanned := false
		for k, col := range cols {
			if min(c.end, col[1]) > max(c.col, col[0]) && (c.end-c.col) > (col[1]-col[0]) {
				row[k] = strings.TrimSpace(row[k] + " " + c.text)
				spanned = true
			}
		}
		if !spanned {
			k := columnOf(c, cols)
			row[k] = strings.TrimSpace(row[k] + " " + c.text)
		}
	}
	return row
}

// continuation reports whether a line with no figures carries on the row
// above (a wrapped cell) rather than naming a group of the rows below: it
// starts in lower case, or the row above's first cell is left open.
func continuation(prev []string, cells []tcell, cols [][2]int) bool {
	if len(cells) == 0 {
		return false
	}
	if columnOf(cells[0], cols) > 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(cells[0].text)
	if unicode.IsLower(r) {
		return true
	}
	return openEnded(prev[0])
}

// openWords end a cell that carries on onto the next line.
var openWords = map[string]bool{
	"and": true, "or": true, "of": true, "with": true, "the": true, "to": true, "in": true,
	"for": true, "by": true, "a": true, "an": true, "on": true, "from": true, "at": true,
	"&": true, "-": true, "–": true, "who": true, "which": true, "that": true,
}

// openEnded reports whether a cell's text stops mid-phrase.
func openEnded(s string) bool {
	if s == "" {
		return false
	}
	if strings.Count(s, "(") > strings.Count(s, ")") {
		return true
	}
	f := strings.Fields(s)
	return openWords[strings.ToLower(f[len(f)-1])]
}

// spanHeadings carries a heading over the columns it spans: an empty
// heading cell right of a heading, over a column that the row below heads,
// takes the heading on its left ("2024/25" over "Q1 Q2 Q3").
// A period spans only columns headed by periods: "2024/25" over "Q1 Q2
// Q3" does not reach "Target".
func spanHeadings(h [][]string) {
	for r := 0; r+1 < len(h); r++ {
		for k := 2; k < len(h[r]) && k < len(h[r+1]); k++ {
			if h[r][k] != "" || h[r][k-1] == "" || h[r+1][k] == "" {
				continue
			}
			if isPeriod(h[r][k-1]) && !isPeriod(h[r+1][k]) {
				continue
			}
			h[r][k] = h[r][k-1]
		}
	}
}

// isPeriod reports whether a heading is one period ("2024/25", "Q1").
func isPeriod(s string) bool {
	label, periods := periodCells(s)
	return label == "" && len(periods) == 1 && strings.ContainsAny(s, "0123456789")
}

// figureTables reads the tables whose rows end in figures set apart by
// single spaces (text as PDF extraction gives it): runs of two or more
// such rows ending in the same number of figures. A line of figures alone
// takes its label from the lines above it; a short line between rows
// names a group of the rows below.
func figureTables(text string, lines []tline, used []bool) []Table {
	var out []Table
	var run []frow
	flush := func() {
		out = append(out, runTables(text, lines, used, run)...)
		run = run[:0]
	}
	last := -1 // the last line of the run's last row
	for i := range lines {
		l := lines[i]
		if used[i] || l.kind != lineFigures {
			continue
		}
		r := frow{line: i, first: i, figs: l.figs, label: l.label}
		if l.label == "" {
			r.first = labelAbove(lines, used, i, last)
			if r.first < i {
				r.label = tableClean(joinLinesRange(text, lines, r.first, i))
			}
		}
		if last >= 0 && !adjacentRows(lines, used, last, r.first) {
			flush()
		}
		if r.label == "" && len(run) > 0 {
			// Figures with no label cannot be told from the row above.
			flush()
		}
		run = append(run, r)
		last = i
	}
	flush()
	return out
}

// frow is a row of a figures table: the line of its figures and the first
// line of its label.
type frow struct {
	line, first int
	figs        int
	label       string
}

// labelAbove returns the first line of the label of a line of figures
// alone: the short lines just above it (across one blank line), after the
// row above; i when there is none.
func labelAbove(lines []tline, used []bool, i, last int) int {
	j := i - 1
	if j > last && j >= 0 && lines[j].kind == lineBlank {
		j--
	}
	first := i
	for n := 0; j > last && j >= 0 && n < 4; j, n = j-1, n+1 {
		l := lines[j]
		if used[j] || l.kind != linePlain || l.end-l.start > 100 {
			break
		}
		first = j
	}
	return first
}

// adjacent reports whether a row starting on line next may follow a row
// ending on line last: at most two lines between, blank or one short
// line naming a group.
func adjacentRows(lines []tline, used []bool, last, next int) bool {
	if next-last > 3 {
		return false
	}
	plain := 0
	for j := last + 1; j < next; j++ {
		switch {
		case used[j]:
			return false
		case lines[j].kind == linePlain && lines[j].end-lines[j].start <= 40:
			plain++
		case lines[j].kind != lineBlank:
			return false
		}
	}
	return plain <= 1
}

func joinLinesRange(text string, lines []tline, from, to int) string {
	return text[lines[from].start:lines[to].start]
}

// runTables turns a run of figure rows into tables: the run's usual count
// of figures sets the columns; a row with more gives the extra back to its
// label ("0 to 4 253 239" is "0 to 4" then two figures), a row with fewer
// ends the table.
func runTables(text string, lines []tline, used []bool, run []frow) []Table {
	if len(run) < 2 {
		return nil
	}
	counts := map[int]int{}
	for _, r := range run {
		counts[r.figs]++
	}
	n := 0
	for c, k := range counts {
		if k > counts[n] || k == counts[n] && c < n {
			n = c
		}
	}
	var out []Table
	start := 0
	for k := 0; k <= len(run); k++ {
		if k < len(run) && fitsRow(run[k], n) {
			continue
		}
		if k-start >= 2 {
			out = append(out, figureTable(text, lines, used, run[start:k], n))
		}
		start = k + 1
	}
	return out
}

// fits reports whether a row ending in r.figs figures belongs to a table
// of n figures a row: it has n, or one more that ends its label ("0 to"
// then "4").
func fitsRow(r frow, n int) bool {
	switch r.figs {
	case n:
		return true
	case n + 1:
		f := strings.Fields(r.label)
		return len(f) > 0 && openWords[strings.ToLower(f[len(f)-1])]
	}
	return false
}

// figureTable builds a table of rows ending in n figures, with the
// heading and title above it.
func figureTable(text string, lines []tline, used []bool, rows []frow, n int) Table {
	first, last := rows[0].first, rows[len(rows)-1].line
	t := Table{Start: lines[first].start, End: lines[last].end, FirstLine: first, LastLine: last}
	prev := -1
	group := ""
	for _, r := range rows {
		// A short line between two rows names a group.
		if prev >= 0 {
			for j := prev + 1; j < r.first; j++ {
				if lines[j].kind == linePlain {
					group = tableClean(text[lines[j].start:lines[j].end])
					t.Rows = append(t.Rows, append([]string{group}, make([]string, n)...))
					t.RowText = append(t.RowText, group)
				}
			}
		}
		raw := tableClean(text[lines[r.line].start:lines[r.line].end])
		fields := strings.Fields(raw)
		label := r.label
		if r.figs > n {
			extra := strings.Join(fields[len(fields)-r.figs:len(fields)-n], " ")
			label = strings.TrimSpace(label + " " + extra)
		}
		row := append([]string{label}, fields[len(fields)-n:]...)
		t.Rows = append(t.Rows, row)
		t.RowText = append(t.RowText, tableClean(text[lines[r.first].start:lines[r.line].end]))
		prev = r.line
	}
	markLinesUsed(used, first, last+1)
	if h, top := figureHeading(text, lines, used, first, n); h != nil {
		t.Header = h
		if len(h) == 2 {
			// A period spanning the periods' row sits above it.
			t.Header = [][]string{h[1], h[0]}
			top--
		}
		t.Start, t.FirstLine = lines[top].start, top
		markLinesUsed(used, top, first)
	}
	finishTable(&t, lines, text)
	return t
}

// figureHeading reads the heading of a figures table with n figures a row
// from the lines above its first row: a line of n periods (after an
// optional label), or else the short lines above read as one heading per
// block of lines (set apart by blank lines) or per period. It returns the
// heading row and its first line, or nil.
func figureHeading(text string, lines []tline, used []bool, first, n int) ([][]string, int) {
	// The nearest line of n periods.
	seen := 0
	for j := first - 1; j >= 0 && seen < 8; j-- {
		l := lines[j]
		if l.kind == lineBlank {
			continue
		}
		if used[j] || proseLine(text[l.start:l.end]) {
			break
		}
		seen++
		if label, periods := periodCells(text[l.start:l.end]); len(periods) == n {
			return append([][]string{append([]string{label}, periods...)}, spanAbove(text, lines, used, j, n)...), j
		}
	}
	// One heading per block or per period, bottom up.
	usable := func(j int) bool {
		l := lines[j]
		return !used[j] && l.kind == linePlain && !proseLine(text[l.start:l.end])
	}
	var pieces []string
	top := first
	for j := first - 1; len(pieces) <= n; {
		for j >= 0 && lines[j].kind == lineBlank {
			j--
		}
		bEnd := j
		for j >= 0 && lines[j].kind != lineBlank && usable(j) && bEnd-j < 4 {
			j--
		}
		if j == bEnd {
			break
		}
		whole := j < 0 || lines[j].kind == lineBlank // the block stands alone
		// Within the block, a line of periods gives one heading per
		// period; the other lines, together, one heading.
		done := false
		for e := bEnd; e > j && !done; {
			s := e
			label, periods := periodCells(text[lines[e].start:lines[e].end])
			if label != "" || datedCount(periods) < 2 {
				periods = nil
				for s > j+1 {
					if l, p := periodCells(text[lines[s-1].start:lines[s-1].end]); l == "" && datedCount(p) >= 2 {
						break
					}
					s--
				}
			}
			switch {
			case periods != nil:
				for k := len(periods) - 1; k >= 0; k-- {
					pieces = append(pieces, periods[k])
				}
			case len(pieces) == n:
				// The heading of the label column, if short.
				block := tableClean(text[lines[s].start:lines[e].end])
				if len(strings.Fields(block)) <= 4 {
					pieces = append(pieces, block)
					top = s
				}
				done = true
				continue
			default:
				pieces = append(pieces, tableClean(text[lines[s].start:lines[e].end]))
			}
			top = s
			e = s - 1
			if len(pieces) > n {
				done = true
			}
		}
		if done || !whole {
			break
		}
	}
	if len(pieces) == n {
		pieces = append(pieces, "")
	}
	if len(pieces) != n+1 {
		return nil, 0
	}
	h := make([]string, n+1)
	for k := range pieces {
		h[n-k] = pieces[k]
	}
	return [][]string{h}, top
}

// spanAbove returns the heading row over a line of periods at line j: a
// line just above it with one period ("2024/25" over "Q1 Q2 Q3", after
// an optional label) spans them all. It returns that row, or nil.
func spanAbove(text string, lines []tline, used []bool, j, n int) [][]string {
	if j == 0 || used[j-1] || lines[j-1].kind != linePlain {
		return nil
	}
	label, periods := periodCells(text[lines[j-1].start:lines[j-1].end])
	if len(periods) != 1 {
		return nil
	}
	row := []string{label}
	for k := 0; k < n; k++ {
		row = append(row, periods[0])
	}
	return [][]string{row}
}

// dated counts the periods that are more than a dash.
func datedCount(periods []string) int {
	n := 0
	for _, p := range periods {
		if p != "-" && p != "–" {
			n++
		}
	}
	return n
}

// prose reports whether a line reads as prose rather than a heading.
func proseLine(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 70 {
		return true
	}
	return strings.HasSuffix(s, ".") && len(strings.Fields(s)) > 3
}

// finish pads the rows to one width and finds the title.
func finishTable(t *Table, lines []tline, text string) {
	w := 0
	for _, r := range t.Header {
		w = max(w, len(r))
	}
	for _, r := range t.Rows {
		w = max(w, len(r))
	}
	pad := func(rows [][]string) {
		for i, r := range rows {
			for len(r) < w {
				r = append(r, "")
			}
			rows[i] = r
		}
	}
	pad(t.Header)
	pad(t.Rows)
	t.Title = titleAbove(text, lines, t.FirstLine)
}

// titleAbove returns the line above a table (across one blank line) when
// it names it: short, not a sentence, with a letter in it.
func titleAbove(text string, lines []tline, first int) string {
	j := first - 1
	if j >= 0 && lines[j].kind == lineBlank {
		j--
	}
	if j < 0 || lines[j].kind != linePlain {
		return ""
	}
	s := tableClean(text[lines[j].start:lines[j].end])
	if utf8.RuneCountInString(s) > 100 || strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") {
		return ""
	}
	if !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	return strings.TrimSpace(strings.TrimSuffix(s, ":"))
}

func hasFigureCell(cells []string) bool {
	for _, c := range cells {
		if isFigure(c) {
			return true
		}
	}
	return false
}

func cellsHaveFigure(cells []tcell) bool {
	for _, c := range cells {
		if isFigure(c.text) {
			return true
		}
	}
	return false
}

func emptyRow(row []string) bool {
	for _, c := range row {
		if c != "" {
			return false
		}
	}
	return true
}

func tableClean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
