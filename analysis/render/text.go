package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/analysis"
)

// Width is the column a text brief wraps at.
const Width = 88

// Text writes r as plain text for a terminal, wrapped at Width columns:
// a header, a contents list, then one section per item with its themes and
// numbered questions, each followed by its page cites and quotes.
func Text(w io.Writer, r *analysis.Report) error { return TextWith(w, r, Options{}) }

// TextWith is Text with options: its width, bold for a terminal, and what
// it keeps.
func TextWith(w io.Writer, r *analysis.Report, opts Options) error {
	b, err := view(r, opts)
	if err != nil {
		return fmt.Errorf("render text: %w", err)
	}
	bw := bufio.NewWriter(w)
	t := &textWriter{w: bw, width: opts.Width, bold: opts.Bold, full: opts.Full}
	if t.width < minWidth {
		t.width = Width
	}
	t.brief(b)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render text: %w", err)
	}
	return nil
}

// minWidth is the narrowest text brief; a narrower width asked for gets
// Width.
const minWidth = 40

type textWriter struct {
	w     *bufio.Writer
	width int
	bold  bool
	full  bool
}

// strongPara writes s wrapped, each line bold for a terminal when asked
// to (the marks do not count towards the width).
func (t *textWriter) strongPara(first, rest, s string) {
	for _, l := range wrap(first, rest, s, t.width) {
		lead := len(l) - len(strings.TrimLeft(l, " "))
		t.line(l[:lead] + t.strong(l[lead:]))
	}
}

// strong marks s bold for a terminal when asked to.
func (t *textWriter) strong(s string) string {
	if !t.bold || s == "" {
		return s
	}
	return "\x1b[1m" + s + "\x1b[0m"
}

func (t *textWriter) line(s string) {
	t.w.WriteString(strings.TrimRight(s, " "))
	t.w.WriteByte('\n')
}

// para writes s wrapped, the first line prefixed by first and the rest by
// rest.
func (t *textWriter) para(first, rest, s string) {
	for _, l := range wrap(first, rest, s, t.width) {
		t.line(l)
	}
}

func (t *textWriter) brief(b *brief) {
	rule := strings.Repeat("=", t.width)
	t.line(rule)
	t.strongPara("", "", b.Heading)
	if b.Council != "" {
		t.para("", "", b.Council)
	}
	if b.Date != "" {
		t.para("", "", b.Date)
	}
	if b.Source != "" {
		t.para("Source: ", "        ", b.Source)
	}
	t.line(rule)
	t.line("")
	t.para("How to use this brief: ", "", b.HowTo)
	t.line("")
	if len(b.Items) == 0 {
		t.para("", "", b.NoItems)
		return
	}
	if len(b.Items) > 1 {
		t.contents(b.Items)
		t.line("")
	}
	if len(b.SinceLast) > 0 {
		t.line("Since the last meeting")
		for _, s := range b.SinceLast {
			t.para("  - ", "    ", "“"+s.Text+"” ("+s.Cite+"): "+s.Answer)
		}
		t.line("")
	}
	for i, it := range b.Items {
		if i > 0 {
			t.line("")
		}
		t.item(it)
	}
	if b.NationalNote != "" {
		t.line("")
		t.line(strings.Repeat("-", t.width))
		t.para("", "", b.NationalNote)
	}
}

func (t *textWriter) contents(items []itemView) {
	t.line("Contents")
	col := 0
	for _, it := range items {
		col = max(col, utf8.RuneCountInString(it.Label))
	}
	for _, it := range items {
		label := it.Label + strings.Repeat(" ", col-utf8.RuneCountInString(it.Label))
		s := it.Title
		if it.Pages != "" {
			s += "  ·  " + it.Pages
		}
		s += "  ·  " + plural(it.Count, "question")
		if it.Exempt {
			s += "  ·  EXEMPT"
		}
		t.para("  "+label+"  ", strings.Repeat(" ", col+4), s)
	}
}

func (t *textWriter) item(it itemView) {
	t.line(strings.Repeat("-", t.width))
	t.strongPara("", "", it.Label+": "+it.Title)
	if it.Facts != "" {
		t.para("", "", it.Facts)
	}
	t.line(strings.Repeat("-", t.width))
	if it.Exempt {
		t.para("!! ", "   ", it.ExemptMsg)
	}
	if len(it.Themes) == 0 {
		t.para("Themes: ", "        ", it.NoThemes)
	} else {
		parts := make([]string, len(it.Themes))
		for i, th := range it.Themes {
			parts[i] = th.Title + " (" + th.Score + ")"
		}
		t.para("Themes: ", "        ", strings.Join(parts, "; "))
	}
	if it.Summary != "" {
		t.line("")
		t.para("In short: ", "", it.Summary)
	}
	if it.Inspection != nil {
		t.inspection(it.Inspection)
	}
	if len(it.Watch) > 0 {
		t.watch(it.Watch)
	}
	if len(it.National) > 0 {
		t.national(it.National)
	}
	if it.Count == 0 {
		t.line("")
		t.para("", "", it.Empty)
		return
	}
	for _, g := range it.Groups {
		t.line("")
		t.line(t.strong(g.Label))
		t.line(strings.Repeat("~", utf8.RuneCountInString(g.Label)))
		for i, q := range g.Questions {
			if i > 0 {
				t.line("")
			}
			t.question(q)
		}
	}
	if it.MoreNote != "" {
		t.line("")
		t.para("", "", it.MoreNote)
	}
	if it.PagesNote != "" {
		t.line("")
		t.para("", "", it.PagesNote)
	}
}

