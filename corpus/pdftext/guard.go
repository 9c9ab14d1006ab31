package pdftext

// Checks made before, and just after, the library reads a file's
// cross-reference data, for the structures the library follows without a
// bound: a /Prev chain that comes back on itself (it loops for ever), an
// object stream that extends itself (likewise), and an object stream whose
// own dictionary needs an object stored in an object stream (it recurses
// until the stack overflows, which no recover can catch).

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"

	"github.com/ledongthuc/pdf"
)

// maxXrefSections is the most cross-reference sections followed along
// /Prev. Real files have one per incremental update: a handful.
const maxXrefSections = 1024

// xrefChain is what the /Prev chain of a file's cross-reference sections
// holds, read the way the library will read it.
type xrefChain struct {
	// loop is set when a /Prev comes back to a section already read, or
	// the chain is longer than maxXrefSections.
	loop bool
	// newest is the offset of the section startxref names.
	newest int64
	// trailer is the newest section's trailer dictionary, without its
	// << >>, when that section is a classic table.
	trailer []byte
	// size is that trailer's /Size; tableLen is one more than the
	// largest object number any classic section lists.
	size, tableLen int64
	// streams is set when the newest section is a cross-reference
	// stream; streamSize is the largest /Size of the streams read.
	streams    bool
	streamSize int64
	// encrypted is set when the newest section's dictionary names an
	// /Encrypt dictionary.
	encrypted bool
	// sections counts the sections read.
	sections int
}

// undercounted reports whether the newest trailer's /Size is smaller than
// the table: the library would cut the table to /Size and lose the objects
// past it (merged files written by pdfunite do this).
func (c xrefChain) undercounted() bool {
	return !c.loop && c.trailer != nil && c.size > 0 && c.size < c.tableLen
}

// scanXrefChain follows startxref and the /Prev entries from section to
// section, as the library does, without reading object data.
func scanXrefChain(data []byte) xrefChain {
	var c xrefChain
	start, ok := startXref(data)
	if !ok {
		return c
	}
	c.newest = start
	seen := make(map[int64]bool)
	for off, n := start, 0; off >= 0 && off < int64(len(data)); n++ {
		if seen[off] || n >= maxXrefSections {
			c.loop = true
			return c
		}
		seen[off] = true
		c.sections++
		l := &lexer{b: data, pos: int(off)}
		l.skipSpace()
		var dict []byte
		if bytes.HasPrefix(data[l.pos:], []byte("xref")) {
			end, last := tableEnd(data, l.pos+4)
			c.tableLen = max(c.tableLen, last)
			dict = dictAfter(data, end)
			if n == 0 {
				c.trailer = dict
				c.size, _ = dictInt(dict, "Size")
			}
		} else {
			// An xref stream: "N G obj << ... >>".
			for i := 0; i < 3; i++ {
				if _, ok := l.next(); !ok {
					return c
				}
			}
			dict = dictAfter(data, l.pos)
			size, _ := dictInt(dict, "Size")
			c.streamSize = max(c.streamSize, size)
			if n == 0 {
				c.streams = true
			}
		}
		if n == 0 {
			c.encrypted = bytes.Contains(dict, []byte("/Encrypt"))
		}
		prev, ok := dictInt(dict, "Prev")
		if !ok {
			return c
		}
		off = prev
	}
	return c
}

// startXref finds the offset after the last "startxref" in the file's last
// 100 bytes, where the library looks.
func startXref(data []byte) (int64, bool) {
	tail := data[max(0, len(data)-100):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, false
	}
	v, ok := leadingUint(tail[i+len("startxref"):])
	if !ok || v > uint64(len(data)) {
		return 0, false
	}
	return int64(v), true
}

