package questions

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/english"
)

// Limits on the questions of one item.
const (
	MaxQuestions  = 12
	MinQuestions  = 5
	maxEvidenceQs = 9
	maxGapQs      = 3
	maxFollowupQs = 4
	// maxInspectionFollowups is maxFollowupQs for an inspection report.
	maxInspectionFollowups = 7
	maxFactWords           = 28   // words of a fact quoted inside a question
	factRunOn              = 6    // words a quoted fact may run on to finish its clause
	dupSimilarity          = 0.55 // Jaccard of analysed terms above which two questions are duplicates
	maxGapThemes           = 2    // gaps are asked for the item's best themes only
	inspectionBump         = 1.5
	relaxTo                = 8 // questions an item may reach once the caps per kind are relaxed
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
	InRecs  map[int]bool
	present map[bank.EvidenceKind]bool // memo of has
	low     string                     // all, lower-cased, for has
}

// Build returns the ranked questions for an item.
func (a *Asker) Build(it Input) []report.Question {
	if len(it.Themes) == 0 {
		return nil
	}
	var cands []candidate
	facts, insp, inRecs := it.Facts, it.Insp, it.InRecs
	usedLines := map[string]bool{}
	for i, f := range facts {
		if len(strings.Fields(f.Quote)) < 5 {
			continue // too little to quote ("RESOLVED: That", a heading)
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
	if insp != nil {
		cands = append(cands, inspectionQuestions(insp, it)...)
	}
	return rank(cands, insp != nil)
}

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

// phrase words an evidence or follow-up question around a fact. The fact
// is quoted, so the question names exactly what the report says; the ask
// depends on the kind of fact and varies with n so that a list of
// questions does not read as one template.
func phrase(f figures.Fact, minutes, inspection bool, th *bank.Theme, n int) string {
	q := shortFact(f)
	if q == "" {
		return ""
	}
	pick := func(opts ...string) string { return fmt.Sprintf(opts[n%len(opts)], q) }
	switch f.Kind {
	case figures.FactTrend:
		return pick(
			"The report says %s. What is behind that change, and do we expect it to continue?",
			"We are told %s. Why has this moved, and is it where we want it to be?",
		)
	case figures.FactComparison:
		return pick(
			"The report says %s. What explains the difference from other councils, and what would close the gap?",
			"Set against other councils, we read %s. Is that gap a concern, and what are we doing about it?",
		)
	case figures.FactTarget:
		return pick(
			"The report shows %s. Why is the target being missed, what is being done, and by when will it be met?",
			"On targets, the report says %s. What will it take to meet the target, and when will members see it met?",
		)
	case figures.FactRAG:
		rating := "red or amber"
		if m := strings.ToLower(f.Match); m == "red" || m == "amber" {
			rating = m
		}
		return pick(
			"This is rated "+rating+": %s. What would make it green, who is responsible, and by when?",
			"The report rates %s as "+rating+". What is going wrong, and when will it be back on track?",
		)
	case figures.FactDelay:
		if !strings.Contains(strings.ToLower(f.Match), "wait") {
			// Slippage, not a queue of children: ask about the delay.
			return pick(
				"The report says %s. What is causing the delay, what is the new date, and what does it mean for children in the meantime?",
				"We read that %s. Why has this slipped, and when will it be put right?",
			)
		}
		return pick(
			"The report says %s. What is causing the delay, what is the new date, and what does it mean for children in the meantime?",
			"We read that %s. How long will children be waiting, and what is being done to shorten it?",
		)
	case figures.FactWorkforce:
		return pick(
			"The report says %s. What does this mean for the children these staff work with, and what is being done about it?",
			"On staffing, we read that %s. How does that compare with similar councils, and what is the plan?",
		)
	case figures.FactCost:
		return pick(
			"The report says %s. What is driving this, and how will it be managed without weakening help for children?",
			"We are told %s. Which placements or services are behind it, and what is the plan to bring it back in line?",
		)
	case figures.FactConcern:
		return pick(
			"The report finds %s. What is being done about it, by when, and how will members know it is fixed?",
			"We read that %s. Why is this, and what would good look like a year from now?",
		)
	case figures.FactRecommendation:
		if inspection {
			return pick(
				"The inspectors asked for improvement here: %s. What has been done since, and how do we know it is working?",
				"On the inspection finding %s, what is in the improvement plan, who owns it, and when will members see progress?",
			)
		}
		return pick(
			"The report recommends %s. Has this been acted on, and how will members know it has made a difference?",
			"On the recommendation %s, who is responsible, by when, and what evidence will show it has worked?",
		)
	case figures.FactResolution:
		if minutes {
			return pick(
				"The minutes record %s. Has this happened, and what did members learn from it?",
				"Members asked for this last time: %s. Has it come back, and did it answer the question?",
			)
		}
		return pick(
			"The report commits to %s. When will members see it, and what will it need to show?",
			"Members are promised %s. What should that report tell us, and when will it come?",
		)
	case figures.FactProposal:
		return pick(
			"The report proposes %s. What will this change for children, and how will members know it is working?",
			"On the proposal %s, what will success look like in a year, and when will members hear how it is going?",
		)
	case figures.FactAction:
		switch m := strings.ToLower(f.Match); {
		case m == "outstanding" || m == "overdue" || m == "not started" || m == "delayed" || m == "behind" || strings.HasPrefix(m, "not yet"):
			return pick(
				"The tracker shows this still open: %s. Why has it not been done, and when will it be?",
				"This is still outstanding: %s. What is holding it up, and what date should members hold officers to?",
			)
		case m == "in progress":
			return fmt.Sprintf("This is in progress: %s. When will it be finished, and what will members see when it is?", q)
		case m == "completed" || m == "complete" || m == "done" || m == "achieved":
			return fmt.Sprintf("This is marked %s: %s. Has it made the difference intended, and what is the evidence?", m, q)
		}
		return pick(
			"The action plan lists %s. Is it done, is it working, and what is the evidence?",
			"On the action %s, has the date been met, and what difference has it made for children?",
		)
	default:
		if f.Percent {
			return pick(
				"The report says %s. How does that compare with similar councils and the England average?",
				"We are told %s. Is that better or worse than last year, and than similar councils?",
			)
		}
		if !childFacing[th.ID] {
			return pick(
				"The report says %s. Is that where we want it to be, and how does it compare with last year?",
				"We are told %s. What should members read into that figure, and how does it compare with other councils?",
			)
		}
		return pick(
			"The report says %s. Is that enough for the children who need it, and how does it compare with last year?",
			"We are told %s. What does that figure tell us about how well children are served, and how do we compare with similar councils?",
		)
	}
}

// childFacing are the themes about services children receive, where a
// figure is asked about in terms of children; the others (governance,
// schools' funding, scrutiny itself) get plainer asks.
var childFacing = map[string]bool{
	"early-help": true, "child-protection": true, "voice-of-child": true, "lac-commissioning": true,
	"lac-education": true, "lac-health": true, "placement-stability": true, "adoption": true,
	"fostering": true, "residential-care": true, "care-leavers": true, "workforce": true,
	"school-performance": true, "school-place-planning": true,
}

// shortFact is the fact as quoted inside a question, in quotation marks:
// the quote cut to at most maxFactWords words around the words that made
// it a fact, at the edges of clauses where it can, with an ellipsis where
// words are left out.
func shortFact(f figures.Fact) string {
	q := f.Quote
	words := strings.Fields(q)
	head, tail := "", ""
	if len(words) > maxFactWords+factRunOn {
		at := strings.Index(q, f.Match)
		start, end := 0, len(words)
		if at > 0 {
			start = len(strings.Fields(q[:at]))
			end = start + len(strings.Fields(f.Match))
		}
		lo := 0
		if end > maxFactWords {
			// Begin at the earliest clause that leaves room for the fact,
			// so that the fact keeps what it is about.
			lo = max(0, start-maxFactWords/3)
			for i := max(1, end-maxFactWords+1); i <= start; i++ {
				if clauseEnd(words[i-1]) {
					lo = i
					break
				}
			}
		}
		hi := min(len(words), lo+maxFactWords)
		// End at the end of a clause when one closes after the fact, or
		// run on a few words to finish the clause or the sentence rather
		// than stop mid-phrase ("a standard of 26 ..." for "26 weeks").
		cut := false
		for i := hi; i >= max(end, lo+maxFactWords/2); i-- {
			if clauseEnd(words[i-1]) {
				hi, cut = i, true
				break
			}
		}
		for i := hi + 1; !cut && i <= min(len(words), hi+factRunOn); i++ {
			if i == len(words) || clauseEnd(words[i-1]) {
				hi, cut = i, true
			}
		}
		if lo > 0 {
			head = "… "
		}
		if hi < len(words) {
			tail = " …"
		}
		words = words[lo:hi]
	}
	s := strings.TrimRight(strings.Join(words, " "), ".,;: ")
	if s == "" {
		return ""
	}
	return "“" + head + s + tail + "”"
}

// clauseEnd reports whether a word closes a clause (a comma, semicolon
// or colon after it).
func clauseEnd(w string) bool {
	return strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":")
}

// Vocabulary tests for what an item says nothing about, as phrases
// looked for in the item's lower-cased text (plain substring tests keep a
// 250-page pack fast).
var (
	hasComparison = []string{"statistical neighbour", "national average", "england average", "regional average", "north west average", "south east average", "london average", "comparator", "similar councils", "similar authorities", "similar local authorities", "other councils", "other authorities", "other local authorities", "benchmark", "nationally", "national figure", "national rate", "national data", "national picture", "england average", "for england", "in england", "(england ", "england rate", "england figure", "england's"}
	// hasViews are signs of children's and young people's own views: the
	// guidance asks for theirs, so a survey of carers or staff does not
	// count.
	hasViews     = []string{"children told us", "young people told us", "children said", "young people said", "children and young people said", "children say", "young people say", "children's views", "young people's views", "views of children", "views of young people", "views of the child", "child's views", "children in care council", "care leavers forum", "care leavers' forum", "youth council", "voice of the child", "child's voice", "children's voice", "young people's voice", "wishes and feelings", "survey of children", "survey of young people", "children's survey", "young people's survey", "participation", "care ambassador", "advocacy", "advocate", "what children think", "what young people think", "what children want", "what young people want", "bright spots", "mind of my own", "listened to children", "listening to children", "listen to children", "consulted children", "consulted young people"}
	hasTrend     = []string{"last year", "previous year", "previous financial year", "up from", "down from", "increased from", "decreased from", "fell from", "rose from", "year on year", "since 20", "over the last", "over the past", "the year before", "a year earlier"}
	hasPlanWord  = []string{"timescale", "deadline", "review date", "by the end of", "by q1", "by q2", "by q3", "by q4"}
	hasPlanOwner = []string{" lead ", " lead,", "owner", "responsible officer", "responsible manager", "service manager", "head of service", "action plan", "improvement plan"}
	hasOutcome   = []string{"outcomes for", "outcome for", "impact on", "impact of", "difference it has made", "difference this has made", "difference they have made", "difference it made", "improved outcomes", "better outcomes", "as a result", "evidence of", "evidence shows", "children are now", "children were now", "fewer children", "more children"}
	hasActivity  = []string{"training", "meeting", "event", "session", "workshop", "campaign", "course", "visit", "briefing"}
	months       = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)

// countAny counts occurrences of the phrases in s, stopping at limit.
func countAny(s string, phrases []string, limit int) int {
	n := 0
	for _, p := range phrases {
		n += strings.Count(s, p)
		if n >= limit {
			return n
		}
	}
	return n
}

// countDates counts month-and-year dates ("march 2027", "oct 18", "jan
// '19") in lower-cased text, stopping at limit.
func countDates(s string, limit int) int {
	n := 0
	for _, m := range months {
		for off := 0; ; {
			i := strings.Index(s[off:], m+" ")
			if i < 0 {
				break
			}
			j := off + i + len(m) + 1
			if (off+i == 0 || !figures.IsLetter(s[off+i-1])) && j+1 < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '\'') {
				n++
				if n >= limit {
					return n
				}
			}
			off = j
		}
	}
	return n
}

