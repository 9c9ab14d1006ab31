package samplepack

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// TextPack is a pack written as text, the form of the text fixtures: a
// form feed between pages, table cells separated by two or more spaces,
// an "Agenda Item N" stamp as the first line of a paper's page and a
// "Page N" footer as its last line. RenderText draws it as a PDF in the
// sample's house style, one PDF page per text page, so that the words
// extracted from each PDF page are the words of the same text page.
type TextPack struct {
	Text    string
	Title   string
	Author  string
	Creator string
	// Stamp is the fixed creation and modification date of the PDF.
	Stamp time.Time
}

// ErrPageFull means a text page does not fit on one PDF page.
var ErrPageFull = errors.New("page does not fit")

// Text page geometry: a little tighter than the sample's flowed layout,
// because the text already fixes what goes on each page.
const (
	textSize      = 10.0
	textLineH     = 4.7
	tableMaxSize  = 9.0
	tableMinSize  = 6.5
	coverLabelW   = 42.0
	coverPad      = 0.8
	tablePad      = 1.2
	landscapeW    = pageH
	landscapeH    = pageW
	landscapeBody = landscapeH - 22
)

var (
	reCells     = regexp.MustCompile(`\S(?:[^ ]| [^ ])*`)
	reNumber    = regexp.MustCompile(`^\d+(?:\.\d+)*\.?$`)
	reHeading   = regexp.MustCompile(`^\d+\.\s+[A-Z]`)
	rePagesCell = regexp.MustCompile(`^\(Pages? \d+(?: - \d+)?\)$`)
	reFooter    = regexp.MustCompile(`^Page \d+$`)
	reNumeric   = regexp.MustCompile(`^[-+£]?[\d,.]+%?$|^n/a$`)
)

// cells splits a line at runs of two or more spaces.
func cells(l string) []string { return reCells.FindAllString(l, -1) }

// continued names the cover-sheet labels whose value runs on over the
// following lines.
var continued = map[string]bool{"Summary": true, "Recommendation": true, "Recommendation(s)": true, "Recommendations": true}

// RenderText lays out and draws a text pack.
func RenderText(tp TextPack) ([]byte, error) {
	m := newMeasurer()
	texts := strings.Split(strings.TrimSuffix(tp.Text, "\n"), "\f")
	pages := make([]*page, len(texts))
	for i, t := range texts {
		p, err := layTextPage(m, strings.Split(t, "\n"), i == 0)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		pages[i] = p
	}
	pdfData, _, err := writePDF(pages, docInfo{title: tp.Title, author: tp.Author, creator: tp.Creator, stamp: tp.Stamp})
	if err != nil {
		return nil, fmt.Errorf("render text pack: %w", err)
	}
	return pdfData, nil
}

// textFlow places the lines of one text page.
type textFlow struct {
	m      *measurer
	p      *page
	y      float64
	width  float64 // page width
	bottom float64
}

func (f *textFlow) add(lh float64, segs ...seg) {
	f.y += lh
	for i := range segs {
		segs[i].y = f.y - 1.3
	}
	f.p.lines = append(f.p.lines, textLine{segs: segs})
}

// fit returns s's size, shrunk until s fits in w.
func (f *textFlow) fit(s, style string, size, w float64) float64 {
	for size > 6 && f.m.width(s, style, size) > w {
		size -= 0.25
	}
	return size
}

func (f *textFlow) text(x float64, s, style string, size float64) {
	size = f.fit(s, style, size, f.width-marginR-x)
	f.add(textLineH*size/textSize, seg{x: x, text: s, style: style, size: size})
}

