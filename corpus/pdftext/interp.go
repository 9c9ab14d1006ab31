package pdftext

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// Limits that keep one pathological page from taking unbounded time or
// memory. Real council papers are far below them.
const (
	maxStreamBytes = 64 << 20 // decompressed content per page
	maxOps         = 4 << 20  // operators per page, forms included
	maxFormDepth   = 8
	maxFormCalls   = 4096
	maxGState      = 256
	maxPageText    = 4 << 20 // bytes of text per page
)

// Layout thresholds, in ems of the current font size.
const (
	spaceGap   = 0.15 // a gap wider than this between glyphs is a space
	cellGap    = 0.8  // a gap wider than this may part a table's cells (see cellMark)
	lineShift  = 0.5  // a baseline move larger than this is a new line
	backGap    = 1.0  // moving back further than this on a line is a space
	paraFactor = 1.3  // a line gap this much over the usual spacing is a paragraph
)

type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (row-vector convention, as in the PDF specification).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

func abs(x float64) float64 { return math.Abs(x) }

// fontCache shares parsed fonts between the pages of one document.
type fontCache map[uint64]*font

// pageStats counts glyphs so callers can judge whether text is usable.
type pageStats struct {
	glyphs   int            // codes shown
	unmapped int            // codes with no Unicode text
	fonts    map[string]int // unmapped codes by font name
}

// line is one output line with its vertical gap from the previous line.
type line struct {
	text strings.Builder
	gap  float64 // baseline distance below the previous line (device units)
	size float64 // largest em on the line
	jump bool    // moved up or sideways to a new block
	// cells holds where each cell of the line starts along the text's
	// direction: its first text, then the text after each cell mark; ends
	// where each ends.
	cells, ends []float64
}

type gstate struct {
	ctm matrix
	// text state (kept in the graphics state, as the specification says)
	font   *font
	fs     float64
	tc, tw float64
	th     float64
	tl     float64
	rise   float64
}

// tfKey names a font within one resource dictionary.
type tfKey struct {
	res   uint64
	depth int
	name  string
}

// interp runs one page's content stream and lays its text out.
type interp struct {
	budget *budget
	fonts  fontCache
	tf     map[tfKey]*font
	resKey tfKey
	stats  pageStats

	gs    gstate
	stack []gstate
	tm    matrix
	tlm   matrix

	ops       int
	formCalls int
	textBytes int

	// layout state
	lines    []*line
	have     bool // a glyph has been placed
	endX     float64
	endY     float64
	dirX     float64
	dirY     float64
	lastSize float64
	lastRune rune
	// recent pieces, to drop overprinted copies ("fake bold")
	recent [recentPieces]piece
	nextP  int
}

// recentPieces is how many recent pieces a new one is compared with when
// looking for overprinted copies: enough for a word drawn glyph by glyph
// and then drawn again.
const recentPieces = 16

type piece struct {
	text string
	x, y float64
}

func newInterp(fonts fontCache, b *budget) *interp {
	return &interp{budget: b, fonts: fonts, gs: gstate{ctm: identity, th: 1}, tm: identity, tlm: identity}
}

// readStream reads a stream's decoded bytes, at most limit of them,
// counting them against the document's budget. When the stream is damaged
// or the budget is spent it returns what it could read and the error.
func readStream(v pdf.Value, limit int64, b *budget) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	if !streamColumnsOK(v) {
		return nil, errColumns
	}
	rc := v.Reader()
	defer func() {
		defer func() { _ = recover() }()
		rc.Close()
	}()
	buf := make([]byte, 0, 4096)
	lr := io.LimitReader(b.reader(rc), limit)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, rerr := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		data = buf
		if rerr == io.EOF {
			return buf, nil
		}
		if rerr != nil {
			return buf, rerr
		}
	}
}

