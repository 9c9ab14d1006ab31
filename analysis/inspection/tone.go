package inspection

import (
	"regexp"
	"sort"
	"strings"

	"github.com/scrutineer/scrutineer/corpus/english"
)

// The words that tell praise from concern in an inspection's findings.
// A sentence with a concern word is a concern, whatever praise it also
// holds ("Most assessments are thorough, but not all..."); one with
// praise words and no concern word is a strength.
var (
	reConcern = regexp.MustCompile(`(?i)\b(?:too (?:many|few|long|slow|much|often|late)|not all|not always|not consistently|not yet|not sufficiently|not enough|not routinely|not (?:been )?(?:fully|well|effectively|robustly|regularly)|inconsistent(?:ly)?|inconsistency|delays?|delayed|weak(?:er|ness|nesses)?|insufficient(?:ly)?|lack(?:s|ing)?\b|poorly|poor(?:er)? (?:quality|practice|planning|recording|timeliness|standards?|oversight|decision-making|understanding|management|communication|response)|variable|varies|vary in|does not|do not|did not|is not|are not|has not|have not|cannot|unable|gaps? in|shortfalls?|drift|backlogs?|less (?:effective|well|consistent|timely)|limited|deficits?|failed|fail to|fails to|remains? (?:a )?(?:challenge|concern)|concerns? (?:about|that)|wait(?:ing)? too|not timely|untimely|superficial|overly optimistic|not (?:sufficiently )?(?:rigorous|robust|clear|effective|timely|ambitious)|(?:more|further) (?:work )?is (?:needed|required)|needs? to (?:improve|be improved|be strengthened)|requires? improvement|inadequate|(?:been|is|are|remains?) an? (?:significant |long-standing |considerable )?challenges?|for some (?:children|young people|families)|only some)\b`)
	// reAnaphora opens a sentence that leans on the one before ("This
	// means that ...", "As a result, ..."): it does not stand alone as a
	// quote.
	reAnaphora = regexp.MustCompile(`^(?:This|These|That|Those|It|They|Their|Its|As a result|Consequently|However|Therefore|This means|In addition|Also|Despite this|Nevertheless)\b`)
	rePraise   = regexp.MustCompile(`(?i)\b(?:benefits? from|strong(?:ly)?|strengths?|consistently|highly|effective(?:ly)?|well[- ](?:established|supported|trained|planned|coordinated|informed|led)|good|timely|robust(?:ly)?|improved|impressive|excellent|outstanding|exceptional(?:ly)?|thorough|skilful(?:ly)?|skilled|committed|ambitious|relentless(?:ly)?|creative|high[- ]quality|prompt(?:ly)?|purposeful|sensitive(?:ly)?|positive(?:ly)?|thrive|thriving|flourish(?:ing)?|success(?:ful(?:ly)?)?|inspirational|innovative|comprehensive|know (?:them|children) (?:very )?well|make good progress|are safe|proud)\b`)
	// reSeriousConcern are the concern words that weigh most: a finding
	// about many children or a delay, not a caveat.
	reSeriousConcern = regexp.MustCompile(`(?i)\b(?:too (?:many|few|long|slow)|not all|delays?|delayed|inconsistent(?:ly)?|drift|insufficient|poorly|poor (?:quality|practice)|weak|failed|not (?:sufficiently )?(?:safe|safeguarded|protected))\b`)
	// reConditional opens a sentence whose first clause sets a condition
	// ("If children's circumstances do not improve, ..."): its words
	// describe a case, not a finding, so only the rest is weighed.
	// reRemedy is a delay or drift a sentence says is prevented ("to
	// minimise delay", "without drift"): praise, not a concern.
	reRemedy      = regexp.MustCompile(`(?i)\b(?:(?:minimi[sz]e[sd]?|minimi[sz]ing|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|without|no|free from|tackl(?:e|es|ed|ing)|challeng(?:e|es|ed|ing)|address(?:es|ed|ing)?|guard(?:s|ing)? against)\s+(?:any\s+|unnecessary\s+|further\s+|unnecessarily\s+)?(?:delays?|drift|gaps?)(?:\s+and\s+(?:delays?|drift))?|(?:causes?|reasons?|sources?)\s+of\s+(?:delays?|drift)|any\s+(?:\w+\s+){0,2}(?:delays?|drift)\b[^.]{0,60}?\b(?:is|are)\s+(?:quickly\s+|swiftly\s+|promptly\s+)?(?:identified|challenged|addressed|tackled|escalated|resolved))\b`)
	reConditional = regexp.MustCompile(`^(?:If|When|Where|Once|Should|Unless|In the (?:few|small number of) cases? where)\b[^,]*,`)
	reParaNumber  = regexp.MustCompile(`^\d{1,3}\.\s+`)
	// reGraded is a sentence about grades rather than practice: a
	// judgement, or a table's cells run together ("progress of Good Good
	// children").
	reGraded = regexp.MustCompile(`\b(?:judged|judgements?|graded)\b|\b(?:Good|Outstanding|Inadequate|Requires improvement)\b.*\b(?:Good|Outstanding|Inadequate|Requires improvement)\b`)
)

