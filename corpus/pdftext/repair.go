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
	rootRe    = refRe("Root")
	infoRe    = refRe("Info")
	encryptRe = refRe("Encrypt")
	idRe      = regexp.MustCompile(`/ID\s*\[\s*(<[0-9A-Fa-f\s]*>|\([^)]*\))\s*(<[0-9A-Fa-f\s]*>|\([^)]*\))\s*\]`)
)

// rebuildXref returns data with a new cross-reference table and trailer
// appended, built by scanning for "N G obj" markers, or nil when no
// catalog can be found. It lets truncated files and files with broken
// offsets open. Objects stored inside object streams are not recovered.
func rebuildXref(data []byte) []byte {
	const maxObjects = 1 << 20
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
		return nil
	}
	// Prefer the Root named by the last trailer (or xref stream) seen.
	tail := data
	if i := bytes.LastIndex(data, []byte("trailer")); i >= 0 {
		tail = data[i:]
	}
	if m := rootRe.FindAllSubmatch(tail, -1); len(m) > 0 {
		last := m[len(m)-1]
		id, _ := strconv.Atoi(string(last[1]))
		if _, ok := objs[id]; ok {
			root = fmt.Sprintf("%s %s R", last[1], last[2])
		}
	}
	if root == "" {
		return nil
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
	if m := infoRe.FindAllSubmatch(tail, -1); len(m) > 0 {
		fmt.Fprintf(&b, " /Info %s %s R", m[len(m)-1][1], m[len(m)-1][2])
	}
	if m := encryptRe.FindAllSubmatch(tail, -1); len(m) > 0 {
		fmt.Fprintf(&b, " /Encrypt %s %s R", m[len(m)-1][1], m[len(m)-1][2])
	}
	if m := idRe.FindAllSubmatch(tail, -1); len(m) > 0 {
		fmt.Fprintf(&b, " /ID [%s %s]", m[len(m)-1][1], m[len(m)-1][2])
	}
	fmt.Fprintf(&b, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}
