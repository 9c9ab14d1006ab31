package samplepack

import (
	"strings"

	"github.com/go-pdf/fpdf"
)

// Page geometry in millimetres (A4 portrait).
const (
	pageW        = 210.0
	pageH        = 297.0
	marginL      = 20.0
	marginR      = 20.0
	bodyTop      = 30.0
	bodyBottom   = 270.0
	footerY      = 284.0
	contentW     = pageW - marginL - marginR
	bodySize     = 11.0
	lineH        = 5.4
	cellPad      = 1.6
	paraGap      = 2.6
	headingGap   = 3.4
	numberIndent = 11.0
)

// seg is one run of text drawn on a line: x is its left edge, y its
// baseline. Text is UTF-8; it is translated to the core fonts' code page
// only when drawn.
type seg struct {
	x, y  float64
	text  string
	style string
	size  float64
}

// textLine is one visual line of a page: the segments that share a
// baseline, in left-to-right order.
type textLine struct {
	segs []seg
}

// box is a rectangle drawn before the text of a page: a table cell border,
// a shaded header or a RAG rating fill.
type box struct {
	x, y, w, h float64
	fill       *rgb
	border     bool
}

type rgb struct{ r, g, b int }

// page is one laid-out physical page.
type page struct {
	// landscape turns the page (a wide table); the sample has none.
	landscape bool
	boxes     []box
	rules     [][4]float64
	lines     []textLine
}

// text returns the page's text as laid out: one line per visual line,
// segments of a line joined by two spaces.
func (p *page) text() string {
	var b strings.Builder
	for i, l := range p.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		parts := make([]string, 0, len(l.segs))
		for _, s := range l.segs {
			if s.text != "" {
				parts = append(parts, s.text)
			}
		}
		b.WriteString(strings.Join(parts, "  "))
	}
	return b.String()
}

// measurer gives string widths in the core fonts.
type measurer struct {
	pdf *fpdf.Fpdf
	tr  func(string) string
}

func newMeasurer() *measurer {
	p := fpdf.New("P", "mm", "A4", "")
	return &measurer{pdf: p, tr: p.UnicodeTranslatorFromDescriptor("")}
}

func (m *measurer) width(s, style string, size float64) float64 {
	m.pdf.SetFont("Helvetica", style, size)
	return m.pdf.GetStringWidth(m.tr(s))
}

// wrap breaks s into lines no wider than w; "\n" forces a break.
func (m *measurer) wrap(s, style string, size, w float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		cur := words[0]
		for _, wd := range words[1:] {
			try := cur + " " + wd
			if m.width(try, style, size) <= w {
				cur = try
				continue
			}
			out = append(out, cur)
			cur = wd
		}
		out = append(out, cur)
	}
	return out
}

// flow lays blocks out onto pages, starting new pages as needed.
type flow struct {
	m     *measurer
	pages []*page
	cur   *page
	y     float64
	// start decorates a new page (stamp, running header) and returns the
	// y at which the body starts.
	start func(p *page) float64
}

func (f *flow) newPage() {
	f.cur = &page{}
	f.pages = append(f.pages, f.cur)
	f.y = bodyTop
	if f.start != nil {
		f.y = f.start(f.cur)
	}
}

// need starts a new page unless h millimetres fit below the cursor.
func (f *flow) need(h float64) {
	if f.cur == nil || f.y+h > bodyBottom {
		f.newPage()
	}
}

// line adds one line of segments whose baseline is lh below the cursor.
func (f *flow) line(lh float64, segs ...seg) {
	f.need(lh)
	f.y += lh
	for i := range segs {
		segs[i].y = f.y - 1.3
	}
	f.cur.lines = append(f.cur.lines, textLine{segs: segs})
}

// para writes wrapped text at x with width w.
func (f *flow) para(x, w float64, s, style string, size float64) {
	for _, l := range f.m.wrap(s, style, size, w) {
		f.line(lineH*size/bodySize, seg{x: x, text: l, style: style, size: size})
	}
}

// hanging writes a label (such as "2.1" or a bullet) with wrapped text
// indented beside it.
func (f *flow) hanging(x, indent float64, label, s, style string) {
	lines := f.m.wrap(s, style, bodySize, contentW-(x-marginL)-indent)
	for i, l := range lines {
		segs := []seg{}
		if i == 0 && label != "" {
			segs = append(segs, seg{x: x, text: label, style: style, size: bodySize})
		}
		segs = append(segs, seg{x: x + indent, text: l, style: style, size: bodySize})
		f.line(lineH, segs...)
	}
}

