package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/index"
)

// writeText writes a text paper under dir and returns its path.
func writeText(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// ingest --source-url records a paper's address: search shows it and its
// JSON carries it with the paper's ID.
func TestIngestSourceURL(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "index")
	const url = "https://democracy.example.gov.uk/documents/s60860/Printed%20minutes.pdf"
	paper := writeText(t, dir, "Printed minutes.txt", "Minutes\n\nThe panel heard about the virtual school and exclusions.\n")
	if code, _, errs := run(t, "ingest", "--index", idx, "--source-url", url, paper); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	code, out, _ := run(t, "search", "--index", idx, "exclusions")
	if code != ExitOK || !strings.Contains(out, "\n   "+url+"\n") {
		t.Errorf("search does not show the address: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "search", "--index", idx, "--json", "exclusions")
	var res index.Results
	if err := json.Unmarshal([]byte(out), &res); code != ExitOK || err != nil || len(res.Hits) != 1 || res.Hits[0].URL != url || len(res.Hits[0].ID) != index.IDLength {
		t.Errorf("search --json: exit %d, %v\n%s", code, err, out)
	}

	// A brief of the indexed paper cites its address.
	code, out, errs := run(t, "brief", "--index", idx, "--source", "Printed minutes.txt")
	if code != ExitOK || !strings.Contains(out, url) {
		t.Errorf("brief --index: exit %d\n%s\n%s", code, out, errs)
	}

	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"two files", []string{"--source-url", url, paper, paper}, "name one FILE"},
		{"a folder", []string{"--source-url", url, dir}, "is a folder"},
		{"not an address", []string{"--source-url", "minutes.pdf", paper}, "want a web address"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, append([]string{"ingest", "--index", idx}, tc.args...)...)
			if code != ExitUsage || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, %q; want a usage error saying %q", code, errs, tc.want)
			}
		})
	}
}

// Two papers of one file name are both found, told apart by ID in search
// results, and removed one at a time by ID; the same paper in two folders
// is one.
func TestPapersOfOneName(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "index")
	a := writeText(t, dir, "a-cyp/minutes.txt", "Minutes\n\nThe committee discussed kinship carers and placements.\n")
	writeText(t, dir, "b-audit/minutes.txt", "Minutes\n\nThe committee discussed the payroll audit and placements.\n")
	writeText(t, dir, "c-copy/minutes of cyp.txt", "Minutes\n\nThe committee discussed kinship carers and placements.\n")
	code, out, errs := run(t, "ingest", "--index", idx, dir)
	if code != ExitOK || !strings.Contains(out, "added 2") || !strings.Contains(out, "1 file already indexed under another name") {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = run(t, "search", "--index", idx, "placements")
	if code != ExitOK || strings.Count(out, "minutes.txt [") != 2 || !strings.Contains(out, "2 passages match") {
		t.Errorf("search: exit %d\n%s", code, out)
	}
	code, _, errs = run(t, "remove", "--index", idx, "minutes.txt")
	if code != ExitFailed || !strings.Contains(errs, `2 papers are named "minutes.txt"`) || !strings.Contains(errs, "scrutineer remove ") || !strings.Contains(errs, a) {
		t.Fatalf("remove by the shared name: exit %d\n%s", code, errs)
	}
	code, out, errs = run(t, "remove", "--index", idx, a)
	if code != ExitOK || !strings.Contains(out, "removed minutes.txt [") {
		t.Fatalf("remove by path: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = run(t, "search", "--index", idx, "placements")
	if code != ExitOK || strings.Contains(out, "kinship") || !strings.Contains(out, "payroll") || strings.Contains(out, "minutes.txt [") {
		t.Errorf("search after removing one: exit %d\n%s", code, out)
	}
}
