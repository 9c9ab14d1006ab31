package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
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
// pages and passages the index kept, and is the same.
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
	// Moved, the paper is briefed from the pages and passages the index
	// kept: the same brief.
	code, moved, errs := run(t, "brief", "--index", idx, "--source", corpus.SampleName)
	if code != ExitOK || moved != fromFile {
		t.Errorf("brief --index of a moved file differs from brief FILE: exit %d %s\n%s\nwant\n%s", code, errs, moved, fromFile)
	}
}

// brief --index of a meeting with two papers briefs them as one pack, each
// from its own file when it is where it was ingested: the pack's items
// get the questions brief FILE gives them (the tables on its pages
// included), and a paper whose file has gone is briefed from its passages.
func TestBriefIndexMeetingReadsTheFiles(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(samplePack(t), corpus.SampleName)
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	pack := filepath.Join(dir, corpus.SampleName)
	supp := filepath.Join(dir, "supplement.txt")
	if err := os.WriteFile(pack, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(supp, []byte(supplement), 0o644); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(t.TempDir(), "index")
	if code, _, errs := run(t, "ingest", "--index", idx, pack, supp); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	questions := func(args ...string) map[string][]string {
		t.Helper()
		code, out, errs := run(t, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d %s", args, code, errs)
		}
		var rep struct {
			Items []struct {
				Number    string `json:"number"`
				Questions []struct {
					Text string `json:"text"`
				} `json:"questions"`
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		m := map[string][]string{}
		for _, it := range rep.Items {
			for _, q := range it.Questions {
				m[it.Number] = append(m[it.Number], q.Text)
			}
		}
		return m
	}
	fromFile := questions("brief", "--json", pack)
	meeting := questions("brief", "--json", "--index", idx, "--meeting", "2026-10-14")
	for _, n := range []string{"4", "5", "6", "7", "8"} {
		if len(fromFile[n]) == 0 || !slices.Equal(meeting[n], fromFile[n]) {
			t.Errorf("item %s: the meeting's brief asks\n%q\nbrief FILE asks\n%q", n, meeting[n], fromFile[n])
		}
	}
	if err := os.Remove(supp); err != nil {
		t.Fatal(err)
	}
	if again := questions("brief", "--json", "--index", idx, "--meeting", "2026-10-14"); !slices.Equal(again["7"], fromFile["7"]) {
		t.Errorf("with the supplement's file gone, item 7 asks\n%q\nwant\n%q", again["7"], fromFile["7"])
	}
}

// supplement is a fictional supplementary paper for the sample pack's
// meeting.
const supplement = `WEXCOMBE BOROUGH COUNCIL

Children and Young People Scrutiny Committee

Wednesday, 14 October 2026 at 6.00 pm

10. Corporate Parenting Panel Annual Report 2025/26

1.1 The Corporate Parenting Panel met four times in 2025/26. Attendance by elected members averaged 71%, below the target of 80%.

1.2 The panel heard from the Children in Care Council at two of its meetings.
`
