package pdftext

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// benchFiles returns the PDFs benchmarked: the largest PDF in the shared
// test data and the project's sample pack, each only when present.
func benchFiles(b *testing.B) map[string]string {
	b.Helper()
	files := map[string]string{}
	if shared := sharedDir(); shared != "" {
		var best string
		var size int64
		filepath.WalkDir(filepath.Join(shared, "testdata"), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(strings.ToLower(p), ".pdf") {
				return nil
			}
			if fi, err := d.Info(); err == nil && fi.Size() > size {
				best, size = p, fi.Size()
			}
			return nil
		})
		if best != "" {
			files["largest-shared"] = best
		}
	}
	sample := filepath.Join(corpustest.Root(), corpustest.SamplePDF)
	if _, err := os.Stat(sample); err == nil {
		files["sample-pack"] = sample
	}
	return files
}

// sharedDir is where corpustest.Shared looks, or "" when it is absent (the
// benchmarks skip file by file rather than all at once).
func sharedDir() string {
	dir := os.Getenv("SCRUTINEER_SHARED")
	if dir == "" {
		dir = filepath.Join(corpustest.Root(), "..", "shared")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return ""
	}
	return dir
}

// BenchmarkExtract reports pages per second of Extract on each file.
func BenchmarkExtract(b *testing.B) {
	files := benchFiles(b)
	if len(files) == 0 {
		b.Skip("no benchmark PDFs present")
	}
	for name, path := range files {
		b.Run(name, func(b *testing.B) {
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			pages := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := Extract(context.Background(), data, Options{})
				if err != nil {
					b.Fatal(err)
				}
				pages += len(res.Pages)
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkPdftotext times pdftotext -raw on the same files, for
// comparison; it is skipped when pdftotext is not installed.
func BenchmarkPdftotext(b *testing.B) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not on PATH")
	}
	files := benchFiles(b)
	if len(files) == 0 {
		b.Skip("no benchmark PDFs present")
	}
	for name, path := range files {
		b.Run(name, func(b *testing.B) {
			ref, err := pdftotextPages(path)
			if err != nil {
				b.Fatal(err)
			}
			pages := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out, err := exec.Command("pdftotext", "-q", "-raw", "-enc", "UTF-8", path, "-").Output()
				if err != nil || len(out) == 0 {
					b.Fatalf("pdftotext: %v", err)
				}
				pages += len(ref)
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
