package pdftext

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

var (
	objRe     = regexp.MustCompile(`(?m)(?:^|[\r\n\s])(\d{1,7})\s+(\d{1,5})\s+obj\b`)
	catalogRe = regexp.MustCompile(`/Type\s*/Catalog\b`)
	refRe     = func(key string) *regexp.Regexp {
		return regexp.MustCompile(`/` + key + `\s+(\d{1,7})\s+(\d{1,5})\s+R`)
	}
	rootRe     = refRe("Root")
	infoRe     = refRe("Info")
	encryptRe  = refRe("Encrypt")
	standardRe = regexp.MustCompile(`/Filter\s*/Standard\b`)
	idRe       = regexp.MustCompile(`/ID\s*\[\s*(<[0-9A-Fa-f\s]*>|\([^)]*\))\s*(<[0-9A-Fa-f\s]*>|\([^)]*\))\s*\]`)
)

// errRepairEncrypted means a damaged file is encrypted but the keys to
// decrypt it (the /Encrypt reference and the file /ID) are lost.
var errRepairEncrypted = fmt.Errorf("%w: the file is encrypted and damaged; its decryption keys are lost", ErrEncrypted)

// lastRef returns the last match of re in the trailer part of the file
// (tail), or failing that anywhere in it: linearized files carry a copy of
// the trailer near the start, which survives truncation.
func lastRef(re *regexp.Regexp, tail, data []byte) [][]byte {
	if m := re.FindAllSubmatch(tail, -1); len(m) > 0 {
		return m[len(m)-1]
	}
	if m := re.FindAllSubmatch(data, -1); len(m) > 0 {
		return m[len(m)-1]
	}
	return nil
}

// rebuildXref returns data with a new cross-reference section appended,
// built by scanning for "N G obj" markers and reading the headers of the
// object streams found, or nil when no catalog can be found. It lets
// truncated files and files with broken offsets open. The new section is
// an xref stream when objects live in object streams, else a classic
// table. An encrypted file whose /Encrypt or /ID cannot be found gives
// errRepairEncrypted.
//
// The object streams it decompresses count against the budget bud, which
// also stops it at the deadline.
//
// With synthetic set, the catalog is a new one whose page tree lists the
// page objects found, in file order: for files whose own page tree was
// lost (it is often written last).
func rebuildXref(data []byte, synthetic bool, bud *budget) ([]byte, error) {
	// Object numbers beyond what the file could hold are corrupt; they
	// would only make the new table (and the time to read it) huge.
	maxObjects := len(data)/8 + 1024
	type entry struct {
		off, gen int
		inStream bool // off is the object stream's number, gen the index
	}
	objs := make(map[int]entry)
	maxID := 0
	root := ""
	encrypted := standardRe.Match(data)
	var streams []int
	var pageIDs []int
	for _, m := range objRe.FindAllSubmatchIndex(data, -1) {
		id, err1 := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, err2 := strconv.Atoi(string(data[m[4]:m[5]]))
		if err1 != nil || err2 != nil || id <= 0 || id >= maxObjects {
			continue
		}
		objs[id] = entry{off: m[2], gen: gen} // later definitions win, as in updates
		if id > maxID {
			maxID = id
		}
		// The start of the object's own dictionary: up to its endobj or
		// stream keyword, so a neighbour's keys are not taken for its own.
		end := m[1] + 1024
		if end > len(data) {
			end = len(data)
		}
		head := data[m[1]:end]
		for _, stop := range [][]byte{[]byte("endobj"), []byte("stream"), []byte(" obj")} {
			if i := bytes.Index(head, stop); i >= 0 {
				head = head[:i]
			}
		}
		if catalogRe.Match(head) {
			root = fmt.Sprintf("%d %d R", id, gen)
		}
		if objStmRe.Match(head) {
			streams = append(streams, id)
		}
		if pageRe.Match(head) {
			pageIDs = append(pageIDs, id)
		}
	}
	if len(objs) == 0 {
		return nil, nil
	}
	// Objects inside object streams (not readable when encrypted: their
	// streams would need the key).
	if !encrypted {
		for _, sid := range streams {
			if bud.stopped() {
				return nil, bud.errStopped()
			}
			e := objs[sid]
			for i, c := range objStmContents(data, e.off, maxObjects, bud) {
				if _, top := objs[c.id]; top {
					continue
				}
				objs[c.id] = entry{off: sid, gen: i, inStream: true}
				if c.id > maxID {
					maxID = c.id
				}
				if c.catalog && root == "" {
					root = fmt.Sprintf("%d 0 R", c.id)
				}
				if c.page {
					pageIDs = append(pageIDs, c.id)
				}
			}
		}
	}
	// Prefer the Root named by the last trailer (or xref stream) seen.
	tail := data
	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		tail = data[i:]
	}
	if last := lastRef(rootRe, tail, data); last != nil {
		id, _ := strconv.Atoi(string(last[1]))
		if _, ok := objs[id]; ok {
			root = fmt.Sprintf("%s %s R", last[1], last[2])
		}
	}
	var synth []string // bodies of synthetic objects, numbered after maxID
	if synthetic {
		if len(pageIDs) == 0 {
			return nil, nil
		}
		kids := make([]string, len(pageIDs))
		for i, p := range pageIDs {
			kids[i] = fmt.Sprintf("%d 0 R", p)
		}
		root = fmt.Sprintf("%d 0 R", maxID+1)
		synth = []string{
			fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", maxID+2),
			fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)),
		}
	}
	if root == "" {
		return nil, nil
	}
	enc, id := lastRef(encryptRe, tail, data), lastRef(idRe, tail, data)
	if encrypted && (enc == nil || id == nil) {
		return nil, errRepairEncrypted
	}
	var extra strings.Builder
	fmt.Fprintf(&extra, " /Root %s", root)
	if m := lastRef(infoRe, tail, data); m != nil {
		fmt.Fprintf(&extra, " /Info %s %s R", m[1], m[2])
	}
	if enc != nil {
		fmt.Fprintf(&extra, " /Encrypt %s %s R", enc[1], enc[2])
	}
	if id != nil {
		fmt.Fprintf(&extra, " /ID [%s %s]", id[1], id[2])
	}
	inStreams := false
	for _, e := range objs {
		inStreams = inStreams || e.inStream
	}
	var b bytes.Buffer
	b.Grow(len(data) + 20*(maxID+4) + 256)
	b.Write(data)
	b.WriteString("\n")
	for _, body := range synth {
		maxID++
		objs[maxID] = entry{off: b.Len()}
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", maxID, body)
	}
	xref := b.Len()
	if !inStreams {
		fmt.Fprintf(&b, "xref\n0 %d\n", maxID+1)
		b.WriteString("0000000000 65535 f\r\n")
		for id := 1; id <= maxID; id++ {
			if e, ok := objs[id]; ok {
				fmt.Fprintf(&b, "%010d %05d n\r\n", e.off, e.gen)
			} else {
				b.WriteString("0000000000 65535 f\r\n")
			}
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d%s >>\nstartxref\n%d\n%%%%EOF\n", maxID+1, extra.String(), xref)
		return b.Bytes(), nil
	}
	// An xref stream: rows of type (1 byte), field 2 (4 bytes), field 3
	// (2 bytes); the stream itself is object maxID+1.
	self := maxID + 1
	rows := make([]byte, 0, 7*(self+1))
	row := func(t byte, a, c int) {
		rows = append(rows, t, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(c>>8), byte(c))
	}
	row(0, 0, 65535)
	for id := 1; id < self; id++ {
		e, ok := objs[id]
		switch {
		case !ok:
			row(0, 0, 0)
		case e.inStream:
			row(2, e.off, e.gen)
		default:
			row(1, e.off, e.gen)
		}
	}
	row(1, xref, 0)
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2]%s /Length %d >>\nstream\n", self, self+1, extra.String(), len(rows))
	b.Write(rows)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes(), nil
}

