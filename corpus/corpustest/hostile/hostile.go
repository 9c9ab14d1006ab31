// Package hostile makes malformed PDF files for tests: cross-reference
// chains that loop, page trees that refer to themselves or to one page a
// million times, decompression bombs, objects nested without end, object
// numbers beyond any table, and a merged file whose trailer undercounts its
// objects (which is sound and must read as such). Every file is generated
// by code, so tests of any package can use them without copying real
// documents into the repository.
//
// Each File says what a reader should make of it: Want is a phrase its
// error must contain, or empty when the file must read, and then Text is
// a phrase its text must hold and Warn one its warnings must. A file
// whose cross-reference chain loops is never handed as it is to a library
// that would follow the chain for ever: it is repaired from its objects,
// with a warning.
package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"sync"
)

// File is one generated PDF and what a reader should say about it.
type File struct {
	// Name is a short slug, usable as a file name stem or a subtest name.
	Name string
	// About says in a few words what is wrong with the file.
	About string
	// Data is the file. It is shared between callers of Files: do not
	// modify it.
	Data []byte
	// Want is a phrase the reader's error must contain (for example
	// "cross-reference chain loops"). Empty when the file must read.
	Want string
	// Text is a phrase the text of some page must hold when Want is empty.
	Text string
	// Warn is a phrase some warning must hold; empty when any warnings
	// (or none) will do.
	Warn string
	// Sound means the file must read without any warning: it is a valid
	// file that merely looks odd.
	Sound bool
	// Big marks files over a megabyte, which fuzz targets may leave out of
	// their seeds.
	Big bool
}

// Phrases the reader's errors and warnings use, shared by the files that
// expect them.
const (
	// XrefLoop is said of a cross-reference /Prev chain that comes back
	// to a section already read: a warning when the file can be repaired
	// from its objects, else the error.
	XrefLoop = "cross-reference chain loops"
	// ObjStmLoop is the error for object streams whose /Extends chain
	// loops.
	ObjStmLoop = "object streams extend each other in a loop"
	// ObjStmSelf is the error for an object stream whose own dictionary
	// needs an object stored in an object stream.
	ObjStmSelf = "object stream's dictionary refers into an object stream"
	// Inflated is the error for a file whose streams decompress to more
	// than the reader allows.
	Inflated = "decompressed"
	// Columns is the error for a predictor /Columns the library would
	// allocate gigabytes from.
	Columns = "implausible predictor /Columns"
	// PageLoop is the warning for a page tree that refers back to itself
	// or lists a page more than once.
	PageLoop = "page tree refers back to itself or lists a page more than once"
)

var (
	once  sync.Once
	files []File
)

// Files returns the generated files, the same on every call. The slice
// is the caller's; the files' Data are shared.
func Files() []File {
	once.Do(func() { files = generate() })
	return append([]File(nil), files...)
}

// ByName returns the file of that name, or false.
func ByName(name string) (File, bool) {
	for _, f := range Files() {
		if f.Name == name {
			return f, true
		}
	}
	return File{}, false
}

func generate() []File {
	return []File{
		xrefPrevSelf(),
		xrefPrevPair(),
		xrefStreamPrevSelf(),
		pageTreeCycle(),
		pageTreeMillion(),
		pageTreeFanout(),
		hugeCount(),
		deflateBomb(),
		repairBombs(),
		deepNesting(),
		hugeObjectNumbers(),
		objectNumberOverflow(),
		objStmExtendsLoop(),
		objStmLengthInside(),
		encryptLengthInside(),
		objStmCycle(),
		predictorColumns(),
		predictorColumnsIndirect(),
		predictorParmsCompressed(),
		mergedUndercount(),
	}
}

