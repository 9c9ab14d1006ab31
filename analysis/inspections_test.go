package analysis

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// inspectionLabel is what a reader found in one real Ofsted report by
// reading it: its framework, grades and the count of its improvement
// points (testdata/inspections/labels.json; no text of the reports).
type inspectionLabel struct {
	File       string            `json:"file"`
	Dir        string            `json:"dir"`
	Framework  string            `json:"framework"`
	Council    string            `json:"council"`
	Judgements map[string]string `json:"judgements"`
	Previous   *struct {
		Year    string  `json:"year"`
		Overall *string `json:"overall"`
	} `json:"previous"`
	Improvements int `json:"improvements"`
	LSCB         int `json:"lscb_recommendations"`
}

// TestInspectionReports reads every labelled Ofsted report and checks
// the inspection the analysis gives against the labels: the framework,
// every judgement, and every improvement point (and recommendation to the
// safeguarding board) made one question, in order. The scores per report
// are a golden file, so a change in how reports are read shows in review.
// The development set (ofsted-reports/) must be read in full: every
// judgement right and at least 95% of points; the other reports are
// scored only.
func TestInspectionReports(t *testing.T) {
	shared := corpustest.Shared(t)
	data, err := os.ReadFile("testdata/inspections/labels.json")
	if err != nil {
		t.Fatal(err)
	}
	var labels struct {
		Reports []inspectionLabel `json:"reports"`
	}
	if err := json.Unmarshal(data, &labels); err != nil {
		t.Fatal(err)
	}
	a := New(testbank.Default(t))
	var out strings.Builder
	type tally struct{ grades, gradesRight, points, pointsFound, extra, asked, frameworks, frameworksRight int }
	sums := map[string]*tally{"ofsted-reports": {}, "ofsted": {}}
	for _, l := range labels.Reports {
		path := filepath.Join(shared, "testdata", "pdfs", "real", l.Dir, l.File)
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s: not in the shared material", l.File)
			continue
		}
		doc, err := corpus.Open(context.Background(), path, corpus.Options{})
		if err != nil {
			t.Fatalf("%s: %v", l.File, err)
		}
		r, err := a.Ask(context.Background(), doc)
		if err != nil {
			t.Fatalf("%s: %v", l.File, err)
		}
		s := sums[l.Dir]
		var problems []string
		it := r.Items[0]
		in := it.Inspection
		s.frameworks++
		if in == nil {
			problems = append(problems, "not read as an inspection")
			s.grades += len(l.Judgements)
			s.points += l.Improvements + l.LSCB
			fmt.Fprintf(&out, "%-52s %s\n", l.File, strings.Join(problems, "; "))
			continue
		}
		if in.Framework == l.Framework {
			s.frameworksRight++
		} else {
			problems = append(problems, fmt.Sprintf("framework %s, want %s", in.Framework, l.Framework))
		}
		got := map[string]string{}
		for _, j := range in.Judgements {
			got[j.Area] = j.Grade
		}
		areas := make([]string, 0, len(l.Judgements))
		for a := range l.Judgements {
			areas = append(areas, a)
		}
		slices.Sort(areas)
		for _, a := range areas {
			s.grades++
			if got[a] == l.Judgements[a] {
				s.gradesRight++
			} else {
				problems = append(problems, fmt.Sprintf("%s %q, want %s", a, got[a], l.Judgements[a]))
			}
		}
		for a := range got {
			if _, ok := l.Judgements[a]; !ok {
				problems = append(problems, fmt.Sprintf("%s %s, not a judgement of the report", a, got[a]))
			}
		}
		want := l.Improvements + l.LSCB
		lscb := 0
		for _, p := range in.Improvements {
			if p.For == "lscb" {
				lscb++
			}
		}
		n := len(in.Improvements)
		s.points += want
		s.pointsFound += min(n, want)
		s.extra += max(0, n-want)
		if n != want {
			problems = append(problems, fmt.Sprintf("%d points, want %d", n, want))
		} else if lscb != l.LSCB {
			problems = append(problems, fmt.Sprintf("%d points to the board, want %d", lscb, l.LSCB))
		}
		// Each point is followed up by exactly one question, in order.
		var followed []int
		for _, q := range it.Questions {
			if q.Improvement > 0 {
				followed = append(followed, q.Improvement)
			}
		}
		inOrder := len(followed) == n
		for i := range followed {
			inOrder = inOrder && followed[i] == i+1
		}
		if inOrder {
			s.asked += n
		} else {
			problems = append(problems, fmt.Sprintf("points asked %v", followed))
		}
		// A strength is never asked about as a problem.
		praised := map[string]bool{}
		for _, p := range in.Strengths {
			praised[p.Text] = true
		}
		for _, q := range it.Questions {
			for _, e := range q.Evidence {
				if praised[e.Quote] && q.Improvement == 0 {
					problems = append(problems, fmt.Sprintf("a strength asked about: %q", e.Quote))
				}
			}
		}
		// A report judged outstanding throughout has few questions: its
		// points and the reactive ones.
		if outstandingThroughout(got) {
			if max := n + 4; len(it.Questions) > max {
				problems = append(problems, fmt.Sprintf("%d questions of an outstanding report, want at most %d", len(it.Questions), max))
			}
		}
		if len(problems) == 0 {
			problems = []string{"ok"}
		}
		fmt.Fprintf(&out, "%-52s %s\n", l.File, strings.Join(problems, "; "))
	}
	for _, dir := range []string{"ofsted-reports", "ofsted"} {
		s := sums[dir]
		fmt.Fprintf(&out, "%s: frameworks %d/%d; judgements %d/%d; points found %d/%d (%d extra); points asked %d\n",
			dir, s.frameworksRight, s.frameworks, s.gradesRight, s.grades, s.pointsFound, s.points, s.extra, s.asked)
	}
	t.Log("\n" + out.String())
	checkGolden(t, "testdata/inspections/scores.golden", out.String())
	dev := sums["ofsted-reports"]
	if dev.gradesRight != dev.grades {
		t.Errorf("development set: %d of %d judgements read right, want all", dev.gradesRight, dev.grades)
	}
	if float64(dev.pointsFound-dev.extra) < 0.95*float64(dev.points) {
		t.Errorf("development set: %d of %d points found (%d extra), want at least 95%%", dev.pointsFound, dev.points, dev.extra)
	}
	if dev.asked != dev.pointsFound {
		t.Errorf("development set: %d points asked, want every one found (%d)", dev.asked, dev.pointsFound)
	}
}

// outstandingThroughout reports whether every judgement is outstanding.
func outstandingThroughout(grades map[string]string) bool {
	for _, g := range grades {
		if g != "outstanding" {
			return false
		}
	}
	return len(grades) > 0
}