// tableEnd reads a classic table's subsections from pos: it returns where
// the "trailer" keyword starts (or the end of the data) and one more than
// the largest object number listed.
func tableEnd(data []byte, pos int) (end int, last int64) {
	l := &lexer{b: data, pos: pos}
	for {
		l.skipSpace()
		if bytes.HasPrefix(data[l.pos:], []byte("trailer")) {
			return l.pos, last
		}
		a, ok1 := l.next()
		b, ok2 := l.next()
		if !ok1 || !ok2 || a.k != kNum || b.k != kNum || a.num < 0 || b.num < 0 || a.num+b.num > 1<<40 {
			return l.pos, last
		}
		last = max(last, int64(a.num+b.num))
		// Entries are 20 bytes each; skip them whole, falling back to
		// tokens when a table is not written to the letter.
		if skip := l.pos + 1 + 20*int(b.num); int(b.num) > 0 && skip <= len(data) && entryAt(data, skip-20) {
			l.pos = skip
			continue
		}
		for i := 0; i < 3*int(b.num); i++ {
			if _, ok := l.next(); !ok {
				return l.pos, last
			}
		}
	}
}

// entryAt reports whether a 20-byte cross-reference entry starts at i.
func entryAt(data []byte, i int) bool {
	if i < 0 || i+20 > len(data) {
		return false
	}
	e := data[i : i+20]
	return digits(e[:10]) && e[10] == ' ' && digits(e[11:16]) && e[16] == ' ' && (e[17] == 'n' || e[17] == 'f')
}

// dictAfter returns the contents (without << >>) of the dictionary that
// starts after pos, skipping a "trailer" keyword, or nil.
func dictAfter(data []byte, pos int) []byte {
	l := &lexer{b: data, pos: pos}
	l.skipSpace()
	if bytes.HasPrefix(data[l.pos:], []byte("trailer")) {
		l.pos += len("trailer")
		l.skipSpace()
	}
	if !bytes.HasPrefix(data[l.pos:], []byte("<<")) {
		return nil
	}
	start := l.pos + 2
	if _, ok := l.next(); !ok || l.pos < start+2 {
		return nil
	}
	return data[start : l.pos-2]
}

// dictInt returns the integer value of key at the top level of dict
// (contents without << >>). As in the library, the last of repeated keys
// counts.
func dictInt(dict []byte, key string) (v int64, found bool) {
	l := &lexer{b: dict}
	var prev operand
	for {
		t, ok := l.next()
		if !ok {
			return v, found
		}
		if prev.k == kName && prev.s == key {
			v, found = 0, false
			if t.k == kNum && t.num >= 0 && t.num <= 1<<53 && t.num == float64(int64(t.num)) {
				v, found = int64(t.num), true
			}
		}
		prev = t
	}
}

// growTrailer returns a copy of data with an update section appended whose
// trailer repeats the newest one with /Size grown to the table's length:
// the file reads whole, as it is, with every object it lists. (The library
// keeps the last of repeated keys.)
func growTrailer(data []byte, c xrefChain) []byte {
	out := make([]byte, 0, len(data)+len(c.trailer)+160)
	out = append(out, data...)
	out = append(out, '\n')
	x := len(out)
	out = append(out, "xref\n0 1\n0000000000 65535 f \ntrailer\n<<"...)
	out = append(out, c.trailer...)
	out = fmt.Appendf(out, " /Size %d /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", c.tableLen, c.newest, x)
	return out
}

// withoutEncrypt returns a copy of data with an update section appended
// that repeats the cross-reference table (it adds no entries and points
// back at the newest section) with /Encrypt null: the library then reads
// the table without decrypting anything, which it does while it opens an
// encrypted file, before checkObjStreams could run on the opened file.
func withoutEncrypt(data []byte, c xrefChain) []byte {
	out := make([]byte, 0, len(data)+256)
	out = append(out, data...)
	out = append(out, '\n')
	x := len(out)
	if c.streams {
		size := max(c.streamSize, 1)
		out = fmt.Appendf(out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 1 1] /Index [0 1] /Prev %d /Encrypt null /Length 3 >>\nstream\n\x00\x00\x00\nendstream\nendobj\n", size, size, c.newest)
	} else {
		out = fmt.Appendf(out, "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size %d /Prev %d /Encrypt null >>\n", max(c.size, c.tableLen, 1), c.newest)
	}
	return fmt.Appendf(out, "startxref\n%d\n%%%%EOF\n", x)
}