// gap is one kind of evidence the guidance expects.
type gap struct {
	kind  bank.EvidenceKind
	texts []string // question wordings, %s = topic
}

// gapText words a gap question about a topic: not "the work on this
// committee's work".
func gapText(tmpl, topic string) string {
	if strings.HasSuffix(topic, " work") {
		tmpl = strings.Replace(tmpl, "the work on %s", "%s", 1)
	}
	return fmt.Sprintf(tmpl, topic)
}

var gaps = []gap{
	{bank.Comparison, []string{
		"The report does not compare the figures on %s with similar councils or the England average. How do we compare, and what does that tell us?",
		"There is no comparison here with statistical neighbours or national figures for %s. Are we doing better or worse than similar councils?",
	}},
	{bank.Views, []string{
		"The report does not say what children and families think about %s. What have they told us, and what has changed because of it?",
		"We hear nothing from children themselves about %s. How are their views gathered, and what do they say?",
	}},
	{bank.Outcome, []string{
		"The report describes activity on %s but not the difference it has made for children. What has improved for them, and how do we know?",
		"Beyond the activity listed, what outcomes for children has the work on %s achieved, and what is the evidence?",
	}},
	{bank.Trend, []string{
		"The report gives no earlier figures for %s. Are things getting better or worse over the last few years?",
		"Without previous years' figures for %s we cannot see the direction of travel. What is the trend, and what is driving it?",
	}},
	{bank.Plan, []string{
		"The report sets out no actions with dates and owners for %s. What will be done, by whom and by when, and how will members follow it?",
		"There is no timetable here for %s. Who is accountable, what are the milestones, and when should members expect a report back?",
	}},
}