var (
	pageRe   = regexp.MustCompile(`/Type\s*/Page\b`)
	objStmRe = regexp.MustCompile(`/Type\s*/ObjStm\b`)
	nRe      = regexp.MustCompile(`/N\s+(\d{1,9})\b`)
	firstRe  = regexp.MustCompile(`/First\s+(\d{1,12})\b`)
	lengthRe = regexp.MustCompile(`/Length\s+(\d{1,12})\b(\s+\d+\s+R)?`)
	flateRe  = regexp.MustCompile(`/Filter\s*(\[\s*)?/FlateDecode\b`)
)

type stmObj struct {
	id      int
	catalog bool
	page    bool
}

// objStmContents lists the objects held in the object stream whose
// definition starts at off: their numbers, in order, and whether each is
// the catalog. Only unfiltered and FlateDecode streams are read; a stream
// cut short yields what its surviving bytes hold.
func objStmContents(data []byte, off, maxObjects int, b *budget) []stmObj {
	rest := data[off:]
	si := bytes.Index(rest, []byte("stream"))
	if si < 0 || si > 4096 {
		return nil
	}
	dict := rest[:si]
	n, first := 0, 0
	if m := nRe.FindSubmatch(dict); m != nil {
		n, _ = strconv.Atoi(string(m[1]))
	}
	if m := firstRe.FindSubmatch(dict); m != nil {
		first, _ = strconv.Atoi(string(m[1]))
	}
	if n <= 0 || n > maxObjects || first <= 0 {
		return nil
	}
	body := rest[si+len("stream"):]
	if len(body) > 0 && body[0] == '\r' {
		body = body[1:]
	}
	if len(body) > 0 && body[0] == '\n' {
		body = body[1:]
	}
	if m := lengthRe.FindSubmatch(dict); m != nil && len(m[2]) == 0 {
		if l, err := strconv.Atoi(string(m[1])); err == nil && l <= len(body) {
			body = body[:l]
		}
	} else if e := bytes.Index(body, []byte("endstream")); e >= 0 {
		body = body[:e]
	}
	if flateRe.Match(dict) {
		zr, err := zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil
		}
		body, _ = io.ReadAll(io.LimitReader(b.reader(zr), maxStreamBytes))
	} else if bytes.Contains(dict, []byte("/Filter")) {
		return nil
	}
	if first > len(body) {
		first = len(body)
	}
	l := &lexer{b: body[:first]}
	var out []stmObj
	var offs []int
	for i := 0; i < n; i++ {
		a, ok1 := l.next()
		o, ok2 := l.next()
		if !ok1 || !ok2 || a.k != kNum || o.k != kNum || a.num <= 0 || int(a.num) >= maxObjects {
			break
		}
		out = append(out, stmObj{id: int(a.num)})
		offs = append(offs, first+int(o.num))
	}
	for i := range out {
		start, end := offs[i], len(body)
		if i+1 < len(offs) {
			end = offs[i+1]
		}
		if start >= 0 && start < end && end <= len(body) {
			out[i].catalog = catalogRe.Match(body[start:end])
			out[i].page = pageRe.Match(body[start:end])
		}
	}
	return out
}

