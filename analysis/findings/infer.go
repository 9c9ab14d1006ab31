package findings

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// This file completes what a reader of figures may leave blank, from the
// report's own words, before the checks run (Find calls prepare): a name
// given as a reference code, a rating printed in the row but not read, a
// polarity the report implies, and a sentence that only repeats a table
// row. Each inference uses what the report itself prints; none guesses.

// prepare returns a copy of an item whose indicators are completed: the
// item itself is left as it was.
func prepare(it *Item) *Item {
	cp := *it
	cp.Indicators = make([]figures.Indicator, 0, len(it.Indicators))
	for _, ind := range it.Indicators {
		ind.Name = nameOf(&ind)
		if ind.RAG == "" {
			ind.RAG = printedRAG(&ind)
		}
		cp.Indicators = append(cp.Indicators, ind)
	}
	for i := range cp.Indicators {
		ind := &cp.Indicators[i]
		if ind.Polarity == figures.PolarityUnknown {
			ind.Polarity = impliedPolarity(ind)
		}
	}
	for i := range cp.Indicators {
		ind := &cp.Indicators[i]
		if ind.Polarity == figures.PolarityUnknown && !ind.Table {
			if sib := sibling(&cp, ind); sib != nil {
				ind.Polarity = sib.Polarity
				if mentionScore(ind.Name, sib) == 0 {
					ind.Name = sib.Name // the reader named it from the sentence's opening words
				}
			}
		}
	}
	cp.Indicators = dropRepeats(cp.Indicators)
	return &cp
}

var (
	// reCode is a reference code standing for a measure's name ("CS04",
	// "2.1", "KPI 7").
	reCode = regexp.MustCompile(`^(?:[A-Z]{1,4}[ -]?\d{1,3}[a-z]?|\d{1,2}(?:\.\d{1,2})*|KPI ?\d+)$`)
	// reNameEnd ends a name inside a printed row: a polarity cell, or the
	// first of a run of figures (a lone number, "within 15 working days",
	// is part of the name).
	reNameEnd = regexp.MustCompile(`\s(?:High|Low)(?:\s|$)|\s(?:n/a|-?\d[\d,]*(?:\.\d+)?%?)\s+(?:n/a|-?\d)`)
	// reLetters is a word of letters.
	reLetters = regexp.MustCompile(`[A-Za-z]{3,}`)
	// reRatedWord is a rating said in words ("and is rated Red").
	reRatedWord = regexp.MustCompile(`(?i)\b(?:rated|rating of|rag(?: rated| status| rating)?(?: is| of)?:?|is|are|remains?)\s+(red|amber|green)\b`)
	// reRatingCell is a rating printed as a cell of a row.
	reRatingCell = regexp.MustCompile(`(?:^|\s)(Red|Amber|Green|RED|AMBER|GREEN)(?:\s|$)`)
	// reGoodIs is a "good is" cell printed right after a measure's name.
	reGoodIs = regexp.MustCompile(`^\s*(?:\(%\)\s*)?(High|Low|Higher|Lower)\b`)
)

// nameOf is an indicator's name, or the words its printed row gives after
// a reference code when the reader named it by its code ("CS04" becomes
// "Initial child protection conferences within 15 working days (%)").
func nameOf(ind *figures.Indicator) string {
	name := strings.TrimSpace(ind.Name)
	row := strings.TrimSpace(ind.Row.Quote)
	if !reCode.MatchString(name) || !strings.HasPrefix(row, name) {
		return ind.Name
	}
	rest := strings.TrimSpace(row[len(name):])
	if loc := reNameEnd.FindStringIndex(rest); loc != nil {
		rest = rest[:loc[0]]
	}
	if !reLetters.MatchString(rest) {
		return ind.Name
	}
	return strings.TrimSpace(rest)
}

// printedRAG is the rating an indicator's printed row or sentence gives
// when the reader read none: a rating cell of a table row, or "rated Red"
// in a sentence.
func printedRAG(ind *figures.Indicator) figures.RAG {
	row := ind.Row.Quote
	m := reRatedWord.FindStringSubmatch(row)
	if m == nil && ind.Table {
		m = reRatingCell.FindStringSubmatch(row)
	}
	if m == nil {
		return ""
	}
	return figures.RAG(strings.ToLower(m[1]))
}