// has reports whether the item's text gives evidence of a kind, testing
// each kind once per item.
func (it *Input) has(kind bank.EvidenceKind) bool {
	if it.present == nil {
		it.present = map[bank.EvidenceKind]bool{}
	}
	v, ok := it.present[kind]
	if !ok {
		if it.low == "" {
			it.low = strings.ToLower(it.All)
		}
		v = present(kind, it.low)
		it.present[kind] = v
	}
	return v
}

// present reports whether an item's lower-cased text gives evidence of a
// kind.
func present(kind bank.EvidenceKind, text string) bool {
	switch kind {
	case bank.Comparison:
		return countAny(text, hasComparison, 1) >= 1
	case bank.Views:
		return countAny(text, hasViews, 1) >= 1
	case bank.Trend:
		return countAny(text, hasTrend, 1) >= 1 || reYearSeries.MatchString(text)
	case bank.Plan:
		return countDates(text, 2)+countAny(text, hasPlanWord, 2) >= 2 && countAny(text, hasPlanOwner, 1) >= 1
	case bank.Outcome:
		return countAny(text, hasOutcome, 2) >= 2 || countAny(text, hasActivity, 1) == 0
	}
	return true
}

// reYearSeries finds figures given over several years: a table header of
// years side by side ("2024  2025  2026", "2024/25 2025/26") or a span of
// years ("2024 to 2026", "between 2022 and 2025").
var reYearSeries = regexp.MustCompile(`\b20\d\d(?:/\d\d)?[ \t]+20\d\d(?:/\d\d)?\b|\b20\d\d(?:/\d\d)? to 20\d\d\b|between 20\d\d(?:/\d\d)? and 20\d\d`)

