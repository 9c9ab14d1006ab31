package questions

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/findings"
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus"
)

// Limits on the questions of one item.
const (
	// MaxQuestions is the most questions an item gets; an item with less
	// to challenge gets fewer, and one with nothing gets none.
	MaxQuestions  = 8
	maxEvidenceQs = 8
	maxGapQs      = 2
	maxFollowupQs = 4
	// maxInspectionFollowups is maxFollowupQs for an inspection report.
	maxInspectionFollowups = 7
	maxFactWords           = 28   // words of a fact quoted inside a question
	factRunOn              = 6    // words a quoted fact may run on to finish its clause
	dupSimilarity          = 0.55 // Jaccard of analysed terms above which two questions are duplicates
	dupContained           = 0.55 // share of the shorter question's terms in the other's that makes two questions citing one page duplicates
	minContainedTerms      = 6    // the fewest terms of a question for dupContained to apply
	maxGapThemes           = 1    // gaps are asked for the item's best theme only
	gapMinScore            = 0.5  // and only when the item is plainly about it
	inspectionBump         = 1.5
)

// candidate is a question before ranking.
type candidate struct {
	q        report.Question
	priority float64
	terms    map[string]bool
	passage  int  // passage of a fact question
	figure   bool // built on a figure, trend, comparison or target
	// itemTheme is the item theme a fact question ranks under (its
	// question may be labelled with another theme; see topicTheme); ""
	// means the question's own theme.
	itemTheme string
}

// group is the item theme a candidate counts towards when each of the
// item's themes gets its best question first.
func (c candidate) group() string {
	if c.itemTheme != "" {
		return c.itemTheme
	}
	return c.q.Theme
}

func isFigureKind(k figures.FactKind) bool {
	switch k {
	case figures.FactFigure, figures.FactTrend, figures.FactComparison, figures.FactTarget, figures.FactCost, figures.FactWorkforce, figures.FactDelay:
		return true
	}
	return false
}

// pairFigures folds the weaker of two figure questions from the same
// paragraph and theme into the stronger one as a second piece of
// evidence: members see the figures that belong together, and the
// question list is not spent on one paragraph.
func pairFigures(cands []candidate) []candidate {
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cands[order[a]].priority > cands[order[b]].priority })
	host := map[[2]string]int{} // passage+item theme -> index of the host question
	drop := map[int]bool{}
	for _, i := range order {
		c := &cands[i]
		if !c.figure || c.q.Kind != report.KindEvidence {
			continue
		}
		k := [2]string{fmt.Sprint(c.passage), c.group()}
		h, ok := host[k]
		if !ok {
			host[k] = i
			continue
		}
		hc := &cands[h]
		if len(hc.q.Evidence) >= 2 || hc.q.Evidence[0].Quote == c.q.Evidence[0].Quote {
			continue
		}
		hc.q.Evidence = append(hc.q.Evidence, c.q.Evidence[0])
		drop[i] = true
	}
	out := cands[:0:0]
	for i, c := range cands {
		if !drop[i] {
			out = append(out, c)
		}
	}
	return out
}

// asked are the kinds of fact asked about from their sentence alone.
// Figures, targets, ratings, trends, comparisons, money and the workforce
// are asked about from the findings the checks make of them, which know
// whether a target was met and whose figure it is; a plain figure, a
// proposal or a minute's resolution is not a challenge in itself (the
// unanswered-request check follows up resolutions).
var asked = map[figures.FactKind]bool{
	figures.FactConcern:        true,
	figures.FactRecommendation: true,
	figures.FactAction:         true,
	figures.FactDelay:          true,
}

// Input is what question building needs from an item.
type Input struct {
	Passages []corpus.Passage
	All      string // every passage, joined
	Themes   []themes.ThemeMatch
	Minutes  bool
	// NoFigures marks an item whose numbers do not measure a service:
	// a review of one child's or family's case (ages, dates and days of
	// that case) or a work programme (its own rules and dates). Its bare
	// figures are not asked about.
	NoFigures bool
	// Insp is what an inspection report says about itself; nil for other
	// papers.
	Insp *inspection.Inspection
	// Facts are the item's Facts (Analyzer.itemFacts); an inspection
	// report's points of what needs to improve among them.
	Facts []figures.Fact
	// InRecs marks the passages in a "what needs to improve" or
	// "recommendations" section (recommendationPassages).
	InRecs map[int]bool
	// Findings are what the checks found in the item, most severe first.
	Findings []findings.Finding
	present  map[bank.EvidenceKind]bool // memo of has
	low      string                     // all, lower-cased, for has
}

