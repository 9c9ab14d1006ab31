// Package themes matches a paper's items and passages against the themes
// of the line-of-enquiry bank: BM25-style scores over the shared English
// analysis, calibrated to [0, 1], and the selection of an item's two to
// five themes. SCORES.md in the analysis folder explains the model.
package themes

import (
	"math"
	"sort"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/english"
)

// Weights and constants of the matching model. SCORES.md explains them.
var (
	// lineWeight is the weight of a content word of a line of enquiry (or
	// of the theme's title) relative to a signal.
	lineWeight = 0.3
	// phraseBonus is the extra weight per extra term of a multi-word
	// signal: a phrase is more specific than its words.
	phraseBonus = 0.5
	// bm25K1 and bm25B are the BM25 saturation and length-normalisation
	// parameters; avgPassageTerms is the passage length (analysed terms)
	// at which no length correction applies.
	bm25K1          = 1.2
	bm25B           = 0.5
	avgPassageTerms = 60.0
	// EngageAt is the passage score at which a passage fully engages a
	// theme (roughly two specific signals, or one signal used three times
	// in a normal-length passage).
	EngageAt = 4.0
	// attrPower shares a passage's engagement among themes in proportion
	// to their scores raised to this power.
	attrPower = 2.0
	// headingWeight is the weight of a passage's section heading in its
	// score.
	headingWeight = 0.5
	// titleShare is the share an item's title adds to a theme it names.
	titleShare = 0.1
	// halfShare is the share of an item's text engaging a theme that maps
	// to a score of 0.5 ("a substantial part of the item").
	halfShare = 0.15
	// coverageScale sets how fast the coverage factor grows with the
	// number of distinct signals an item uses: 1 - exp(-n/coverageScale).
	coverageScale = 1.5
	// minTheme and relTheme select an item's themes: a score of at least
	// minTheme and at least relTheme times the best score; at most
	// MaxThemes themes.
	minTheme  = 0.35
	relTheme  = 0.3
	MaxThemes = 5
	// secondTheme is the least score of an item's first two themes.
	secondTheme = 0.3
	// PassageMin is the passage score from which a passage is said to be
	// about a theme (PassageThemes), maxPassageThemes the most it reports.
	PassageMin       = 0.6 * EngageAt
	maxPassageThemes = 3
	// factMin and factFloor: a theme that at least factMin of an item's
	// facts are about, and whose text score is at least factFloor, scores
	// at least what its share of the facts gives (withFacts).
	factMin   = 3
	factFloor = 0.15
)

// feature is one thing a theme matches: an analysed signal (a term
// sequence, or a single jargon key), or a content word of its lines.
type feature struct {
	theme  int
	terms  []string // analysed terms matched in sequence; one term for keys
	weight float64  // idf * kind weight * phrase bonus
	label  string   // the signal as written, for evidence
	signal bool     // a signal rather than a line word
}

// Matcher scores text against the themes of a bank. It is safe for
// concurrent use once built.
type Matcher struct {
	themes []*bank.Theme
	byID   map[string]int
	// byFirst indexes features by their first analysed term (or jargon
	// key).
	byFirst map[string][]*feature
}

