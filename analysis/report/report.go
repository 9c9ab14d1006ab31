// Package report holds the JSON contract of `ask --json` and `brief
// --json`: a report of items, each with its themes, findings and
// questions, and the evidence each cites. It has no analysis logic, so
// renderers, the bot and the command line can use it without pulling in
// the analysis stages.
package report

import "github.com/scrutineer/scrutineer/corpus"

// Report is the analysis of one file: for `ask`, one item covering the
// whole file; for `brief`, every substantive item of a pack. Its JSON form
// is the stable contract of `ask --json` and `brief --json`.
type Report struct {
	// SchemaVersion is the version of this JSON form (SchemaVersion).
	SchemaVersion int         `json:"schema_version"`
	Source        string      `json:"source"`
	Meta          corpus.Meta `json:"meta"`
	Items         []Item      `json:"items"`
	// Warnings say what the analysis left out (the rest of an item too
	// long to read whole).
	Warnings []string `json:"warnings,omitempty"`
	// SinceLast are the actions and requests the last meeting's minutes
	// record, each with the item of this pack that answers it.
	SinceLast []Request `json:"since_last_meeting,omitempty"`
}

// Request is an action or request in the last meeting's minutes.
type Request struct {
	// Text is the request as the minutes record it.
	Text     string   `json:"text"`
	Evidence Evidence `json:"evidence"`
	// Item is the number of the item of this pack that answers it ("" when
	// none does); Title its title.
	Item  string `json:"item,omitempty"`
	Title string `json:"title,omitempty"`
}

// SchemaVersion is the version of the JSON form of a report: it rises
// when a field changes meaning or goes; added fields do not raise it.
const SchemaVersion = 2

// Item is the analysis of one agenda item.
type Item struct {
	Number    string      `json:"number"`
	Title     string      `json:"title"`
	Kind      corpus.Kind `json:"kind"`
	StartPage int         `json:"start_page"`
	EndPage   int         `json:"end_page"`
	// PrintedStart and PrintedEnd are the printed page range of the item
	// (as corpus.Item has them), 0 when unknown.
	PrintedStart int          `json:"printed_start,omitempty"`
	PrintedEnd   int          `json:"printed_end,omitempty"`
	Themes       []ThemeScore `json:"themes"`
	// Summary says in two or three plain sentences what the paper is, what
	// it asks the committee to do and its headline figures.
	Summary string `json:"summary,omitempty"`
	// Findings are what the item's figures and text show that deserves
	// challenge (or credit), most serious first.
	Findings []Finding `json:"findings,omitempty"`
	// Indicators are the item's own measures that are also DfE's published
	// measures, each with its national figures.
	Indicators []Indicator `json:"indicators,omitempty"`
	// Inspection is what an Ofsted inspection report says about itself;
	// nil for other papers.
	Inspection *Inspection `json:"inspection,omitempty"`
	// Questions are ordered most important first.
	Questions []Question `json:"questions"`
	// Exempt marks an exempt or confidential item.
	Exempt bool `json:"exempt,omitempty"`
}

// ThemeScore is one theme an item is about, with a calibrated score in
// [0, 1].
type ThemeScore struct {
	ID    string  `json:"id"`
	Title string  `json:"title,omitempty"`
	Score float64 `json:"score"`
}

// Question kinds.
const (
	KindEvidence = "evidence"
	KindGap      = "gap"
	KindFollowup = "followup"
)

