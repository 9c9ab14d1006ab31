package questions

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus/english"
)

// Limits on an inspection report's questions beyond its improvement
// points, which are all asked.
const (
	// maxInspectionConcerns is how many concerns from the judgement
	// sections are asked about, below the formal points.
	maxInspectionConcerns = 3
	// maxInspectionFindings is how many questions from the checks'
	// findings (the report's own figures) follow.
	maxInspectionFindings = 2
	// topicWords is how much of a point a question names it by.
	topicWords = 16
)

// pointAsk is what a follow-up asks of an improvement point;
// repeatAsk what it asks of one the last inspection made too.
const (
	pointAsk  = "What does the action plan do about it, who owns it, by when, and which measure will this committee see?"
	repeatAsk = "Inspectors raised this at the last inspection (%s) too: why has it not been put right, and what will the action plan do differently, who owns it, by when, and which measure will this committee see?"
)

// Repeated rewords the follow-up of an improvement point that repeats a
// point of the last inspection (begun on date) to ask why it was not put
// right.
func Repeated(q *report.Question, date string) {
	if len(date) > 4 {
		date = date[:4]
	}
	q.Text = strings.Replace(q.Text, pointAsk, fmt.Sprintf(repeatAsk, date), 1)
}

// pointLead is how a follow-up names the kind of point it follows, by
// framework.
var pointLead = map[string]string{
	inspection.ILACS:        "Inspectors said this needs to improve",
	inspection.FocusedVisit: "Inspectors said this needs to improve",
	inspection.SIF:          "Ofsted recommended",
	inspection.SENDArea:     "Inspectors set this for improvement",
	inspection.JTAI:         "Inspectors set this for improvement",
}

// inspectionBuild words an inspection report's questions in the order a
// panel takes them: one follow-up for each improvement point, in the
// report's order; the questions the national guidance asks after every
// inspection, worded for its grades; then the concerns of the judgement
// sections that are not among the points, and the report's own figures
// where the checks found something. Nothing is asked about a strength
// but how it will last.
func (a *Asker) inspectionBuild(it Input, fromFindings []candidate) []report.Question {
	insp := it.Insp
	th := inspectionTheme(it.Themes)
	if th == nil {
		return nil
	}
	var out []report.Question
	n := 0
	for _, p := range insp.Improvements {
		if p.For == "" {
			n++
		}
	}
	i := 0
	for k, p := range insp.Improvements {
		lead := pointLead[insp.Framework]
		if lead == "" {
			lead = "Inspectors said this needs to improve"
		}
		var text string
		if p.For == "lscb" {
			text = fmt.Sprintf("Ofsted recommended to the safeguarding children board: “%s”. What has the partnership done about it, and how will this committee know it has worked?", pointTopic(p.Text))
		} else {
			i++
			text = fmt.Sprintf("%s (point %d of %d): “%s”. %s", lead, i, n, pointTopic(p.Text), pointAsk)
		}
		out = append(out, report.Question{
			Text: text, Theme: a.pointTheme(p.Text, it.Themes, th).ID, Kind: report.KindFollowup,
			Improvement: k + 1,
			Evidence:    []report.Evidence{{Page: p.Page, PrintedPage: p.PrintedPage, Quote: p.Text}},
		})
	}
	out = append(out, reactive(insp, th)...)
	out = append(out, a.concernQuestions(insp, it.Themes, th)...)
	sort.SliceStable(fromFindings, func(i, j int) bool { return fromFindings[i].priority > fromFindings[j].priority })
	for _, c := range fromFindings[:min(len(fromFindings), maxInspectionFindings)] {
		out = append(out, c.q)
	}
	return out
}