// contentBytes returns the page's content: one stream or an array of them.
func contentBytes(contents pdf.Value, b *budget) ([]byte, error) {
	switch contents.Kind() {
	case pdf.Stream:
		return readStream(contents, maxStreamBytes, b)
	case pdf.Array:
		var out []byte
		var first error
		for i := 0; i < contents.Len() && len(out) < maxStreamBytes; i++ {
			if !b.object() {
				return out, b.err
			}
			part, err := readStream(contents.Index(i), int64(maxStreamBytes-len(out)), b)
			if err != nil && first == nil {
				first = err
			}
			out = append(out, part...)
			out = append(out, '\n')
		}
		return out, first
	}
	return nil, nil
}

// fontFor looks up and caches the font named in a Tf operator.
func (in *interp) fontFor(res pdf.Value, name string) (f *font) {
	v := res.Key("Font").Key(name)
	if v.Kind() != pdf.Dict {
		return nil
	}
	key, ok := objKey(v)
	if ok {
		// Direct font dictionaries share their container's identity:
		// add the base font name to tell them apart.
		key ^= uint64(hashString(name+"\x00"+v.Key("BaseFont").Name())) << 40
		if f, hit := in.fonts[key]; hit {
			return f
		}
	}
	func() {
		defer func() {
			if recover() != nil {
				f = nil
			}
		}()
		f = loadFont(v, in.budget)
	}()
	if ok {
		in.fonts[key] = f
	}
	return f
}

func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h & 0xffffff
}

// run interprets a content stream with the given resources.
func (in *interp) run(data []byte, res pdf.Value, depth int) {
	// Fonts named by Tf are looked up once per resource dictionary: the
	// library re-reads objects on every lookup.
	saved := in.resKey
	in.resKey = tfKey{depth: depth}
	if k, ok := objKey(res); ok {
		in.resKey.res = k
	} else {
		in.resKey.res = uint64(in.formCalls) + 1<<62 // this run only
	}
	defer func() { in.resKey = saved }()
	l := &lexer{b: data}
	var ops []operand
	for in.ops < maxOps && in.textBytes < maxPageText {
		if in.ops&4095 == 0 && in.budget.stopped() {
			return
		}
		t, ok := l.next()
		if !ok {
			return
		}
		if t.k != kOp {
			if len(ops) < 64 {
				ops = append(ops, t)
			}
			continue
		}
		in.ops++
		in.do(t.s, ops, res, depth, l)
		ops = ops[:0]
	}
}

