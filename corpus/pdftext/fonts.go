package pdftext

import (
	"reflect"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// font is what the interpreter needs from a PDF font: how to split a string
// into character codes, each code's advance width and its Unicode text.
type font struct {
	name    string
	cid     bool // Type0: codes select CIDs (widths from W, no encoding table)
	oneByte bool // Type0 whose embedded CMap has one-byte codes only

	scale  float64      // glyph space to text space (0.001, or a Type3 FontMatrix)
	w1     [256]float64 // simple fonts: width of each code, glyph units
	cidW   map[uint32]float64
	dw     float64           // Type0 default width
	missW  float64           // simple fonts: width for codes outside Widths
	uni    map[uint32]string // from ToUnicode
	ucs2   bool              // Type0 with a UCS-2/UTF-16 CMap: code is the character
	simple [256]string       // simple fonts: decoded text per byte
}

// width returns the advance of code in text space units per unit font size.
func (f *font) width(code uint32) float64 {
	if f.cid {
		if w, ok := f.cidW[code]; ok {
			return w * f.scale
		}
		return f.dw * f.scale
	}
	if code < 256 {
		return f.w1[code] * f.scale
	}
	return f.missW * f.scale
}

// decode returns the Unicode text of one code and whether the font had a
// mapping for it.
func (f *font) decode(code uint32) (string, bool) {
	if f.uni != nil {
		if s, ok := f.uni[code]; ok {
			return s, true
		}
	}
	if f.cid {
		if f.ucs2 {
			return string(rune(code)), true
		}
		return "", false
	}
	if code < 256 {
		return f.simple[code], true
	}
	return "", false
}

// objKey returns an identity for an indirect PDF object so fonts shared by
// many pages are parsed once. The library keeps the object number in an
// unexported field; reading it by reflection is guarded so a change in the
// library only disables the cache.
func objKey(v pdf.Value) (uint64, bool) {
	rv := reflect.ValueOf(v)
	p := rv.FieldByName("ptr")
	if !p.IsValid() || p.Kind() != reflect.Struct || p.NumField() < 2 {
		return 0, false
	}
	id, gen := p.Field(0), p.Field(1)
	if !id.CanUint() || !gen.CanUint() {
		return 0, false
	}
	if id.Uint() == 0 {
		return 0, false
	}
	return id.Uint()<<16 | gen.Uint()&0xffff, true
}

// loadFont reads a font dictionary. It may panic on malformed input (the
// library does); callers recover.
func loadFont(v pdf.Value, b *budget) *font {
	b.object()
	f := &font{name: v.Key("BaseFont").Name(), scale: 0.001, dw: 1000}
	sub := v.Key("Subtype").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		data, _ := readStream(tu, maxCMapBytes, b)
		f.uni = parseToUnicode(data)
		if len(f.uni) == 0 {
			f.uni = nil
		}
	}
	if sub == "Type0" {
		f.cid = true
		enc := v.Key("Encoding")
		if enc.Kind() == pdf.Stream {
			data, _ := readStream(enc, maxCMapBytes, b)
			f.oneByte = oneByteCodespace(data)
		}
		encName := enc.Name()
		if strings.Contains(encName, "UCS2") || strings.Contains(encName, "UTF16") {
			f.ucs2 = true
		}
		desc := v.Key("DescendantFonts").Index(0)
		if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.cidW = parseCIDWidths(desc.Key("W"))
		return f
	}
	if sub == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() >= 1 && m.Index(0).Float64() != 0 {
			f.scale = abs(m.Index(0).Float64())
		}
	}
	// Widths.
	desc := v.Key("FontDescriptor")
	f.missW = desc.Key("MissingWidth").Float64()
	ws := v.Key("Widths")
	if ws.Kind() == pdf.Array && ws.Len() > 0 {
		first := int(v.Key("FirstChar").Int64())
		for i := range f.w1 {
			f.w1[i] = f.missW
		}
		n := ws.Len()
		for i := 0; i < n; i++ {
			c := first + i
			if c < 0 || c > 255 {
				continue
			}
			f.w1[c] = ws.Index(i).Float64()
		}
	} else if std := std14Widths(f.name); std != nil {
		for i := range f.w1 {
			f.w1[i] = float64(std[i])
		}
	} else {
		w := f.missW
		if w == 0 {
			w = 500
		}
		for i := range f.w1 {
			f.w1[i] = w
		}
	}
	if f.missW == 0 {
		f.missW = 500
	}
	// Text of each byte: ToUnicode first, else the font's encoding.
	var enc pdf.TextEncoding
	encOK := func() (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		pf := pdf.Font{V: v}
		enc = pf.Encoder()
		return enc != nil
	}()
	for b := 0; b < 256; b++ {
		if s, ok := f.uni[uint32(b)]; ok {
			f.simple[b] = s
			continue
		}
		s := ""
		if encOK {
			s = safeDecode(enc, byte(b))
		} else {
			s = winAnsi(byte(b))
		}
		f.simple[b] = s
	}
	return f
}

