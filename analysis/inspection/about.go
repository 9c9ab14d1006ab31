package inspection

import (
	"fmt"
	"regexp"
	"strings"
)

// Frameworks an inspection is carried out under.
const (
	ILACS        = "ilacs"
	SIF          = "sif"
	FocusedVisit = "focused-visit"
	JTAI         = "jtai"
	SENDArea     = "send-area"
	Other        = "other"
)

// frameworks tell the kind of inspection from the report's own words on
// its first pages, most specific first.
var frameworks = []struct {
	id string
	re *regexp.Regexp
}{
	{SENDArea, regexp.MustCompile(`(?i)area\s+SEND\s+inspection|joint\s+local\s+area\s+SEND\s+inspection|local\s+area\s+partnership['’]s\s+arrangements|inspection\s+of\s+the\s+local\s+area\s+to\s+identify`)},
	{JTAI, regexp.MustCompile(`(?i)joint\s+targeted\s+area\s+inspection`)},
	{FocusedVisit, regexp.MustCompile(`(?i)focused\s+visit\s+to\b`)},
	{Other, regexp.MustCompile(`(?i)monitoring\s+visit\s+to\b|inspection\s+of\s+(?:services\s+for\s+)?looked\s+after\s+children|school\s+report|short\s+inspection\s+of`)},
	{SIF, regexp.MustCompile(`(?i)(?:re-)?inspection\s+of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection|review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding\s+children\s+board`)},
	{ILACS, regexp.MustCompile(`(?i)inspection\s+of\s+[^\n]{0,80}?(?:\n[^\n]{1,40})?\s*children['’]s\s+(?:social\s+care\s+)?services|impact\s+of\s+leaders\s+on\s+social\s+work\s+practice`)},
}

// reTitle is where a report names itself.
var reTitle = regexp.MustCompile(`(?i)(?:(?:re-)?inspection\s+of\s+[^\n]{0,80}?(?:\n[^\n]{1,40}?)?\s*children['’]s\s+(?:social\s+care\s+)?services|(?:re-)?inspection\s+of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection[^\n]*(?:\n[^\n]*care\s+leavers)?|inspection\s+of\s+(?:services\s+for\s+)?looked\s+after\s+children[^\n]{0,40}(?:\n\s*services)?|area\s+SEND\s+inspection\s+of\s+[^\n]{1,80}(?:\n[^\n]{1,40}partnership)?|focused\s+visit\s+to\s+[^\n]{1,80}?children['’]s\s+services|monitoring\s+visit\s+to\s+[^\n]{1,80}?children['’]s\s+services|joint\s+targeted\s+area\s+inspection[^\n]{0,80})`)

// councilIn are the ways a report names the council it inspected, in the
// order tried; the first group is the name.
var councilIn = []*regexp.Regexp{
	regexp.MustCompile(`(?i)(?:inspection\s+of|focused\s+visit\s+to|monitoring\s+visit\s+to)\s+((?:the\s+)?[A-Z][^\n]{1,60}?(?:\n[^\n]{1,30}?)?)\s+(?:local\s+authority\s+)?children['’]s\s+(?:social\s+care\s+)?services`),
	regexp.MustCompile(`(?i)area\s+SEND\s+inspection\s+of\s+([A-Z][^\n]{1,60}?)\s+local\s+area\s+partnership`),
}

// reCouncilLine is a council's name on a line of its own at the top of a
// report, as older reports print it ("London Borough of Bexley", "Derby
// City", "Kent County Council").
var reCouncilLine = regexp.MustCompile(`^(?:(?:London|Royal|Metropolitan)\s+Borough\s+of\s+[A-Z][\w ,'’-]{2,40}|[A-Z][\w'’-]+(?:\s+(?:and|upon|on|[A-Z][\w'’-]+)){0,5})$`)

