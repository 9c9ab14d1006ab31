package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

// ask --item N reads the file as a pack and asks about its item N, in
// text and JSON; brief --item N gives that item alone in JSON too; an item
// the paper does not have is a usage error that says what it has.
func TestAskAboutOneItem(t *testing.T) {
	pack := filepath.Join(samplePack(t), corpus.SampleName)
	report := writeFile(t, "report.txt", "Fostering\n\nPlacement stability fell to 64% against a target of 70%.\n")
	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		want  string // in stdout, or stderr when the command fails
		items int    // items in the JSON, 0 for text
	}{
		{"ask text", []string{"ask", "--item", "7", pack}, ExitOK, "Item 7: Ofsted Inspection", 0},
		{"ask json", []string{"ask", "--json", "--item", "7", pack}, ExitOK, `"number": "7"`, 1},
		{"brief json", []string{"brief", "--json", "--item", "5", pack}, ExitOK, `"number": "5"`, 1},
		{"no such item", []string{"brief", "--item", "99", pack}, ExitUsage, "the brief's items are 3, 4, 5, 6, 7, 8, 9", 0},
		{"no such item json", []string{"ask", "--json", "--item", "99", pack}, ExitUsage, `no such item "99"`, 0},
		{"a report has no items", []string{"ask", "--item", "2", report}, ExitUsage, "is read as one report, with no numbered agenda items", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, tc.args...)
			got := out
			if code != ExitOK {
				got = errs
			}
			if code != tc.code || !strings.Contains(got, tc.want) {
				t.Fatalf("exit %d, want %d; output lacks %q:\n%s", code, tc.code, tc.want, got)
			}
			if tc.items > 0 {
				var r struct {
					Items     []json.RawMessage `json:"items"`
					SinceLast []json.RawMessage `json:"since_last_meeting"`
				}
				if err := json.Unmarshal([]byte(out), &r); err != nil {
					t.Fatal(err)
				}
				if len(r.Items) != tc.items || len(r.SinceLast) != 0 {
					t.Errorf("%d items and %d requests of the last meeting, want %d and none", len(r.Items), len(r.SinceLast), tc.items)
				}
			}
		})
	}
}

// brief --index of a paper whose file is where it was ingested gives what
// brief FILE gives; once the file has moved, the brief comes from the
// index's passages and still names the paper.
func TestBriefIndexReadsTheFile(t *testing.T) {
	src := filepath.Join(samplePack(t), corpus.SampleName)
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	pack := filepath.Join(t.TempDir(), corpus.SampleName)
	if err := os.WriteFile(pack, data, 0o644); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(t.TempDir(), "index")
	if code, _, errs := run(t, "ingest", "--index", idx, pack); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	_, fromFile, _ := run(t, "brief", pack)
	code, fromIndex, errs := run(t, "brief", "--index", idx, "--source", corpus.SampleName)
	if code != ExitOK || fromIndex != fromFile {
		t.Errorf("brief --index differs from brief FILE: exit %d %s\n%s\nwant\n%s", code, errs, fromIndex, fromFile)
	}
	if err := os.Rename(pack, pack+".moved"); err != nil {
		t.Fatal(err)
	}
	code, moved, errs := run(t, "brief", "--index", idx, "--source", corpus.SampleName)
	if code != ExitOK || !strings.Contains(moved, "Fostering Service Annual Report") {
		t.Errorf("brief --index of a moved file: exit %d %s\n%s", code, errs, moved)
	}
}