// gapQuestions asks, for the item's best themes, about the kinds of
// evidence the theme's lines of enquiry expect and the item does not give.
func (a *Asker) gapQuestions(it *Input) []candidate {
	var out []candidate
	n := 0
	for ti, tm := range it.Themes {
		if ti == maxGapThemes {
			break
		}
		want := map[bank.EvidenceKind]bool{}
		for _, ln := range tm.Theme.Lines {
			for _, e := range ln.Evidence {
				want[e] = true
			}
		}
		ev := a.bestEvidence(*it, tm)
		if ev == nil {
			continue
		}
		for gi, g := range gaps {
			if !want[g.kind] || it.has(g.kind) {
				continue
			}
			text := gapText(g.texts[n%len(g.texts)], topic(tm.Theme))
			n++
			out = append(out, candidate{
				q:        report.Question{Text: text, Theme: tm.Theme.ID, Kind: report.KindGap, Evidence: []report.Evidence{*ev}},
				priority: (1.9 - 0.1*float64(gi)) * (0.5 + tm.Score) * (1 - 0.25*float64(ti)),
			})
		}
	}
	return out
}

// bestEvidence cites the sentence of the item that most engages a theme,
// from the passages that engage it most.
func (a *Asker) bestEvidence(it Input, tm themes.ThemeMatch) *report.Evidence {
	ti, _ := a.m.Index(tm.Theme.ID)
	var best *report.Evidence
	bestS := 0.0
	for k, ps := range tm.Passages {
		if k == 3 {
			break
		}
		p := it.Passages[ps.Passage]
		for _, sp := range figures.Spans(p.Text) {
			raw := p.Text[sp.Start:sp.End]
			sent := figures.Clean(raw)
			if sp.Table {
				sent = figures.CleanRow(raw)
			}
			if len(sent) < 20 {
				continue
			}
			scores, _ := a.m.ScorePassage(english.Analyse(sent))
			if s := scores[ti]; s > bestS {
				bestS = s
				best = &report.Evidence{Page: p.Page, PrintedPage: p.PrintedPage, Quote: figures.QuoteAround(sent, 0, 0)}
			}
		}
	}
	return best
}

