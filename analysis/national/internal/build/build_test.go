package build

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/national/internal/format"
)

func dataDir(tb testing.TB) string {
	tb.Helper()
	shared := os.Getenv("SCRUTINEER_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "..", "..", "shared")
	}
	dir := filepath.Join(shared, "data", "national")
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		tb.Skipf("national data not found at %s", dir)
	}
	return dir
}

// The committed snapshot is what the generator makes from the shared data:
// run go generate ./analysis/national/... when this fails.
func TestSnapshotIsGenerated(t *testing.T) {
	s, err := Build(dataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"national.json.gz": s.Header, "values.tsv.gz": s.Values} {
		want, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator makes: run go generate ./analysis/national/...", name)
		}
	}
	h, err := format.ReadHeader(s.Header)
	if err != nil {
		t.Fatal(err)
	}
	if h.Attribution != Attribution || len(h.Sources) == 0 {
		t.Errorf("attribution %q, %d sources", h.Attribution, len(h.Sources))
	}
}

func TestBuildMissingFolder(t *testing.T) {
	if _, err := Build(t.TempDir()); err == nil {
		t.Error("an empty folder gave a snapshot")
	}
}

func TestExcelDateAndISODate(t *testing.T) {
	if got := excelDate("46327"); got != "2026-11-01" {
		t.Errorf("excelDate = %s", got)
	}
	if got := excelDate("TBC"); got != "TBC" {
		t.Errorf("excelDate(TBC) = %s", got)
	}
	if got := isoDate("10/07/2023"); got != "2023-07-10" {
		t.Errorf("isoDate = %s", got)
	}
}

func TestLAITNumber(t *testing.T) {
	for in, want := range map[string]string{"19.899999999999999": "19.9", "-": "-", "21": "21", "": ""} {
		if got := laitNumber(in); got != want {
			t.Errorf("laitNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
