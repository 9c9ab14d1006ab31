package figures

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/corpus/english"
)

// MaxQuote is the longest quote a question cites, in bytes.
const MaxQuote = 200

// Span is a piece of a passage's text: a sentence, a bullet or a table row.
type Span struct {
	Start, End int
	Table      bool // a table row
	Spaced     bool // a table row whose cells are set apart by runs of spaces
	Row        bool // a line of a list or table without bars (a tracker row)
}

// Spans splits a passage into sentences, bullets and table rows,
// returning byte offsets into text. Each line that starts a bullet or a
// table row starts a new span; prose is split after ".", "!" or "?"
// followed by a space and an upper-case letter, a digit or a quote mark,
// unless the word before is a known abbreviation.
func Spans(text string) []Span {
	if rows := lineRows(text); rows != nil {
		return rows
	}
	var out []Span
	lineStart := 0
	cur := -1 // start of the open prose span
	flush := func(end int) {
		if cur >= 0 {
			out = append(out, splitProse(text, cur, end)...)
			cur = -1
		}
	}
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := text[lineStart:lineEnd]
		trim := strings.TrimSpace(line)
		switch {
		case trim == "":
			flush(lineStart)
		case strings.HasPrefix(trim, "|"):
			flush(lineStart)
			if !isRuleRow(trim) {
				out = append(out, Span{Start: lineStart, End: lineEnd, Table: true})
			}
		case reDateLine.MatchString(trim) && !strings.HasSuffix(trim, "."):
			// A line opening with a date and not ending a sentence is a row
			// of a dated table (a tracker, a work programme).
			flush(lineStart)
			out = append(out, Span{Start: lineStart, End: lineEnd, Row: true})
		case spacedRow(trim):
			flush(lineStart)
			out = append(out, Span{Start: lineStart, End: lineEnd, Table: true, Spaced: true})
		case startsBullet(trim):
			flush(lineStart)
			cur = lineStart
		default:
			if cur < 0 {
				cur = lineStart
			}
			if headingLine(trim) && nl >= 0 && startsUpper(text[lineEnd+1:]) {
				// A short line with no closing punctuation before a new
				// capitalised line is a heading or a title: its own span.
				flush(lineEnd)
			}
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	flush(len(text))
	return out
}

// lineRows splits a passage of three or more lines that do not read as
// sentences (almost none ends with a full stop) into one span per line: a
// table the extraction laid out as lines, such as a recommendations
// tracker. A line of prose among them (a paragraph after a table) is
// split into its sentences. It returns nil for prose.
func lineRows(text string) []Span {
	lines := strings.Split(text, "\n")
	if len(lines) < 3 || strings.HasPrefix(strings.TrimSpace(text), "|") {
		return nil
	}
	ended := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			return nil
		}
		if strings.HasSuffix(l, ".") || strings.HasSuffix(l, ";") || strings.HasSuffix(l, ",") {
			ended++
		}
	}
	if ended*5 > len(lines) {
		return nil
	}
	var out []Span
	off := 0
	for i := 0; i < len(lines); i++ {
		// A line of prose wraps onto the next when that one carries on in
		// lower case ("... has improved since the inspection, as a" /
		// "result of the placement stability meetings."): the lines are
		// one paragraph.
		end, j := off+len(lines[i]), i
		for j+1 < len(lines) && !spacedRow(strings.TrimSpace(lines[j])) && startsLower(lines[j+1]) {
			j++
			end += 1 + len(lines[j])
		}
		if stop := proseEnd(text[off:end]); stop > 0 {
			// A paragraph of prose among the rows: its sentences, and what
			// follows its last one on the line (a table's title) a row.
			out = append(out, splitProse(text, off, off+stop)...)
			if strings.TrimSpace(text[off+stop:end]) != "" {
				out = append(out, Span{Start: off + stop, End: end, Row: true})
			}
		} else {
			for k := i; k <= j; k++ {
				out = append(out, Span{Start: off, End: off + len(lines[k]), Row: true})
				off += len(lines[k]) + 1
			}
			i = j
			continue
		}
		off, i = end+1, j
	}
	return out
}

