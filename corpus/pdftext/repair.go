package pdftext

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
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

// rebuildXref returns data with a new cross-reference table and trailer
// appended, built by scanning for "N G obj" markers, or nil when no
// catalog can be found. It lets truncated files and files with broken
// offsets open. Objects stored inside object streams are not recovered.
// An encrypted file whose /Encrypt or /ID cannot be found gives
// errRepairEncrypted.
func rebuildXref(data []byte) ([]byte, error) {
	// Object numbers beyond what the file could hold are corrupt; they
	// would only make the new table (and the time to read it) huge.
	maxObjects := len(data)/8 + 1024
	type entry struct {
		off int
		gen int
	}
	objs := make(map[int]entry)
	maxID := 0
	root := ""
	for _, m := range objRe.FindAllSubmatchIndex(data, -1) {
		id, err1 := strconv.Atoi(string(data[m[2]:m[3]]))
		gen, err2 := strconv.Atoi(string(data[m[4]:m[5]]))
		if err1 != nil || err2 != nil || id <= 0 || id >= maxObjects {
			continue
		}
		objs[id] = entry{m[2], gen} // later definitions win, as in updates
		if id > maxID {
			maxID = id
		}
		// Is this object the catalog?
		end := m[1] + 512
		if end > len(data) {
			end = len(data)
		}
		if catalogRe.Match(data[m[1]:end]) {
			root = fmt.Sprintf("%d %d R", id, gen)
		}
	}
	if len(objs) == 0 {
		return nil, nil
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
	if root == "" {
		return nil, nil
	}
	enc, id := lastRef(encryptRe, tail, data), lastRef(idRe, tail, data)
	if standardRe.Match(data) && (enc == nil || id == nil) {
		return nil, errRepairEncrypted
	}
	var b bytes.Buffer
	b.Grow(len(data) + 20*(maxID+1) + 256)
	b.Write(data)
	b.WriteString("\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n", maxID+1)
	b.WriteString("0000000000 65535 f\r\n")
	for id := 1; id <= maxID; id++ {
		if e, ok := objs[id]; ok {
			fmt.Fprintf(&b, "%010d %05d n\r\n", e.off, e.gen)
		} else {
			b.WriteString("0000000000 65535 f\r\n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %s", maxID+1, root)
	if m := lastRef(infoRe, tail, data); m != nil {
		fmt.Fprintf(&b, " /Info %s %s R", m[1], m[2])
	}
	if enc != nil {
		fmt.Fprintf(&b, " /Encrypt %s %s R", enc[1], enc[2])
	}
	if id != nil {
		fmt.Fprintf(&b, " /ID [%s %s]", id[1], id[2])
	}
	fmt.Fprintf(&b, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes(), nil
}

var (
	subsectionRe = regexp.MustCompile(`(?m)^[ \t]*(\d{1,19})[ \t]+(\d{1,19})[ \t]*\r?$`)
	sizeRe       = regexp.MustCompile(`/(Size|N)\s+(\d{1,19})`)
	indexRe      = regexp.MustCompile(`/Index\s*\[([\d\s]{0,200})\]`)
	wRe          = regexp.MustCompile(`/W\s*\[\s*(\d{1,19})\s+(\d{1,19})\s+(\d{1,19})`)
)

// xrefSane reports whether the numbers that make the library allocate
// (cross-reference subsection ranges, /Size, /Index, object-stream /N
// and xref-stream /W) are plausible for a file of this length. The library
// trusts them, so one corrupted digit could otherwise allocate gigabytes
// or loop for a very long time. Files that fail open through rebuildXref.
func xrefSane(data []byte) bool {
	bound := uint64(len(data))/2 + 1<<16
	big := func(b []byte) uint64 {
		v, err := strconv.ParseUint(string(b), 10, 64)
		if err != nil {
			return ^uint64(0)
		}
		return v
	}
	for _, m := range subsectionRe.FindAllSubmatch(data, -1) {
		if big(m[1])+big(m[2]) > bound || big(m[1]) > bound {
			return false
		}
	}
	for _, m := range sizeRe.FindAllSubmatch(data, -1) {
		if big(m[2]) > bound {
			return false
		}
	}
	for _, m := range indexRe.FindAllSubmatch(data, -1) {
		for _, f := range bytes.Fields(m[1]) {
			if big(f) > bound {
				return false
			}
		}
	}
	for _, m := range wRe.FindAllSubmatch(data, -1) {
		if big(m[1]) > 8 || big(m[2]) > 8 || big(m[3]) > 8 {
			return false
		}
	}
	return true
}