// impliedPolarity is the polarity the report implies for an indicator:
// its topic's (caseloads are better lower), a "good is" cell printed
// after its name, or the side of its target its own rating calls worse
// (rated red below target: higher is better).
func impliedPolarity(ind *figures.Indicator) figures.Polarity {
	if p := polarity(ind); p != figures.PolarityUnknown {
		return p
	}
	row := strings.TrimSpace(ind.Row.Quote)
	if name := strings.TrimSpace(ind.Name); name != "" && strings.HasPrefix(row, name) {
		if m := reGoodIs.FindStringSubmatch(row[len(name):]); m != nil {
			if strings.HasPrefix(m[1], "High") {
				return figures.HigherIsBetter
			}
			return figures.LowerIsBetter
		}
	}
	v, ok := ind.Latest()
	if !ok || !ind.HasTarget || v.Value == ind.Target {
		return figures.PolarityUnknown
	}
	below := v.Value < ind.Target
	switch ind.RAG {
	case figures.Red, figures.Amber:
		if below {
			return figures.HigherIsBetter
		}
		return figures.LowerIsBetter
	case figures.Green:
		if below {
			return figures.LowerIsBetter
		}
		return figures.HigherIsBetter
	}
	return figures.PolarityUnknown
}

// sibling is the table indicator of the item that measures what a
// sentence indicator does: its sentence names it, and it has a polarity.
func sibling(it *Item, ind *figures.Indicator) *figures.Indicator {
	var best *figures.Indicator
	bestN := 0
	for i := range it.Indicators {
		o := &it.Indicators[i]
		if o == ind || !o.Table || o.Polarity == figures.PolarityUnknown || unitOf(o) != unitOf(ind) && unitOf(o) != "" && unitOf(ind) != "" {
			continue
		}
		if n := mentionScore(ind.Cite().Quote, o); n > bestN {
			best, bestN = o, n
		}
	}
	return best
}

// dropRepeats leaves out a sentence indicator that repeats a table one:
// its sentence names the table's measure and gives the same latest value,
// and no target the table lacks.
// The table row is the one to cite, and one finding is enough.
func dropRepeats(inds []figures.Indicator) []figures.Indicator {
	out := inds[:0:0]
	for i := range inds {
		ind := &inds[i]
		repeat := false
		if v, ok := ind.Latest(); ok && !ind.Table {
			for j := range inds {
				o := &inds[j]
				w, wok := o.Latest()
				if o.Table && wok && w.Value == v.Value && (o.HasTarget || !ind.HasTarget) && mentionScore(ind.Cite().Quote, o) > 0 {
					repeat = true
					break
				}
			}
		}
		if !repeat {
			out = append(out, *ind)
		}
	}
	return out
}

// reAnaphor opens a sentence that leans on the one before ("This is
// broadly in line with ...", "The grant ends ..."), or one the reader cut
// from it ("these savings is now at risk").
var reAnaphor = regexp.MustCompile(`^(?:(?:This|These|That|Those|It|They|The (?:grant|funding|saving|savings|figure|rate|number|proportion))\b|[a-z])`)

// minAntecedent is the fewest words a sentence leaned on has.
const minAntecedent = 4

// antecedent returns the council sentence before s in the item when s
// leans on it, and false otherwise.
func antecedent(it *Item, s figures.Sentence) (figures.Sentence, bool) {
	if !reAnaphor.MatchString(strings.TrimSpace(s.Text)) {
		return figures.Sentence{}, false
	}
	for i := range it.Sentences {
		if it.Sentences[i].Text == s.Text && it.Sentences[i].Page == s.Page {
			for j := i - 1; j >= 0; j-- {
				// A fragment the reader cut off ("2026.") is passed over.
				if p := it.Sentences[j]; p.Owner == figures.OwnerCouncil && len(strings.Fields(p.Text)) >= minAntecedent {
					return p, true
				}
			}
			return figures.Sentence{}, false
		}
	}
	return figures.Sentence{}, false
}
