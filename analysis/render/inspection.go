package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// inspectionView is an inspection as a brief shows it before its
// questions: what, whom and when, the grades as a small table, the last
// inspection, and a few of the strengths inspectors found.
type inspectionView struct {
	// Line says what the inspection was: "ILACS inspection of Norfolk ·
	// inspected 23–27 February 2026 · lead inspector Rodica Cobarzan".
	Line       string
	Judgements []judgementView
	// Previous is the last inspection in words, "" when unknown.
	Previous  string
	Strengths []citeView
}

type judgementView struct {
	Area, Grade string
	// Change is the move since the last inspection ("up from good"), ""
	// when unknown.
	Change string
	Cite   string
}

// outcomesSource marks a last grade from Ofsted's national outcomes file.
const outcomesSource = "national outcomes file"

// maxStrengthsShown is how many of the strengths a brief prints.
const maxStrengthsShown = 4

// frameworkNames are the inspection frameworks in words.
var frameworkNames = map[string]string{
	"ilacs":         "ILACS inspection",
	"sif":           "Single inspection framework inspection",
	"focused-visit": "Focused visit",
	"jtai":          "Joint targeted area inspection",
	"send-area":     "Area SEND inspection",
	"other":         "Inspection",
}

// areaNames and gradeNames are the contract's ids in words.
var (
	areaNames = map[string]string{
		"overall": "Overall effectiveness", "leaders": "Impact of leaders",
		"help-and-protection": "Help and protection", "children-in-care": "Children in care",
		"care-leavers": "Care leavers", "adoption": "Adoption performance",
		"leadership": "Leadership and governance", "lscb": "Safeguarding board (LSCB)",
		"capacity-to-improve": "Capacity to improve", "outcomes": "Outcomes for children looked after",
		"quality-of-provision": "Quality of provision",
	}
	gradeNames = map[string]string{
		"outstanding": "Outstanding", "good": "Good", "requires-improvement": "Requires improvement to be good",
		"adequate": "Adequate", "inadequate": "Inadequate",
		"positive-experiences": "Positive experiences and outcomes", "inconsistent-experiences": "Inconsistent experiences and outcomes",
		"systemic-failings": "Widespread or systemic failings",
	}
)

// inspectionGroup is a group of an inspection's questions.
type inspectionGroup struct {
	kind, label, hint string
	match             func(analysis.Question) bool
}

var inspectionGroups = []inspectionGroup{
	{"improvement", "Improvement points", "One question for each point inspectors set for the council, in the report's order.",
		func(q analysis.Question) bool { return q.Improvement > 0 }},
	{"after-inspection", "After the inspection", "What the national guidance asks of every inspection.",
		func(q analysis.Question) bool { return strings.HasPrefix(q.Line, "inspection-response") }},
	{"concern", "Concerns in the findings", "What inspectors found that is not among the formal points.",
		func(q analysis.Question) bool {
			return q.Kind == analysis.KindFollowup && q.Improvement == 0 && q.Line == "" && q.Finding == ""
		}},
}

// inspectionOf builds the view of an item's inspection.
func inspectionOf(in *report.Inspection) *inspectionView {
	v := &inspectionView{}
	parts := []string{frameworkNames[in.Framework]}
	if parts[0] == "" {
		parts[0] = "Inspection"
	}
	if in.Council != "" {
		parts[0] += " of " + clean(in.Council)
	}
	if in.Inspected != nil {
		if d := days(in.Inspected.From, in.Inspected.To); d != "" {
			parts = append(parts, "inspected "+d)
		}
	}
	if in.Published != "" {
		parts = append(parts, "published "+days(in.Published, ""))
	}
	if in.LeadInspector != "" {
		parts = append(parts, "lead inspector "+clean(in.LeadInspector))
	}
	v.Line = strings.Join(parts, " · ")
	for _, j := range in.Judgements {
		jv := judgementView{Area: areaNames[j.Area], Grade: gradeNames[j.Grade], Cite: Cite(j.Page, 0)}
		if j.Area == "overall" && in.Framework == "send-area" {
			jv.Area = "Inspection outcome"
		}
		if jv.Area == "" {
			jv.Area = clean(j.Area)
		}
		if jv.Grade == "" {
			jv.Grade = clean(j.Grade)
		}
		switch j.Change {
		case "up", "down":
			jv.Change = j.Change + " from " + strings.ToLower(gradeNames[j.Previous])
		case "same":
			jv.Change = "unchanged"
		}
		v.Judgements = append(v.Judgements, jv)
	}
	if p := in.Previous; p != nil && p.Date != "" {
		v.Previous = "Last inspection: " + days(p.Date, "")
		if p.Overall != "" {
			v.Previous += ", judged " + strings.ToLower(gradeNames[p.Overall]) + " overall"
		}
		if len(p.Grades) > 0 || p.Source == outcomesSource {
			v.Previous += ". Earlier grades from Ofsted's outcomes of every council's inspections (contains public sector information licensed under the Open Government Licence v3.0)"
		}
	}
	for _, s := range in.Strengths[:min(len(in.Strengths), maxStrengthsShown)] {
		v.Strengths = append(v.Strengths, citeView{Cite: Cite(s.Page, s.PrintedPage), Quote: shorten(clean(s.Text), maxQuote)})
	}
	return v
}

// days writes an ISO date ("2026-02-23"), month ("2022-11") or year, or a
// span of two dates, in words: "23–27 February 2026", "November 2022".
func days(from, to string) string {
	f, okf := time.Parse("2006-01-02", from)
	t, okt := time.Parse("2006-01-02", to)
	switch {
	case okf == nil && okt == nil && f.Year() == t.Year() && f.Month() == t.Month():
		return fmt.Sprintf("%d–%d %s", f.Day(), t.Day(), t.Format("January 2006"))
	case okf == nil && okt == nil && f.Year() == t.Year():
		return fmt.Sprintf("%s – %s", f.Format("2 January"), t.Format("2 January 2006"))
	case okf == nil && okt == nil:
		return f.Format("2 January 2006") + " – " + t.Format("2 January 2006")
	case okf == nil:
		return f.Format("2 January 2006")
	}
	if m, err := time.Parse("2006-01", from); err == nil {
		return m.Format("January 2006")
	}
	return clean(from)
}