func safeDecode(enc pdf.TextEncoding, b byte) (s string) {
	defer func() {
		if recover() != nil {
			s = winAnsi(b)
		}
	}()
	s = enc.Decode(string([]byte{b}))
	if s == string([]byte{b}) && b >= 0x80 || !utf8.ValidString(s) {
		// The library passed the byte through: read it as WinAnsi.
		return winAnsi(b)
	}
	if len(s) == 2 && s == string(rune(b)) && b >= 0x80 && b < 0xa0 {
		return winAnsi(b)
	}
	return s
}

// winAnsiHigh maps the bytes 0x80-0x9f of WinAnsiEncoding (0 = unused).
var winAnsiHigh = [32]rune{
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
}

func winAnsi(b byte) string {
	if b >= 0x80 && b < 0xa0 {
		if r := winAnsiHigh[b-0x80]; r != 0 {
			return string(r)
		}
		return ""
	}
	return string(rune(b))
}

// parseCIDWidths reads a CIDFont W array: c [w1 w2 ...] or c1 c2 w.
func parseCIDWidths(w pdf.Value) map[uint32]float64 {
	m := make(map[uint32]float64)
	n := w.Len()
	const maxEntries = 1 << 17
	for i := 0; i < n && len(m) < maxEntries; {
		first := w.Index(i)
		if i+1 >= n {
			break
		}
		second := w.Index(i + 1)
		c := first.Int64()
		if first.Kind() == pdf.Real {
			c = int64(first.Float64())
		}
		if second.Kind() == pdf.Array {
			for j := 0; j < second.Len() && len(m) < maxEntries; j++ {
				if c+int64(j) >= 0 {
					m[uint32(c+int64(j))] = second.Index(j).Float64()
				}
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := int64(second.Float64())
		wv := w.Index(i + 2).Float64()
		if last-c > 1<<16 {
			last = c + 1<<16
		}
		for cc := c; cc <= last && len(m) < maxEntries; cc++ {
			if cc >= 0 {
				m[uint32(cc)] = wv
			}
		}
		i += 3
	}
	return m
}

const maxCMapBytes = 8 << 20

// oneByteCodespace reports whether an embedded CMap declares code space
// ranges and all of them are one byte long.
func oneByteCodespace(data []byte) bool {
	l := &lexer{b: data}
	var ops []operand
	seen := false
	for {
		t, ok := l.next()
		if !ok {
			return seen
		}
		if t.k != kOp {
			if len(ops) < 1<<12 {
				ops = append(ops, t)
			}
			continue
		}
		if t.s == "endcodespacerange" {
			for _, o := range ops {
				if o.k == kStr {
					if len(o.s) != 1 {
						return false
					}
					seen = true
				}
			}
		}
		ops = ops[:0]
	}
}

// parseToUnicode reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseToUnicode(data []byte) map[uint32]string {
	m := make(map[uint32]string)
	l := &lexer{b: data}
	var ops []operand
	const maxEntries = 1 << 18
	for len(m) < maxEntries {
		t, ok := l.next()
		if !ok {
			break
		}
		if t.k != kOp {
			if len(ops) < 1<<16 {
				ops = append(ops, t)
			}
			continue
		}
		switch t.s {
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				if ops[i].k != kStr || ops[i+1].k != kStr {
					continue
				}
				m[codeOf(ops[i].s)] = utf16String(ops[i+1].s)
			}
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, hi, dst := ops[i], ops[i+1], ops[i+2]
				if lo.k != kStr || hi.k != kStr {
					continue
				}
				a, b := codeOf(lo.s), codeOf(hi.s)
				if b < a || b-a > 1<<16 {
					continue
				}
				switch dst.k {
				case kStr:
					u := utf16.Decode(utf16Units(dst.s))
					if len(u) == 0 {
						continue
					}
					for c := a; c <= b && len(m) < maxEntries; c++ {
						r := make([]rune, len(u))
						copy(r, u)
						r[len(r)-1] += rune(c - a)
						m[c] = string(r)
					}
				case kArr:
					for j, d := range dst.arr {
						if d.k == kStr && a+uint32(j) <= b {
							m[a+uint32(j)] = utf16String(d.s)
						}
					}
				}
			}
		}
		ops = ops[:0]
	}
	return m
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func utf16Units(s string) []uint16 {
	if len(s) == 1 {
		return []uint16{uint16(s[0])}
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}

func utf16String(s string) string {
	return string(utf16.Decode(utf16Units(s)))
}
