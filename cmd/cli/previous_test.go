package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fictionalInspection is a small ILACS report of a fictional council.
func fictionalInspection(dates string, points ...string) string {
	var b strings.Builder
	b.WriteString("Inspection of Wexcombe Borough Council children's services\n\nInspection dates: " + dates +
		"\n\nLead inspector: A Person, His Majesty's Inspector\n\nJudgement Grade\n\nOverall effectiveness Requires improvement to be good\n\n" +
		"Leaders know their services well. Too many children wait for their plans.\n\nWhat needs to improve?\n\n")
	for _, p := range points {
		b.WriteString("◼ " + p + "\n\n")
	}
	b.WriteString("The experiences and progress of children in care: requires improvement to be good\n\n" +
		"1. Too many children in care move home more than once a year, and not all have a plan.\n")
	return b.String()
}

// TestAskPrevious marks the points the last inspection made too, from a
// file named with --previous and from the index.
func TestAskPrevious(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "wexcombe-inspection-2022.txt")
	now := filepath.Join(dir, "wexcombe-inspection-2026.txt")
	os.WriteFile(old, []byte(fictionalInspection("9 to 20 May 2022",
		"Manageable caseloads for social workers and their managers.",
		"The timeliness of initial health assessments for children in care.")), 0o644)
	os.WriteFile(now, []byte(fictionalInspection("8 to 19 June 2026",
		"The response to domestic abuse.",
		"How consistently social workers have manageable caseloads.")), 0o644)
	check := func(name, out, errs string) {
		t.Helper()
		var r struct {
			Items []struct {
				Inspection struct {
					Improvements []struct {
						Text    string `json:"text"`
						Repeats *struct {
							Source, Text string
						} `json:"repeats"`
					} `json:"improvements"`
				} `json:"inspection"`
				Questions []struct {
					Text        string `json:"text"`
					Improvement int    `json:"improvement"`
				} `json:"questions"`
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Items) == 0 {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		it := r.Items[len(r.Items)-1]
		pts := it.Inspection.Improvements
		if len(pts) != 2 || pts[0].Repeats != nil || pts[1].Repeats == nil || !strings.Contains(pts[1].Repeats.Text, "caseloads") {
			t.Errorf("%s: repeats %+v", name, pts)
		}
		for _, q := range it.Questions {
			if q.Improvement == 2 && !strings.Contains(q.Text, "last inspection (2022)") {
				t.Errorf("%s: the repeated point's question does not say so: %s", name, q.Text)
			}
			if q.Improvement == 1 && strings.Contains(q.Text, "last inspection (") {
				t.Errorf("%s: a new point asked as a repeat: %s", name, q.Text)
			}
		}
		if !strings.Contains(errs, "1 point repeated") {
			t.Errorf("%s: stderr %q", name, errs)
		}
	}
	code, out, errs := run(t, "ask", "--json", "--previous", old, now)
	if code != 0 {
		t.Fatalf("ask exit %d: %s", code, errs)
	}
	check("--previous", out, errs)

	code, _, errs = run(t, "ask", "--previous", now, old)
	if code != 0 || !strings.Contains(errs, "0 points repeated") {
		t.Errorf("a later report as --previous: exit %d, %q", code, errs)
	}

	idx := filepath.Join(dir, "idx")
	if code, _, errs := run(t, "ingest", "--index", idx, old, now); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	code, out, errs = run(t, "brief", "--json", "--index", idx, "--source", filepath.Base(now))
	if code != 0 {
		t.Fatalf("brief --index exit %d: %s", code, errs)
	}
	check("--index", out, errs)
}