// reCouncilName is a line that is a council's name by its last word.
var reCouncilName = regexp.MustCompile(`^[A-Z][\w ,'’-]{2,40} (?:Council|Borough|County)$`)

// reFootnoted is a line that ends in a footnote marker ("Board1"), not
// a council's name.
var reFootnoted = regexp.MustCompile(`[a-z]\d$`)

// reInspected is the inspection's dates: "Inspection dates: 23 to 27
// February 2026", "Inspection date: 6 March 2017–30 March 2017", "9 July
// 2018 to 20 July 2018", "20 February to 3 March 2023", or a visit "on 23
// and 24 January 2024".
var reInspected = regexp.MustCompile(`(?i)(?:inspection\s+dates?|dates?\s+of\s+inspection|inspection\s+took\s+place)\s*:?\s*(?:from\s+)?(\d{1,2})(?:\s+([A-Z][a-z]+))?(?:\s+(\d{4}))?\s*(?:to|–|-|and|until)\s*(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})|\bon\s+(\d{1,2})(?:\s+([A-Z][a-z]+))?\s+(?:and|to)\s+(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})`)

// rePublished is the date a report was published.
var rePublished = regexp.MustCompile(`(?i)(?:report\s+published|date\s+of\s+publication|published)\s*:?\s*(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})`)

// reLetterDate is a letter's date on a line of its own at its top, as a
// focused visit letter is dated the day it is published.
var reLetterDate = regexp.MustCompile(`(?m)^(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\s*$`)

// reLead is the lead inspector's name.
var reLead = regexp.MustCompile(`(?m)^Lead\s+(?:inspector|HMI)\s*:?[ \t]*([A-Z][A-Za-z'’.-]*(?:[ \t]+[A-Z][A-Za-z'’.-]+){0,3})`)

// reNotName is what follows a name on its line: a title.
var reNotName = regexp.MustCompile(`\s+(?:Her|His|HMI|Senior|Social|Ofsted|Judgement)\b.*$`)

// rePrevious is what a report says of the last inspection's grade: "At
// the last inspection in 2018, ... were judged to be inadequate", "Since
// the previous inspection in November 2022, when services were judged
// good". The sentence must name the last inspection and a grade.
var rePrevious = regexp.MustCompile(`(?is)(?:last|previous)\s+(?:ILACS\s+|full\s+|standard\s+|Ofsted\s+|single\s+)?inspection,?(?:\s+in|\s+of)?\s+(?:(\d{1,2})\s+)?(?:([A-Z][a-z]+)\s+)?(\d{4})\b([^.]{0,160}?)\b(requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate|adequate)\b`)

// reSinceLast is the year of the last inspection without its grade.
var reSinceLast = regexp.MustCompile(`(?is)(?:last|previous)\s+(?:ILACS\s+|full\s+|standard\s+|Ofsted\s+)?inspection,?(?:\s+in|\s+of)?\s+(?:(\d{1,2})\s+)?(?:([A-Z][a-z]+)\s+)?(\d{4})\b`)

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

// isoDate writes a day, month name and year as an ISO date; "" when the
// month is not one. A missing day gives the month ("2022-11").
func isoDate(day, month, year string) string {
	m := months[strings.ToLower(month)]
	if m == 0 || len(year) != 4 {
		return ""
	}
	if day == "" {
		return fmt.Sprintf("%s-%02d", year, m)
	}
	return fmt.Sprintf("%s-%02d-%02d", year, m, atoi(day))
}

// framework tells the kind of inspection from the first pages' text:
// the kind the report names first (its title), as a report may mention
// other kinds of inspection further on.
func framework(head string) string {
	id, at := "", len(head)+1
	for _, f := range frameworks {
		if loc := f.re.FindStringIndex(head); loc != nil && loc[0] < at {
			id, at = f.id, loc[0]
		}
	}
	return id
}

