package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// doc is a small PDF written object by object. Object n's body is
// objs[n-1]; an empty body leaves the object out of the file (and out of
// the cross-reference table), so a file can refer to objects it lacks.
type doc struct {
	objs []string
}

// add stores an object and returns its number.
func (d *doc) add(body string) int {
	d.objs = append(d.objs, body)
	return len(d.objs)
}

// set replaces the body of object n.
func (d *doc) set(n int, body string) { d.objs[n-1] = body }

// streamObj returns a stream object's body holding data, with extra keys
// in its dictionary.
func streamObj(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// helvetica is a standard-14 font: no widths or font file needed.
const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// content is a page content stream that shows text in Helvetica as /F1.
func content(text string) []byte {
	return []byte(fmt.Sprintf("BT /F1 12 Tf 72 700 Td (%s) Tj ET", text))
}

// pageBody is a page dictionary with the usual resources.
func pageBody(parent, contents int, extra string) string {
	return fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R %s>>", parent, fontObj, contents, extra)
}

// Object numbers every file made by simple shares: catalog 1, page tree
// 2, font 3; the pages and their content follow.
const (
	catalogObj = 1
	pagesObj   = 2
	fontObj    = 3
)

// simple returns a document with one page per text, whose page tree
// lists them in order.
func simple(texts ...string) *doc {
	d := &doc{}
	d.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj))
	d.add("")
	d.add(helvetica)
	var kids []string
	for _, t := range texts {
		c := d.add(streamObj("", content(t)))
		p := d.add(pageBody(pagesObj, c, ""))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	d.set(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	return d
}

// body writes the header and the objects, returning each object's offset
// (0 for objects left out).
func (d *doc) body(out *bytes.Buffer, header string) []int {
	if header == "" {
		header = "%PDF-1.7"
	}
	out.WriteString(header + "\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(d.objs)+1)
	for i, o := range d.objs {
		if o == "" {
			continue
		}
		offs[i+1] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	return offs
}

// xrefTable writes a classic cross-reference section for objects 0 to
// len(offs)-1.
func xrefTable(out *bytes.Buffer, offs []int) {
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offs))
	for _, o := range offs[1:] {
		if o == 0 {
			out.WriteString("0000000000 65535 f \n")
		} else {
			fmt.Fprintf(out, "%010d 00000 n \n", o)
		}
	}
}

// bytes writes the file with a classic cross-reference table and a
// trailer holding /Size, /Root and the extra keys given.
func (d *doc) bytes(trailerExtra string) []byte {
	var out bytes.Buffer
	offs := d.body(&out, "")
	x := out.Len()
	xrefTable(&out, offs)
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n", len(offs), catalogObj, trailerExtra, x)
	return out.Bytes()
}

// xrefStreamRows encodes cross-reference stream rows with /W [1 4 2] for
// objects 0 to len(offs)-1 (type 1 entries; 0 offsets are free).
func xrefStreamRows(offs []int, self, selfOff int) []byte {
	var rows []byte
	row := func(t byte, a, c int) {
		rows = append(rows, t, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(c>>8), byte(c))
	}
	row(0, 0, 65535)
	for id := 1; id < len(offs); id++ {
		switch {
		case id == self:
			row(1, selfOff, 0)
		case offs[id] == 0:
			row(0, 0, 0)
		default:
			row(1, offs[id], 0)
		}
	}
	return rows
}