// Build returns the ranked questions for an item, and its findings in
// their contract form (numbered from 1, most severe first), which the
// questions built on them cite by ID.
func (a *Asker) Build(it Input) ([]report.Question, []report.Finding) {
	if len(it.Themes) == 0 {
		fs, _ := a.fromFindings(&it)
		return nil, fs
	}
	fs, cands := a.fromFindings(&it)
	if it.Insp != nil {
		return a.inspectionBuild(it, cands), fs
	}
	facts, insp, inRecs := it.Facts, it.Insp, it.InRecs
	usedLines := map[string]bool{}
	askedDone := false
	for i, f := range facts {
		if len(strings.Fields(f.Quote)) < 5 {
			continue // too little to quote ("RESOLVED: That", a heading)
		}
		if doneAction(f) {
			// Work the tracker calls done is no problem: one question on
			// what it achieved is enough for an item.
			if askedDone {
				continue
			}
			askedDone = true
		}
		if !asked[f.Kind] {
			continue // a finding's kind, asked from the findings, or nothing to challenge
		}
		terms := facts[i].Terms()
		rankTh, fit := a.factTheme(terms, it.Themes)
		if rankTh == nil {
			continue
		}
		th := a.topicTheme(terms, rankTh)
		if f.Kind == figures.FactFigure && fit < 0.25 && !figures.ReCounted.MatchString(strings.ToLower(f.Text)) {
			continue // a number about nothing the item's themes or children are about
		}
		if f.Kind == figures.FactFigure && it.NoFigures {
			continue // a case's or a programme's numbers, not a service's
		}
		if insp != nil && f.Kind == figures.FactRecommendation && strings.HasSuffix(f.Text, ":") {
			continue // a lead-in ("should improve communication to:"); its points are asked
		}
		kind := report.KindEvidence
		switch f.Kind {
		case figures.FactRecommendation, figures.FactResolution, figures.FactAction, figures.FactProposal:
			kind = report.KindFollowup
		}
		if inRecs[f.Passage] && (f.Kind == figures.FactConcern || f.Kind == figures.FactFigure) {
			kind = report.KindFollowup
			f.Kind = figures.FactRecommendation
		}
		text := phrase(f, it.Minutes, insp != nil, th, i)
		if text == "" {
			continue
		}
		if kind == report.KindEvidence && lineAsk[f.Kind] {
			// Ask the theme's own line of enquiry when the fact is
			// plainly about it.
			if ln := a.lineFor(th, f.Text); ln != nil && !usedLines[ln.ID] {
				usedLines[ln.ID] = true
				text = fmt.Sprintf("%s %s %s", leadIn(i), shortFact(f)+".", ln.Question)
			}
		}
		p := it.Passages[f.Passage]
		w := f.Weight
		if f.Kind == figures.FactFigure && fit >= 0.5 {
			w += 0.6 // a figure about the theme itself
		}
		// Within an item the kind of fact matters more than how many of
		// the theme's words its sentence uses; the theme's weight in the
		// item still counts.
		pr := w * (0.5 + themeScore(it.Themes, rankTh.ID))
		if f.Passage*5 < len(it.Passages) {
			pr *= 1.3 // summaries come first and carry the key messages
		}
		if insp != nil && kind == report.KindFollowup {
			pr *= inspectionBump
		}
		cands = append(cands, candidate{
			q: report.Question{Text: text, Theme: th.ID, Kind: kind, Evidence: []report.Evidence{{
				Page: p.Page, PrintedPage: p.PrintedPage, Quote: f.Quote,
			}}},
			priority:  pr,
			passage:   f.Passage,
			figure:    isFigureKind(f.Kind),
			itemTheme: rankTh.ID,
		})
	}
	cands = pairFigures(cands)
	cands = append(cands, benchmarkQuestions(it, it.Themes[0].Theme.ID)...)
	cands = append(cands, a.gapQuestions(&it)...)
	return rank(cands), fs
}