// readAbout reads what the report says of itself: its title, council,
// dates, lead inspector and the last inspection.
func readAbout(insp *Inspection, t *text) {
	head := t.s[:min(len(t.s), 4000)]
	if loc := reTitle.FindStringIndex(head); loc != nil {
		insp.Title = clean(head[loc[0]:loc[1]])
	}
	for _, re := range councilIn {
		if m := re.FindStringSubmatch(head); m != nil {
			insp.Council = strings.TrimSuffix(clean(m[1]), " local authority")
			break
		}
	}
	if strings.Contains(strings.ToLower(insp.Council), "local authority") {
		insp.Council = "" // "Inspection of Local Authority Children's Services": no name
	}
	if insp.Council == "" {
		// Older reports name the council on the line above their title,
		// or below it.
		if loc := reTitle.FindStringIndex(head); loc != nil {
			after := strings.TrimLeft(head[loc[1]:], " \n")
			l, _, _ := strings.Cut(after, "\n")
			if l = strings.TrimSpace(l); reCouncilName.MatchString(l) {
				insp.Council = l
			}
		}
	}
	if insp.Council == "" {
		if loc := reTitle.FindStringIndex(head); loc != nil && strings.HasSuffix(strings.TrimRight(head[:loc[0]], " \t"), "\n") {
			before := strings.TrimRight(head[:loc[0]], " \n")
			l := strings.TrimSpace(before[strings.LastIndexByte(before, '\n')+1:])
			if l != "" && len(l) <= 50 && reCouncilLine.MatchString(l) && !reFootnoted.MatchString(l) {
				insp.Council = l
			}
		}
	}
	if m := reInspected.FindStringSubmatch(head); m != nil {
		if m[1] != "" {
			toMonth, toYear := m[5], m[6]
			fromMonth, fromYear := m[2], m[3]
			if fromMonth == "" {
				fromMonth = toMonth
			}
			if fromYear == "" {
				fromYear = toYear
			}
			insp.From, insp.To = isoDate(m[1], fromMonth, fromYear), isoDate(m[4], toMonth, toYear)
		} else {
			fromMonth := m[8]
			if fromMonth == "" {
				fromMonth = m[10]
			}
			insp.From, insp.To = isoDate(m[7], fromMonth, m[11]), isoDate(m[9], m[10], m[11])
		}
	}
	if m := rePublished.FindStringSubmatch(head); m != nil {
		insp.Published = isoDate(m[1], m[2], m[3])
	} else if insp.Framework == FocusedVisit {
		if m := reLetterDate.FindStringSubmatch(head[:min(len(head), 200)]); m != nil {
			insp.Published = isoDate(m[1], m[2], m[3])
		}
	}
	if m := reLead.FindStringSubmatch(t.s); m != nil {
		insp.LeadInspector = reNotName.ReplaceAllString(clean(m[1]), "")
	}
	insp.Previous = readPrevious(t)
}

// readPrevious reads the last inspection's date and overall grade from
// the report's first pages: a sentence naming the last inspection and its
// grade, else one naming it alone ("Since the last inspection in 2022").
func readPrevious(t *text) *Previous {
	head := t.s[:min(len(t.s), 12000)]
	for k, re := range []*regexp.Regexp{rePrevious, reSinceLast} {
		m := re.FindStringSubmatchIndex(head)
		if m == nil || k == 0 && strings.Contains(strings.ToLower(head[m[8]:m[9]]), "monitoring") {
			continue
		}
		sub := func(i int) string {
			if 2*i >= len(m) || m[2*i] < 0 {
				return ""
			}
			return head[m[2*i]:m[2*i+1]]
		}
		p := &Previous{Date: sub(3), Page: t.page(m[0]), Quote: clean(head[m[0]:m[1]])}
		if d := isoDate(sub(1), sub(2), sub(3)); d != "" {
			p.Date = d
		}
		if k == 0 {
			p.Overall = gradeID(sub(5))
		}
		return p
	}
	return nil
}
