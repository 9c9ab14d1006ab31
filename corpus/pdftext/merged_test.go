package pdftext

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// TestMergedByPdfunite merges real papers with pdfunite, whose trailer
// /Size counts only the first file's objects, and checks that the pack
// reads as the sound file it is: no repair, no warning the parts do not
// give, and every page as the parts give it. It needs pdfunite (poppler
// utils) and the shared papers, and skips without them.
func TestMergedByPdfunite(t *testing.T) {
	if _, err := exec.LookPath("pdfunite"); err != nil {
		t.Skip("pdfunite not on PATH")
	}
	dir := filepath.Join(corpustest.Shared(t), "testdata", "pdfs", "real")
	parts := []string{
		"council/kent-county-council-2025-03-13-agenda-frontsheet.pdf",
		"council/kent-county-council-2025-03-13-printed-minutes.pdf",
		"ofsted/ofsted-ilacs-kent-2026-02.pdf",
	}
	var want []string
	var args []string
	for _, p := range parts {
		path := filepath.Join(dir, p)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Skipf("not present: %v", err)
		}
		res, err := Extract(context.Background(), data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		want = append(want, res.Pages...)
		args = append(args, path)
	}
	merged := filepath.Join(t.TempDir(), "pack.pdf")
	if out, err := exec.Command("pdfunite", append(args, merged)...).CombinedOutput(); err != nil {
		t.Fatalf("pdfunite: %v: %s", err, out)
	}
	data, err := os.ReadFile(merged)
	if err != nil {
		t.Fatal(err)
	}
	if c := scanXrefChain(data); !c.undercounted() {
		t.Logf("this pdfunite wrote a trailer that counts its table (size %d, table %d)", c.size, c.tableLen)
	}
	res, err := Extract(context.Background(), data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w, "repaired") || strings.Contains(w, "damaged") {
			t.Errorf("warned: %s", w)
		}
	}
	if !slices.Equal(res.Pages, want) {
		t.Errorf("merged pack: %d pages, the parts %d; first difference at page %d", len(res.Pages), len(want), firstDiff(res.Pages, want)+1)
	}
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
