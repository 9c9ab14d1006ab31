package analysis

import (
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/national"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// councilCode is the DfE number of the council a paper is from: the
// council its front sheet names, else the one its first pages name most
// (an Ofsted report's title, an email domain); "" when neither is known.
func councilCode(doc *corpus.Document, items []corpus.Item) string {
	if doc.Meta.Council != "" {
		if c, err := national.Lookup(doc.Meta.Council); err == nil {
			return c.Code
		}
	}
	var b strings.Builder
	for _, p := range doc.Pages[:min(len(doc.Pages), 3)] {
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	if b.Len() == 0 && len(items) > 0 {
		for _, p := range items[0].Passages[:min(len(items[0].Passages), 10)] {
			b.WriteString(p.Text)
			b.WriteString("\n")
		}
	}
	if c, err := national.CouncilOf(b.String()); err == nil {
		return c.Code
	}
	return ""
}

// inspectionReport is an inspection in its contract form.
func inspectionReport(insp *inspection.Inspection) *report.Inspection {
	if insp == nil {
		return nil
	}
	out := &report.Inspection{
		Framework: insp.Framework, Council: insp.Council, Published: insp.Published,
		LeadInspector: insp.LeadInspector,
		Judgements:    []report.Judgement{}, Improvements: []report.InspectionPoint{}, Strengths: []report.InspectionPoint{},
	}
	if insp.From != "" || insp.To != "" {
		out.Inspected = &report.Period{From: insp.From, To: insp.To}
	}
	for _, j := range insp.Judgements {
		rj := report.Judgement{Area: j.Area, Grade: j.Grade, Page: j.Page}
		if j.Previous != "" {
			rj.Previous, rj.Change = j.Previous, change(j.Previous, j.Grade)
		}
		out.Judgements = append(out.Judgements, rj)
	}
	if p := insp.Previous; p != nil {
		out.Previous = &report.PreviousInsp{Date: p.Date, Overall: p.Overall, Source: p.Source, Page: p.Page, Grades: p.Grades}
		if out.Previous.Source == "" && p.Overall != "" {
			out.Previous.Source = "report"
		}
		if p.Overall != "" {
			for i, j := range out.Judgements {
				if j.Area == "overall" && j.Previous == "" {
					out.Judgements[i].Previous = p.Overall
					out.Judgements[i].Change = change(p.Overall, j.Grade)
				}
			}
		}
	}
	points := func(ps []inspection.Point) []report.InspectionPoint {
		out := []report.InspectionPoint{}
		for _, p := range ps {
			out = append(out, report.InspectionPoint{Text: p.Text, Page: p.Page, PrintedPage: p.PrintedPage, For: p.For})
		}
		return out
	}
	out.Improvements, out.Strengths = points(insp.Improvements), points(insp.Strengths)
	return out
}

// change says how a grade moved from an earlier one.
func change(before, now string) string {
	switch b, n := inspection.GradeRank(before), inspection.GradeRank(now); {
	case n < b:
		return "up"
	case n > b:
		return "down"
	}
	return "same"
}

// fromOutcomes fills the last inspection's grades, area by area, from
// Ofsted's national outcomes file: the council's latest inspection there
// that began before this one. What the report itself says of the last
// overall grade stands.
func fromOutcomes(insp *inspection.Inspection, code string) {
	if insp == nil || insp.From == "" || (insp.Framework != inspection.ILACS && insp.Framework != inspection.FocusedVisit) {
		return
	}
	if c, err := national.Lookup(insp.Council); err == nil && insp.Council != "" {
		code = c.Code // the council the report inspected, not the pack's
	}
	if code == "" {
		return
	}
	past, err := national.Inspections(code)
	if err != nil {
		return
	}
	var last *national.Inspection
	for i := range past {
		if past[i].Date != "" && past[i].Date < insp.From && !sameInspection(past[i].Date, insp.From) {
			last = &past[i]
			break
		}
	}
	if last == nil {
		return
	}
	if insp.Previous == nil {
		insp.Previous = &inspection.Previous{}
	}
	p := insp.Previous
	if p.Date == "" || strings.HasPrefix(last.Date, p.Date) {
		p.Date = last.Date
	}
	if p.Overall == "" {
		p.Overall, p.Source = gradeOf(last.Overall), inspection.FromOutcomes
	}
	p.Grades = map[string]string{}
	for area, g := range map[string]string{
		"overall": last.Overall, "leaders": last.Leaders, "help-and-protection": last.HelpAndProtection,
		"children-in-care": last.ChildrenInCare, "care-leavers": last.CareLeavers,
	} {
		if id := gradeOf(g); id != "" {
			p.Grades[area] = id
		}
	}
	if insp.Framework != inspection.ILACS {
		return // a focused visit grades nothing to compare
	}
	for i, j := range insp.Judgements {
		if j.Previous == "" {
			insp.Judgements[i].Previous = p.Grades[j.Area]
		}
	}
}

// sameInspection reports whether two ISO dates are within a fortnight:
// the outcomes file's date of the inspection a report is of.
func sameInspection(a, b string) bool {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return a == b
	}
	d := ta.Sub(tb)
	return d < 14*24*time.Hour && d > -14*24*time.Hour
}

// gradeOf turns a grade as the outcomes file prints it into its id.
func gradeOf(g string) string {
	switch g = strings.ToLower(strings.TrimSpace(g)); {
	case g == "":
		return ""
	case strings.HasPrefix(g, "requires"):
		return inspection.RequiresImprovement
	case g == inspection.Outstanding, g == inspection.Good, g == inspection.Inadequate:
		return g
	}
	return ""
}