// pointTopic is how a question names a point: its first clause, or its first
// topicWords words, without the national framework's cross-reference.
func pointTopic(s string) string {
	if i := strings.Index(s, "(outcome"); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	if i := strings.Index(s, "(enabler"); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	ws := strings.Fields(s)
	if len(ws) <= topicWords {
		return strings.TrimRight(s, ".;:")
	}
	cut := strings.Join(ws[:topicWords], " ")
	for _, sep := range []string{", so that", " so that", ", to ", " to ensure", ", and ", "; ", ", which"} {
		if j := strings.Index(s, sep); j > 20 && j < len(cut) {
			return strings.TrimRight(s[:j], ".;:,") + " …"
		}
	}
	return strings.TrimRight(cut, ".;:,") + " …"
}

// pointTheme is the item theme a point is about, else the inspection's.
func (a *Asker) pointTheme(text string, ts []themes.ThemeMatch, def *bank.Theme) *bank.Theme {
	if th, fit := a.factTheme(english.Analyse(text), ts); th != nil && fit >= 0.5 {
		return th
	}
	return def
}

// reactive are the questions the national guidance asks after every
// inspection, once each, worded for the report's grades and citing them.
func reactive(insp *inspection.Inspection, th *bank.Theme) []report.Question {
	cite := func(j *inspection.Judgement) []report.Evidence {
		if j == nil {
			return nil
		}
		return []report.Evidence{{Page: j.Page, Quote: j.Quote}}
	}
	q := func(text, line string, ev []report.Evidence) report.Question {
		return report.Question{Text: text, Theme: th.ID, Kind: report.KindFollowup, Line: line, Evidence: ev}
	}
	weak, strong := insp.Weakest(), insp.Strongest()
	overall := insp.Grade("overall")
	var out []report.Question
	// Did our self-evaluation predict this?
	switch {
	case weak != nil:
		graded := fmt.Sprintf("Ofsted judged %s %s", inspection.AreaName(weak.Area), inspection.Judged(weak.Grade))
		switch {
		case strong != nil && strong.Grade == weak.Grade && len(insp.Judgements) > 1:
			graded = fmt.Sprintf("Ofsted judged every area %s", inspection.Judged(weak.Grade))
		case overall != "" && weak.Area != "overall":
			graded += fmt.Sprintf(" and overall effectiveness %s", inspection.Judged(overall))
		}
		if p := insp.Previous; p != nil && p.Overall != "" && overall != "" && p.Overall != overall {
			dir := "up from"
			if inspection.GradeRank(overall) > inspection.GradeRank(p.Overall) {
				dir = "down from"
			}
			graded += fmt.Sprintf(", %s %s at the last inspection", dir, inspection.GradeName(p.Overall))
		}
		who := "the council's"
		if insp.Framework == inspection.SENDArea {
			who = "the partnership's"
			if weak.Area == "overall" {
				outcome := strings.NewReplacer("leading to", "lead to", "showing", "show").Replace(inspection.GradeName(weak.Grade))
				graded = "Inspectors found that the local area partnership's arrangements " + outcome
			}
		}
		out = append(out, q(graded+". Did "+who+" own self-evaluation predict these judgements, and where it did not, what did it not know?", "inspection-response-1", cite(weak)))
	default:
		out = append(out, q("Did the council's own self-evaluation predict what inspectors found, and where it did not, what did it not know?", "inspection-response-1", nil))
	}
	// Was scrutiny asking the right questions?
	if len(insp.Improvements) > 0 {
		out = append(out, q("Had this committee been asking about the areas inspectors have told the council to improve before they came, and what will it ask differently now?", "inspection-response-6", nil))
	}
	// Intervention, or how a strong result will last.
	switch {
	case weak != nil && weak.Grade == inspection.Inadequate:
		out = append(out, q(fmt.Sprintf("With %s judged inadequate, what intervention follows (an improvement notice, a commissioner or adviser), and how will members oversee it and hear from whoever is appointed?", inspection.AreaName(weak.Area)), "inspection-response-5", cite(weak)))
	case strong != nil && inspection.GradeRank(strong.Grade) <= inspection.GradeRank(inspection.Good) && (weak == nil || inspection.GradeRank(weak.Grade) <= inspection.GradeRank(inspection.Good)):
		text := fmt.Sprintf("Inspectors judged services %s. How will that be sustained as demand and staff change, and what will put right the one area inspectors asked the council to improve?", gradeWords(insp))
		if len(insp.Improvements) != 1 {
			text = fmt.Sprintf("Inspectors judged services %s. How will that be sustained as demand and staff change, and which of the areas they asked to improve matters most?", gradeWords(insp))
		}
		out = append(out, q(text, "inspection-response-7", cite(strong)))
	case strong != nil && weak != nil && inspection.GradeRank(strong.Grade) < inspection.GradeRank(weak.Grade) && inspection.GradeRank(strong.Grade) <= inspection.GradeRank(inspection.Good):
		out = append(out, q(fmt.Sprintf("Inspectors judged %s %s. What will keep it there while attention goes to the weaker areas?", inspection.AreaName(strong.Area), inspection.Judged(strong.Grade)), "inspection-response-7", cite(strong)))
	}
	// The action plan.
	plan := "When will members see the action plan responding to this inspection, will they see it before it is sent to Ofsted, and how will this committee follow its progress?"
	if insp.Framework == inspection.SENDArea {
		plan = "When will members see the partnership's updated strategic plan responding to this inspection, and how will this committee follow its progress?"
	}
	return append(out, q(plan, "inspection-response-2", nil))
}