// NewMatcher builds a matcher from a bank. Each theme's signals are
// analysed with the same chain as the index (english.Analyze, then
// english.Expand): a signal that is wholly one jargon group matches through
// the group's key, so "LAC" and "children in care" meet; any other signal
// matches as its sequence of analysed terms. Content words of the theme's
// title and lines of enquiry match too, at lineWeight. Every feature is
// weighted by an inverse document frequency learned from the bank itself:
// ln(1 + T/df), where T is the number of themes and df the number of themes
// that use the feature, so a word every theme uses counts for little.
func NewMatcher(b *bank.Bank) *Matcher {
	m := &Matcher{byID: map[string]int{}, byFirst: map[string][]*feature{}}
	if b == nil {
		return m
	}
	m.themes = b.Themes
	var all []*feature
	df := map[string]map[int]bool{}
	add := func(f *feature) {
		k := strings.Join(f.terms, " ")
		if df[k] == nil {
			df[k] = map[int]bool{}
		}
		df[k][f.theme] = true
		all = append(all, f)
	}
	for ti, th := range b.Themes {
		m.byID[th.ID] = ti
		// The theme's signals and its lines' signals are one vocabulary;
		// each analysed signal counts once.
		seen := map[string]bool{}
		addSignals := func(signals []string) {
			for _, s := range signals {
				terms := signalTerms(s)
				if degenerate(s, terms) {
					continue
				}
				k := strings.Join(terms, " ")
				if len(terms) == 0 || seen[k] {
					continue
				}
				seen[k] = true
				add(&feature{theme: ti, terms: terms, label: s, signal: true})
			}
		}
		addSignals(th.Signals)
		for _, ln := range th.Lines {
			addSignals(ln.Signals)
		}
		words := []string{th.Title}
		for _, ln := range th.Lines {
			words = append(words, ln.Question)
		}
		for _, w := range words {
			for _, tok := range english.Expand(english.Analyze(w)) {
				if seen[tok.Term] || IsNumber(tok.Term) || GenericTerms[tok.Term] {
					continue
				}
				seen[tok.Term] = true
				add(&feature{theme: ti, terms: []string{tok.Term}, label: tok.Term})
			}
		}
	}
	nThemes := float64(len(b.Themes))
	for _, f := range all {
		idf := math.Log(1 + nThemes/float64(len(df[strings.Join(f.terms, " ")])))
		w := idf * (1 + phraseBonus*float64(len(f.terms)-1))
		if !f.signal {
			w = idf * lineWeight
		}
		f.weight = w
		m.byFirst[f.terms[0]] = append(m.byFirst[f.terms[0]], f)
	}
	return m
}

// GenericTerms are analysed words of lines of enquiry that say nothing
// about a theme ("how do we know ...").
var GenericTerms = map[string]bool{}

func init() {
	for _, w := range []string{"know", "make", "sure", "can", "will", "get", "happen", "ask", "tell", "us", "good", "well", "much", "mani", "member", "councillor", "council", "work", "need", "improv", "support", "servic", "plan", "year", "children", "child", "young", "peopl", "person", "report", "doe", "also", "may", "use", "way", "whether", "now", "right", "enough", "sure", "often"} {
		GenericTerms[english.Stem(w)] = true
		GenericTerms[w] = true
	}
}

// signalTerms analyses a signal: a jargon key when the whole signal is one
// jargon term, else its analysed terms.
func signalTerms(s string) []string {
	toks := english.Analyze(s)
	if len(toks) == 0 {
		return nil
	}
	exp := english.Expand(toks)
	var keys []string
	for _, t := range exp {
		if strings.HasPrefix(t.Term, "syn_") {
			keys = append(keys, t.Term)
		}
	}
	if len(keys) == 1 && len(exp) == len(toks)+1 {
		// One jargon match: does it cover every term of the signal?
		ms := english.FindJargon(termsOf(toks))
		if len(ms) == 1 && ms[0].At == 0 && ms[0].Len == len(toks) {
			return keys
		}
	}
	return termsOf(toks)
}

// degenerate reports whether analysis has reduced a signal of three or
// more words to one term (a slogan such as "what if this were my child"
// would otherwise match every "child").
func degenerate(signal string, terms []string) bool {
	return len(terms) == 1 && !strings.HasPrefix(terms[0], "syn_") && len(strings.Fields(signal)) >= 3
}

func termsOf(toks []english.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}

func IsNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Themes returns the bank's themes the matcher scores, in bank order.
func (m *Matcher) Themes() []*bank.Theme { return m.themes }

// Index returns the index of a theme in Themes, and false when the bank
// has no theme of that id.
func (m *Matcher) Index(id string) (int, bool) {
	i, ok := m.byID[id]
	return i, ok
}

// PassageScore is one passage's evidence for one theme.
type PassageScore struct {
	// Passage is the index of the passage in the item.
	Passage int
	// Score is the BM25-like sum over the theme's features.
	Score float64
	// Signals are the theme's signals (as written in the bank) the passage
	// uses, most weighty first.
	Signals []string
}

