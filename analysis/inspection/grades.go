package inspection

import (
	"regexp"
	"strings"
)

// Grade ids, best first.
const (
	Outstanding         = "outstanding"
	Good                = "good"
	RequiresImprovement = "requires-improvement"
	Adequate            = "adequate"
	Inadequate          = "inadequate"
)

// area is one judgement area of a framework: its id and how reports name
// it. Names are matched at the start of a line (a table row or a section
// heading), with the grade right after them.
type area struct {
	id   string
	name string // a regular expression; spaces match any white space
}

// areas are the judgement areas of the ILACS and SIF frameworks and of
// the 2013 framework for looked after children. More specific names come
// first: the first that matches a line wins.
var areas = []area{
	{"leaders", `the impact of leaders(?: on (?:social work )?practice(?: with children and families)?)?`},
	{"help-and-protection", `(?:the )?(?:experiences and progress of )?children who need help and protection`},
	{"children-in-care", `(?:the )?(?:experiences and progress of )?children in care and care leavers`},
	{"care-leavers", `(?:the )?(?:experiences and progress of )(?:children )?care leavers`},
	{"children-in-care", `(?:the )?experiences and progress of children in care`},
	{"children-in-care", `(?:the )?children looked after and achieving permanence`},
	{"adoption", `adoption performance`},
	{"leadership", `leadership, management and governance`},
	{"lscb", `(?:the effectiveness of )?the (?:local safeguarding children board|lscb)`},
	{"overall", `overall effectiveness(?: of services for looked after children(?: and young people)?(?: in [a-z ]{2,40}?)?)?|the overall judgement is that (?:children['’]s )?services|the overall judgement|children['’]s services in [a-z ,'’-]{2,40}?`},
	{"capacity-to-improve", `(?:the )?capacity to improve(?: services)?`},
	// The 2013 framework for looked after children, graded "Grade 3
	// (Adequate)" under each heading.
	{"outcomes", `outcomes for looked after children(?: and young people)?`},
	{"quality-of-provision", `quality of provision`},
	{"leadership", `leadership and management`},
}

// reGrade is a grade as reports print it.
const reGrade = `requires? improvement(?: to be good)?|outstanding|good|inadequate|adequate`

// reJudgements matches, at the start of a line (after a row number such
// as "2.1"), an area's name, then the grade: in the next cell, after a
// colon, or in a sentence ("is outstanding", "are good", "The graded
// judgement for adoption performance is that it is good"), the grade
// ending its line.
var reJudgements = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(areas))
	for i, a := range areas {
		name := strings.ReplaceAll(a.name, " ", `\s+`)
		out[i] = regexp.MustCompile(`(?im)^(?:\d(?:\.\d)?\.?\s+)?(?:the graded judgement (?:for|about) )?(` + name + `)\s*(?:[:|–-]\s*)?(?:(?:is|are)\s+(?:that\s+(?:it|they)\s+(?:is|are)\s+)?|(?:is |are )?judged (?:to be )?|grade\s+\d\s*\(\s*)?(` + strings.ReplaceAll(reGrade, " ", `\s+`) + `)\)?\.?[ \t]*$`)
	}
	return out
}()

// reJudgedIs is a judgement said in a sentence, as reports under the 2013
// framework do ("The overall effectiveness of services for looked after
// children and young people in Kent is adequate.").
var reJudgedIs = regexp.MustCompile(`(?i)(the overall effectiveness|the capacity to improve)\b[^.\n]{0,120}? is (outstanding|good|adequate|inadequate)\b`)

// The outcomes of an area SEND inspection (2023 framework), the
// partnership's one judgement.
const (
	SENDPositive     = "positive-experiences"
	SENDInconsistent = "inconsistent-experiences"
	SENDFailings     = "systemic-failings"
)

// reSENDOutcome is an area SEND inspection's outcome as its letter
// states it.
var reSENDOutcome = regexp.MustCompile(`(?i)partnership['’]s\s+arrangements\s+(?:typically\s+)?lead\s+to\s+(positive|inconsistent)\s+experiences\s+and\s+outcomes|there\s+are\s+(widespread\s+and/or\s+systemic\s+failings|significant\s+concerns)`)

// hit is a grade read at an offset of the text.
type hit struct {
	at int
	j  Judgement
}

var (
	// reRow is a table row whose area's name wraps onto the lines below
	// while its grades stay on the first: "The impact of leaders on social
	// Requires improvement to be good Good", then "work practice with
	// children and", "families". A second grade is another column, such
	// as the last inspection's.
	reRow = regexp.MustCompile(`(?i)^([a-z][a-z ,'’-]*?)\s+(` + reGradeSpaced + `)(?:\s+(` + reGradeSpaced + `))?\s*$`)
	// reRowsHead is a table's heading with the years of its grade columns
	// ("Judgement June 2026 2022").
	reRowsHead = regexp.MustCompile(`(?im)^judgements?\b.*?(\d{4})\D+(\d{4})\s*$`)
	// reAreaWhole are the areas' names matched whole.
	reAreaWhole = func() []*regexp.Regexp {
		out := make([]*regexp.Regexp, len(areas))
		for i, a := range areas {
			out[i] = regexp.MustCompile(`(?i)^(?:\d(?:\.\d)?\.?\s+)?(?:` + strings.ReplaceAll(a.name, " ", `\s+`) + `)$`)
		}
		return out
	}()
)

// maxWrap is how many lines an area's name wraps onto below its row.
const maxWrap = 4

const reGradeSpaced = `requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate|adequate`

