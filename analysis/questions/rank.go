package questions

import (
	"sort"

	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus/english"
)

// rank orders candidates by priority, drops near-duplicates and keeps at
// most MaxQuestions, with caps per kind so that an item gets a mix.
func rank(cands []candidate) []report.Question {
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
	used := map[string]int{}
	var kept []candidate
	quotes := map[string]bool{}
	take := func(c candidate) bool {
		if used[c.q.Kind] >= caps[c.q.Kind] {
			return false
		}
		// Two questions from one quote are one question, but the gaps of a
		// theme all cite the passage that best shows the theme: they differ
		// in what they ask, and are compared on their wording below.
		if len(c.q.Evidence) > 0 && c.q.Kind != report.KindGap && quotes[c.q.Kind+"\x00"+c.q.Evidence[0].Quote] {
			return false
		}
		for _, k := range kept {
			if duplicate(k, c) {
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
		if take(c) {
			taken[i] = true
		}
	}
	for i, c := range cands {
		if len(kept) == MaxQuestions {
			break
		}
		if !taken[i] && take(c) {
			taken[i] = true
		}
	}
	// Keep the order of priority, not of selection.
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].priority > kept[j].priority })
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

// duplicate reports whether two questions are one question: most of their
// terms shared (Jaccard), or, when they cite the same page, most of the
// shorter's terms in the longer (a tracker row, "Corporate Parenting
// Panel to consider IRO caseloads ... Outstanding", and the report's
// sentence about it, "The Corporate Parenting Panel ... has not yet
// considered IRO caseloads").
func duplicate(a, b candidate) bool {
	if jaccard(a.terms, b.terms) >= dupSimilarity {
		return true
	}
	if a.q.Kind == report.KindGap || b.q.Kind == report.KindGap || len(a.q.Evidence) == 0 || len(b.q.Evidence) == 0 ||
		a.q.Evidence[0].Page != b.q.Evidence[0].Page {
		return false
	}
	short := min(len(a.terms), len(b.terms))
	return short >= minContainedTerms && float64(shared(a.terms, b.terms)) >= dupContained*float64(short)
}

// shared counts the terms in both a and b.
func shared(a, b map[string]bool) int {
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return n
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := shared(a, b)
	return float64(inter) / float64(len(a)+len(b)-inter)
}