// ThemeMatch is an item's evidence for one theme.
type ThemeMatch struct {
	Theme *bank.Theme
	// Score is calibrated to [0, 1]; see SCORES.md.
	Score float64
	// Share is the length-weighted share of the item's text that engages
	// the theme, in [0, 1].
	Share float64
	// Distinct is the number of distinct signals the item uses.
	Distinct int
	// Passages are the passages that use at least one of the theme's
	// signals, best first.
	Passages []PassageScore
}

// hit is one feature's count in a passage.
type hit struct {
	f  *feature
	tf int
}

// ScorePassage returns the passage's score per theme (indexed like
// m.themes) and the features it hits.
func (m *Matcher) ScorePassage(a english.Analysed) ([]float64, []hit) {
	return m.Score(a, false)
}

// Score is scorePassage, counting only the themes' signals (not the words
// of their lines of enquiry) when signalsOnly is set.
func (m *Matcher) Score(a english.Analysed, signalsOnly bool) ([]float64, []hit) {
	counts := map[*feature]int{}
	for i, t := range a.Terms {
		for _, f := range m.byFirst[t] {
			if signalsOnly && !f.signal {
				continue
			}
			if len(f.terms) == 1 {
				counts[f]++
				continue
			}
			if seqAt(a.Terms, i, f.terms) {
				counts[f]++
			}
		}
	}
	scores := make([]float64, len(m.themes))
	if len(counts) == 0 {
		return scores, nil
	}
	norm := bm25K1 * (1 - bm25B + bm25B*float64(max(a.N, 1))/avgPassageTerms)
	hits := make([]hit, 0, len(counts))
	for f, tf := range counts {
		scores[f.theme] += f.weight * float64(tf) * (bm25K1 + 1) / (float64(tf) + norm)
		hits = append(hits, hit{f, tf})
	}
	return scores, hits
}

// seqAt reports whether want occurs in terms at i, skipping jargon keys
// inside the text (they sit after the terms they stand for).
func seqAt(terms []string, i int, want []string) bool {
	j := i
	for _, w := range want {
		for j < len(terms) && strings.HasPrefix(terms[j], "syn_") && !strings.HasPrefix(w, "syn_") {
			j++
		}
		if j >= len(terms) || terms[j] != w {
			return false
		}
		j++
	}
	return true
}

// PassageThemes returns the ids of the themes a single passage is about,
// best first: those scoring at least passageMin, at most three.
func (m *Matcher) PassageThemes(text string) []string {
	scores, _ := m.ScorePassage(english.Analyse(text))
	type ts struct {
		i int
		s float64
	}
	var out []ts
	for i, s := range scores {
		if s >= PassageMin {
			out = append(out, ts{i, s})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].s != out[b].s {
			return out[a].s > out[b].s
		}
		return out[a].i < out[b].i
	})
	if len(out) > maxPassageThemes {
		out = out[:maxPassageThemes]
	}
	ids := make([]string, len(out))
	for k, t := range out {
		ids[k] = m.themes[t.i].ID
	}
	return ids
}

// Match scores an item's passages against every theme and returns the
// matches for all themes with any evidence, best first. Use Select to keep
// the themes the item is really about.
func (m *Matcher) Match(passages []corpus.Passage) []ThemeMatch {
	return m.MatchTitled("", passages)
}

