package bleveindex

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A paper found under two file names is found by either name in a source
// filter, whichever it was ingested under first; a name no paper has
// finds nothing.
func TestSourceFilterEveryName(t *testing.T) {
	x := openTemp(t)
	dir := t.TempDir()
	text := []byte("Fostering\n\nThe fostering service recruited 31 households this year.\n")
	other := []byte("Adoption\n\nThe adoption panel approved 12 households this year.\n")
	var paths []string
	for name, data := range map[string][]byte{"report.txt": text, "printed-report.txt": text, "adoption.txt": other} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	for _, p := range paths {
		if _, err := x.IngestPaths(context.Background(), []string{p}, IngestOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		query Query
		total uint64
	}{
		{Query{Text: "households", Source: "report.txt"}, 1},
		{Query{Text: "households", Source: "printed-report.txt"}, 1},
		{Query{Text: "households source:printed-report.txt"}, 1},
		{Query{Text: "households", Source: "adoption.txt"}, 1},
		{Query{Text: "households", Source: "none.txt"}, 0},
		{Query{Text: "households"}, 2},
	} {
		r := doSearch(t, x, tc.query)
		if r.Total != tc.total {
			t.Errorf("%q source %q: %d passages, want %d", tc.query.Text, tc.query.Source, r.Total, tc.total)
		}
	}
}
