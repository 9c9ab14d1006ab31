package cli

import (
	"github.com/scrutineer/scrutineer/corpus"
	"path/filepath"
	"strings"
	"testing"
)

// remove takes a paper out of the index, so search no longer finds it; an
// unknown name fails with a message saying how to find the right one.
func TestRemove(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "index")
	pack := samplePack(t)
	if code, _, errs := run(t, "ingest", "--index", idx, pack); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	name := corpus.SampleName
	for _, tc := range []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"unknown", []string{"nothing.pdf"}, ExitFailed, "no paper named \"nothing.pdf\""},
		{"none", nil, ExitUsage, "remove needs the file name"},
		{"the pack", []string{name}, ExitOK, "removed " + name},
		{"again", []string{name}, ExitFailed, "no paper named"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, append([]string{"remove", "--index", idx}, tc.args...)...)
			if code != tc.code || !strings.Contains(out+errs, tc.out) {
				t.Errorf("exit %d, want %d; output %q %q, want %q", code, tc.code, out, errs, tc.out)
			}
		})
	}
	if code, out, _ := run(t, "search", "--index", idx, "fostering"); code == ExitOK && strings.Contains(out, name) {
		t.Errorf("search still finds the removed pack:\n%s", out)
	}
}