// Serious reports whether a concern is a weighty one: a finding about
// many children, a delay or a failure, not a caveat.
func Serious(s string) bool {
	return reSeriousConcern.MatchString(reRemedy.ReplaceAllString(reConditional.ReplaceAllString(s, ""), ""))
}

// maxStrengths is how many strengths are kept: a summary of what
// inspectors praised, not every sentence that praises.
const maxStrengths = 8

// readTone sorts the sentences of the report's findings into strengths
// and concerns. Sentences of the improvement list, headings and table rows
// are not findings. Strengths are summarised: the report's summary's
// first, then each section's first; concerns are all kept, those in the
// lower graded sections and with the weightier words first.
func readTone(t *text, points []Point) (strengths, concerns []Point) {
	sections := sectionStarts(t)
	grade := map[string]int{}
	for _, s := range sections {
		grade[s.area] = GradeRank(s.grade)
	}
	type scored struct {
		p      Point
		weight int
		at     int
	}
	var cons []scored
	perArea := map[string]int{}
	end := toneEnd(t)
	for _, para := range paragraphs(t, 0, end) {
		body := t.s[para[0]:para[1]]
		if len(strings.Fields(body)) < 8 || inPoints(clean(body), points) {
			continue
		}
		off := para[0]
		if m := reParaNumber.FindString(body); m != "" {
			off += len(m)
		}
		for _, se := range english.SentenceEnds(t.s, off, para[1]) {
			s := clean(t.s[se[0]:se[1]])
			if len(strings.Fields(s)) < 6 {
				continue
			}
			if isGradeLine(s) || reAnaphora.MatchString(s) || reGraded.MatchString(s) {
				continue // a grade, or a sentence that leans on the last
			}
			area := areaAt(sections, se[0])
			p := Point{Text: s, Page: t.page(se[0]), PrintedPage: t.printed(se[0]), Area: area}
			weigh := reRemedy.ReplaceAllString(reConditional.ReplaceAllString(s, ""), "")
			switch {
			case reConcern.MatchString(weigh):
				w := 1
				if reSeriousConcern.MatchString(weigh) {
					w = 2
				}
				cons = append(cons, scored{p, w*4 + grade[area], se[0]})
			case rePraise.MatchString(s):
				if len(strengths) < maxStrengths && perArea[area] < 2 {
					perArea[area]++
					strengths = append(strengths, p)
				}
			}
		}
	}
	sort.SliceStable(cons, func(i, j int) bool { return cons[i].weight > cons[j].weight })
	for _, c := range cons {
		concerns = append(concerns, c.p)
	}
	return strengths, concerns
}

// section is where a judgement section starts, with its area and grade.
type section struct {
	at          int
	area, grade string
}

// sectionStarts finds the judgement sections: the headings that repeat
// an area's grade after the grades table.
func sectionStarts(t *text) []section {
	var out []section
	for i, re := range reJudgements {
		for _, m := range re.FindAllStringSubmatchIndex(t.s, -1) {
			out = append(out, section{m[0], areas[i].id, gradeID(t.s[m[4]:m[5]])})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

// areaAt is the area of the section an offset is in ("" before the
// first).
func areaAt(ss []section, off int) string {
	area := ""
	for _, s := range ss {
		if s.at > off {
			break
		}
		area = s.area
	}
	return area
}

// reToneEnd is where a report's findings end: its summary for children,
// its notes on the inspection, a SEND letter's partnership details.
var reToneEnd = regexp.MustCompile(`(?im)^(?:summary\s+for\s+children|information\s+about\s+this\s+inspection|local\s+area\s+partnership\s+details|yours\s+sincerely|the\s+ofsted\s+inspection\s+team|inspection\s+team\b)`)

func toneEnd(t *text) int {
	if m := reToneEnd.FindStringIndex(t.s); m != nil && m[0] > len(t.s)/3 {
		return m[0]
	}
	return len(t.s)
}

// paragraphs returns the byte ranges of the blank-line separated
// paragraphs of t.s[from:to].
func paragraphs(t *text, from, to int) [][2]int {
	var out [][2]int
	start := -1
	for _, l := range t.lines(from, to) {
		if l.s == "" {
			if start >= 0 {
				out = append(out, [2]int{start, l.start})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = l.start
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, to})
	}
	return out
}

// inPoints reports whether a paragraph is one of the improvement points.
func inPoints(para string, points []Point) bool {
	for _, p := range points {
		if strings.Contains(para, p.Text) || strings.Contains(p.Text, strings.TrimLeft(para, "◼■•●▪ ")) {
			return true
		}
	}
	return false
}

// isGradeLine reports whether s is a judgement's heading or table row.
func isGradeLine(s string) bool {
	for _, re := range reJudgements {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