// errEncryptInStream is the error for an encryption dictionary that is
// not an object of its own in the file: one stored in an object stream
// (which the format forbids, as the stream would need decrypting to be
// read) made the library resolve it for ever.
var errEncryptInStream = fmt.Errorf("%w: its encryption dictionary is not an object of its own", ErrMalformed)

var reEncryptRef = regexp.MustCompile(`/Encrypt\s+(\d{1,10})\s+(\d{1,5})\s+R`)

// checkEncryptRefs finds an /Encrypt that refers to an object the file
// does not hold as "N G obj" at the top level.
func checkEncryptRefs(data []byte) error {
	for _, m := range reEncryptRef.FindAllSubmatch(data, 16) {
		re, err := regexp.Compile(`(?:^|[\r\n\t \f\x00>])` + string(m[1]) + `\s+` + string(m[2]) + `\s+obj\b`)
		if err != nil || !re.Match(data) {
			return errEncryptInStream
		}
	}
	return nil
}

// checkEncrypted runs checkObjStreams on an encrypted file's table before
// the library opens the file to decrypt it (decryption reads the /Encrypt
// dictionary, which may be where an object stream loops). Files that are
// not encrypted are checked as they open.
func checkEncrypted(data []byte, c xrefChain) (err error) {
	if !c.encrypted || c.loop {
		return nil
	}
	defer func() {
		if recover() != nil {
			err = nil // the library will give its own error when it opens the file
		}
	}()
	probe := withoutEncrypt(data, c)
	r, rerr := pdf.NewReader(bytes.NewReader(probe), int64(len(probe)))
	if rerr != nil {
		return nil
	}
	return checkObjStreams(r, probe)
}

// maxColumns is the largest predictor /Columns accepted. The library
// allocates two buffers of that many bytes for a stream with a PNG
// predictor, and an allocation the machine cannot make is a fatal error,
// not a panic; real files use a few thousand at most (an image's width).
const maxColumns = 1 << 20

// errColumns is the error for a predictor /Columns the library would
// allocate without bound from.
var errColumns = fmt.Errorf("%w: implausible predictor /Columns (over %d)", ErrMalformed, maxColumns)

// checkColumns finds a /Columns written in the file's bytes that is over
// maxColumns, or given by reference (its value could be anything). The
// library reads the predictors of cross-reference and object streams
// itself, where the package cannot check them stream by stream.
func checkColumns(data []byte) error {
	var err error
	eachKey(data, "/Columns", func(_ int, rest []byte) {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		n, found := leadingUint(rest)
		if !found {
			return
		}
		if n > maxColumns {
			err = errColumns
			return
		}
		// "7 0 R": a reference.
		l := &lexer{b: rest[:min(len(rest), 40)]}
		l.next()
		if g, ok := l.next(); ok && g.k == kNum {
			if r, ok := l.next(); ok && r.k == kOp && r.s == "R" {
				err = errColumns
			}
		}
	})
	return err
}

// streamColumnsOK reports whether a stream the package is about to read
// has plausible predictor /Columns in its /DecodeParms (one dictionary,
// or one per filter).
func streamColumnsOK(v pdf.Value) bool {
	p := v.Key("DecodeParms")
	if p.Kind() == pdf.Array {
		for i := 0; i < p.Len() && i < 16; i++ {
			if c := p.Index(i).Key("Columns").Int64(); c > maxColumns {
				return false
			}
		}
		return true
	}
	return p.Key("Columns").Int64() <= maxColumns
}

// Errors for object streams the library cannot read without looping or
// recursing for ever.
var (
	errObjStmLoop = fmt.Errorf("%w: object streams extend each other in a loop", ErrMalformed)
	errObjStmSelf = fmt.Errorf("%w: an object stream's dictionary refers into an object stream", ErrMalformed)
)