// gradeWords says a good or outstanding report's grades in a few words:
// "outstanding", "good", or "good, with help and protection outstanding".
func gradeWords(insp *inspection.Inspection) string {
	g := insp.Grade("overall")
	if g == "" {
		if w := insp.Weakest(); w != nil {
			g = w.Grade
		}
	}
	var best []string
	for _, j := range insp.Judgements {
		if j.Area != "overall" && j.Area != "lscb" && inspection.GradeRank(j.Grade) < inspection.GradeRank(g) {
			best = append(best, inspection.AreaName(j.Area))
		}
	}
	if len(best) == 0 || len(best) > 2 {
		return inspection.GradeName(g)
	}
	return fmt.Sprintf("%s, with %s %s", inspection.GradeName(g), strings.Join(best, " and "), inspection.Outstanding)
}

// concernQuestions ask about the concerns of the judgement sections that
// are not among the formal points: in sections graded below good, the
// weightiest; in good sections only a serious one; none in outstanding
// sections.
func (a *Asker) concernQuestions(insp *inspection.Inspection, ts []themes.ThemeMatch, th *bank.Theme) []report.Question {
	var points []map[string]bool
	for _, p := range insp.Improvements {
		points = append(points, termSet(p.Text))
	}
	var out []report.Question
	for _, c := range insp.Concerns {
		if len(out) == maxInspectionConcerns {
			break
		}
		g := insp.Grade(c.Area)
		if c.Area == "" || g == "" || inspection.GradeRank(g) == 0 || (inspection.GradeRank(g) == 1 && !inspection.Serious(c.Text)) {
			continue
		}
		terms := termSet(c.Text)
		covered := false
		for _, pt := range points {
			if jaccard(pt, terms) >= 0.25 {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		points = append(points, terms)
		out = append(out, report.Question{
			Text: fmt.Sprintf("In %s (judged %s), inspectors found: “%s”. What is being done about it, and how will this committee know it has changed?",
				inspection.AreaName(c.Area), inspection.GradeName(g), pointTopic(c.Text)),
			Theme: a.pointTheme(c.Text, ts, th).ID, Kind: report.KindFollowup,
			Evidence: []report.Evidence{{Page: c.Page, PrintedPage: c.PrintedPage, Quote: c.Text}},
		})
	}
	return out
}

// inspectionTheme is the theme reactive questions are filed under: the
// inspection-response theme when the item has it, else its best theme.
func inspectionTheme(ts []themes.ThemeMatch) *bank.Theme {
	for _, t := range ts {
		if t.Theme.ID == "inspection-response" {
			return t.Theme
		}
	}
	if len(ts) > 0 {
		return ts[0].Theme
	}
	return nil
}