func (f *flow) gap(h float64) {
	if f.cur != nil && f.y+h <= bodyBottom {
		f.y += h
	}
}

// cellStyle says how one table cell is drawn.
type cellStyle struct {
	align byte // 'L', 'R' or 'C'
	bold  bool
	fill  *rgb
}

var (
	grey  = &rgb{217, 217, 217}
	red   = &rgb{230, 124, 115}
	amber = &rgb{255, 204, 102}
	green = &rgb{147, 196, 125}
)

// ragFill returns the fill for a RAG rating cell, nil for other text.
func ragFill(s string) *rgb {
	switch s {
	case "Red":
		return red
	case "Amber":
		return amber
	case "Green":
		return green
	}
	return nil
}

// table lays out a grid. widths are in millimetres; header (may be nil) is
// repeated on each page the table runs onto. align gives each column's
// alignment; a column aligned 'R' holds figures. firstBold shades and
// emboldens the first column (a cover sheet).
type table struct {
	widths    []float64
	header    []string
	rows      [][]string
	align     string
	firstBold bool
	size      float64
}

func (f *flow) table(t table) {
	size := t.size
	if size == 0 {
		size = bodySize
	}
	lh := lineH * size / bodySize
	if t.header != nil {
		// Keep the header with at least the first row.
		f.need(f.rowHeight(t, t.header, size, lh, true) + f.rowHeight(t, t.rows[0], size, lh, false))
		f.row(t, t.header, size, lh, true)
	}
	for _, r := range t.rows {
		h := f.rowHeight(t, r, size, lh, false)
		if f.y+h > bodyBottom {
			f.newPage()
			if t.header != nil {
				f.row(t, t.header, size, lh, true)
			}
		}
		f.row(t, r, size, lh, false)
	}
}

func (f *flow) cellStyle(t table, col int, text string, header bool) cellStyle {
	cs := cellStyle{align: 'L'}
	if col < len(t.align) {
		cs.align = t.align[col]
	}
	switch {
	case header:
		cs.bold, cs.fill = true, grey
	case t.firstBold && col == 0:
		cs.bold, cs.fill = true, grey
	default:
		cs.fill = ragFill(text)
	}
	return cs
}

func (f *flow) cellLines(t table, col int, text string, cs cellStyle, size float64) []string {
	style := ""
	if cs.bold {
		style = "B"
	}
	return f.m.wrap(text, style, size, t.widths[col]-2*cellPad)
}

func (f *flow) rowHeight(t table, cells []string, size, lh float64, header bool) float64 {
	n := 1
	for c, text := range cells {
		cs := f.cellStyle(t, c, text, header)
		if k := len(f.cellLines(t, c, text, cs, size)); k > n {
			n = k
		}
	}
	return float64(n)*lh + 2*cellPad
}

func (f *flow) row(t table, cells []string, size, lh float64, header bool) {
	h := f.rowHeight(t, cells, size, lh, header)
	f.need(h)
	top := f.y
	x := marginL
	wrapped := make([][]string, len(cells))
	styles := make([]cellStyle, len(cells))
	n := 0
	for c, text := range cells {
		styles[c] = f.cellStyle(t, c, text, header)
		wrapped[c] = f.cellLines(t, c, text, styles[c], size)
		if len(wrapped[c]) > n {
			n = len(wrapped[c])
		}
		f.cur.boxes = append(f.cur.boxes, box{x: x, y: top, w: t.widths[c], h: h, fill: styles[c].fill, border: true})
		x += t.widths[c]
	}
	for i := 0; i < n; i++ {
		base := top + cellPad + float64(i+1)*lh - 1.3
		var segs []seg
		x := marginL
		for c := range cells {
			if i < len(wrapped[c]) && wrapped[c][i] != "" {
				style := ""
				if styles[c].bold {
					style = "B"
				}
				s := wrapped[c][i]
				sx := x + cellPad
				switch styles[c].align {
				case 'R':
					sx = x + t.widths[c] - cellPad - f.m.width(s, style, size)
				case 'C':
					sx = x + (t.widths[c]-f.m.width(s, style, size))/2
				}
				segs = append(segs, seg{x: sx, y: base, text: s, style: style, size: size})
			}
			x += t.widths[c]
		}
		if len(segs) > 0 {
			f.cur.lines = append(f.cur.lines, textLine{segs: segs})
		}
	}
	f.y = top + h
}