// MatchTitled is Match for an item with a title: a theme the title is
// about (its title score reaches half of engageAt) has titleShare added to
// its share, since a title states what the item is for.
func (m *Matcher) MatchTitled(title string, passages []corpus.Passage) []ThemeMatch {
	nt := len(m.themes)
	if nt == 0 || len(passages) == 0 {
		return nil
	}
	engaged := make([]float64, nt) // length-weighted engagement
	distinct := make([]map[string]bool, nt)
	pscores := make([][]PassageScore, nt)
	total := 0.0
	headings := map[string][]float64{}
	for pi, p := range passages {
		a := english.Analyse(p.Text)
		if a.N == 0 {
			continue
		}
		// Very short passages (a heading, a table cell) weigh as a short
		// sentence, so that a title alone cannot claim an item.
		length := float64(max(a.N, 8))
		total += length
		scores, hits := m.ScorePassage(a)
		if p.Heading != "" && headingWeight > 0 {
			// The section heading says what the passage is part of.
			hs, ok := headings[p.Heading]
			if !ok {
				hs = m.bagScores(p.Heading)
				headings[p.Heading] = hs
			}
			for ti := range scores {
				scores[ti] += headingWeight * hs[ti]
			}
		}
		// The passage's engagement (how clearly it is about anything in the
		// bank) is shared among the themes in proportion to the square of
		// their scores, so a passage about fostering that names care
		// leavers once counts almost wholly to fostering.
		best, sum2 := 0.0, 0.0
		for _, s := range scores {
			best = math.Max(best, s)
			sum2 += math.Pow(s, attrPower)
		}
		if best == 0 {
			continue
		}
		engage := length * math.Min(1, best/EngageAt)
		for ti, s := range scores {
			if s <= 0 {
				continue
			}
			engaged[ti] += engage * math.Pow(s, attrPower) / sum2
			var sigs []hit
			for _, h := range hits {
				if h.f.theme == ti && h.f.signal {
					if distinct[ti] == nil {
						distinct[ti] = map[string]bool{}
					}
					distinct[ti][strings.Join(h.f.terms, " ")] = true
					sigs = append(sigs, h)
				}
			}
			sort.Slice(sigs, func(a, b int) bool {
				wa, wb := sigs[a].f.weight*float64(sigs[a].tf), sigs[b].f.weight*float64(sigs[b].tf)
				if wa != wb {
					return wa > wb
				}
				return sigs[a].f.label < sigs[b].f.label
			})
			if len(sigs) == 0 {
				// Only words of the theme's questions (or its heading): the
				// passage counts towards the theme's share but is not
				// evidence that the item is about it.
				continue
			}
			labels := make([]string, len(sigs))
			for k, h := range sigs {
				labels[k] = h.f.label
			}
			pscores[ti] = append(pscores[ti], PassageScore{Passage: pi, Score: s, Signals: labels})
		}
	}
	if total == 0 {
		return nil
	}
	var titled []float64
	if title != "" {
		titled = m.bagScores(title)
	}
	var out []ThemeMatch
	for ti := range m.themes {
		if len(pscores[ti]) == 0 {
			continue
		}
		share := engaged[ti] / total
		if titled != nil && titled[ti] >= EngageAt/2 {
			share = math.Min(1, share+titleShare)
		}
		d := len(distinct[ti])
		ps := pscores[ti]
		sort.SliceStable(ps, func(a, b int) bool { return ps[a].Score > ps[b].Score })
		out = append(out, ThemeMatch{
			Theme:    m.themes[ti],
			Score:    calibrate(share, d),
			Share:    share,
			Distinct: d,
			Passages: ps,
		})
	}
	sortMatches(out)
	return out
}

// sortMatches orders matches best first, by id on ties.
func sortMatches(ms []ThemeMatch) {
	sort.SliceStable(ms, func(a, b int) bool {
		if ms[a].Score != ms[b].Score {
			return ms[a].Score > ms[b].Score
		}
		return ms[a].Theme.ID < ms[b].Theme.ID
	})
}

// calibrate maps an item's engagement share and the number of distinct
// signals it uses to a score in [0, 1]. The share part is s(1+c)/(s+c)
// with c = h/(1-2h) and h = halfShare, so that a share of halfShare gives
// 0.5 and a share of 1 gives 1; the coverage part 1-exp(-d/coverageScale)
// discounts a theme carried by one repeated word.
func calibrate(share float64, distinct int) float64 {
	if share <= 0 {
		return 0
	}
	c := halfShare / (1 - 2*halfShare)
	s := share * (1 + c) / (share + c)
	cov := 1 - math.Exp(-float64(distinct)/coverageScale)
	return math.Round(s*cov*1000) / 1000
}

