package pdftext

import (
	"bytes"
	"fmt"
	"strings"
)

// pdfBuilder writes small PDFs object by object, for tests that need exact
// content-stream operators (TJ kerning, Tz, Type0 fonts, ToUnicode maps)
// that a PDF library would not produce on purpose.
type pdfBuilder struct {
	objs []string // objs[i] is object i+1's body
}

// add stores an object and returns its number.
func (b *pdfBuilder) add(body string) int {
	b.objs = append(b.objs, body)
	return len(b.objs)
}

// set replaces the body of object n.
func (b *pdfBuilder) set(n int, body string) { b.objs[n-1] = body }

// stream returns a stream object body holding data.
func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// bytes writes the file with catalog object root.
func (b *pdfBuilder) bytes(root int, header string) []byte {
	var out bytes.Buffer
	if header == "" {
		header = "%PDF-1.4"
	}
	out.WriteString(header + "\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(b.objs))
	for i, o := range b.objs {
		offs[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(b.objs)+1, root, x)
	return out.Bytes()
}

// helvetica is a simple-font dictionary with no Widths: the standard
// metrics apply.
const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// onePage builds a single-page PDF whose page has the given content
// stream and font resources (name → font object body).
func onePage(content string, fonts map[string]string, extraPage string) []byte {
	return pagesPDF([]string{content}, fonts, extraPage, "")
}

// pagesPDF builds a PDF with one page per content stream, sharing fonts.
func pagesPDF(contents []string, fonts map[string]string, extraPage, header string) []byte {
	var b pdfBuilder
	catalog := b.add("")
	pages := b.add("")
	var fontRefs []string
	for name, body := range fonts {
		n := b.add(body)
		fontRefs = append(fontRefs, fmt.Sprintf("/%s %d 0 R", name, n))
	}
	res := fmt.Sprintf("<< /Font << %s >> >>", strings.Join(fontRefs, " "))
	var kids []string
	for _, c := range contents {
		cs := b.add(stream("", c))
		p := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R %s >>", pages, res, cs, extraPage))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	return b.bytes(catalog, header)
}

// type0Font returns the objects of a Type0 font with Identity-H encoding,
// a W array and a ToUnicode map from two-byte codes to text.
func type0Font(b *pdfBuilder, w string, uni map[uint16]string) int {
	return type0FontEnc(b, w, uni, "/Identity-H", 2)
}

// type0FontEnc is type0Font with a given /Encoding value and code length
// in bytes (for the ToUnicode map).
func type0FontEnc(b *pdfBuilder, w string, uni map[uint16]string, enc string, codeLen int) int {
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n")
	if codeLen == 1 {
		cm.WriteString("1 begincodespacerange <00> <FF> endcodespacerange\n")
	} else {
		cm.WriteString("1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	}
	fmt.Fprintf(&cm, "%d beginbfchar\n", len(uni))
	for c, s := range uni {
		if codeLen == 1 {
			fmt.Fprintf(&cm, "<%02X> <", c)
		} else {
			fmt.Fprintf(&cm, "<%04X> <", c)
		}
		for _, r := range s {
			fmt.Fprintf(&cm, "%04X", r)
		}
		cm.WriteString(">\n")
	}
	cm.WriteString("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n")
	tu := b.add(stream("", cm.String()))
	desc := b.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W %s >>", w))
	return b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding %s /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", enc, desc, tu))
}

// objStmPDF returns a file whose catalog, page tree, page and font live in
// an unfiltered object stream, with the page's content as a plain object,
// and which stops right after them: no xref, no trailer.
func objStmPDF(content string) []byte {
	inner := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		helvetica,
	}
	var hdr, body strings.Builder
	for i, o := range inner {
		fmt.Fprintf(&hdr, "%d %d ", i+1, body.Len())
		body.WriteString(o + "\n")
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.5\n")
	fmt.Fprintf(&out, "5 0 obj\n%s\nendobj\n", stream("", content))
	fmt.Fprintf(&out, "6 0 obj\n%s\nendobj\n", stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(inner), hdr.Len()), hdr.String()+body.String()))
	return out.Bytes()
}