// xrefPrevSelf: the trailer's /Prev points at its own section.
func xrefPrevSelf() File {
	d := simple("Prev points to itself")
	var out bytes.Buffer
	offs := d.body(&out, "")
	x := out.Len()
	xrefTable(&out, offs)
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", len(offs), x, x)
	return File{Name: "xref-prev-self-loop", About: "the trailer's /Prev points back at its own cross-reference section", Data: out.Bytes(), Text: "Prev points to itself", Warn: XrefLoop}
}

// xrefPrevPair: two sections whose /Prev entries point at each other.
func xrefPrevPair() File {
	d := simple("Two sections point at each other")
	var out bytes.Buffer
	offs := d.body(&out, "")
	// Section B (an update with no entries) comes first in the file and
	// points forward at A; A points back at B. Offsets are written with
	// ten digits so each is known before it is written.
	b := out.Len()
	bTrailer := "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size %d /Root 1 0 R /Prev %010d >>\n"
	a := b + len(fmt.Sprintf(bTrailer, len(offs), 0))
	fmt.Fprintf(&out, bTrailer, len(offs), a)
	xrefTable(&out, offs)
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Prev %010d >>\nstartxref\n%d\n%%%%EOF\n", len(offs), b, a)
	return File{Name: "xref-prev-two-section-loop", About: "two cross-reference sections whose /Prev entries point at each other", Data: out.Bytes(), Text: "Two sections point at each other", Warn: XrefLoop}
}

// xrefStreamPrevSelf: a cross-reference stream whose /Prev is its own
// offset.
func xrefStreamPrevSelf() File {
	d := simple("Xref stream points to itself")
	var out bytes.Buffer
	offs := d.body(&out, "%PDF-1.5")
	self := len(offs)
	x := out.Len()
	rows := xrefStreamRows(append(offs, x), self, x)
	fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Prev %d /Length %d >>\nstream\n", self, self+1, x, len(rows))
	out.Write(rows)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", x)
	return File{Name: "xref-stream-prev-self-loop", About: "a cross-reference stream whose /Prev is its own offset", Data: out.Bytes(), Text: "Xref stream points to itself", Warn: XrefLoop}
}

// pageTreeCycle: the root page tree lists itself among its kids, and an
// intermediate node lists the root again.
func pageTreeCycle() File {
	d := simple("Page tree cycle first page", "Page tree cycle second page")
	inner := d.add(fmt.Sprintf("<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R 7 0 R] /Count 2 >>", pagesObj, pagesObj))
	d.set(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [5 0 R %d 0 R %d 0 R] /Count 3 >>", pagesObj, inner))
	return File{Name: "page-tree-cycle", About: "the page tree lists itself, and a child lists its parent", Data: d.bytes(""), Text: "Page tree cycle second page", Warn: PageLoop}
}

// pageTreeMillion: one page listed a million times in /Kids.
func pageTreeMillion() File {
	const n = 1000000
	d := simple("One page a million times")
	d.set(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Repeat("5 0 R ", n), n))
	return File{Name: "page-tree-million-refs", About: "one page listed a million times in /Kids", Data: d.bytes(""), Text: "One page a million times", Warn: PageLoop, Big: true}
}