// layTextPage lays out one text page. A page whose tables are too wide for
// portrait at the smallest table size is turned to landscape.
func layTextPage(m *measurer, lines []string, first bool) (*page, error) {
	blocks := splitBlocks(lines)
	land := false
	for _, b := range blocks {
		if b.table != nil && tableWidth(m, b.table, tableMinSize) > contentW {
			land = true
		}
	}
	f := &textFlow{m: m, p: &page{landscape: land}, y: bodyTop - 6, width: pageW, bottom: bodyBottom}
	if land {
		f.width, f.bottom = landscapeW, landscapeBody
	}
	footerAt := footerY
	if land {
		footerAt = landscapeH - 10
	}
	if len(lines) == 2 && lines[0] == blankFiller && reFooter.MatchString(lines[1]) {
		w := m.width(blankFiller, "", bodySize)
		f.p.lines = append(f.p.lines, textLine{segs: []seg{{x: (f.width - w) / 2, y: 140, text: blankFiller, size: bodySize}}})
		footer(m, f.p, lines[1])
		return f.p, nil
	}
	source := false // a table's source note runs on until the next heading
	for bi := 0; bi < len(blocks); bi++ {
		b := blocks[bi]
		if b.table != nil || reHeading.MatchString(b.line) || len(cells(b.line)) > 1 {
			source = false
		}
		switch {
		case b.table != nil:
			layTextTable(f, b)
		case bi == 0 && b.line == "Public Document Pack":
			bw := m.width(b.line, "B", 10) + 8
			f.p.boxes = append(f.p.boxes, box{x: f.width - marginR - bw, y: 10, w: bw, h: 8, fill: grey, border: true})
			f.p.lines = append(f.p.lines, textLine{segs: []seg{{x: f.width - marginR - bw + 4, y: 15.4, text: b.line, style: "B", size: 10}}})
			f.y = 24
		case bi == 0 && strings.HasPrefix(b.line, "Agenda Item "):
			w := m.width(b.line, "B", 12)
			f.p.lines = append(f.p.lines, textLine{segs: []seg{{x: f.width - marginR - w, y: 16, text: b.line, style: "B", size: 12}}})
		case bi == len(blocks)-1 && reFooter.MatchString(b.line):
			w := m.width(b.line, "", 10)
			f.p.lines = append(f.p.lines, textLine{segs: []seg{{x: (f.width - w) / 2, y: footerAt, text: b.line, size: 10}}})
		case first && bi == 1:
			f.text(marginL, b.line, "B", 18)
			f.y += 3
		case first && bi == 2:
			f.text(marginL, b.line, "B", 14)
			f.y += 3
		case b.line == "AGENDA":
			w := m.width(b.line, "B", 14)
			f.y += 2
			f.add(8, seg{x: (f.width - w) / 2, text: b.line, style: "B", size: 14})
		default:
			cs := cells(b.line)
			switch {
			case len(cs) >= 2 && reNumber.MatchString(cs[0]) && (rePagesCell.MatchString(cs[len(cs)-1]) || first):
				// An agenda entry: number, bold title, page range at the right.
				segs := []seg{{x: marginL, text: cs[0], style: "B", size: textSize}, {x: marginL + numberIndent, text: cs[1], style: "B", size: textSize}}
				if len(cs) > 2 {
					pw := m.width(cs[2], "", textSize)
					segs = append(segs, seg{x: f.width - marginR - pw, text: cs[2], size: textSize})
				}
				f.y += 2
				f.add(textLineH, segs...)
			case len(cs) == 2 && reNumber.MatchString(cs[0]):
				size := f.fit(cs[1], "", textSize, f.width-marginR-marginL-numberIndent)
				f.add(textLineH, seg{x: marginL, text: cs[0], size: textSize}, seg{x: marginL + numberIndent, text: cs[1], size: size})
			case len(cs) == 2 && first:
				size := f.fit(cs[1], "", textSize, f.width-marginR-marginL-22)
				f.y += 0.6
				f.add(textLineH, seg{x: marginL, text: cs[0], style: "B", size: textSize}, seg{x: marginL + 22, text: cs[1], size: size})
			case len(cs) == 2:
				// A cover-sheet row, with the lines its value runs on over.
				value := []string{cs[1]}
				for continued[cs[0]] && bi+1 < len(blocks) && blocks[bi+1].table == nil &&
					len(cells(blocks[bi+1].line)) == 1 && !reHeading.MatchString(blocks[bi+1].line) {
					bi++
					value = append(value, blocks[bi].line)
				}
				coverRow(f, cs[0], value)
			case reHeading.MatchString(b.line) && len(b.line) < 70:
				f.y += 2.4
				f.text(marginL, b.line, "B", textSize+0.5)
			case strings.HasPrefix(b.line, "Table ") && strings.Contains(b.line, ":"):
				f.y += 1.2
				f.text(marginL, b.line, "B", textSize-0.5)
			case isSubheading(b.line):
				f.y += 1.2
				f.text(marginL, b.line, "B", textSize)
			case strings.HasPrefix(b.line, "Source:") || source:
				f.text(marginL, b.line, "", textSize-1.5)
				source = true
			default:
				f.text(marginL, b.line, "", textSize)
			}
		}
		if f.y > f.bottom {
			return nil, fmt.Errorf("%w: at %q", ErrPageFull, firstOf(b))
		}
	}
	return f.p, nil
}

func firstOf(b textBlock) string {
	if b.table != nil {
		return strings.Join(b.table[0], "  ")
	}
	return b.line
}

// isSubheading reports a short line that names a section ("Child
// protection", "Membership:") rather than running text.
func isSubheading(l string) bool {
	if len(l) > 40 || strings.HasSuffix(l, ".") || l == "Chair" {
		return false
	}
	r := l[0]
	return r >= 'A' && r <= 'Z' && !reNumber.MatchString(strings.Fields(l)[0])
}

// textBlock is one line of text, or a table: rows of cells, with an
// optional heading line above the header whose cells span the columns
// they start over.
type textBlock struct {
	line     string
	table    [][]string
	span     []string
	spanCols []int
}