// proseEnd returns where the prose that opens s ends: after its last
// sentence's full stop, when it has at least eight words before it; 0 when
// s is not prose.
func proseEnd(s string) int {
	stop := -1
	for _, e := range english.SentenceEnds(s, 0, len(s)) {
		if t := strings.TrimSpace(s[e[0]:e[1]]); strings.HasSuffix(t, ".") {
			stop = e[1]
		}
	}
	if stop < 0 || len(strings.Fields(s[:stop])) <= 8 {
		return 0
	}
	return stop
}

// startsLower reports whether a line starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " \t"))
	return unicode.IsLower(r)
}

// reDateLine opens a line with a date ("8 July 2026 ...").
var reDateLine = regexp.MustCompile(`^\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4} `)

// reCellGap is the gap between cells of a table row laid out with spaces.
var reCellGap = regexp.MustCompile(`\S(?: {2,}|\t)\S`)

// reParaNumber is a paragraph number, which is followed by two spaces in
// laid-out text ("2.1  The tracker ...").
var reParaNumber = regexp.MustCompile(`^(?:\d+(?:\.\d+)*\.?|\([a-z0-9]+\)|[a-z]\))\s+`)

// spacedRow reports whether a line is a table row laid out with spaces:
// two or more cell gaps once any paragraph number is set aside.
func spacedRow(line string) bool {
	rest := line[len(reParaNumber.FindString(line)):]
	return len(reCellGap.FindAllStringIndex(rest, 3)) >= 2
}

var reCellSplit = regexp.MustCompile(` {2,}|\t`)

// spacedCells turns a spaced table row into cells joined by " | ".
func spacedCells(row string) string {
	var cells []string
	for _, c := range reCellSplit.Split(strings.TrimSpace(row), -1) {
		if c = Clean(c); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, " | ")
}

// headingLine reports whether a trimmed line looks like a heading: short,
// with no closing punctuation.
func headingLine(s string) bool {
	if len(s) > 60 || s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', ',', ';', ':', '-', '(':
		return false
	}
	return true
}

func startsUpper(s string) bool {
	s = strings.TrimLeft(s, " \t")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isRuleRow(s string) bool {
	return strings.Trim(s, "|-: ") == ""
}

func startsBullet(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '•', '●', '▪', '◼', '■', '◦', '*', '–', '\uf0b7':
		return true
	}
	// "(1)", "1.1", "a)", "3." numbered points
	i := 0
	for i < len(s) && (s[i] == '(' || s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == ' ' || s[i] == ')' || s[i] == '\t') && s[i-1] != '(' {
		return true
	}
	return false
}

// splitProse splits text[start:end] into sentences (english.SentenceEnds)
// and at bullet glyphs inside a line, each of which starts a new point.
func splitProse(text string, start, end int) []Span {
	var out []Span
	add := func(from, to int) {
		for _, e := range english.SentenceEnds(text, from, to) {
			out = append(out, Span{Start: e[0], End: e[1]})
		}
	}
	s := start
	for i := start; i+2 < end; i++ {
		if text[i] == 0xE2 && i > s && isBulletGlyph(text[i:i+3]) {
			add(s, i)
			s = i
		}
	}
	add(s, end)
	return out
}

func isBulletGlyph(s string) bool {
	switch s {
	case "•", "●", "▪", "◼", "■", "◦":
		return true
	}
	return false
}

// Clean collapses runs of white space to one space and trims.
func Clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// CleanRow turns a table row into its cells joined by " | ", keeping the
// row's own text (cells are verbatim).
func CleanRow(s string) string {
	var cells []string
	for _, c := range strings.Split(s, "|") {
		if c = Clean(c); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, " | ")
}

