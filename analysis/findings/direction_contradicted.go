package findings

import (
	"math"
	"sort"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// directionContradicted finds a narrative sentence that claims a
// direction ("improving", "reduced", "stabilised") for an indicator whose
// own series goes the other way.
type directionContradicted struct{}

func (directionContradicted) Kind() string { return "direction-contradicted" }

func (directionContradicted) Doc() string {
	return "a council sentence (or the direction of travel printed beside an indicator) says it is improving, falling, rising, stable or on track, and its own series goes the other way"
}

func (c directionContradicted) Find(it *Item) []Finding {
	var out []Finding
	for _, s := range narrative(it) {
		ws := directionsIn(s.Text)
		for _, w := range ws {
			if negatedBefore(s.Text, w.pos) || aimBefore(s.Text, w.pos) {
				continue
			}
			// The indicator the clause names; the sentence's when it makes
			// one claim only ("which has improved").
			cs, ce := clauseBounds(s.Text, w.pos, w.pos+len(w.word))
			ind := matchIndicator(it, s.Text[cs:ce])
			if ind == nil && len(ws) == 1 {
				ind = matchIndicator(it, s.Text)
			}
			if ind == nil || sameText(s.Text, ind.Cite().Quote) {
				continue
			}
			shows, g, ok := contradiction(ind, w.claim)
			if !ok {
				continue
			}
			claim := clauseAround(s.Text, w.pos, w.pos+len(w.word))
			out = append(out, Finding{
				Kind:      c.Kind(),
				Severity:  severity(c.Kind(), g),
				Summary:   `The report says "` + claim + `", but its own figures show ` + shows + ".",
				Evidence:  evidence(s.Evidence(), ind.Cite()),
				Indicator: ind,
				Words:     Words{Measure: measure(ind.Name), Claim: claim, Shows: shows, Figures: shows},
			})
			break // one contradiction a sentence
		}
	}
	return append(out, c.printed(it, out)...)
}

// printed finds a direction of travel printed beside an indicator
// ("Improving") that its own series contradicts, for indicators no
// sentence has already been found contradicting.
func (c directionContradicted) printed(it *Item, found []Finding) []Finding {
	var out []Finding
	for _, ind := range councilIndicators(it) {
		ws := directionsIn(ind.Direction)
		if len(ws) == 0 || negatedBefore(ind.Direction, ws[0].pos) || foundFor(found, ind) {
			continue
		}
		shows, g, ok := contradiction(ind, ws[0].claim)
		if !ok {
			continue
		}
		dir := strings.TrimSpace(ind.Direction)
		out = append(out, Finding{
			Kind:      c.Kind(),
			Severity:  severity(c.Kind(), g),
			Summary:   `The report marks ` + measure(ind.Name) + ` as "` + dir + `", but its own figures show ` + shows + ".",
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Claim: measure(ind.Name) + " is " + strings.ToLower(dir), Shows: shows, Figures: shows},
		})
	}
	return out
}

// contradiction says what an indicator's series shows against a claim,
// and how grave that is; false when the series bears the claim out or
// cannot be judged.
func contradiction(ind *figures.Indicator, claim claimDir) (string, gravity, bool) {
	if len(ind.Values) < 2 {
		return "", gravity{}, false
	}
	n, ok := contrary(ind, claim)
	if !ok {
		return "", gravity{}, false
	}
	vs := ind.Values[len(ind.Values)-n:]
	first, last := vs[0], vs[len(vs)-1]
	g := gravity{gap: relGap(math.Abs(last.Value-first.Value), first.Value), periods: n - 1}
	if claim == claimOnTrack {
		return targetFigures(ind, last), g, true
	}
	verb := "falling"
	if last.Value > first.Value {
		verb = "rising"
	}
	return measure(ind.Name) + " " + seriesText(ind, n, verb), g, true
}

// foundDirection is a direction word found in a text, at pos.
type foundDirection struct {
	directionWord
	pos int
}

// directionsIn returns the direction words of the table a text holds, in
// the order they appear; where two overlap the one listed first wins.
func directionsIn(text string) []foundDirection {
	var out []foundDirection
	for _, w := range directionWords {
		for off := 0; off < len(text); {
			i := hasPhrase(text[off:], w.word)
			if i < 0 {
				break
			}
			i += off
			clash := false
			for _, o := range out {
				if i < o.pos+len(o.word) && o.pos < i+len(w.word) {
					clash = true
				}
			}
			if !clash {
				out = append(out, foundDirection{w, i})
			}
			off = i + len(w.word)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].pos < out[b].pos })
	return out
}

// foundFor reports whether a finding is already about an indicator.
func foundFor(fs []Finding, ind *figures.Indicator) bool {
	for _, f := range fs {
		if f.Indicator == ind {
			return true
		}
	}
	return false
}

// contrary reports whether an indicator's series goes against a claim,
// and how many of its latest values show it (at least two).
func contrary(ind *figures.Indicator, claim claimDir) (int, bool) {
	vs := ind.Values
	last, prev := vs[len(vs)-1].Value, vs[len(vs)-2].Value
	// run counts the latest values moving the same way as the last step.
	run := func(up bool) int {
		n := 2
		for i := len(vs) - 2; i > 0; i-- {
			if (vs[i].Value > vs[i-1].Value) != up || vs[i].Value == vs[i-1].Value {
				break
			}
			n++
		}
		return n
	}
	switch claim {
	case claimUp:
		if last < prev {
			return run(false), true
		}
	case claimDown:
		if last > prev {
			return run(true), true
		}
	case claimBetter:
		if polarity(ind) != figures.PolarityUnknown && worse(ind, last, prev) {
			return run(last > prev), true
		}
	case claimSteady:
		if last == prev {
			return 0, false
		}
		n := run(last > prev)
		first := vs[len(vs)-n].Value
		moved := math.Abs(last - first)
		if unitOf(ind) == "%" && moved > steadyPoints || unitOf(ind) != "%" && relGap(moved, first) > steadyRelative {
			return n, true
		}
	case claimOnTrack:
		if offTarget(ind) {
			return 2, true
		}
	}
	return 0, false
}