// pageTreeFanout: a thousand references to a node holding a thousand
// references to the page: a million paths through a small file.
func pageTreeFanout() File {
	d := simple("Fan out to one page")
	mid := d.add(fmt.Sprintf("<< /Type /Pages /Parent %d 0 R /Kids [%s] /Count 1000 >>", pagesObj, strings.Repeat("5 0 R ", 1000)))
	d.set(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1000000 >>", strings.Repeat(fmt.Sprintf("%d 0 R ", mid), 1000)))
	return File{Name: "page-tree-fanout", About: "a thousand references to a node of a thousand references to one page", Data: d.bytes(""), Text: "Fan out to one page", Warn: PageLoop}
}

// hugeCount: the page tree claims two billion pages and has one.
func hugeCount() File {
	d := simple("Claims two billion pages")
	d.set(pagesObj, "<< /Type /Pages /Kids [5 0 R] /Count 2147483647 >>")
	return File{Name: "huge-count", About: "/Count of 2147483647 over one page", Data: d.bytes(""), Text: "Claims two billion pages"}
}

// bombBytes is how much the bomb's form decompresses to: 16 MiB of
// spaces, about 16 KB deflated.
const bombBytes = 16 << 20

// deflateBomb: a page that draws a 16 MiB form 4096 times (64 GiB of
// decompressed content from a 40 KB file).
func deflateBomb() File {
	d := simple("Deflate bomb")
	form := d.add(streamObj("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Filter /FlateDecode", bomb(nil)))
	c := d.add(streamObj("", append(content("Deflate bomb"), []byte(strings.Repeat(" /X Do", 4096))...)))
	d.set(5, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> /XObject << /X %d 0 R >> >> /Contents %d 0 R >>", pagesObj, fontObj, form, c))
	return File{Name: "deflate-bomb", About: "a 16 MiB form drawn 4096 times (64 GiB decompressed)", Data: d.bytes(""), Want: Inflated}
}

// bomb returns head and then bombBytes of spaces, deflated (zlib).
func bomb(head []byte) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(head)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < bombBytes>>20; i++ {
		w.Write(chunk)
	}
	w.Close()
	return z.Bytes()
}

// repairBombs: a file with no cross-reference table or trailer (so it
// must be repaired from its objects) holding 32 object streams of 16 MiB
// each (512 MiB decompressed while the objects are listed).
func repairBombs() File {
	d := simple("Repair bombs")
	z := bomb([]byte("9 0 "))
	for i := 0; i < 32; i++ {
		d.add(streamObj("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", z))
	}
	var out bytes.Buffer
	d.body(&out, "%PDF-1.5")
	out.WriteString("%%EOF\n")
	return File{Name: "repair-objstm-bombs", About: "no cross-reference table, and 32 object streams of 16 MiB each to list while repairing", Data: out.Bytes(), Want: Inflated}
}

// deepNesting: arrays nested 100,000 deep in the page dictionary.
func deepNesting() File {
	const n = 100000
	d := simple("Nested arrays")
	nest := strings.Repeat("[", n) + strings.Repeat("]", n)
	d.set(5, pageBody(pagesObj, 4, "/Nest "+nest+" "))
	return File{Name: "deep-nesting", About: "arrays nested 100,000 deep in the page dictionary", Data: d.bytes(""), Want: "nest"}
}

// hugeObjectNumbers: references to objects numbered near 2^31, an object
// defined with such a number, a cross-reference subsection starting there
// and /Size 2^31.
func hugeObjectNumbers() File {
	d := simple("Huge object numbers")
	d.set(5, pageBody(pagesObj, 4, "/Annots [2147483647 0 R 2147483646 0 R] "))
	var out bytes.Buffer
	offs := d.body(&out, "")
	huge := out.Len()
	out.WriteString("2147483647 0 obj\n<< /Type /Annot /Subtype /Text >>\nendobj\n")
	x := out.Len()
	xrefTable(&out, offs)
	fmt.Fprintf(&out, "2147483647 1\n%010d 00000 n \n", huge)
	fmt.Fprintf(&out, "trailer\n<< /Size 2147483648 /Root 1 0 R /Info 2147483646 0 R >>\nstartxref\n%d\n%%%%EOF\n", x)
	return File{Name: "huge-object-numbers", About: "objects and references numbered near 2^31, /Size 2^31", Data: out.Bytes(), Text: "Huge object numbers"}
}

// objectNumberOverflow: a page whose dictionary refers to object
// 4294967296, a number no cross-reference table can hold.
func objectNumberOverflow() File {
	d := simple("Object number overflow")
	d.set(5, pageBody(pagesObj, 4, "/Annots [4294967296 0 R 99999999999999999999 0 R] "))
	return File{Name: "object-number-overflow", About: "a page refers to objects 2^32 and 10^20", Data: d.bytes("/Info 4294967296 0 R "), Want: "malformed PDF"}
}

// objStmFile writes a file whose page (object 5) is listed by a
// cross-reference stream as held in object stream 6, which does not hold
// it; stream 6's dictionary gets the extra keys given and holds object 7
// (a number). trailerKeys go in the cross-reference stream's dictionary;
// rows replaces the cross-reference rows of the objects it names (type,
// field 2, field 3).
func objStmFile(text, objStmKeys, trailerKeys string, lengthRef bool, rows map[int][3]int) []byte {
	d := simple(text)
	page := d.objs[4]
	d.set(5, "")
	inner := "7 0 "
	first := len(inner)
	body := inner + "42\n"
	length := fmt.Sprint(len(body))
	if lengthRef {
		length = "7 0 R"
	}
	d.add(fmt.Sprintf("<< /Type /ObjStm /N 1 /First %d %s /Length %s >>\nstream\n%s\nendstream", first, objStmKeys, length, body))
	var out bytes.Buffer
	offs := d.body(&out, "%PDF-1.5")
	// The page, outside any stream, where no table points at it: a
	// reader that follows the table must look in stream 6 for it.
	out.WriteString("% page 5, unlisted: " + strings.ReplaceAll(page, "\n", " ") + "\n")
	offs = append(offs, 0) // object 7 lives in stream 6
	self := len(offs)
	x := out.Len()
	var table []byte
	row := func(t byte, a, c int) {
		table = append(table, t, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(c>>8), byte(c))
	}
	row(0, 0, 65535)
	for id := 1; id < self; id++ {
		r, over := rows[id]
		switch {
		case over:
			row(byte(r[0]), r[1], r[2])
		case id == 5:
			row(2, 6, 1) // the page: said to be in stream 6, which lacks it
		case id == 7:
			row(2, 6, 0)
		case offs[id] == 0:
			row(0, 0, 0)
		default:
			row(1, offs[id], 0)
		}
	}
	row(1, x, 0)
	fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R %s/Length %d >>\nstream\n", self, self+1, trailerKeys, len(table))
	out.Write(table)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", x)
	return out.Bytes()
}

// objStmExtendsLoop: an object stream that extends itself, asked for an
// object it does not hold.
func objStmExtendsLoop() File {
	return File{Name: "objstm-extends-loop", About: "an object stream whose /Extends is itself, asked for an object it lacks", Data: objStmFile("Extends loop", "/Extends 6 0 R", "", false, nil), Want: ObjStmLoop}
}

// objStmLengthInside: an object stream whose /Length is an object stored
// in that same stream (reading it needs its length, which needs reading
// it).
func objStmLengthInside() File {
	return File{Name: "objstm-length-inside", About: "an object stream whose /Length is stored inside itself", Data: objStmFile("Length inside", "", "", true, nil), Want: ObjStmSelf}
}

// objStmCycle: the table says object stream 6 is stored in stream 4
// (the page's content), and stream 4 in stream 6: finding either needs
// the other found first.
func objStmCycle() File {
	return File{Name: "objstm-in-objstm-loop", About: "the table stores object stream 6 in stream 4 and stream 4 in stream 6", Data: objStmFile("Streams inside each other", "", "", false, map[int][3]int{4: {2, 6, 0}, 6: {2, 4, 0}}), Want: ObjStmSelf}
}

// encryptLengthInside: as objStmLengthInside, with the trailer's
// /Encrypt stored in that stream, so the library needs it while it opens
// the file, before any check made on the opened file could run.
func encryptLengthInside() File {
	return File{Name: "encrypt-in-objstm-length-inside", About: "/Encrypt stored in an object stream whose /Length is stored inside itself", Data: objStmFile("Encrypt inside", "", "/Encrypt 7 0 R /ID [<00> <00>] ", true, nil), Want: ObjStmSelf}
}

// predictorFile writes a one-page file whose content stream has a PNG
// predictor with the /DecodeParms given (the library allocates /Columns
// bytes twice before it reads a byte), plus the extra objects given.
func predictorFile(text, parms string, extra ...string) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(append([]byte{2}, content(text)...))
	w.Close()
	d := simple(text)
	d.set(4, streamObj("/Filter /FlateDecode /DecodeParms "+parms, z.Bytes()))
	for _, e := range extra {
		d.add(e)
	}
	return d.bytes("")
}

