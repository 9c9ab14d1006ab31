package inspection

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// report is a small fictional ILACS report, pages separated by form
// feeds, in the layout of the real ones.
const report = `Inspection of Wexcombe local authority
children’s services

Inspection dates: 8 to 19 June 2026

Lead inspector: A Person, His Majesty’s Inspector

Judgement Grade

The impact of leaders on social work
practice with children and families

Requires improvement to be good

The experiences and progress of
children who need help and protection

Good

The experiences and progress of children in
care

Inadequate

Overall effectiveness Requires improvement to be good

Since the last inspection in 2022, when services were judged to be good, leaders have
been slow to act. Children benefit from a strong front door.
` + "\f" + `What needs to improve?1

◼ The sufficiency of homes for children in care, so that children live near
their schools. (outcome 3, national framework)

◼ The timeliness of pathway plans for care
leavers.

The experiences and progress of children in care: inadequate

1. Too many children wait too long for a permanent home. Not all children
have a plan that is up to date.

1 The areas for improvement have been cross-referenced with the national framework.`

// TestReadReport reads the fictional report whole.
func TestReadReport(t *testing.T) {
	insp := Read(pages(report))
	if insp == nil {
		t.Fatal("not read as an inspection")
	}
	grades := map[string]string{}
	for _, j := range insp.Judgements {
		grades[j.Area] = j.Grade
	}
	want := map[string]string{"leaders": RequiresImprovement, "help-and-protection": Good, "children-in-care": Inadequate, "overall": RequiresImprovement}
	if fmt.Sprint(grades) != fmt.Sprint(want) {
		t.Errorf("judgements %v, want %v", grades, want)
	}
	if insp.Framework != ILACS || insp.Council != "Wexcombe" || insp.From != "2026-06-08" || insp.To != "2026-06-19" || insp.LeadInspector != "A Person" {
		t.Errorf("about: %s %q %s..%s %q", insp.Framework, insp.Council, insp.From, insp.To, insp.LeadInspector)
	}
	if p := insp.Previous; p == nil || p.Date != "2022" || p.Overall != Good {
		t.Errorf("previous: %+v", p)
	}
	points := []string{
		"The sufficiency of homes for children in care, so that children live near their schools. (outcome 3, national framework)",
		"The timeliness of pathway plans for care leavers.",
	}
	if len(insp.Improvements) != len(points) {
		t.Fatalf("%d points, want %d: %+v", len(insp.Improvements), len(points), insp.Improvements)
	}
	for i, p := range insp.Improvements {
		if p.Text != points[i] || p.Page != 2 {
			t.Errorf("point %d: %q on page %d, want %q on page 2", i+1, p.Text, p.Page, points[i])
		}
	}
	if len(insp.Concerns) == 0 || !strings.HasPrefix(insp.Concerns[0].Text, "Too many children") || insp.Concerns[0].Area != "children-in-care" {
		t.Errorf("concerns: %+v", insp.Concerns)
	}
	for _, s := range insp.Strengths {
		if strings.Contains(s.Text, "Too many") || strings.Contains(s.Text, "slow") {
			t.Errorf("a concern kept as a strength: %q", s.Text)
		}
	}
}

// pages splits text at form feeds into numbered pages.
func pages(text string) []corpus.Page {
	var out []corpus.Page
	for i, s := range strings.Split(text, "\f") {
		out = append(out, corpus.Page{Number: i + 1, Text: s, Body: s})
	}
	return out
}

// FuzzRead reads mangled reports: nothing panics or hangs, and whatever
// is read cites pages the text has and quotes text it holds.
func FuzzRead(f *testing.F) {
	f.Add(report)
	f.Add(strings.ReplaceAll(report, "\n", " "))
	f.Add(strings.ReplaceAll(report, "◼", ""))
	f.Add("Recommendations\n\n1.\n\n2. :\n\f\f◼\n")
	f.Add("What needs to improve?1\n1 A\n" + strings.Repeat("◼ x\n", 50))
	f.Add("Judgement June 2026 2022\nThe impact of leaders on social Good Good\nwork practice with children and\nfamilies\n")
	f.Add(strings.Repeat("Overall effectiveness Good\n", 200))
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		ps := pages(text)
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			insp := Read(ps)
			if insp == nil {
				return nil
			}
			flat := strings.Join(strings.Fields(text), " ")
			for _, j := range insp.Judgements {
				if j.Page < 1 || j.Page > len(ps) || GradeRank(j.Grade) < 0 {
					return fmt.Errorf("judgement %+v: page outside 1..%d", j, len(ps))
				}
			}
			for _, p := range append(append(insp.Improvements, insp.Strengths...), insp.Concerns...) {
				if p.Page < 1 || p.Page > len(ps) || strings.TrimSpace(p.Text) == "" {
					return fmt.Errorf("point %+v: page outside 1..%d or empty", p, len(ps))
				}
				if first := strings.Fields(p.Text)[0]; !strings.Contains(flat, first) {
					return fmt.Errorf("point %q: not in the text", p.Text)
				}
			}
			return nil
		})
	})
}