// Question is one challenge question a councillor can read out.
type Question struct {
	Text  string `json:"text"`
	Theme string `json:"theme"`
	// ThemeTitle is the theme's title from the bank, for display.
	ThemeTitle string `json:"theme_title,omitempty"`
	// Kind is KindEvidence, KindGap or KindFollowup.
	Kind string `json:"kind"`
	// Finding is the ID of the finding the question asks about, "" when
	// it comes from no finding (a gap question, say).
	Finding string `json:"finding,omitempty"`
	// Line is the ID of the bank's line of enquiry a gap question comes
	// from (what the guidance expects and the paper does not give).
	Line string `json:"line,omitempty"`
	// Improvement is the number (from 1) of the inspection's improvement
	// point the question follows up, 0 for other questions.
	Improvement int `json:"improvement,omitempty"`
	// Lead marks the item's lead questions, at most three, listed first:
	// the most serious findings (an inspection's first improvement
	// points).
	Lead     bool       `json:"lead,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// Evidence cites a page and a verbatim quote from it.
type Evidence struct {
	Page        int    `json:"page"`
	PrintedPage int    `json:"printed_page,omitempty"`
	Quote       string `json:"quote"`
	// Reading is a table row's quote read with its headings ("Vacancy
	// rate: 18% in 2026, from 16% in 2025"), for a reader: the row as
	// printed is a run of cells. "" for a sentence.
	Reading string `json:"reading,omitempty"`
	// PageInferred marks a printed page worked out rather than read: in a
	// text pack with no page breaks, from the agenda's page ranges and the
	// "Agenda Item" stamps that start its pages.
	PageInferred bool `json:"page_inferred,omitempty"`
}

// Finding is one thing an item's figures or text show: a missed target, a
// worsening trend, a claim the report's own table contradicts, a deadline
// already past, a strength. Kind names the check that found it, so every
// finding can be explained.
type Finding struct {
	// ID is unique within a report ("5-1": item 5's first finding).
	ID string `json:"id"`
	// Kind names the check that found it ("missed-target").
	Kind string `json:"kind"`
	// Severity in [0, 1]: how much it deserves members' time. Findings
	// are listed most severe first.
	Severity float64 `json:"severity"`
	// Summary says what was found, with its figures, in a sentence.
	Summary string `json:"summary"`
	// Strength marks something going well (green, improving, better than
	// comparators): asked about, if at all, as how it will last.
	Strength bool `json:"strength,omitempty"`
	// Evidence cites both sides where there are two (the claim on one
	// page, the table that contradicts it on another).
	Evidence  []Evidence `json:"evidence"`
	Indicator *Indicator `json:"indicator,omitempty"`
}

// Polarity says which way an indicator improves.
const (
	HigherIsBetter = "higher"
	LowerIsBetter  = "lower"
)

// RAG ratings.
const (
	Red   = "red"
	Amber = "amber"
	Green = "green"
)

// Indicator is a performance measure as a report gives it: its values by
// period, its target, its comparators and its rating.
type Indicator struct {
	Name string `json:"name"`
	// Unit is "%", "days", "weeks", "£", "per 10,000" or "" for a count.
	Unit string `json:"unit,omitempty"`
	// Polarity is HigherIsBetter, LowerIsBetter or "" when unknown.
	Polarity string   `json:"polarity,omitempty"`
	Target   *float64 `json:"target,omitempty"`
	// Values are oldest first; the last is the latest.
	Values      []Value      `json:"values,omitempty"`
	Comparators []Comparator `json:"comparators,omitempty"`
	// RAG is the rating the report prints; RAGByRule the rating its own
	// stated rule gives the latest value, when it states one.
	RAG       string `json:"rag,omitempty"`
	RAGByRule string `json:"rag_by_rule,omitempty"`
	// National is the measure in DfE's published figures, when the
	// indicator is one of them.
	National *National `json:"national,omitempty"`
}

// National is an indicator's measure in the Department for Education's
// published figures for every council: the council's value, England's,
// its region's and the mean of its statistical neighbours', for the
// latest year published by the paper's date. A value is null when it is
// suppressed or not published.
type National struct {
	Measure string `json:"measure"`
	Title   string `json:"title"`
	Unit    string `json:"unit,omitempty"`
	// Polarity is "High" or "Low" (which is better), "" for neither.
	Polarity string `json:"polarity,omitempty"`
	Year     int    `json:"year"`
	// Period is what the year covers ("year ending 31 March 2025").
	Period     string   `json:"period,omitempty"`
	Value      *float64 `json:"value"`
	England    *float64 `json:"england"`
	Region     *float64 `json:"region"`
	RegionName string   `json:"region_name,omitempty"`
	Neighbours *float64 `json:"neighbours"`
	// NeighbourRank is the council's place among itself and its ten
	// statistical neighbours, 1 the best; Ranked how many were ranked.
	NeighbourRank int `json:"neighbour_rank,omitempty"`
	Ranked        int `json:"ranked,omitempty"`
	// Source is the published file the figures come from.
	Source string `json:"source"`
	// Basis says what each figure covers when they differ ("the paper's
	// figure is for a rolling 12 months; the national figure is for the
	// year ending 31 March"); "" when both are annual.
	Basis string `json:"basis,omitempty"`
}

// Value is an indicator's value for one period ("Q2 2025/26", "2024").
type Value struct {
	Period string  `json:"period"`
	Value  float64 `json:"value"`
}

// Comparator is the same measure elsewhere: England, statistical
// neighbours, the region.
type Comparator struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

// Inspection is an Ofsted inspection report read as an inspection.
type Inspection struct {
	// Framework is ilacs, sif, focused-visit, jtai, send-area or other.
	Framework     string        `json:"framework"`
	Council       string        `json:"council,omitempty"`
	Inspected     *Period       `json:"inspected,omitempty"`
	Published     string        `json:"published,omitempty"`
	LeadInspector string        `json:"lead_inspector,omitempty"`
	Judgements    []Judgement   `json:"judgements"`
	Previous      *PreviousInsp `json:"previous,omitempty"`
	// Improvements are the points the council must improve, in the
	// report's order; each has one follow-up question.
	Improvements []InspectionPoint `json:"improvements"`
	// Strengths summarise what inspectors praised.
	Strengths []InspectionPoint `json:"strengths"`
}

// Period is a span of days (ISO dates).
type Period struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// Judgement is one graded judgement: area ids leaders,
// help-and-protection, children-in-care, care-leavers, overall (SIF adds
// adoption, leadership, lscb); grade ids outstanding, good,
// requires-improvement, adequate, inadequate.
type Judgement struct {
	Area  string `json:"area"`
	Grade string `json:"grade"`
	Page  int    `json:"page"`
	// Change is how the area's grade moved since the last inspection:
	// "up", "down" or "same"; "" when the last grade is not known.
	Change string `json:"change,omitempty"`
	// Previous is the area's grade at the last inspection, when known.
	Previous string `json:"previous,omitempty"`
}

// PreviousInsp is the last inspection: its date as precise as known and
// its overall grade.
type PreviousInsp struct {
	Date    string `json:"date,omitempty"`
	Overall string `json:"overall,omitempty"`
	// Source says where the last overall grade comes from: "report" (the
	// report says so) or "national outcomes file" (Ofsted's outcomes of
	// every council's inspections).
	Source string `json:"source,omitempty"`
	Page   int    `json:"page,omitempty"`
	// Grades are the last inspection's grades by area, from the national
	// outcomes file, when it has them.
	Grades map[string]string `json:"grades,omitempty"`
}

// InspectionPoint is an improvement point or a strength, whole, with its
// page.
type InspectionPoint struct {
	Text        string `json:"text"`
	Page        int    `json:"page"`
	PrintedPage int    `json:"printed_page,omitempty"`
	// For is "lscb" for a recommendation to the Local Safeguarding
	// Children Board rather than the council.
	For string `json:"for,omitempty"`
	// Repeats is the earlier inspection's point this one repeats, when
	// the earlier report was compared (an improvement point only).
	Repeats *EarlierPoint `json:"repeats,omitempty"`
}

// EarlierPoint is a point of an earlier inspection report.
type EarlierPoint struct {
	Source string `json:"source"`
	// Date is when the earlier inspection began (ISO).
	Date string `json:"date,omitempty"`
	Text string `json:"text"`
	Page int    `json:"page"`
}