// xrefSane reports whether the numbers that make the library allocate
// (cross-reference subsection ranges, /Size, /Index, object-stream /N
// and xref-stream /W) are plausible for a file of this length. The library
// trusts them, so one corrupted digit could otherwise allocate gigabytes
// or loop for a very long time. Files that fail open through rebuildXref.
func xrefSane(data []byte) bool {
	bound := uint64(len(data))/2 + 1<<16
	// Classic tables: "xref" then lines "start count" and entries, up to
	// "trailer".
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("xref"))
		if j < 0 {
			break
		}
		i += j + 4
		if at := i - 4; at > 0 && !isSpace(data[at-1]) || i < len(data) && !isSpace(data[i]) {
			continue // startxref, or xref inside other bytes
		}
		end := bytes.Index(data[i:], []byte("trailer"))
		if end < 0 {
			end = len(data) - i
		}
		for _, ln := range bytes.FieldsFunc(data[i:i+end], func(r rune) bool { return r == '\n' || r == '\r' }) {
			f := bytes.Fields(ln)
			if len(f) != 2 || !digits(f[0]) || !digits(f[1]) {
				continue
			}
			a, b := bigUint(f[0]), bigUint(f[1])
			if a > bound || b > bound || a+b > bound {
				return false
			}
		}
	}
	ok := true
	eachKey(data, "/Size", func(_ int, rest []byte) {
		if n, found := leadingUint(rest); found && n > bound {
			ok = false
		}
	})
	eachKey(data, "/N", func(_ int, rest []byte) {
		if n, found := leadingUint(rest); found && n > bound {
			ok = false
		}
	})
	eachKey(data, "/Index", func(_ int, rest []byte) {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if len(rest) == 0 || rest[0] != '[' {
			return
		}
		if e := bytes.IndexByte(rest, ']'); e > 0 && e < 256 {
			for _, f := range bytes.Fields(rest[1:e]) {
				if bigUint(f) > bound {
					ok = false
				}
			}
		}
	})
	eachKey(data, "/W", func(at int, rest []byte) {
		// Only an xref stream's /W (a CIDFont's /W is a widths array).
		if !bytes.Contains(rest, []byte("/XRef")) && !bytes.Contains(data[max(0, at-300):at], []byte("/XRef")) {
			return
		}
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if len(rest) == 0 || rest[0] != '[' {
			return
		}
		if e := bytes.IndexByte(rest, ']'); e > 0 && e < 64 {
			for _, f := range bytes.Fields(rest[1:e]) {
				if bigUint(f) > 8 {
					ok = false
				}
			}
		}
	})
	return ok
}

// eachKey calls fn with the bytes after every occurrence of the name key
// (one that is not the start of a longer name).
func eachKey(data []byte, key string, fn func(at int, rest []byte)) {
	k := []byte(key)
	for i := 0; ; {
		j := bytes.Index(data[i:], k)
		if j < 0 {
			return
		}
		i += j + len(k)
		if i < len(data) && !isSpace(data[i]) && !isDelim(data[i]) {
			continue
		}
		end := i + 300
		if end > len(data) {
			end = len(data)
		}
		fn(i, data[i:end])
	}
}

// leadingUint reads the unsigned integer after optional white space.
func leadingUint(b []byte) (uint64, bool) {
	b = bytes.TrimLeft(b, " \t\r\n")
	n := 0
	for n < len(b) && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, false
	}
	return bigUint(b[:n]), true
}

// bigUint parses digits; anything else or an overflow is huge.
func bigUint(b []byte) uint64 {
	v, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		return ^uint64(0)
	}
	return v
}

func digits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}
