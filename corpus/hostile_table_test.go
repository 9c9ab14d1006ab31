package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/corpus/corpustest/hostile"
)

// hostileIntro heads corpus/HOSTILE.md, which TestHostileTable writes.
const hostileIntro = `# Hostile files: what was tried and what happened

Every file or path below was read by ` + "`corpus.Open`" + ` (PDF and text files through
` + "`corpus.Read`" + `, which Open calls after reading the bytes), each under a
five-second deadline that fails the test if it is overrun. The PDFs are
made by code in ` + "`corpus/corpustest/hostile`" + `, so any package's tests can use
them. The table is a golden file, rewritten by

    go test ./corpus -run TestHostileTable -update

A time within one bucket of the recorded one keeps the recorded one, so a
loaded machine does not make the table differ.

What the reader does about each kind of file is in
[` + "`corpus/pdftext/README.md`" + `](pdftext/README.md) under "Bounds". The real awkward
PDFs (in ` + "`../shared`" + `, not copied here) are covered by
` + "`TestSharedRobustness`" + ` and the extraction-agreement test in ` + "`corpus/pdftext`" + `.

| file | what it is | size | what happened | time |
|---|---|---:|---|---|
`

// buckets are the time column's values, slowest last.
var buckets = []struct {
	under time.Duration
	label string
}{
	{100 * time.Millisecond, "under 0.1 s"},
	{time.Second, "under 1 s"},
	{5 * time.Second, "under 5 s"},
	{1<<63 - 1, "5 s or more"},
}

func bucket(d time.Duration) int {
	for i, b := range buckets {
		if d < b.under {
			return i
		}
	}
	return len(buckets) - 1
}

// hostileCase is one row: how to make the path, and what it is.
type hostileCase struct {
	name, about string
	size        string
	make        func(t *testing.T, dir string) string // returns the path to open
}

// TestHostileTable opens every hostile file and path and keeps the table
// of outcomes in corpus/HOSTILE.md.
func TestHostileTable(t *testing.T) {
	var cases []hostileCase
	for _, f := range hostile.Files() {
		cases = append(cases, hostileCase{f.Name + ".pdf", f.About, humanSize(int64(len(f.Data))), func(t *testing.T, dir string) string {
			p := filepath.Join(dir, f.Name+".pdf")
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}})
	}
	text := strings.Repeat("Looked after children.\n", 4000)
	write := func(name, data string) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	cases = append(cases,
		hostileCase{"nul-after-64k.txt", "text with a NUL byte after its first 64 KB", humanSize(int64(len(text) + 5)), write("nul-after-64k.txt", text+"\x00tail")},
		hostileCase{"latin1-after-64k.txt", "text with a Latin-1 byte after its first 64 KB", humanSize(int64(len(text) + 4)), write("latin1-after-64k.txt", text+"caf\xe9")},
		hostileCase{"sparse-3gb.pdf", "a sparse file of 3 GiB (no data on disk)", "3.0 GiB", func(t *testing.T, dir string) string {
			return sparseFile(t, dir, "sparse-3gb.pdf", 3<<30)
		}},
		hostileCase{"/dev/zero", "a device that reads zeros for ever", "0 B (stat)", func(t *testing.T, dir string) string {
			if _, err := os.Stat("/dev/zero"); err != nil {
				t.Skip("no /dev/zero")
			}
			return "/dev/zero"
		}},
		hostileCase{"fifo.pdf", "a FIFO (named pipe) with no writer", "0 B (stat)", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "fifo.pdf")
			if err := mkfifo(p); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return p
		}},
	)

	golden := "HOSTILE.md"
	recorded := recordedBuckets(golden)
	var out strings.Builder
	out.WriteString(hostileIntro)
	dir := t.TempDir()
	for _, c := range cases {
		p := c.make(t, dir)
		var outcome string
		var took time.Duration
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			start := time.Now()
			doc, err := Open(context.Background(), p, Options{})
			took = time.Since(start)
			outcome = describe(doc, err, dir)
			return nil
		})
		b := bucket(took)
		if r, ok := recorded[c.name]; ok && !*update && r >= b-1 && r <= b+1 {
			b = r
		}
		fmt.Fprintf(&out, "| `%s` | %s | %s | %s | %s |\n", c.name, c.about, c.size, outcome, buckets[b].label)
	}
	corpustest.Golden(t, golden, []byte(out.String()), *update)
}

// describe says in one table cell what Open made of a file.
func describe(doc *Document, err error, dir string) string {
	if err != nil {
		msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
		return "error: " + strings.ReplaceAll(msg, "|", "\\|")
	}
	s := fmt.Sprintf("read: %d page(s)", len(doc.Pages))
	if len(doc.Warnings) > 0 {
		s += "; warned: " + strings.Join(doc.Warnings, "; ")
	} else {
		s += ", no warning"
	}
	return strings.ReplaceAll(s, "|", "\\|")
}

// recordedBuckets reads the time column of the golden table: row name to
// bucket index.
func recordedBuckets(path string) map[string]int {
	out := map[string]int{}
	data, err := os.ReadFile(path)
	if err != nil {
		return out
	}
	for _, ln := range strings.Split(string(data), "\n") {
		cells := strings.Split(ln, " | ")
		if len(cells) < 5 || !strings.HasPrefix(ln, "| `") {
			continue
		}
		name := strings.Trim(strings.TrimPrefix(cells[0], "| "), "`")
		last := strings.TrimSuffix(cells[len(cells)-1], " |")
		for i, b := range buckets {
			if b.label == last {
				out[name] = i
			}
		}
	}
	return out
}

// humanSize writes a byte count the way the table shows sizes.
func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
