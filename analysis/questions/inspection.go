package questions

import (
	"fmt"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/analysis/themes"
)

// inspectionQuestions are the reactive questions scrutiny asks of an
// inspection report: was the result expected, what is the improvement
// plan and how will the committee follow it, and how will strengths be
// kept. They cite the judgements where the report gives them.
func inspectionQuestions(insp *inspection.Inspection, it Input) []candidate {
	th := inspectionTheme(it.Themes)
	if th == nil {
		return nil
	}
	cite := func(quote string) []report.Evidence {
		for _, p := range it.Passages {
			// The report's title and its judgement table are often taken
			// for section headings: look there too.
			if strings.Contains(figures.Clean(p.Text), quote) || strings.Contains(figures.Clean(p.Heading), quote) {
				return []report.Evidence{{Page: p.Page, PrintedPage: p.PrintedPage, Quote: figures.QuoteAround(quote, 0, 0)}}
			}
		}
		return nil
	}
	var out []candidate
	var weakest, strongest *inspection.Judgement
	for i := range insp.Judgements {
		j := &insp.Judgements[i]
		if weakest == nil || inspection.GradeRank(j.Grade) > inspection.GradeRank(weakest.Grade) {
			weakest = j
		}
		if strongest == nil || inspection.GradeRank(j.Grade) < inspection.GradeRank(strongest.Grade) {
			strongest = j
		}
	}
	var titleEv []report.Evidence
	if insp.Title != "" {
		titleEv = cite(insp.Title)
	}
	if weakest != nil {
		ev := cite(weakest.Quote)
		if ev == nil {
			ev = titleEv
		}
		out = append(out, candidate{
			q: report.Question{Kind: report.KindFollowup, Theme: th.ID, Evidence: ev, Text: fmt.Sprintf(
				"Ofsted judged %s as %s. Was that the result our own self-evaluation predicted, and if not, what did we not know about our services?",
				inspection.JudgementName(weakest.Area), weakest.Grade)},
			priority: 9,
		})
	} else if titleEv != nil {
		out = append(out, candidate{
			q: report.Question{Kind: report.KindFollowup, Theme: th.ID, Evidence: titleEv,
				Text: "Was the outcome of this inspection what the council expected from its own self-evaluation, and if not, what did we not know?"},
			priority: 9,
		})
	}
	if titleEv != nil {
		out = append(out, candidate{
			q: report.Question{Kind: report.KindFollowup, Theme: th.ID, Evidence: titleEv,
				Text: "What will the improvement plan responding to this inspection contain, who owns each action, and when will this committee see progress against it?"},
			priority: 8.5,
		})
	}
	if strongest != nil && strongest != weakest && inspection.GradeRank(strongest.Grade) <= inspection.GradeRank("good") {
		if ev := cite(strongest.Quote); ev != nil {
			out = append(out, candidate{
				q: report.Question{Kind: report.KindFollowup, Theme: th.ID, Evidence: ev, Text: fmt.Sprintf(
					"Inspectors rated %s as %s. What will keep that from slipping while attention goes to the weaker areas?",
					inspection.JudgementName(strongest.Area), strongest.Grade)},
				priority: 6,
			})
		}
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