// watch writes the indicators off target or getting worse, one a line.
func (t *textWriter) watch(rows []watchRow) {
	t.line("")
	t.line("Off target or getting worse")
	for _, r := range rows {
		s := r.Measure + ": " + r.Latest
		if r.Target != "" {
			s += " (target " + r.Target + ")"
		}
		if r.Trend != "" {
			s += "; " + r.Trend
		}
		if r.RAG != "" {
			s += "; " + r.RAG
		}
		t.para("  - ", "    ", s)
	}
}

// national writes an item's measures against DfE's published figures,
// one a line: the report's figure, then the national figures.
func (t *textWriter) national(rows []nationalRow) {
	t.line("")
	t.line("Against the national figures (DfE)")
	for _, r := range rows {
		s := r.Measure + ": "
		if r.Paper != "" {
			s += "report " + r.Paper + "; "
		}
		s += "DfE " + r.Year + ": council " + r.Council + ", England " + r.England + ", neighbours " + r.Neighbour
		if r.Rank != "" {
			s += " (rank " + r.Rank + ")"
		}
		if r.Verdict != "" {
			s += ", " + r.Verdict
		}
		t.para("  - ", "    ", s)
	}
}

// inspection writes what an inspection was, its grades as a table, the
// last inspection and the strengths inspectors found.
func (t *textWriter) inspection(in *inspectionView) {
	t.line("")
	t.para("", "", in.Line)
	if len(in.Judgements) > 0 {
		col, gcol := len("Judgement"), len("Grade")
		for _, j := range in.Judgements {
			col = max(col, utf8.RuneCountInString(j.Area))
			gcol = max(gcol, utf8.RuneCountInString(j.Grade))
		}
		pad := func(s string, n int) string { return s + strings.Repeat(" ", n-utf8.RuneCountInString(s)) }
		t.line("")
		t.line(strings.TrimRight("  "+pad("Judgement", col)+"  "+pad("Grade", gcol)+"  Change", " "))
		for _, j := range in.Judgements {
			row := "  " + pad(j.Area, col) + "  " + pad(j.Grade, gcol)
			if j.Change != "" && utf8.RuneCountInString(row)+2+utf8.RuneCountInString(j.Change) > t.width {
				t.line(strings.TrimRight(row, " "))
				t.para(strings.Repeat(" ", col+4), strings.Repeat(" ", col+4), "("+j.Change+")")
				continue
			}
			t.line(strings.TrimRight(row+"  "+j.Change, " "))
		}
	}
	if in.Previous != "" {
		t.line("")
		t.para("", "", in.Previous)
	}
	if len(in.Strengths) > 0 {
		t.line("")
		t.line("Strengths inspectors found")
		for _, c := range in.Strengths {
			t.para("  - ", "    ", "“"+c.Quote+"” ("+c.Cite+")")
		}
	}
}

func (t *textWriter) question(q questionView) {
	num := fmt.Sprintf("%3d. ", q.N)
	ind := strings.Repeat(" ", len(num))
	if q.Lead {
		t.strongPara(num, ind, q.Text)
	} else {
		t.para(num, ind, q.Text)
	}
	if q.Theme != "" {
		t.para(ind+"Theme: ", ind+"       ", q.Theme)
	}
	if q.Found != "" && (t.full || len(q.Cites) == 0) {
		t.para(ind+"Found: ", ind+"       ", q.Found)
	}
	for k, c := range q.Cites {
		s := c.Cite
		if k == 0 && q.Found != "" && !t.full {
			s = q.Found + " · " + s // the check that found it, with its evidence
		}
		switch {
		case c.Reading != "":
			s += ", table: " + c.Reading
		case c.Quote != "":
			s += ": “" + c.Quote + "”"
		}
		t.para(ind, ind+"  ", s)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if n == 0 {
		return "no " + word + "s"
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// wrap breaks s into lines of at most width runes, the first prefixed by
// first and the others by rest. A word longer than a line is kept whole on
// a line of its own rather than cut.
func wrap(first, rest, s string, width int) []string {
	words := strings.Fields(s)
	var lines []string
	cur := first
	curLen := utf8.RuneCountInString(first)
	empty := true // no word on cur yet
	for _, wd := range words {
		n := utf8.RuneCountInString(wd)
		if !empty && curLen+1+n > width {
			lines = append(lines, cur)
			cur, curLen, empty = rest, utf8.RuneCountInString(rest), true
		}
		if !empty {
			cur += " "
			curLen++
		}
		cur += wd
		curLen += n
		empty = false
	}
	if !empty || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}