// QuoteAround cuts a quote of at most MaxQuote bytes from a sentence,
// keeping the byte range [at, to) of the sentence inside it, cut at clause
// boundaries where it can and at word boundaries otherwise. The result is
// verbatim text of the sentence with white space collapsed.
func QuoteAround(sentence string, at, to int) string {
	s := sentence
	if at < 0 || at > len(s) {
		at = 0
	}
	if to < at || to > len(s) {
		to = at
	}
	if len(Clean(s)) <= MaxQuote {
		return trimQuote(Clean(s))
	}
	// Clause boundaries: the sentence's ends and the positions just after
	// a clause delimiter.
	bounds := []int{0}
	// aside marks the bounds before a bracket that opens an aside: a
	// quote may end there but not start there ("(CAMHS) and that ...").
	aside := map[int]bool{}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', ';', ':':
			bounds = append(bounds, i+1)
		case '(':
			// Before a bracket that opens an aside, never inside a word
			// ("Recommendation(s)").
			if i > 0 && s[i-1] == ' ' {
				aside[len(bounds)] = true
				bounds = append(bounds, i)
			}
		case ')':
			if i+1 == len(s) || s[i+1] == ' ' {
				bounds = append(bounds, i+1)
			}
		}
	}
	bounds = append(bounds, len(s))
	// Start from the clause holding [at, to), then grow by whole clauses,
	// leftwards first, while the quote fits.
	li, hi := 0, len(bounds)-1
	for k, b := range bounds {
		if b <= at && !aside[k] {
			li = k
		}
	}
	// prev is the start before bound k that is not an aside's bracket.
	prev := func(k int) int {
		for k--; k > 0 && aside[k]; k-- {
		}
		return k
	}
	for k := len(bounds) - 1; k >= 0; k-- {
		if bounds[k] >= to {
			hi = k
		}
	}
	if hi <= li {
		hi = min(li+1, len(bounds)-1)
	}
	fits := func(a, b int) bool { return len(Clean(s[bounds[a]:bounds[b]])) <= MaxQuote }
grow:
	for {
		switch {
		case li > 0 && fits(prev(li), hi):
			li = prev(li)
		case hi < len(bounds)-1 && fits(li, hi+1):
			hi++
		default:
			break grow
		}
	}
	lo := bounds[li]
	q := Clean(s[lo:bounds[hi]])
	if len(q) > MaxQuote {
		// One clause is too long: cut at a word boundary, from the clause
		// start when the match is near it, else from the match.
		if len(Clean(s[lo:to])) > MaxQuote-20 {
			lo = at
		}
		q = Clean(s[lo:])
		if len(q) > MaxQuote {
			q = q[:MaxQuote]
			if i := strings.LastIndexByte(q, ' '); i > MaxQuote/2 {
				q = q[:i]
			}
		}
	}
	if lo > 0 {
		// A quote that starts inside its sentence starts at the clause's
		// subject, not at the word that joined it to the one before
		// ("and that the briefing ..." reads "the briefing ...").
		q = q[len(reJoinWord.FindString(q)):]
	}
	return trimQuote(q)
}

// reJoinWord is a conjunction that opens a clause joined to the one
// before it.
var reJoinWord = regexp.MustCompile(`^\s*(?:(?:and|but|or|while|whereas|so)\s+(?:that\s+)?|that\s+)`)

// trimQuote drops leading bullets, list numbers and stray punctuation and
// a trailing comma or semicolon, so a quote reads as a clause.
func trimQuote(q string) string {
	q = strings.TrimLeft(q, "-•●▪◼■◦*– ")
	q = strings.TrimRight(q, ",;: –")
	q = strings.TrimSpace(q)
	// Keep quotes at or below the limit even after a window grew.
	if len(q) > MaxQuote {
		q = q[:MaxQuote]
		if i := strings.LastIndexByte(q, ' '); i > 0 {
			q = q[:i]
		}
		q = strings.TrimRight(q, ",;: –")
	}
	return validUTF8(q)
}

// validUTF8 drops a rune cut in half at the end of s.
func validUTF8(s string) string {
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}
