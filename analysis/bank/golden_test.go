package bank

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// summary is a one-line-per-theme digest of the bank, kept as a golden
// file so any change to the bank's shape shows up as a diff in review.
func summary(b *Bank) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# theme lines signals sources evidence(figure comparison trend views plan outcome)\n")
	total := map[EvidenceKind]int{}
	nl, ns := 0, 0
	for _, th := range b.Themes {
		k := map[EvidenceKind]int{}
		for _, l := range th.Lines {
			for _, e := range l.Evidence {
				k[e]++
				total[e]++
			}
		}
		nl += len(th.Lines)
		ns += len(th.Signals)
		fmt.Fprintf(&sb, "%-26s %d %2d %d  %d %d %d %d %d %d\n", th.ID, len(th.Lines), len(th.Signals), len(th.Sources),
			k[Figure], k[Comparison], k[Trend], k[Views], k[Plan], k[Outcome])
	}
	fmt.Fprintf(&sb, "%-26s %d %d -  %d %d %d %d %d %d\n", "total", nl, ns,
		total[Figure], total[Comparison], total[Trend], total[Views], total[Plan], total[Outcome])
	return sb.String()
}

func TestSummaryGolden(t *testing.T) {
	got := summary(mustDefault(t))
	corpustest.Golden(t, filepath.Join("testdata", "summary.golden"), []byte(got), *update)
}

// BenchmarkLoadDefault measures parsing and validating the embedded bank
// (Default does this once per process).
func BenchmarkLoadDefault(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := loadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMerge measures merging a local priorities file.
func BenchmarkMerge(b *testing.B) {
	base := mustDefault(b)
	local, err := LoadFile(filepath.Join("testdata", "local-example.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := base.Merge(local); err != nil {
			b.Fatal(err)
		}
	}
}