// splitBlocks groups a page's lines into single lines and tables. A table
// is a run of lines of three or more cells (not an agenda entry), with any
// indented heading line just above it.
func splitBlocks(lines []string) []textBlock {
	isRow := func(l string) bool {
		cs := cells(l)
		return len(cs) >= 3 && !rePagesCell.MatchString(cs[len(cs)-1]) && !strings.HasPrefix(l, " ")
	}
	var out []textBlock
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		spanning := strings.HasPrefix(l, "  ") && i+1 < len(lines) && isRow(lines[i+1])
		if !spanning && !isRow(l) {
			out = append(out, textBlock{line: l})
			continue
		}
		var b textBlock
		if spanning {
			b.span, b.spanCols = spanCells(l, lines[i+1])
			i++
		}
		for ; i < len(lines) && isRow(lines[i]); i++ {
			b.table = append(b.table, cells(lines[i]))
		}
		i--
		out = append(out, b)
	}
	return out
}

// spanCells places each cell of an indented heading line over the column
// of the header line below that starts at the same character offset (or
// the nearest one before it).
func spanCells(span, header string) ([]string, []int) {
	starts := reCells.FindAllStringIndex(header, -1)
	var cs []string
	var cols []int
	for _, loc := range reCells.FindAllStringIndex(span, -1) {
		col := 0
		for c, s := range starts {
			if s[0] <= loc[0] {
				col = c
			}
		}
		cs = append(cs, span[loc[0]:loc[1]])
		cols = append(cols, col)
	}
	return cs, cols
}

// tableWidth is the width of t with every column as wide as its widest
// cell.
func tableWidth(m *measurer, t [][]string, size float64) float64 {
	w := 0.0
	for _, cw := range columnWidths(m, t, size) {
		w += cw
	}
	return w
}

func columnWidths(m *measurer, t [][]string, size float64) []float64 {
	var ws []float64
	for r, row := range t {
		style := ""
		if r == 0 {
			style = "B"
		}
		for c, s := range row {
			w := m.width(s, style, size) + 2*tablePad
			for len(ws) <= c {
				ws = append(ws, 0)
			}
			if w > ws[c] {
				ws[c] = w
			}
		}
	}
	return ws
}

// layTextTable draws a table at the largest size that fits the page
// width: the spanning heading in bold over its columns, the header row
// shaded and bold, figures right-aligned, RAG cells filled.
func layTextTable(f *textFlow, b textBlock) {
	t := b.table
	avail := f.width - marginL - marginR
	size := tableMaxSize
	for size > tableMinSize && tableWidth(f.m, t, size) > avail {
		size -= 0.25
	}
	ws := columnWidths(f.m, t, size)
	lh := lineH * size / bodySize
	f.y += 1
	if b.span != nil {
		var segs []seg
		for i, s := range b.span {
			x := marginL
			for c := 0; c < b.spanCols[i] && c < len(ws); c++ {
				x += ws[c]
			}
			segs = append(segs, seg{x: x + tablePad, text: s, style: "B", size: size})
		}
		f.add(lh+1, segs...)
	}
	for r, row := range t {
		top := f.y
		h := lh + 2*tablePad
		var segs []seg
		x := marginL
		for c, s := range row {
			style, fill := "", ragFill(s)
			if r == 0 {
				style, fill = "B", grey
			}
			f.p.boxes = append(f.p.boxes, box{x: x, y: top, w: ws[c], h: h, fill: fill, border: true})
			sx := x + tablePad
			if c > 0 && r > 0 && reNumeric.MatchString(s) {
				sx = x + ws[c] - tablePad - f.m.width(s, style, size)
			}
			segs = append(segs, seg{x: sx, y: top + tablePad + lh - 1.3, text: s, style: style, size: size})
			x += ws[c]
		}
		// A short row (a total) still has every column's box.
		for c := len(row); c < len(ws); c++ {
			f.p.boxes = append(f.p.boxes, box{x: x, y: top, w: ws[c], h: h, border: true})
			x += ws[c]
		}
		f.p.lines = append(f.p.lines, textLine{segs: segs})
		f.y = top + h
	}
	f.y += 1.6
}

// coverRow draws one row of a report's cover sheet as a grid row: the
// label shaded and bold, the value beside it over one or more lines.
func coverRow(f *textFlow, label string, value []string) {
	vw := f.width - marginR - marginL - coverLabelW
	h := float64(len(value))*textLineH + 2*coverPad
	top := f.y
	f.p.boxes = append(f.p.boxes,
		box{x: marginL, y: top, w: coverLabelW, h: h, fill: grey, border: true},
		box{x: marginL + coverLabelW, y: top, w: vw, h: h, border: true})
	f.y += coverPad
	for i, v := range value {
		size := f.fit(v, "", textSize, vw-4*coverPad)
		segs := []seg{}
		if i == 0 {
			segs = append(segs, seg{x: marginL + coverPad*2, text: label, style: "B", size: textSize})
		}
		segs = append(segs, seg{x: marginL + coverLabelW + coverPad*2, text: v, size: size})
		f.add(textLineH, segs...)
	}
	f.y = top + h
}