func num(ops []operand, i int) float64 {
	if i < 0 || i >= len(ops) || ops[i].k != kNum {
		return 0
	}
	v := ops[i].num
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// last returns the n operands before an operator (missing ones are zero).
func last(ops []operand, n int) []operand {
	if len(ops) >= n {
		return ops[len(ops)-n:]
	}
	pad := make([]operand, n-len(ops))
	return append(pad, ops...)
}

func (in *interp) do(op string, ops []operand, res pdf.Value, depth int, l *lexer) {
	switch op {
	case "q":
		if len(in.stack) < maxGState {
			in.stack = append(in.stack, in.gs)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			in.gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		a := last(ops, 6)
		m := matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
		in.gs.ctm = m.mul(in.gs.ctm)
	case "BT":
		in.tm, in.tlm = identity, identity
	case "ET":
	case "Tf":
		a := last(ops, 2)
		in.gs.fs = num(a, 1)
		if a[0].k == kName {
			k := in.resKey
			k.name = a[0].s
			f, ok := in.tf[k]
			if !ok {
				f = in.fontFor(res, a[0].s)
				if in.tf == nil {
					in.tf = make(map[tfKey]*font)
				}
				in.tf[k] = f
			}
			in.gs.font = f
		}
	case "Tc":
		in.gs.tc = num(last(ops, 1), 0)
	case "Tw":
		in.gs.tw = num(last(ops, 1), 0)
	case "Tz":
		in.gs.th = num(last(ops, 1), 0) / 100
	case "TL":
		in.gs.tl = num(last(ops, 1), 0)
	case "Ts":
		in.gs.rise = num(last(ops, 1), 0)
	case "Td":
		a := last(ops, 2)
		in.moveLine(num(a, 0), num(a, 1))
	case "TD":
		a := last(ops, 2)
		in.gs.tl = -num(a, 1)
		in.moveLine(num(a, 0), num(a, 1))
	case "Tm":
		a := last(ops, 6)
		in.tm = matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
		in.tlm = in.tm
	case "T*":
		in.moveLine(0, -in.gs.tl)
	case "Tj":
		a := last(ops, 1)
		if a[0].k == kStr {
			in.show(a[0].s)
		}
	case "'":
		in.moveLine(0, -in.gs.tl)
		a := last(ops, 1)
		if a[0].k == kStr {
			in.show(a[0].s)
		}
	case "\"":
		a := last(ops, 3)
		in.gs.tw, in.gs.tc = num(a, 0), num(a, 1)
		in.moveLine(0, -in.gs.tl)
		if a[2].k == kStr {
			in.show(a[2].s)
		}
	case "TJ":
		a := last(ops, 1)
		if a[0].k != kArr {
			return
		}
		for _, e := range a[0].arr {
			switch e.k {
			case kStr:
				in.show(e.s)
			case kNum:
				tx := -e.num / 1000 * in.gs.fs * in.gs.th
				if !math.IsNaN(tx) && !math.IsInf(tx, 0) {
					in.tm = matrix{1, 0, 0, 1, tx, 0}.mul(in.tm)
				}
			}
		}
	case "ID":
		l.skipInlineImage()
	case "Do":
		a := last(ops, 1)
		if a[0].k == kName {
			in.form(res, a[0].s, depth)
		}
	}
}

func (in *interp) moveLine(tx, ty float64) {
	in.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

// form runs a Form XObject's content with its own resources and matrix.
func (in *interp) form(res pdf.Value, name string, depth int) {
	if depth >= maxFormDepth || in.formCalls >= maxFormCalls {
		return
	}
	x := res.Key("XObject").Key(name)
	if x.Kind() != pdf.Stream || x.Key("Subtype").Name() != "Form" {
		return
	}
	in.formCalls++
	if !in.budget.object() {
		return
	}
	data, _ := readStream(x, maxStreamBytes, in.budget)
	fres := x.Key("Resources")
	if fres.Kind() != pdf.Dict {
		fres = res
	}
	saved, savedStack, tm, tlm := in.gs, len(in.stack), in.tm, in.tlm
	if m := x.Key("Matrix"); m.Len() == 6 {
		fm := matrix{}
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		in.gs.ctm = fm.mul(in.gs.ctm)
	}
	in.run(data, fres, depth+1)
	in.gs, in.tm, in.tlm = saved, tm, tlm
	if len(in.stack) > savedStack {
		in.stack = in.stack[:savedStack]
	}
}

// show places one string of character codes.
func (in *interp) show(s string) {
	f := in.gs.font
	if f == nil {
		f = fallback
	}
	gs := &in.gs
	trm := in.tm.mul(gs.ctm)
	// Direction and size of the text in device space.
	dx, dy := trm[0]*gs.th, trm[1]*gs.th
	dl := math.Hypot(dx, dy)
	size := abs(gs.fs) * math.Hypot(trm[2], trm[3])
	if dl == 0 || size == 0 || math.IsNaN(size) || math.IsInf(size, 0) {
		size = 0
	}
	if dl > 0 {
		dx, dy = dx/dl, dy/dl
	} else {
		dx, dy = 1, 0
	}
	// Character spacing wider than half an em spreads the glyphs apart
	// (table cells set with Tc): then each glyph is placed on its own so
	// the gaps between them become spaces.
	split := gs.tc > 0.5*abs(gs.fs)
	var text strings.Builder
	adv := 0.0 // in unscaled text space
	step := 1
	if f.cid && !f.oneByte {
		step = 2
	}
	for i := 0; i+step <= len(s); i += step {
		var code uint32
		if step == 2 {
			code = uint32(s[i])<<8 | uint32(s[i+1])
		} else {
			code = uint32(s[i])
		}
		gw := f.width(code) * gs.fs
		w := gw + gs.tc
		if step == 1 && code == 32 {
			w += gs.tw
		}
		in.stats.glyphs++
		u, ok := f.decode(code)
		if ok && strings.ContainsRune(u, 0xfffd) {
			u = strings.ReplaceAll(u, "\ufffd", "")
			ok = u != ""
		}
		if !ok {
			in.stats.unmapped++
			if in.stats.fonts == nil {
				in.stats.fonts = make(map[string]int)
			}
			in.stats.fonts[f.name]++
			u = ""
		}
		if split {
			g := matrix{1, 0, 0, 1, adv, 0}.mul(in.tm).mul(gs.ctm)
			x0, y0 := g.apply(0, gs.rise)
			x1, y1 := g.apply(gw*gs.th, gs.rise)
			in.place(u, x0, y0, x1, y1, dx, dy, size)
		} else {
			text.WriteString(u)
		}
		adv += w * gs.th
	}
	x0, y0 := trm.apply(0, gs.rise)
	in.tm = matrix{1, 0, 0, 1, adv, 0}.mul(in.tm)
	if split {
		return
	}
	// End of the string in device space.
	end := in.tm.mul(gs.ctm)
	x1, y1 := end.apply(0, gs.rise)
	in.place(text.String(), x0, y0, x1, y1, dx, dy, size)
}

// fallback reads codes as WinAnsi bytes with a rough width; it stands in
// for a font that is missing or cannot be read, so text is not lost.
var fallback = func() *font {
	f := &font{scale: 0.001, missW: 500}
	for i := range f.w1 {
		f.w1[i] = 500
		f.simple[i] = winAnsi(byte(i))
	}
	return f
}()

// place adds a piece of text that runs from (x0,y0) to (x1,y1) in device
// space along direction (dx,dy), deciding from its position relative to the
// previous piece whether a space or a line break comes between them.
func (in *interp) place(s string, x0, y0, x1, y1, dx, dy, size float64) {
	s = clean(s)
	if s == "" {
		return
	}
	if strings.TrimSpace(s) != "" {
		tol := math.Max(size, in.lastSize) * 0.1
		for _, p := range in.recent {
			if p.text == s && abs(x0-p.x) < tol && abs(y0-p.y) < tol {
				// The same text drawn again almost on top of itself: a
				// simulated bold or shadow, not more words.
				return
			}
		}
		in.recent[in.nextP] = piece{s, x0, y0}
		in.nextP = (in.nextP + 1) % recentPieces
	}
	in.textBytes += len(s)
	if !in.have || len(in.lines) == 0 {
		in.newLine(0, size, false)
		in.have = true
		in.write(s, size, x0*dx+y0*dy, x1*dx+y1*dy)
		in.endX, in.endY, in.dirX, in.dirY = x1, y1, dx, dy
		return
	}
	em := math.Max(size, in.lastSize)
	if em <= 0 {
		em = 1
	}
	ddx, ddy := x0-in.endX, y0-in.endY
	sameDir := dx*in.dirX+dy*in.dirY > 0.98
	along := ddx*in.dirX + ddy*in.dirY
	perp := in.dirX*ddy - in.dirY*ddx // positive = above the previous baseline
	switch {
	case !sameDir:
		in.newLine(0, size, true)
	case abs(perp) > lineShift*em:
		in.newLine(-perp, size, perp > 0 || along > 40*em)
	case along > cellGap*em:
		in.space()
		in.cellGap()
	case along > spaceGap*em || along < -backGap*em:
		in.space()
	}
	in.write(s, size, x0*dx+y0*dy, x1*dx+y1*dy)
	in.endX, in.endY, in.dirX, in.dirY = x1, y1, dx, dy
}

func (in *interp) newLine(gap, size float64, jump bool) {
	in.lines = append(in.lines, &line{gap: gap, size: size, jump: jump})
	in.lastRune = '\n'
	in.lastSize = size
}

func (in *interp) space() {
	if in.lastRune == ' ' || in.lastRune == '\n' {
		return
	}
	ln := in.lines[len(in.lines)-1]
	ln.text.WriteByte(' ')
	in.lastRune = ' '
}

// write adds s, which runs from pos to end along the text's direction,
// to the current line.
func (in *interp) write(s string, size, pos, end float64) {
	ln := in.lines[len(in.lines)-1]
	if in.lastRune == ' ' || in.lastRune == '\n' {
		s = strings.TrimLeft(s, " ")
	}
	if s == "" {
		return
	}
	if b := ln.text.String(); strings.TrimRight(b, " ") == "" || b[len(b)-1] == cellMark {
		if len(ln.cells) > 0 && strings.TrimRight(b, " ") == "" {
			ln.cells, ln.ends = ln.cells[:0], ln.ends[:0]
		}
		ln.cells = append(ln.cells, pos)
		ln.ends = append(ln.ends, end)
	}
	if strings.TrimSpace(s) != "" {
		ln.ends[len(ln.ends)-1] = max(ln.ends[len(ln.ends)-1], end)
	}
	ln.text.WriteString(s)
	if size > ln.size {
		ln.size = size
	}
	in.lastSize = size
	for _, r := range s {
		in.lastRune = r
	}
}

// clean drops control characters and turns other white space into spaces.
func clean(s string) string {
	ok := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0xa0 || (unicode.IsSpace(r) && r != ' '):
			b.WriteByte(' ')
		case r == 0xad: // soft hyphen: a hyphen at a line end
			b.WriteByte('-')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfeff || r == 0x200b:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// text joins the page's lines, with a blank line between paragraphs: where
// the gap between two lines is clearly larger than the page's usual line
// spacing, or where the text jumps to a new block.
func (in *interp) text() string {
	var gaps []float64
	for i, ln := range in.lines {
		if i == 0 || ln.jump || ln.size <= 0 {
			continue
		}
		g := ln.gap / ln.size
		if g > 0.8 && g < 3 {
			gaps = append(gaps, g)
		}
	}
	usual := 1.2
	if len(gaps) >= 3 {
		sort.Float64s(gaps)
		usual = gaps[len(gaps)/4]
	}
	rows := 0
	for _, ln := range in.lines {
		if _, long := wordRow(ln.text.String()); long {
			rows++
		}
	}
	var b strings.Builder
	put := func(t string, para bool) {
		if b.Len() > 0 {
			b.WriteByte('\n')
			if para {
				b.WriteByte('\n')
			}
		}
		b.WriteString(t)
	}
	inRow := false // the lines since the last row of a table of words
	blank := false // an empty line (only spaces) was drawn since the last text
	carry := 0.0   // gap of skipped empty lines
	var open *wordCells
	var openPara bool
	flush := func() {
		if open != nil {
			put(open.String(), openPara)
			open = nil
		}
	}
	for i, ln := range in.lines {
		raw := ln.text.String()
		if strings.TrimRight(cellGaps(raw, false), " ") == "" {
			if b.Len() > 0 || open != nil {
				blank = true
			}
			carry += ln.gap
			continue
		}
		gap := ln.gap + carry
		carry = 0
		para := false
		if (b.Len() > 0 || open != nil) && i > 0 && ln.size > 0 {
			g := gap / ln.size
			para = blank || ln.jump || g > usual*paraFactor && g-usual > 0.3 || g < -lineShift
		}
		blank = false
		// A row's wrapped cells continue on the lines below it, until a
		// new paragraph or another row: each goes into the row's cell
		// that starts where it does ("Corporate Parenting Panel to
		// consider IRO" / "caseloads"), so the row reads as one line.
		row, _ := wordRow(raw)
		if row {
			inRow = true
		} else if para {
			inRow = false
		}
		keep := rows >= minWordRows && inRow
		switch {
		case keep && row:
			flush()
			if open = newWordCells(raw, ln); open == nil {
				put(strings.TrimRight(cellGaps(raw, true), " "), para)
			}
			openPara = para
		case keep && open != nil && open.sep == "  " && !para && open.absorb(raw, ln):
		case !keep && open != nil && open.sep == " " && !para && open.absorbWrap(raw, ln):
		case !keep && len(ln.cells) >= 2:
			// A row of cells outside a table of words (grades, figures),
			// kept open for the lines its cells' names wrap onto.
			flush()
			if open = newWordCells(raw, ln); open == nil {
				put(strings.TrimRight(cellGaps(raw, false), " "), para)
			} else {
				open.sep = " "
			}
			openPara = para
		default:
			flush()
			put(strings.TrimRight(cellGaps(raw, keep), " "), para)
		}
	}
	flush()
	return b.String()
}