// checkObjStreams looks at the table the library read from data: every
// object stream must be stored outside object streams, its dictionary must
// not refer to objects stored in one (its /Length, /N or /First would need
// the stream to be read to be read), and its /Extends chain must end. It
// reads the library's unexported table by reflection; if the library
// changes shape the check is skipped.
func checkObjStreams(r *pdf.Reader, data []byte) error {
	rv := reflect.ValueOf(r)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return nil
	}
	table := rv.Elem().FieldByName("xref")
	if !table.IsValid() || table.Kind() != reflect.Slice || table.Len() == 0 {
		return nil
	}
	n := table.Len()
	et := table.Type().Elem()
	fIn, okI := et.FieldByName("inStream")
	fStm, okS := et.FieldByName("stream")
	fOff, okO := et.FieldByName("offset")
	if !okI || !okS || !okO || fIn.Type.Kind() != reflect.Bool || fOff.Type.Kind() != reflect.Int64 {
		return nil
	}
	inStream := func(id uint64) bool {
		return id < uint64(n) && table.Index(int(id)).FieldByIndex(fIn.Index).Bool()
	}
	var streams map[uint64]bool
	for i := 0; i < n; i++ {
		e := table.Index(i)
		if !e.FieldByIndex(fIn.Index).Bool() {
			continue
		}
		id, _, ok := refOf(e.FieldByIndex(fStm.Index))
		if !ok {
			return nil
		}
		if streams == nil {
			streams = make(map[uint64]bool)
		}
		streams[id] = true
	}
	extends := make(map[uint64]uint64)
	for id := range streams {
		if inStream(id) {
			return errObjStmSelf
		}
		if id >= uint64(n) {
			continue
		}
		off := table.Index(int(id)).FieldByIndex(fOff.Index).Int()
		if off <= 0 || off >= int64(len(data)) {
			continue
		}
		// "N G obj << ... >>": skip the three tokens, read the dictionary.
		l := &lexer{b: data, pos: int(off)}
		for i := 0; i < 3; i++ {
			l.next()
		}
		for key, ref := range dictRefs(dictAfter(data, l.pos)) {
			if inStream(ref) {
				return errObjStmSelf
			}
			if key == "Extends" {
				extends[id] = ref
			}
		}
	}
	for id := range extends {
		seen := map[uint64]bool{id: true}
		for next, ok := extends[id]; ok; next, ok = extends[next] {
			if seen[next] {
				return errObjStmLoop
			}
			seen[next] = true
		}
	}
	return nil
}

// dictRefs returns the keys at the top level of dict (contents without
// << >>) whose values are indirect references, with the objects they name.
func dictRefs(dict []byte) map[string]uint64 {
	var out map[string]uint64
	l := &lexer{b: dict}
	var win [4]operand
	for {
		t, ok := l.next()
		if !ok {
			return out
		}
		copy(win[:], win[1:])
		win[3] = t
		if win[0].k == kName && win[1].k == kNum && win[2].k == kNum && win[3].k == kOp && win[3].s == "R" && win[1].num >= 0 && win[1].num < 1<<32 {
			if out == nil {
				out = make(map[string]uint64)
			}
			out[win[0].s] = uint64(win[1].num)
		}
	}
}

// refOf reads a reflected library value: an objptr (indirect reference)
// gives its object number and generation.
func refOf(v reflect.Value) (id, gen uint64, ok bool) {
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return 0, 0, false
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || v.Type().Name() != "objptr" || v.NumField() < 2 {
		return 0, 0, false
	}
	a, b := v.Field(0), v.Field(1)
	if !a.CanUint() || !b.CanUint() {
		return 0, 0, false
	}
	return a.Uint(), b.Uint(), true
}

// kidRefs returns the raw entries of a /Kids array without resolving them:
// for each, the identity of the object it refers to (as objKey gives it)
// or 0 when it is not a reference. ok is false when the array's entries
// cannot be read this way (then callers resolve each entry).
func kidRefs(kids pdf.Value) (keys []uint64, ok bool) {
	data := reflect.ValueOf(kids).FieldByName("data")
	if !data.IsValid() || data.Kind() != reflect.Interface || data.IsNil() {
		return nil, false
	}
	arr := data.Elem()
	if arr.Kind() != reflect.Slice {
		return nil, false
	}
	keys = make([]uint64, arr.Len())
	for i := range keys {
		if id, gen, isRef := refOf(arr.Index(i)); isRef && id != 0 {
			keys[i] = id<<16 | gen&0xffff
		}
	}
	return keys, true
}
