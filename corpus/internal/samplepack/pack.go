package samplepack

import "fmt"

// block is one piece of a report's body.
type block interface {
	lay(f *flow)
}

// heading is a bold section heading ("2. Background").
type heading string

func (h heading) lay(f *flow) {
	f.gap(headingGap)
	f.need(4 * lineH) // keep a heading with the start of its section
	f.para(marginL, contentW, string(h), "B", bodySize)
	f.gap(1.2)
}

// para is a plain paragraph.
type para string

func (p para) lay(f *flow) {
	f.para(marginL, contentW, string(p), "", bodySize)
	f.gap(paraGap)
}

// bold is a bold paragraph (a sub-heading or a resolution).
type bold string

func (p bold) lay(f *flow) {
	f.para(marginL, contentW, string(p), "B", bodySize)
	f.gap(paraGap)
}

// numbered is a numbered paragraph with a hanging indent ("2.1  The ...").
type numbered struct{ num, text string }

func (n numbered) lay(f *flow) {
	f.hanging(marginL, numberIndent, n.num, n.text, "")
	f.gap(paraGap)
}

// bullets is a list of bulleted points, indented under numbered text.
type bullets []string

func (b bullets) lay(f *flow) {
	for _, s := range b {
		f.hanging(marginL+numberIndent, 5, "\u2022", s, "")
		f.gap(1)
	}
	f.gap(paraGap - 1)
}

func (t table) lay(f *flow) {
	f.table(t)
	f.gap(paraGap + 1)
}

// caption is a bold line introducing a table.
type caption string

func (c caption) lay(f *flow) {
	f.need(5 * lineH)
	f.para(marginL, contentW, string(c), "B", bodySize-1)
	f.gap(1)
}

// cover is a report's cover sheet as a two-column grid.
func cover(rows ...[2]string) table {
	t := table{widths: []float64{45, contentW - 45}, firstBold: true}
	for _, r := range rows {
		t.rows = append(t.rows, []string{r[0], r[1]})
	}
	return t
}

// document is one paper in the pack: a report, the minutes or an
// appendix. It starts on a new odd-numbered printed page.
type document struct {
	// runningHeader is printed under the stamp on every page (minutes).
	runningHeader string
	blocks        []block
}

// agendaItem is one numbered item of the agenda with its papers.
type agendaItem struct {
	num   string
	title string
	desc  string
	docs  []document
}

// pack is the laid-out sample pack.
type pack struct {
	pages []*page
	// front is the number of unnumbered front-sheet pages.
	front int
	// ranges maps an agenda item number to its printed page range.
	ranges map[string][2]int
}

// build lays out the whole pack: papers first (to learn their printed
// page ranges), then the front sheet that cites those ranges.
func build(m *measurer, items []agendaItem) *pack {
	var content []*page
	ranges := map[string][2]int{}
	for _, it := range items {
		if len(it.docs) == 0 {
			continue
		}
		first := 0
		for _, d := range it.docs {
			if len(content)%2 == 1 {
				content = append(content, blankPage(m))
			}
			if first == 0 {
				first = len(content) + 1
			}
			content = append(content, layDocument(m, it.num, d)...)
		}
		ranges[it.num] = [2]int{first, len(content)}
	}
	// Trailing blank pages belong to the item before them.
	for num, r := range ranges {
		next := len(content)
		for _, r2 := range ranges {
			if r2[0] > r[1] && r2[0]-1 < next {
				next = r2[0] - 1
			}
		}
		ranges[num] = [2]int{r[0], next}
	}
	for i, p := range content {
		footer(m, p, fmt.Sprintf("Page %d", i+1))
	}
	front := layFront(m, items, ranges)
	return &pack{pages: append(front, content...), front: len(front), ranges: ranges}
}

// blankFiller is the only text of a filler page.
const blankFiller = "This page is intentionally left blank"

// blankPage is a filler page, added so that every paper starts on an
// odd-numbered (right-hand) page when the pack is printed double-sided.
func blankPage(m *measurer) *page {
	w := m.width(blankFiller, "", bodySize)
	return &page{lines: []textLine{{segs: []seg{{x: (pageW - w) / 2, y: 140, text: blankFiller, size: bodySize}}}}}
}

// footer adds the centred printed page number as the last line of p.
func footer(m *measurer, p *page, s string) {
	w := m.width(s, "", 10)
	p.lines = append(p.lines, textLine{segs: []seg{{x: (pageW - w) / 2, y: footerY, text: s, size: 10}}})
}

// layDocument lays out one paper, stamping every page with its item number.
func layDocument(m *measurer, num string, d document) []*page {
	stamp := "Agenda Item " + num
	f := &flow{m: m}
	f.start = func(p *page) float64 {
		w := m.width(stamp, "B", 12)
		p.lines = append(p.lines, textLine{segs: []seg{{x: pageW - marginR - w, y: 16, text: stamp, style: "B", size: 12}}})
		if d.runningHeader == "" {
			return bodyTop - 6
		}
		p.lines = append(p.lines, textLine{segs: []seg{{x: marginL, y: 25, text: d.runningHeader, style: "", size: 9}}})
		p.rules = append(p.rules, [4]float64{marginL, 26.8, pageW - marginR, 26.8})
		return bodyTop
	}
	f.newPage()
	for _, b := range d.blocks {
		b.lay(f)
	}
	return f.pages
}