func topic(th *bank.Theme) string { return th.TopicName() }

// rank orders candidates by priority, drops near-duplicates and keeps at
// most MaxQuestions, with caps per kind so that an item gets a mix.
func rank(cands []candidate, inspection bool) []report.Question {
	for i := range cands {
		// report.Evidence and follow-up questions are compared on what they cite
		// (their wording shares a few templates); gaps on their wording.
		if cands[i].q.Kind != report.KindGap && len(cands[i].q.Evidence) > 0 {
			cands[i].terms = termSet(cands[i].q.Evidence[0].Quote)
		} else {
			cands[i].terms = termSet(cands[i].q.Text)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].priority > cands[j].priority })
	caps := map[string]int{report.KindEvidence: maxEvidenceQs, report.KindGap: maxGapQs, report.KindFollowup: maxFollowupQs}
	if inspection {
		// An inspection report's follow-ups are the reactive questions and
		// each point of what needs to improve: members follow all of them.
		caps[report.KindFollowup] = maxInspectionFollowups
	}
	used := map[string]int{}
	var kept []candidate
	quotes := map[string]bool{}
	take := func(c candidate, capped bool) bool {
		if capped && used[c.q.Kind] >= caps[c.q.Kind] {
			return false
		}
		// Two questions from one quote are one question, but the gaps of a
		// theme all cite the passage that best shows the theme: they differ
		// in what they ask, and are compared on their wording below.
		if len(c.q.Evidence) > 0 && c.q.Kind != report.KindGap && quotes[c.q.Kind+"\x00"+c.q.Evidence[0].Quote] {
			return false
		}
		for _, k := range kept {
			if jaccard(k.terms, c.terms) >= dupSimilarity {
				return false
			}
		}
		kept = append(kept, c)
		used[c.q.Kind]++
		if len(c.q.Evidence) > 0 {
			quotes[c.q.Kind+"\x00"+c.q.Evidence[0].Quote] = true
		}
		return true
	}
	taken := map[int]bool{}
	// First the best question of each theme, so that an item's second
	// and third themes are asked about too.
	seenTheme := map[string]bool{}
	for i, c := range cands {
		if seenTheme[c.group()] {
			continue
		}
		seenTheme[c.group()] = true
		if take(c, true) {
			taken[i] = true
		}
	}
	for i, c := range cands {
		if len(kept) == MaxQuestions {
			break
		}
		if !taken[i] && take(c, true) {
			taken[i] = true
		}
	}
	// Keep the order of priority, not of selection.
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].priority > kept[j].priority })
	// Few after the caps: relax them, up to a middling list.
	for i, c := range cands {
		if len(kept) >= relaxTo {
			break
		}
		if !taken[i] {
			take(c, false)
		}
	}
	out := make([]report.Question, len(kept))
	for i, k := range kept {
		out[i] = k.q
	}
	return out
}

func termSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range english.Terms(s) {
		m[t] = true
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for t := range a {
		if b[t] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
