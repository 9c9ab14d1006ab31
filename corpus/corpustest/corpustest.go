// Package corpustest gives tests one way to find the project's fixtures and
// the optional shared material beside the repository (../shared), skipping
// cleanly when that material is absent.
package corpustest

import (
	"os"
	"path/filepath"
	"runtime"
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