// predictorColumns: /Columns of 3*10^11 on a content stream: 600 GB asked
// for, which ends the process (a fatal error, not a panic) rather than
// failing one page.
func predictorColumns() File {
	return File{Name: "predictor-columns", About: "a content stream's PNG predictor with /Columns 3*10^11 (600 GB allocated)", Data: predictorFile("Predictor columns", "<< /Predictor 12 /Columns 300000000000 >>"), Want: Columns}
}

// predictorColumnsIndirect: the same /Columns, given by reference.
func predictorColumnsIndirect() File {
	return File{Name: "predictor-columns-indirect", About: "as predictor-columns, with /Columns given by reference", Data: predictorFile("Predictor columns", "<< /Predictor 12 /Columns 6 0 R >>", "300000000000"), Want: Columns}
}

// predictorParmsCompressed: the content stream's /DecodeParms is object
// 7, stored in a compressed object stream, so no scan of the file's bytes
// can see its /Columns.
func predictorParmsCompressed() File {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(append([]byte{2}, content("Compressed parameters")...))
	w.Close()
	d := simple("Compressed parameters")
	d.set(4, streamObj("/Filter /FlateDecode /DecodeParms 7 0 R", z.Bytes()))
	inner := "7 0 "
	body := inner + "<< /Predictor 12 /Columns 300000000000 >>\n"
	var zs bytes.Buffer
	w = zlib.NewWriter(&zs)
	w.Write([]byte(body))
	w.Close()
	d.add(streamObj(fmt.Sprintf("/Type /ObjStm /N 1 /First %d /Filter /FlateDecode", len(inner)), zs.Bytes())) // 6
	var out bytes.Buffer
	offs := d.body(&out, "%PDF-1.5")
	offs = append(offs, 0) // 7, in stream 6
	self := len(offs)
	x := out.Len()
	var table []byte
	row := func(t byte, a, c int) {
		table = append(table, t, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(c>>8), byte(c))
	}
	row(0, 0, 65535)
	for id := 1; id < self; id++ {
		if id == 7 {
			row(2, 6, 0)
		} else {
			row(1, offs[id], 0)
		}
	}
	row(1, x, 0)
	fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", self, self+1, len(table))
	out.Write(table)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", x)
	return File{Name: "predictor-parms-compressed", About: "as predictor-columns, the parameters stored in a compressed object stream", Data: out.Bytes(), Want: Columns}
}

// mergedUndercount: a two-paper pack as pdfunite writes it, catalog and
// page tree last, with a trailer /Size that counts the objects of the
// first paper only. The cross-reference table is whole: the file is
// sound and must read without repair or warning.
func mergedUndercount() File {
	d := &doc{}
	d.add(helvetica) // 1
	var kids []string
	texts := []string{"First paper of the merged pack", "Second paper of the merged pack"}
	pages := 2 + 2*len(texts) + 1 // the page tree's number, after the pages and the catalog
	for _, t := range texts {
		c := d.add(streamObj("", content(t)))
		p := d.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> /Contents %d 0 R >>", pages, c))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	cat := d.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	d.add(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	var out bytes.Buffer
	offs := d.body(&out, "")
	x := out.Len()
	xrefTable(&out, offs)
	fmt.Fprintf(&out, "trailer\n<< /Size 4 /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", cat, x)
	return File{Name: "merged-undercounted-trailer", About: "a merged pack whose trailer /Size counts only the first paper's objects", Data: out.Bytes(), Text: "Second paper of the merged pack", Sound: true}
}
