package samplepack

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// stamp is the fixed creation and modification date written into the PDF,
// so that the output is the same on every run.
var stamp = time.Date(2026, time.October, 6, 9, 0, 0, 0, time.UTC)

// layFront lays out the front sheet: banner, meeting details, membership
// and the agenda with the printed page ranges of the papers.
func layFront(m *measurer, items []agendaItem, ranges map[string][2]int) []*page {
	f := &flow{m: m}
	f.newPage()
	p := f.cur
	banner := "Public Document Pack"
	bw := m.width(banner, "B", 10) + 8
	p.boxes = append(p.boxes, box{x: pageW - marginR - bw, y: 10, w: bw, h: 8, fill: grey, border: true})
	p.lines = append(p.lines, textLine{segs: []seg{{x: pageW - marginR - bw + 4, y: 15.4, text: banner, style: "B", size: 10}}})
	f.y = 24
	f.para(marginL, contentW, "Wexcombe Borough Council", "B", 18)
	f.gap(3)
	f.para(marginL, contentW, "Children and Young People Scrutiny Committee", "B", 14)
	f.gap(3)
	for _, kv := range [][2]string{
		{"Date:", "Wednesday, 14 October 2026"},
		{"Time:", "6.00 pm"},
		{"Venue:", "Committee Room 2, Civic Centre, Market Street, Wexcombe WX1 2AB"},
	} {
		f.line(lineH+0.6, seg{x: marginL, text: kv[0], style: "B", size: bodySize}, seg{x: marginL + 22, text: kv[1], size: bodySize})
	}
	f.gap(3)
	for _, b := range frontMatter {
		b.lay(f)
	}
	f.gap(2)
	aw := m.width("AGENDA", "B", 14)
	f.line(8, seg{x: (pageW - aw) / 2, text: "AGENDA", style: "B", size: 14})
	f.gap(3)
	for _, it := range items {
		pages := ""
		if r, ok := ranges[it.num]; ok {
			pages = fmt.Sprintf("(Pages %d - %d)", r[0], r[1])
		}
		pw := m.width(pages, "", bodySize)
		title := m.wrap(it.title, "B", bodySize, contentW-numberIndent-pw-6)
		desc := m.wrap(it.desc, "", bodySize, contentW-numberIndent)
		f.need(float64(len(title)+len(desc)) * lineH)
		for i, l := range title {
			segs := []seg{}
			if i == 0 {
				segs = append(segs, seg{x: marginL, text: it.num + ".", style: "B", size: bodySize})
			}
			segs = append(segs, seg{x: marginL + numberIndent, text: l, style: "B", size: bodySize})
			if i == 0 && pages != "" {
				segs = append(segs, seg{x: pageW - marginR - pw, text: pages, size: bodySize})
			}
			f.line(lineH, segs...)
		}
		f.gap(1)
		for _, l := range desc {
			f.line(lineH, seg{x: marginL + numberIndent, text: l, size: bodySize})
		}
		f.gap(4)
	}
	for _, b := range frontClosing {
		b.lay(f)
	}
	return f.pages
}

// Render lays the sample pack out and returns the PDF and its text: one
// page per form-feed separated part, each page's lines as laid out
// (stamp, running header, body, footer).
func Render() (pdfData []byte, text string, err error) {
	m := newMeasurer()
	pk := build(m, agenda)
	pdfData, texts, err := writePDF(pk.pages, docInfo{
		title:   "Children and Young People Scrutiny Committee, 14 October 2026: Public Document Pack",
		author:  "Wexcombe Borough Council",
		creator: "Wexcombe Borough Council committee papers",
		stamp:   stamp,
	})
	if err != nil {
		return nil, "", fmt.Errorf("render sample pack: %w", err)
	}
	return pdfData, strings.Join(texts, "\f") + "\n", nil
}

// docInfo is the PDF's document information.
type docInfo struct {
	title, author, creator string
	// stamp is the fixed creation and modification date, so that the
	// output is the same on every run.
	stamp time.Time
}

// writePDF draws laid-out pages into an A4 PDF and returns it with each
// page's text.
func writePDF(pages []*page, info docInfo) ([]byte, []string, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(info.stamp)
	pdf.SetModificationDate(info.stamp)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginL, bodyTop, marginR)
	pdf.SetTitle(info.title, true)
	pdf.SetAuthor(info.author, true)
	pdf.SetCreator(info.creator, true)
	pdf.SetProducer("scrutineer samplepack", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	texts := make([]string, len(pages))
	for i, p := range pages {
		if p.landscape {
			pdf.AddPageFormat("L", fpdf.SizeType{Wd: pageW, Ht: pageH})
		} else {
			pdf.AddPage()
		}
		pdf.SetLineWidth(0.2)
		pdf.SetDrawColor(0, 0, 0)
		for _, b := range p.boxes {
			style := ""
			if b.fill != nil {
				pdf.SetFillColor(b.fill.r, b.fill.g, b.fill.b)
				style = "F"
			}
			if b.border {
				style += "D"
			}
			if style != "" {
				pdf.Rect(b.x, b.y, b.w, b.h, style)
			}
		}
		for _, r := range p.rules {
			pdf.Line(r[0], r[1], r[2], r[3])
		}
		for _, l := range p.lines {
			for _, s := range l.segs {
				pdf.SetFont("Helvetica", s.style, s.size)
				pdf.Text(s.x, s.y, tr(s.text))
			}
		}
		texts[i] = p.text()
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), texts, nil
}
