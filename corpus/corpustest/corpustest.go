// Package corpustest gives tests one way to find the project's fixtures and
// the optional shared material beside the repository (../shared), skipping
// cleanly when that material is absent; golden-file comparison; and Within,
// which fails a test (or a fuzz input) that overruns a deadline. Generated
// hostile PDFs are in the hostile subpackage.
package corpustest

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// Root returns the repository root (the folder holding go.mod).
func Root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	// file is <root>/corpus/corpustest/corpustest.go
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Shared returns the path of the shared folder beside the repository, or
// skips the test when it is absent. SCRUTINEER_SHARED overrides the place.
func Shared(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("SCRUTINEER_SHARED")
	if dir == "" {
		dir = filepath.Join(Root(), "..", "shared")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		tb.Skipf("shared material not found at %s", dir)
	}
	return dir
}

// SharedFile returns the path of rel inside the shared folder, skipping the
// test when it is absent.
func SharedFile(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Shared(tb), rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not found", p)
	}
	return p
}

// SeedPacks lists the seed agenda packs (text), skipping when absent.
func SeedPacks(tb testing.TB) []string {
	tb.Helper()
	m, _ := filepath.Glob(filepath.Join(Shared(tb), "seeds", "packs", "*.txt"))
	if len(m) == 0 {
		tb.Skip("no seed packs in shared material")
	}
	return m
}

// SamplePDF is the project's own sample agenda pack, relative to Root.
const SamplePDF = "corpus/testdata/sample/wexcombe-cyp-scrutiny-2026-10-14.pdf"

// SampleText is the same pack as plain text with form feeds between pages.
const SampleText = "corpus/testdata/sample/wexcombe-cyp-scrutiny-2026-10-14.txt"

// Sample returns the absolute path of the sample pack PDF, failing the test
// when it is missing (it is committed with the repository).
func Sample(tb testing.TB) string {
	tb.Helper()
	p := filepath.Join(Root(), SamplePDF)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("sample pack missing: %v (run go generate ./corpus/...)", err)
	}
	return p
}

// Golden compares got with the golden file at path (relative to the test's
// package folder), or writes got there when update is set (each package's
// -update flag). A difference is reported with the lines that differ.
func Golden(tb testing.TB, path string, got []byte, update bool) {
	tb.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read golden file: %v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		tb.Errorf("%s differs from the output (review the difference, then run go test with -update):\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff shows the first lines (up to eight) where want and got differ.
func Diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var sb strings.Builder
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 8; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			fmt.Fprintf(&sb, "line %d:\n- %s\n+ %s\n", i+1, w, g)
			shown++
		}
	}
	if shown == 0 {
		return "(same lines, different bytes)"
	}
	return sb.String()
}

// Fingerprint stands for a run of text in a golden file of material that
// is not the project's own (shared papers must not be copied into the
// repository): a short hash of its words, enough to show that it changed.
func Fingerprint(text string) string {
	h := fnv.New32a()
	h.Write([]byte(strings.Join(strings.Fields(text), " ")))
	return fmt.Sprintf("#%08x", h.Sum32())
}

// SameWords checks that each extracted page holds the same words as the
// page of text it was drawn from (white space aside): a PDF twin of a text
// fixture is faithful, so labels and page numbers hold for both.
//
// A table row whose wrapped cells the extraction puts back into their
// cells ("Report back on the reduction of agency" / "social workers by
// March 2027") reads some words earlier than the text's line by line. So
// a page that differs must still have every word, every cell of every
// line of the text whole, and most words in the text's order: a page read
// out of order (columns interleaved) or a line cut apart fails.
func SameWords(tb testing.TB, extracted, text []string) {
	tb.Helper()
	if len(extracted) != len(text) {
		tb.Fatalf("%d pages extracted, want %d", len(extracted), len(text))
	}
	for i := range extracted {
		got, want := strings.Fields(extracted[i]), strings.Fields(text[i])
		if slices.Equal(got, want) {
			continue
		}
		page := " " + strings.Join(got, " ") + " "
		var problems []string
		g, w := slices.Clone(got), slices.Clone(want)
		slices.Sort(g)
		slices.Sort(w)
		if !slices.Equal(g, w) {
			problems = append(problems, "not the same words")
		}
		for _, l := range strings.Split(text[i], "\n") {
			for _, cell := range reCellGap.Split(l, -1) {
				if c := strings.Join(strings.Fields(cell), " "); c != "" && !strings.Contains(page, " "+c+" ") {
					problems = append(problems, fmt.Sprintf("%q is not whole", c))
				}
			}
		}
		if n := commonInOrder(got, want); n*100 < len(want)*minInOrder {
			problems = append(problems, fmt.Sprintf("%d of %d words in order", n, len(want)))
		}
		if len(problems) > 0 {
			tb.Errorf("page %d: extracted text differs from its text: %s\n got: %.300s\nwant: %.300s",
				i+1, strings.Join(problems, "; "), strings.Join(got, " "), strings.Join(want, " "))
		}
	}
}

// reCellGap parts a line of laid-out text into its cells.
var reCellGap = regexp.MustCompile(` {2,}|\t`)

// minInOrder is the least percentage of a page's words that SameWords
// needs in the text's order when the page differs.
const minInOrder = 80

// commonInOrder is the length of the longest common subsequence of a and b.
func commonInOrder(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
