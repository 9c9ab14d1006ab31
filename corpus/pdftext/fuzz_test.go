package pdftext

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/corpus/corpustest/hostile"
)

// fuzzSeeds are small PDFs covering the reader's paths: fpdf output,
// hand-built files with TJ, Type0 fonts and forms, and damaged variants.
func fuzzSeeds(t testing.TB) [][]byte {
	docs := [][]byte{
		fpdfDoc(t, [][]string{{"Children in care", "Care leavers"}, nil}),
		onePage("BT /F1 12 Tf 14 TL 72 700 Td [(Ke) 30 (rning) -500 (matters)] TJ T* (next) ' 1 2 (q) \" ET", f1, "/Rotate 90"),
		onePage("q 1 0 0 1 5 5 cm BT /F1 1 Tf 12 0 0 12 72 700 Tm 50 Tz 2 Tc 3 Tw (a b) Tj ET Q BI /W 1 /H 1 ID x EI", f1, ""),
		pagesPDF([]string{"BT /F1 12 Tf (one) Tj ET", "", "BT /F1 12 Tf (three) Tj ET"}, f1, "", "%PDF-2.0"),
	}
	var b pdfBuilder
	cat := b.add("")
	pages := b.add("")
	font := type0Font(&b, "[1 [500 600] 3 4 700]", map[uint16]string{1: "A", 2: "\ufb01", 3: " "})
	form := b.add(stream(fmt.Sprintf("/Subtype /Form /Resources << /Font << /T0 %d 0 R >> >>", font), "BT /T0 9 Tf <0001> Tj ET"))
	cs := b.add(stream("", "BT /T0 12 Tf 72 700 Td <000100020003> Tj ET /X Do"))
	pg := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Resources << /Font << /T0 %d 0 R >> /XObject << /X %d 0 R >> >> /Contents %d 0 R >>", pages, font, form, cs))
	b.set(cat, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", pg))
	docs = append(docs, b.bytes(cat, ""), objStmPDF("BT /F1 12 Tf 72 700 Td (kept) Tj ET"))

	var seeds [][]byte
	for _, d := range docs {
		seeds = append(seeds, d, d[:len(d)/2], d[:len(d)*9/10])
		m := append([]byte(nil), d...)
		for i := 97; i < len(m); i += 97 {
			m[i] ^= 0x20
		}
		seeds = append(seeds, m)
	}
	return append(seeds, nil, []byte("%PDF-1.4\n%%EOF"), []byte("<!DOCTYPE html>"))
}

// FuzzExtract checks that no input makes Extract panic, hang or break its
// contract: an error wraps a sentinel, a result has valid UTF-8 pages and
// consistent page lists. Each input runs under corpustest.FuzzDeadline
// (the fuzzer has no deadline of its own), and the generated hostile
// files are seeds.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	for _, h := range hostile.Files() {
		if !h.Big {
			f.Add(h.Data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			return checkExtract(data)
		})
	})
}

// checkExtract reads data and says how the outcome breaks Extract's
// contract, if it does.
func checkExtract(data []byte) error {
	// Extract's own deadline (60 s) is far beyond the fuzz deadline: an
	// input the reader does not bound (a loop in the library it fails to
	// catch) overruns the fuzz deadline and fails, rather than ending
	// quietly with ErrDeadline.
	res, err := Extract(context.Background(), data, Options{MaxPages: 64})
	if err != nil {
		if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrEncrypted) && !errors.Is(err, ErrNoText) && !errors.Is(err, ErrTooManyPages) && !errors.Is(err, ErrTooComplex) {
			return fmt.Errorf("error wraps no sentinel: %v", err)
		}
		if !errors.Is(err, ErrNoText) {
			return nil
		}
	}
	if res == nil {
		return errors.New("nil result without error")
	}
	if len(res.Pages) == 0 || len(res.Pages) > 64 {
		return fmt.Errorf("%d pages", len(res.Pages))
	}
	for i, p := range res.Pages {
		if !utf8.ValidString(p) {
			return fmt.Errorf("page %d: invalid UTF-8", i+1)
		}
	}
	for _, n := range append(append([]int(nil), res.NoTextPages...), res.GarbledPages...) {
		if n < 1 || n > len(res.Pages) {
			return fmt.Errorf("page number %d out of range", n)
		}
	}
	return nil
}
