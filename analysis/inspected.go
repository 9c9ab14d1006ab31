package analysis

import (
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/report"
)

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
		out.Previous = &report.PreviousInsp{Date: p.Date, Overall: p.Overall, Source: "report", Page: p.Page}
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