// Select keeps the themes an item is really about, best first, at most
// MaxThemes: each scoring at least minTheme and at least relTheme of the
// best. Items are usually about two themes or more, so the first two
// need only secondTheme. It may return none (procedural items).
func Select(ms []ThemeMatch) []ThemeMatch {
	if len(ms) == 0 {
		return nil
	}
	top := ms[0].Score
	var out []ThemeMatch
	for i, tm := range ms {
		floor := minTheme
		if i < 2 {
			floor = secondTheme
		}
		if tm.Score < floor || tm.Score < relTheme*top || len(out) == MaxThemes {
			break
		}
		out = append(out, tm)
	}
	return out
}

// FactThemes counts the facts about each theme (indexed like the
// matcher's themes): a fact is about the theme whose signals its sentence
// uses most, when they score at least passageMin. It also returns the
// number of facts counted, those long enough to quote.
func (m *Matcher) FactThemes(facts []figures.Fact) ([]int, int) {
	counts := make([]int, len(m.themes))
	n := 0
	for i := range facts {
		f := &facts[i]
		if len(strings.Fields(f.Quote)) < 5 {
			continue
		}
		n++
		scores, _ := m.Score(f.Terms(), true)
		best, bi := 0.0, -1
		for ti, s := range scores {
			if s > best {
				best, bi = s, ti
			}
		}
		if bi >= 0 && best >= PassageMin {
			counts[bi]++
		}
	}
	return counts, n
}

// WithFacts raises the score of each theme that at least factMin of the
// item's n facts are about to what its share of those facts would give
// (calibrate, with the theme's distinct signals), when its text score is
// at least factFloor, and orders the matches again. A report whose
// figures and findings keep coming back to a theme is about it even when
// the theme takes a small share of its text (caseloads in an inspection
// report).
func (m *Matcher) WithFacts(ms []ThemeMatch, counts []int, n int) []ThemeMatch {
	if n == 0 {
		return ms
	}
	out := make([]ThemeMatch, len(ms))
	copy(out, ms)
	for i := range out {
		c := counts[m.byID[out[i].Theme.ID]]
		if c < factMin || out[i].Score < factFloor {
			continue
		}
		if fs := calibrate(float64(c)/float64(n), out[i].Distinct); fs > out[i].Score {
			out[i].Score = fs
		}
	}
	sortMatches(out)
	return out
}

// bagScores scores a short text (a heading, a title) against every theme.
// A multi-word signal matches when all its terms occur close together in
// any order (each within the signal's length of its first term): headings are
// noun phrases that reorder a signal's words ("Stability of placements"
// for "placement stability", "Safeguarding Children Board" for
// "safeguarding board"), while words far apart in a long title ("social
// care ... improvement plan") do not make a "care plan". Each feature
// counts once.
func (m *Matcher) bagScores(text string) []float64 {
	scores := make([]float64, len(m.themes))
	a := english.Analyse(text)
	pos := map[string][]int{}
	k := 0
	for _, t := range a.Terms {
		if strings.HasPrefix(t, "syn_") {
			// A jargon key stands where its phrase ended.
			pos[t] = append(pos[t], k-1)
			continue
		}
		pos[t] = append(pos[t], k)
		k++
	}
	seen := map[*feature]bool{}
	for t := range pos {
		for _, f := range m.byFirst[t] {
			if seen[f] || !near(pos, f.terms) {
				continue
			}
			seen[f] = true
			scores[f.theme] += f.weight
		}
	}
	return scores
}

// near reports whether every term occurs within len(terms) positions of
// an occurrence of the first.
func near(pos map[string][]int, terms []string) bool {
	for _, t := range terms {
		if len(pos[t]) == 0 {
			return false
		}
	}
	if len(terms) == 1 {
		return true
	}
	span := len(terms) + 1
	for _, start := range pos[terms[0]] {
		ok := true
		for _, t := range terms[1:] {
			found := false
			for _, p := range pos[t] {
				if p > start-span && p < start+span {
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
