package questions

import (
	"math"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus/english"
)

// lineAsk are the kinds of fact whose question is best asked in the
// words of the theme's line of enquiry; targets, ratings, delays, costs
// and concerns keep their own asks (why, what is being done, by when).
var lineAsk = map[figures.FactKind]bool{figures.FactFigure: true, figures.FactComparison: true, figures.FactWorkforce: true, figures.FactTrend: true}

// leadIn varies how a quoted fact is introduced.
func leadIn(n int) string {
	return [...]string{"The report says", "We are told", "The report shows"}[n%3]
}

// lineFor returns the theme's line of enquiry a fact sentence engages
// most: the line sharing at least two distinctive analysed words with it,
// nil when none does.
func (a *Asker) lineFor(th *bank.Theme, sentence string) *bank.Line {
	lines := a.lineTerms(th)
	terms := termSet(sentence)
	var best *bank.Line
	bestN := 1
	for i := range th.Lines {
		n := 0
		for t := range lines[i] {
			if terms[t] {
				n++
			}
		}
		if n > bestN {
			best, bestN = &th.Lines[i], n
		}
	}
	return best
}

// lineTerms returns the distinctive analysed words of each line of a
// theme (question and signals, less words every question uses), cached.
func (a *Asker) lineTerms(th *bank.Theme) []map[string]bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if lt, ok := a.lines[th.ID]; ok {
		return lt
	}
	out := make([]map[string]bool, len(th.Lines))
	df := map[string]int{}
	for i, ln := range th.Lines {
		m := map[string]bool{}
		for _, t := range english.Terms(ln.Question + " " + strings.Join(ln.Signals, " ")) {
			if !themes.GenericTerms[t] && !lineGeneric[t] && !themes.IsNumber(t) && len(t) > 2 {
				m[t] = true
			}
		}
		for t := range m {
			df[t]++
		}
		out[i] = m
	}
	// Words most of the theme's lines use ("foster", "carer"), and the
	// words of its title, do not tell one line from another: every fact
	// about the theme shares them ("child protection" visits are not
	// child protection conferences).
	title := map[string]bool{}
	for _, t := range english.Terms(th.Title) {
		title[t] = true
	}
	for _, m := range out {
		for t := range m {
			if df[t] >= 3 && df[t]*2 >= len(th.Lines) || title[t] {
				delete(m, t)
			}
		}
	}
	if a.lines == nil {
		a.lines = map[string][]map[string]bool{}
	}
	a.lines[th.ID] = out
	return out
}

// lineGeneric are words too common in papers to tie a fact to one line.
var lineGeneric = map[string]bool{}

func init() {
	for _, w := range []string{"social", "worker", "staff", "team", "service", "agency"} {
		lineGeneric[english.Stem(w)] = true
	}
}

// themeScore returns the item's score for a theme id, 0 when absent.
func themeScore(ts []themes.ThemeMatch, id string) float64 {
	for _, t := range ts {
		if t.Theme.ID == id {
			return t.Score
		}
	}
	return 0
}

// factTheme picks the item theme a fact sentence engages most and how
// strongly (0..1). A sentence that engages none of the item's themes is
// given the item's best theme at a low fit when it carries a strong kind of
// fact, and dropped otherwise. The item theme sets how the question ranks
// within the item; topicTheme says what the question is about.
func (a *Asker) factTheme(sentence english.Analysed, ts []themes.ThemeMatch) (*bank.Theme, float64) {
	scores, _ := a.m.ScorePassage(sentence)
	return itemTheme(a.m, scores, ts)
}

func itemTheme(m *themes.Matcher, scores []float64, ts []themes.ThemeMatch) (*bank.Theme, float64) {
	var best *bank.Theme
	bestS := 0.0
	for _, t := range ts {
		ti, _ := m.Index(t.Theme.ID)
		s := scores[ti]
		if s > bestS {
			best, bestS = t.Theme, s
		}
	}
	if best == nil {
		return ts[0].Theme, 0
	}
	return best, math.Min(1, bestS/themes.EngageAt)
}

// topicTheme is the theme a fact's question is labelled with: the item
// theme the sentence engages most (from factTheme), unless the sentence
// uses another theme's signals clearly (a signal score of at least
// passageMin, as for the index's passage themes) and at least twice as
// much as the item theme's — a sentence about caseloads in an inspection
// report is about the workforce, whichever themes the whole report leads
// with. Only signals count here: the common words of a theme's questions
// ("average", "time") say too little about one sentence.
func (a *Asker) topicTheme(sentence english.Analysed, itemTh *bank.Theme) *bank.Theme {
	scores, _ := a.m.Score(sentence, true)
	own := 0.0
	if ti, ok := a.m.Index(itemTh.ID); ok {
		own = scores[ti]
	}
	best, bestS := -1, 0.0
	for ti, s := range scores {
		if s > bestS {
			best, bestS = ti, s
		}
	}
	if best < 0 || bestS < themes.PassageMin || bestS < 2*own {
		return itemTh
	}
	return a.m.Themes()[best]
}
