package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

func extract(t *testing.T, data []byte) *Result {
	t.Helper()
	res, err := Extract(context.Background(), data, Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return res
}

var f1 = map[string]string{"F1": helvetica}

// TestContentStreams checks spacing, line and paragraph decisions on
// hand-written content streams using Helvetica's standard widths
// (Hello = 27.36pt at 12pt).
func TestContentStreams(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    string
	}{
		{"gap between shows is a space",
			"BT /F1 12 Tf 72 700 Td (Hello) Tj 36 0 Td (world) Tj ET", "Hello world"},
		{"adjacent shows join",
			"BT /F1 12 Tf 72 700 Td (Chil) Tj (dren) Tj ET", "Children"},
		{"TJ kerning is not a space",
			"BT /F1 12 Tf 72 700 Td [(W) 80 (ord) -120 (s)] TJ ET", "Words"},
		{"TJ gap is a space",
			"BT /F1 12 Tf 72 700 Td [(Kerning) -500 (matters)] TJ ET", "Kerning matters"},
		{"real space glyphs are kept once",
			"BT /F1 12 Tf 72 700 Td (two ) Tj [( words)] TJ ET", "two words"},
		{"word spacing widens spaces only",
			"BT /F1 12 Tf 20 Tw 72 700 Td (a b) Tj (c) Tj ET", "a bc"},
		{"character spacing is part of the advance",
			"BT /F1 12 Tf 3 Tc 72 700 Td (abc) Tj 0 Tc (def) Tj ET", "abcdef"},
		{"wide character spacing separates cells",
			"BT /F1 1 Tf 6 0 0 6 72 700 Tm 4.8 Tc (00) Tj 0 Tc ( 12) Tj ET", "0 0 12"},
		{"rows of a table of words keep their cell gaps, wrapped cells go into their cells",
			"BT /F1 12 Tf 72 700 Td (1.1) Tj 40 0 Td (Deliver the foster carer campaign) Tj 300 0 Td (Head of Fostering) Tj 150 0 Td (Red) Tj -450 -14 Td (and approve 40 households) Tj 300 0 Td (and Adoption) Tj -340 -14 Td (2.1) Tj 40 0 Td (Reduce agency social workers to 12%) Tj 300 0 Td (Assistant Director) Tj 150 0 Td (Red) Tj -490 -14 Td (3.2) Tj 40 0 Td (Recruit to vacant adviser posts now) Tj 300 0 Td (Head of Service) Tj 150 0 Td (Amber) Tj -490 -14 Td ET",
			"1.1  Deliver the foster carer campaign and approve 40 households  Head of Fostering and Adoption  Red\n2.1  Reduce agency social workers to 12%  Assistant Director  Red\n3.2  Recruit to vacant adviser posts now  Head of Service  Amber"},
		{"a line under a row's first cell is a line of its own",
			"BT /F1 12 Tf 72 700 Td (1.1) Tj 40 0 Td (Deliver the foster carer campaign) Tj 300 0 Td (Head of Fostering) Tj 150 0 Td (Red) Tj -490 -14 Td (and approve 40 households) Tj 340 0 Td (and Adoption) Tj -340 -14 Td (2.1) Tj 40 0 Td (Reduce agency social workers to 12%) Tj 300 0 Td (Assistant Director) Tj 150 0 Td (Red) Tj -490 -14 Td (3.2) Tj 40 0 Td (Recruit to vacant adviser posts now) Tj 300 0 Td (Head of Service) Tj 150 0 Td (Amber) Tj -490 -14 Td ET",
			"1.1  Deliver the foster carer campaign  Head of Fostering  Red\nand approve 40 households  and Adoption\n2.1  Reduce agency social workers to 12%  Assistant Director  Red\n3.2  Recruit to vacant adviser posts now  Head of Service  Amber"},
		{"a table's wrapped names go back into their cells",
			"BT /F1 12 Tf 72 700 Td (The impact of leaders on social) Tj 220 0 Td (Requires improvement to be good) Tj 200 0 Td (Good) Tj -420 -14 Td (work practice with children and) Tj 0 -14 Td (families) Tj 0 -14 Td (The experiences of children in care) Tj 220 0 Td (Good) Tj 200 0 Td (Good) Tj -420 -14 Td ET",
			"The impact of leaders on social work practice with children and families Requires improvement to be good Good\nThe experiences of children in care Good Good"},
		{"a line of prose under a wide gap stays a line",
			"BT /F1 12 Tf 72 700 Td (The council has) Tj 220 0 Td (improved its services) Tj -220 -14 Td (for children and young people in care across the whole county) Tj ET",
			"The council has improved its services\nfor children and young people in care across the whole county"},
		{"a line under a row's last cell stays a line",
			"BT /F1 12 Tf 72 700 Td (2.1) Tj 30 0 Td (The previous inspection judged services good.) Tj 0 -14 Td (it then made four judgements.) Tj ET",
			"2.1 The previous inspection judged services good.\nit then made four judgements."},
		{"a lone row's gaps are single spaces",
			"BT /F1 12 Tf 72 700 Td (1.1) Tj 40 0 Td (Deliver the foster carer campaign) Tj 300 0 Td (Head of Fostering) Tj 150 0 Td (Red) Tj -490 -14 Td ET",
			"1.1 Deliver the foster carer campaign Head of Fostering Red"},
		{"columns of short labels are single spaced",
			"BT /F1 12 Tf 72 700 Td (1) Tj 40 0 Td (CIN 1) Tj 300 0 Td (CIN 2) Tj 150 0 Td (CIN 3) Tj -490 -14 Td (2) Tj 40 0 Td (CIN 4) Tj 300 0 Td (CIN 5) Tj 150 0 Td (CIN 6) Tj -490 -14 Td (3) Tj 40 0 Td (CIN 7) Tj 300 0 Td (CIN 8) Tj 150 0 Td (CIN 9) Tj -490 -14 Td ET",
			"1 CIN 1 CIN 2 CIN 3\n2 CIN 4 CIN 5 CIN 6\n3 CIN 7 CIN 8 CIN 9"},
		{"overprinted copy is dropped",
			"BT /F1 12 Tf 72 700 Td (Bold) Tj 0.5 0 Td (Bold) Tj -0.5 0 Td ( text) Tj ET", "Bold text"},
		{"narrow repeated glyphs are kept",
			"BT /F1 12 Tf 72 700 Td [(a) (l) 20 (l) 40 (i) (i)] TJ ET", "allii"},
		{"horizontal scaling shrinks advances",
			"BT /F1 12 Tf 50 Tz 72 700 Td (Hello) Tj 100 Tz 17 0 Td (there) Tj ET", "Hello there"},
		{"Td down is a new line",
			"BT /F1 12 Tf 72 700 Td (one) Tj 0 -14 Td (two) Tj ET", "one\ntwo"},
		{"T* and TL",
			"BT /F1 12 Tf 14 TL 72 700 Td (one) Tj T* (two) Tj ET", "one\ntwo"},
		{"quote operators",
			"BT /F1 12 Tf 14 TL 72 700 Td (one) Tj (two) ' 0 0 (three) \" ET", "one\ntwo\nthree"},
		{"TD sets leading",
			"BT /F1 12 Tf 72 700 Td (one) Tj 0 -14 TD (two) Tj T* (three) Tj ET", "one\ntwo\nthree"},
		{"Tm on a new baseline",
			"BT /F1 12 Tf 1 0 0 1 72 700 Tm (one) Tj 1 0 0 1 72 686 Tm (two) Tj ET", "one\ntwo"},
		{"Tm scaling with unit font size",
			"BT /F1 1 Tf 12 0 0 12 72 700 Tm (Hello) Tj 12 0 0 12 108 700 Tm (world) Tj ET", "Hello world"},
		{"superscript stays on the line",
			"BT /F1 12 Tf 72 700 Td (note) Tj 4 Ts /F1 7 Tf (1) Tj 0 Ts /F1 12 Tf ( here) Tj ET", "note1 here"},
		{"separate BT blocks on one baseline",
			"BT /F1 12 Tf 72 700 Td (left) Tj ET BT /F1 12 Tf 300 700 Td (right) Tj ET", "left right"},
		{"cm moves text",
			"q 1 0 0 1 0 -100 cm BT /F1 12 Tf 72 700 Td (low) Tj ET Q BT /F1 12 Tf 72 700 Td (high) Tj ET", "low\n\nhigh"},
		{"paragraph gap is a blank line",
			"BT /F1 12 Tf 14 TL 72 700 Td (one) Tj T* (two) Tj T* (three) Tj T* (four) Tj 0 -30 Td (next) Tj T* (para) Tj ET",
			"one\ntwo\nthree\nfour\n\nnext\npara"},
		{"empty drawn line is a paragraph break",
			"BT /F1 12 Tf 14 TL 72 700 Td (one) Tj T* ( ) Tj T* (two) Tj ET", "one\n\ntwo"},
		{"rotated text keeps lines",
			"BT /F1 12 Tf 0 1 -1 0 300 100 Tm (going up) Tj 0 1 -1 0 314 100 Tm (and more) Tj ET", "going up\nand more"},
		{"WinAnsi quotes and dashes",
			"BT /F1 12 Tf 72 700 Td (council\\222s \\223view\\224 \\226 agreed) Tj ET", "council’s “view” – agreed"},
		{"inline image bytes are skipped",
			"BI /W 2 /H 1 /BPC 8 /CS /G ID \x28\x29Tj( EI BT /F1 12 Tf 72 700 Td (after) Tj ET", "after"},
		{"unknown font still gives text",
			"BT /F9 12 Tf 72 700 Td (plain) Tj ET", "plain"},
		{"garbage operators are ignored",
			"BT /F1 12 Tf 72 700 Td 1 2 3 4 5 6 7 8 9 foo ] } ) > (ok) Tj ET", "ok"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extract(t, onePage(tc.content, f1, ""))
			if got := res.Pages[0]; got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestType0Fonts checks two-byte fonts: widths from the W array decide the
// spaces, and ToUnicode ligatures come out as letters (NFKC).
func TestType0Fonts(t *testing.T) {
	uni := map[uint16]string{1: "A", 2: "B", 3: "\ufb01", 4: "n", 5: "d", 6: " "}
	tests := []struct {
		name, w, content, want string
		oneByte                bool
	}{
		{name: "one-byte embedded CMap", w: "[1 [500 500]]", content: "BT /T0 12 Tf 72 700 Td <0102> Tj 20 0 Td <01> Tj ET", want: "AB A", oneByte: true},
		// Glyphs 2 em wide: the next show 0.04 em after them is the same
		// word; a flat estimate (1 em) would have put a space there.
		{"W array widths", "[1 [2000 2000]]", "BT /T0 12 Tf 72 700 Td <00010002> Tj 48.5 0 Td <0001> Tj ET", "ABA", false},
		{"W range form", "[1 2 2000]", "BT /T0 12 Tf 72 700 Td <00010002> Tj 52 0 Td <0001> Tj ET", "AB A", false},
		{"DW default", "[]", "BT /T0 12 Tf 72 700 Td <0001> Tj 12 0 Td <0002> Tj ET", "AB", false},
		{"ligature to letters", "[]", "BT /T0 12 Tf 72 700 Td <0003000400050006> Tj ET", "find", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b pdfBuilder
			cat := b.add("")
			pages := b.add("")
			var font int
			if tc.oneByte {
				enc := b.add(stream("/Type /CMap /CMapName /OneByte", "1 begincodespacerange <00> <FF> endcodespacerange 1 begincidrange <00> <FF> 0 endcidrange"))
				font = type0FontEnc(&b, tc.w, uni, fmt.Sprintf("%d 0 R", enc), 1)
			} else {
				font = type0Font(&b, tc.w, uni)
			}
			cs := b.add(stream("", tc.content))
			pg := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /T0 %d 0 R >> >> /Contents %d 0 R >>", pages, font, cs))
			b.set(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
			b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", pg))
			res := extract(t, b.bytes(cat, ""))
			if got := res.Pages[0]; got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFormXObject checks that text inside a form (headers, stamps) is
// read with the form's matrix.
func TestFormXObject(t *testing.T) {
	var b pdfBuilder
	cat := b.add("")
	pages := b.add("")
	font := b.add(helvetica)
	form := b.add(stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 200 50] /Matrix [1 0 0 1 0 -300] /Resources << /Font << /F1 %d 0 R >> >>", font),
		"BT /F1 12 Tf 72 700 Td (Agenda Item 7) Tj ET"))
	cs := b.add(stream("", "BT /F1 12 Tf 72 750 Td (Report) Tj ET /Fm1 Do"))
	pg := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> /XObject << /Fm1 %d 0 R >> >> /Contents %d 0 R >>", pages, font, form, cs))
	b.set(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", pg))
	res := extract(t, b.bytes(cat, ""))
	if want := "Report\n\nAgenda Item 7"; res.Pages[0] != want {
		t.Errorf("got %q, want %q", res.Pages[0], want)
	}
}

// fpdfDoc makes a document with fpdf: each element of pages is one page's
// paragraphs (an empty page has none).
func fpdfDoc(t testing.TB, pages [][]string) []byte {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetFont("Helvetica", "", 11)
	for _, paras := range pages {
		f.AddPage()
		for i, p := range paras {
			if i > 0 {
				f.Ln(4)
			}
			f.MultiCell(120, 5, p, "", "L", false)
		}
	}
	return render(t, f)
}

// TestFpdfDocuments checks page numbering, empty pages and paragraphs on
// documents made by a real PDF writer.
func TestFpdfDocuments(t *testing.T) {
	long := "Members asked how many children were placed outside the county and whether the sufficiency strategy would reduce that number next year."
	tests := []struct {
		name      string
		pages     [][]string
		want      []string
		noText    []int
		warnPages string
	}{
		{"one page", [][]string{{"Corporate Parenting Panel"}}, []string{"Corporate Parenting Panel"}, nil, ""},
		{"numbering kept across an empty page",
			[][]string{{"First page"}, nil, {"Third page"}},
			[]string{"First page", "", "Third page"}, []int{2}, "page 2: no text"},
		{"wrapped paragraphs",
			[][]string{{long, "Second paragraph."}},
			[]string{long + "\n\nSecond paragraph."}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extract(t, fpdfDoc(t, tc.pages))
			if len(res.Pages) != len(tc.want) {
				t.Fatalf("got %d pages, want %d", len(res.Pages), len(tc.want))
			}
			for i := range tc.want {
				// Compare paragraphs; where fpdf wraps lines is its business.
				got := strings.ReplaceAll(strings.ReplaceAll(res.Pages[i], "\n\n", "\x00"), "\n", " ")
				got = strings.ReplaceAll(got, "\x00", "\n\n")
				if got != tc.want[i] {
					t.Errorf("page %d: got %q, want %q", i+1, res.Pages[i], tc.want[i])
				}
			}
			if fmt.Sprint(res.NoTextPages) != fmt.Sprint(tc.noText) && !(len(res.NoTextPages) == 0 && len(tc.noText) == 0) {
				t.Errorf("NoTextPages = %v, want %v", res.NoTextPages, tc.noText)
			}
			if tc.warnPages != "" && !strings.Contains(strings.Join(res.Warnings, "\n"), tc.warnPages) {
				t.Errorf("warnings %q lack %q", res.Warnings, tc.warnPages)
			}
		})
	}
}

// TestBadInput checks that bad files give the documented errors.
func TestBadInput(t *testing.T) {
	good := fpdfDoc(t, [][]string{{"Children in care"}, {"Care leavers"}})
	protected := func() []byte {
		f := fpdf.New("P", "mm", "A4", "")
		f.SetProtection(fpdf.CnProtectPrint, "", "owner")
		f.AddPage()
		f.SetFont("Helvetica", "", 11)
		f.Cell(40, 10, "Secret")
		return render(t, f)
	}()
	var zero pdfBuilder
	zcat := zero.add("<< /Type /Catalog /Pages 2 0 R >>")
	zero.add("<< /Type /Pages /Kids [] /Count 0 >>")
	var cyc pdfBuilder
	ccat := cyc.add("<< /Type /Catalog /Pages 2 0 R >>")
	cyc.add("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>")
	cyc.add("<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>")

	tests := []struct {
		name string
		data []byte
		opts Options
		want error
	}{
		{"empty", nil, Options{}, ErrMalformed},
		{"html saved as pdf", []byte("<!DOCTYPE html><html><body>Not found</body></html>"), Options{}, ErrMalformed},
		{"header only", []byte("%PDF-1.7\n"), Options{}, ErrMalformed},
		{"zero pages", zero.bytes(zcat, ""), Options{}, ErrMalformed},
		{"page tree cycle", cyc.bytes(ccat, ""), Options{}, ErrMalformed},
		{"too many pages", good, Options{MaxPages: 1}, ErrTooManyPages},
		{"40-bit RC4", protected, Options{}, ErrEncrypted},
		{"scanned (no text)", pagesPDF([]string{"q 100 0 0 100 0 0 cm Q", ""}, f1, "", ""), Options{}, ErrNoText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Extract(context.Background(), tc.data, tc.opts)
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestRecovered checks files the library refuses as they are but that
// still hold readable text.
func TestRecovered(t *testing.T) {
	good := pagesPDF([]string{"BT /F1 12 Tf 72 700 Td (Looked after children) Tj ET"}, f1, "", "")
	broken := bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1)
	tests := []struct {
		name string
		data []byte
	}{
		{"PDF 2.0 header", pagesPDF([]string{"BT /F1 12 Tf 72 700 Td (Looked after children) Tj ET"}, f1, "", "%PDF-2.0")},
		{"junk before header", append([]byte("HTTP junk\r\n"), good...)},
		{"bad startxref offset", broken},
		{"truncated tail", good[:len(good)-40]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extract(t, tc.data)
			if res.Pages[0] != "Looked after children" {
				t.Errorf("got %q", res.Pages[0])
			}
		})
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Extract(ctx, fpdfDoc(t, [][]string{{"text"}}), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestDamagedPage checks that a page whose content cannot be decoded is
// empty with a warning naming it, and the other pages keep their numbers.
func TestDamagedPage(t *testing.T) {
	var b pdfBuilder
	cat := b.add("")
	pages := b.add("")
	font := b.add(helvetica)
	res := fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", font)
	ok1 := b.add(stream("", "BT /F1 12 Tf 72 700 Td (first) Tj ET"))
	bad := b.add(stream("/Filter /FlateDecode", "this is not deflate data"))
	ok3 := b.add(stream("", "BT /F1 12 Tf 72 700 Td (third) Tj ET"))
	var kids []string
	for _, c := range []int{ok1, bad, ok3} {
		kids = append(kids, fmt.Sprintf("%d 0 R", b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Resources %s /Contents %d 0 R >>", pages, res, c))))
	}
	b.set(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 3 >>", strings.Join(kids, " ")))
	r := extract(t, b.bytes(cat, ""))
	if got := strings.Join(r.Pages, "|"); got != "first||third" {
		t.Errorf("pages %q", got)
	}
	if w := strings.Join(r.Warnings, "\n"); !strings.Contains(w, "page 2: content stream damaged") {
		t.Errorf("warnings %q", r.Warnings)
	}
}

// TestManyPages checks a long document with shared content: every page is
// read once, in order.
func TestManyPages(t *testing.T) {
	contents := make([]string, 3000)
	for i := range contents {
		contents[i] = fmt.Sprintf("BT /F1 12 Tf 72 700 Td (Page %d) Tj ET", i+1)
	}
	res := extract(t, pagesPDF(contents, f1, "", ""))
	if len(res.Pages) != 3000 || res.Pages[0] != "Page 1" || res.Pages[2999] != "Page 3000" {
		t.Errorf("got %d pages, first %q", len(res.Pages), res.Pages[0])
	}
}

// TestPathologicalContent checks that deeply nested or huge content is
// bounded rather than crashing or hanging.
func TestPathologicalContent(t *testing.T) {
	tests := []struct {
		name    string
		content string
	}{
		{"deep arrays", strings.Repeat("[", 200000) + " (x) Tj"},
		{"deep dicts", strings.Repeat("<<", 100000)},
		{"unterminated string", "BT /F1 12 Tf (never ends"},
		{"many operators", strings.Repeat("q Q ", 500000)},
		{"huge Tz and sizes", "BT /F1 1e300 Tf 1e300 Tz 72 700 Td (big) Tj -1e300 0 Td (small) Tj ET"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Extract(context.Background(), onePage(tc.content, f1, ""), Options{})
			if err != nil && !errors.Is(err, ErrNoText) {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestLooksGarbled(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The committee noted the report on children in care and asked for an update on placement sufficiency at the next meeting.", false},
		{strings.Repeat(`!"#$%&'()*'+ ,-./0 `, 4), true},
		{strings.Repeat("3HQČåQtSURVWĜHGN\\QD~þWHFK XGUåRYiQt NRQWUROD SRGQLNÿ ", 4), true},
		{"£000 2024-25 (1,234) 5.6% 7.8% – 9,999 (12) 345 67.8 (9.0) 1,234 5,678 (90) 12.3% 45.6%", false},
		{"短文", false},
	}
	for _, tc := range tests {
		if got := looksGarbled(tc.text); got != tc.want {
			t.Errorf("looksGarbled(%.30q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestPageList(t *testing.T) {
	tests := []struct {
		in   []int
		want string
	}{
		{[]int{3}, "page 3"},
		{[]int{1, 2, 3, 7}, "pages 1-3, 7"},
		{[]int{2, 4}, "pages 2, 4"},
	}
	for _, tc := range tests {
		if got := pageList(tc.in); got != tc.want {
			t.Errorf("pageList(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRepair checks rebuilt cross-reference sections: objects inside an
// object stream after the file lost its tail, and a page tree made from
// the page objects when the file's own tree was cut off.
func TestRepair(t *testing.T) {
	content := "BT /F1 12 Tf 72 700 Td (Care leavers) Tj ET"

	stm := objStmPDF(content)

	// The catalog's page tree is missing.
	var moved pdfBuilder
	cat := moved.add("<< /Type /Catalog /Pages 99 0 R >>")
	moved.add(helvetica)
	c1 := moved.add(stream("", content))
	moved.add(fmt.Sprintf("<< /Type /Page /Resources << /Font << /F1 2 0 R >> >> /Contents %d 0 R >>", c1))
	lost := moved.bytes(cat, "")
	lost = lost[:bytes.Index(lost, []byte("xref"))]

	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"object stream, no xref", stm, "Care leavers"},
		{"catalog points at a missing tree", lost, "Care leavers"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extract(t, tc.data)
			if res.Pages[0] != tc.want {
				t.Errorf("page 1 = %q, want %q", res.Pages[0], tc.want)
			}
			if !strings.Contains(strings.Join(res.Warnings, "\n"), "repaired") {
				t.Errorf("no repair warning in %q", res.Warnings)
			}
		})
	}
}

func TestXrefSane(t *testing.T) {
	pad := strings.Repeat(" ", 1000)
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"ordinary table", "xref\n0 6\n0000000000 65535 f \ntrailer << /Size 6 >>" + pad, true},
		{"huge subsection", "xref\n0 99999999999\ntrailer" + pad, false},
		{"startxref is not a table", "startxref\n99999999999 1\n%%EOF" + pad, true},
		{"huge Size", "trailer << /Size 4000000000 >>" + pad, false},
		{"huge object stream N", "<< /Type /ObjStm /N 99999999999 /First 10 >>" + pad, false},
		{"Name is not N", "<< /Name 99999999999 >>" + pad, true},
		{"huge Index", "<< /Type /XRef /Index [0 99999999999] >>" + pad, false},
		{"wide xref W", "<< /Type /XRef /W [1 99 2] >>" + pad, false},
		{"CIDFont W is widths", "<< /W [1 [500 600] 3 4 2000] >>" + pad, true},
	}
	for _, tc := range tests {
		if got := xrefSane([]byte(tc.data)); got != tc.want {
			t.Errorf("%s: xrefSane = %v, want %v", tc.name, got, tc.want)
		}
	}
}