// wrappedRows reads the rows of a grades table whose areas' names wrap
// under their first line, as officers' reports set out a table of this
// inspection's grades beside the last one's. The second grade of a row is
// the last inspection's when the table's heading puts the later year
// first.
func wrappedRows(t *text) []hit {
	var out []hit
	secondIsPrevious := false
	if m := reRowsHead.FindStringSubmatch(t.s); m != nil && atoi(m[1]) > atoi(m[2]) {
		secondIsPrevious = true
	}
	ls := t.lines(0, len(t.s))
	for i, l := range ls {
		m := reRow.FindStringSubmatch(l.s)
		if m == nil {
			continue
		}
		name := m[1]
		for _, c := range ls[i+1 : min(len(ls), i+1+maxWrap)] {
			if c.s == "" || reRow.MatchString(c.s) || len(strings.Fields(c.s)) > 8 {
				break
			}
			name += " " + c.s
		}
		for k, re := range reAreaWhole {
			if !re.MatchString(clean(name)) {
				continue
			}
			j := Judgement{Area: areas[k].id, Grade: gradeID(m[2]), Page: t.page(l.start), Quote: l.s}
			if secondIsPrevious && m[3] != "" {
				j.Previous = gradeID(m[3])
			}
			out = append(out, hit{l.start, j})
			break
		}
	}
	return out
}

// gradeID turns a grade as printed into its id.
func gradeID(g string) string {
	g = strings.ToLower(strings.Join(strings.Fields(g), " "))
	switch {
	case strings.HasPrefix(g, "require"):
		return RequiresImprovement
	case g == "outstanding", g == "good", g == "inadequate", g == "adequate":
		return g
	}
	return ""
}

// readJudgements reads the graded judgements: the grades table on the
// first pages and, for areas it lacks, the section headings that repeat
// each grade ("The experiences and progress of children in care: good").
// The first grade read for an area stands.
func readJudgements(t *text) []Judgement {
	var hits []hit
	for i, re := range reJudgements {
		for _, m := range re.FindAllStringSubmatchIndex(t.s, -1) {
			hits = append(hits, hit{m[0], Judgement{
				Area:  areas[i].id,
				Grade: gradeID(t.s[m[4]:m[5]]),
				Page:  t.page(m[0]),
				Quote: clean(t.s[m[0]:m[1]]),
			}})
		}
	}
	for _, m := range reJudgedIs.FindAllStringSubmatchIndex(t.s, -1) {
		id := "overall"
		if strings.HasPrefix(strings.ToLower(t.s[m[2]:m[3]]), "the capacity") {
			id = "capacity-to-improve"
		}
		hits = append(hits, hit{m[0] + len(t.s), Judgement{Area: id, Grade: gradeID(t.s[m[4]:m[5]]), Page: t.page(m[0]), Quote: clean(t.s[m[0]:m[1]])}})
	}
	hits = append(hits, wrappedRows(t)...)
	if m := reSENDOutcome.FindStringSubmatchIndex(t.s[:min(len(t.s), 6000)]); m != nil {
		g := SENDPositive
		switch w := strings.ToLower(t.s[m[2]:m[3]]); {
		case strings.HasPrefix(w, "inconsistent"):
			g = SENDInconsistent
		case strings.HasPrefix(w, "widespread"), strings.HasPrefix(w, "significant"):
			g = SENDFailings
		}
		hits = append(hits, hit{m[0], Judgement{Area: "overall", Grade: g, Page: t.page(m[0]), Quote: clean(t.s[m[0]:m[1]])}})
	}
	// Earliest first: the table precedes the sections, and a grade said
	// in a sentence comes after both.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	seen := map[string]bool{}
	var out []Judgement
	for _, h := range hits {
		if seen[h.j.Area] || h.j.Grade == "" {
			continue
		}
		seen[h.j.Area] = true
		out = append(out, h.j)
	}
	return out
}

// GradeRank orders grades: 0 outstanding, 1 good, 2 requires improvement
// (or adequate), 3 inadequate.
func GradeRank(g string) int {
	switch gradeID(strings.ReplaceAll(g, "-", " ")) {
	case Outstanding:
		return 0
	case Good:
		return 1
	case RequiresImprovement, Adequate:
		return 2
	case Inadequate:
		return 3
	}
	switch g {
	case SENDPositive:
		return 1
	case SENDInconsistent:
		return 2
	case SENDFailings:
		return 3
	}
	return 1
}

// GradeName is a grade as a sentence says it ("requires improvement to be
// good").
func GradeName(g string) string {
	if g == RequiresImprovement {
		return "requires improvement to be good"
	}
	if s, ok := sendOutcomes[g]; ok {
		return s
	}
	return g
}

// Judged is how a sentence gives a grade after "judged": "to require
// improvement to be good", else the grade ("good").
func Judged(g string) string {
	if g == RequiresImprovement {
		return "to require improvement to be good"
	}
	return GradeName(g)
}

// AreaName words a judgement area for a question or a table.
func AreaName(id string) string {
	switch id {
	case "leaders":
		return "the impact of leaders on practice"
	case "help-and-protection":
		return "help and protection for children"
	case "children-in-care":
		return "the experiences of children in care"
	case "care-leavers":
		return "the experiences of care leavers"
	case "adoption":
		return "adoption performance"
	case "leadership":
		return "leadership, management and governance"
	case "lscb":
		return "the Local Safeguarding Children Board"
	case "overall":
		return "overall effectiveness"
	case "capacity-to-improve":
		return "the capacity to improve"
	case "outcomes":
		return "outcomes for looked after children"
	case "quality-of-provision":
		return "the quality of provision"
	}
	return id
}

// sendOutcomes are the area SEND outcomes in words.
var sendOutcomes = map[string]string{
	SENDPositive:     "leading to positive experiences and outcomes",
	SENDInconsistent: "leading to inconsistent experiences and outcomes",
	SENDFailings:     "showing widespread or systemic failings",
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
