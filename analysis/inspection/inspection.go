// Package inspection reads an Ofsted inspection report of children's
// services as an inspection: which framework it was made under, the
// council, the dates, the graded judgements, what the last inspection
// found, every point the council must improve, and which of the report's
// sentences praise and which raise a concern.
//
// It reads the report's pages (Read) and needs nothing but their text:
// the kind of inspection is told from the report's own words, never from
// a file name.
package inspection

import (
	"regexp"

	"github.com/scrutineer/scrutineer/corpus"
)

// Inspection is what an Ofsted inspection report says about itself.
type Inspection struct {
	// Framework is the kind of inspection: ILACS, SIF, FocusedVisit, JTAI,
	// SENDArea or Other.
	Framework string
	// Title is where the report names itself ("Inspection of ... local
	// authority children's services").
	Title string
	// Council is the council inspected, as the report names it.
	Council string
	// From and To are the inspection's first and last days (ISO dates,
	// "" when the report gives none); Published is the day the report was
	// published, where it says.
	From, To, Published string
	// LeadInspector is the lead inspector's name.
	LeadInspector string
	// Judgements are the graded judgements in the report's order.
	Judgements []Judgement
	// Previous is what the report says of the last inspection; nil when it
	// says nothing.
	Previous *Previous
	// Improvements are the points the council must improve, in order:
	// "What needs to improve" bullets, recommendations, areas for priority
	// action and for improvement.
	Improvements []Point
	// Strengths are sentences of the judgement sections that praise;
	// Concerns those that find fault and are not among Improvements.
	Strengths, Concerns []Point
}

// Judgement is one graded judgement.
type Judgement struct {
	// Area is the judgement's id: overall, leaders, help-and-protection,
	// children-in-care, care-leavers (ILACS); SIF adds adoption,
	// leadership and lscb.
	Area string
	// Grade is the grade's id: outstanding, good, requires-improvement,
	// adequate (2013 framework) or inadequate.
	Grade string
	// Page is the physical page the grade is read from.
	Page int
	// Quote is the table row or heading as printed.
	Quote string
	// Previous is the area's grade at the last inspection where the
	// paper gives it beside this one ("" when it does not).
	Previous string
}

// Previous is the last inspection as the report describes it.
type Previous struct {
	// Date is the last inspection's date as precise as the report gives
	// it ("2018", "2022-11").
	Date string
	// Overall is its overall grade's id, "" when not known.
	Overall string
	Page    int
	Quote   string
	// Source is where Overall comes from: "" for the report itself,
	// FromOutcomes for Ofsted's national outcomes file.
	Source string
	// Grades are the last inspection's grades by area, when known.
	Grades map[string]string
}

// FromOutcomes marks a last grade taken from Ofsted's national outcomes
// file of every council's inspections.
const FromOutcomes = "national outcomes file"

// Point is an improvement point, a strength or a concern: its text whole,
// as printed, and its page.
type Point struct {
	Text        string
	Page        int
	PrintedPage int
	// Area is the judgement section a strength or concern is in ("" when
	// before the sections).
	Area string
	// For is "lscb" for a recommendation to the Local Safeguarding
	// Children Board rather than the council.
	For string
}

// Grade returns the grade of an area, "" when the report gives none.
func (insp *Inspection) Grade(area string) string {
	for _, j := range insp.Judgements {
		if j.Area == area {
			return j.Grade
		}
	}
	return ""
}

// Weakest and Strongest return the lowest and highest graded judgements
// (nil when there are none); ties go to the first in the report.
func (insp *Inspection) Weakest() *Judgement { return insp.pick(func(a, b int) bool { return a > b }) }
func (insp *Inspection) Strongest() *Judgement {
	return insp.pick(func(a, b int) bool { return a < b })
}

func (insp *Inspection) pick(better func(a, b int) bool) *Judgement {
	var out *Judgement
	for i := range insp.Judgements {
		j := &insp.Judgements[i]
		if j.Area == "lscb" {
			continue // the board's grade, not the council's services
		}
		if out == nil || better(GradeRank(j.Grade), GradeRank(out.Grade)) {
			out = j
		}
	}
	return out
}

// Read reads an inspection report from its pages; nil when the pages are
// not one. A paper that merely mentions an inspection is not one: the
// report must name itself as an inspection on its first pages or carry
// graded judgements.
func Read(pages []corpus.Page) *Inspection {
	if len(pages) == 0 {
		return nil
	}
	t := newText(pages)
	head := t.s[:min(len(t.s), 3000)]
	insp := &Inspection{Framework: framework(head)}
	if insp.Framework == "" && !hasJudgementWords(t.s[:min(len(t.s), 20000)]) {
		return nil
	}
	insp.Judgements = readJudgements(t)
	if insp.Framework == "" {
		if len(insp.Judgements) < 2 {
			return nil
		}
		insp.Framework = Other
	}
	readAbout(insp, t)
	insp.Improvements = readPoints(t)
	if len(insp.Judgements) == 0 && len(insp.Improvements) == 0 && !reOwnReport.MatchString(t.s[:min(len(t.s), 6000)]) {
		// A paper about an inspection (a progress report on the plan) that
		// gives neither its grades nor its points is not the inspection.
		return nil
	}
	insp.Strengths, insp.Concerns = readTone(t, insp.Improvements)
	return insp
}

// Detect reads an inspection report from its text alone, as one page.
func Detect(all string) *Inspection {
	return Read([]corpus.Page{{Number: 1, Text: all, Body: all}})
}

// reOwnReport is how an inspectorate's own report or letter presents
// itself: its dates and its inspectors.
var reOwnReport = regexp.MustCompile(`(?i)inspection\s+dates?\s*:|lead\s+inspector|(?:his|her)\s+majesty['’]s\s+inspector|this\s+letter\s+summarises|inspectors\s+for\s+this\s+visit`)

var reJudgementWords = regexp.MustCompile(`(?i)judgement|experiences\s+and\s+progress|overall\s+effectiveness`)

// hasJudgementWords reports whether text could hold graded judgements.
func hasJudgementWords(s string) bool {
	return reJudgementWords.MatchString(s)
}
