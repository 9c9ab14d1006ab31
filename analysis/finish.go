package analysis

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/findings"
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/questions"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus"
)

// finish finds an item's themes, runs the checks and words its questions.
func (a *Analyzer) finish(p *prepared) ItemReport {
	it := p.it
	ir := ItemReport{
		Number: it.Number, Title: it.Title, Kind: it.Kind,
		StartPage: it.StartPage, EndPage: it.EndPage,
		PrintedStart: it.PrintedStart, PrintedEnd: it.PrintedEnd,
		Exempt: it.Exempt, Themes: []ThemeScore{}, Questions: []Question{},
	}
	if len(it.Passages) == 0 {
		return ir
	}
	if ir.StartPage == 0 {
		ir.StartPage, ir.EndPage = pageRange(it.Passages)
	}
	ms := a.itemThemes(it, p.all, p.insp, p.facts)
	for _, tm := range ms {
		ir.Themes = append(ir.Themes, ThemeScore{ID: tm.Theme.ID, Title: tm.Theme.Title, Score: tm.Score})
	}
	found := findings.Find(p.find)
	minutes := it.Kind == corpus.KindMinutes || strings.Contains(strings.ToLower(it.Title), "minutes")
	// A case review's numbers are one case's ages and days; a work
	// programme's or forward plan's are its own rules ("5 clear days").
	noFigures := reCaseReview.MatchString(lead(it)) || reProgramme.MatchString(it.Title)
	qs, fs := a.q.Build(questions.Input{Passages: it.Passages, Themes: ms, Minutes: minutes, NoFigures: noFigures, All: p.all, Insp: p.insp, Facts: councilFacts(p.facts, p.find.Sentences), InRecs: p.inRecs, Findings: found})
	if qs != nil {
		ir.Questions = qs
	}
	ir.Findings = fs
	ir.Inspection = inspectionReport(p.insp)
	markLead(&ir)
	ir.Summary = summarise(it, &ir)
	seen := map[string]bool{}
	for i := range p.find.Indicators {
		ind := &p.find.Indicators[i]
		if ind.National == nil || ind.Owner != figures.OwnerCouncil || seen[ind.National.Measure] {
			continue // one row a measure: a report may give it twice
		}
		seen[ind.National.Measure] = true
		ir.Indicators = append(ir.Indicators, *ind.Contract())
	}
	for i := range ir.Questions {
		if ti, ok := a.m.Index(ir.Questions[i].Theme); ok {
			ir.Questions[i].ThemeTitle = a.m.Themes()[ti].Title
		}
	}
	return ir
}

// reCaseReview names a review of one child's or one family's case.
var reCaseReview = regexp.MustCompile(`(?i)\b(?:serious case review|child safeguarding practice review|local child safeguarding practice review|rapid review|learning review|domestic homicide review|SCR|CSPR|LCSPR)\b`)

// reProgramme names a committee's work programme or the executive's
// forward plan.
var reProgramme = regexp.MustCompile(`(?i)\b(?:work programme|forward plan|key decisions? (?:forward )?plan)\b`)

// lead returns an item's title and the section headings of its first
// passages, one per line: where a report names itself ("Area SEND
// inspection of ...") when the extraction took its title for a heading.
func lead(it corpus.Item) string {
	var b strings.Builder
	b.WriteString(it.Title)
	b.WriteByte('\n')
	last := ""
	for _, p := range it.Passages[:min(len(it.Passages), 5)] {
		if p.Heading != "" && p.Heading != last {
			b.WriteString(p.Heading)
			b.WriteByte('\n')
			last = p.Heading
		}
	}
	return b.String()
}

// promote puts a theme first with at least inspectionFloor: an Ofsted
// inspection report is about the response to that inspection whatever
// else it covers.
func promote(ms []themes.ThemeMatch, id string, m *themes.Matcher) []themes.ThemeMatch {
	ti, ok := m.Index(id)
	if !ok {
		return ms
	}
	top := inspectionFloor
	if len(ms) > 0 && ms[0].Score > top {
		top = ms[0].Score
	}
	out := []themes.ThemeMatch{{Theme: m.Themes()[ti], Score: top}}
	for _, tm := range ms {
		if tm.Theme.ID == id {
			out[0].Share, out[0].Distinct, out[0].Passages = tm.Share, tm.Distinct, tm.Passages
			continue
		}
		out = append(out, tm)
	}
	return out
}

// inspectionFloor is the least score the inspection-response theme has on
// an inspection report.
const inspectionFloor = 0.6

// PassageThemes returns the ids of the themes one passage is about, best
// first (at most three), for the search index's theme field.
func (a *Analyzer) PassageThemes(p corpus.Passage) []string {
	return a.m.PassageThemes(p.Text)
}

// ItemMatches returns an item's per-theme evidence for the themes it is
// about (the themes Item reports): which passages engage each theme and
// with which signals.
func (a *Analyzer) ItemMatches(it corpus.Item) []themes.ThemeMatch {
	if len(it.Passages) == 0 {
		return nil
	}
	it.Passages, _ = budget(it.Passages, ItemWords)
	all := joinPassages(it.Passages)
	insp, facts, _ := a.itemFacts(it, all, itemPages(nil, it, false))
	return a.itemThemes(it, all, insp, facts)
}

// itemFacts recognises an inspection report and finds an item's facts:
// figures, trends, targets, concerns and, in an inspection report, each
// point of what needs to improve. It also returns the passages in a
// "what needs to improve" or "recommendations" section.
func (a *Analyzer) itemFacts(it corpus.Item, all string, pages []corpus.Page) (*inspection.Inspection, []figures.Fact, map[int]bool) {
	texts := make([]string, len(it.Passages))
	for i, p := range it.Passages {
		texts[i] = p.Text
	}
	facts := figures.FindFacts(texts)
	insp := inspection.Read(pages)
	inRecs := figures.RecommendationPassages(it.Passages)
	if insp != nil {
		facts = append(facts, figures.RecommendationFacts(it.Passages, inRecs, facts)...)
	}
	return insp, facts, inRecs
}

// itemThemes selects an item's themes: the themes its text and its facts
// are about (MatchTitled, withFacts), with an inspection report's response
// to the inspection first.
func (a *Analyzer) itemThemes(it corpus.Item, all string, insp *inspection.Inspection, facts []figures.Fact) []themes.ThemeMatch {
	counts, n := a.m.FactThemes(facts)
	ms := a.m.WithFacts(a.m.MatchTitled(it.Title, it.Passages), counts, n)
	if reProgramme.MatchString(it.Title) {
		ms = a.m.ListingThemes(it.Title, ms, counts)
	}
	if insp != nil && (len(insp.Judgements) > 0 || len(all) > 5000) {
		ms = promote(ms, "inspection-response", a.m)
	}
	return themes.Select(ms)
}
