package findings

import (
	"math"
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
		w, pos := directionIn(s.Text)
		if pos < 0 || negatedBefore(s.Text, pos) {
			continue
		}
		ind := matchIndicator(it, s.Text)
		if ind == nil || len(ind.Values) < 2 || sameText(s.Text, ind.Evidence.Quote) {
			continue
		}
		n, ok := contrary(ind, w.claim)
		if !ok {
			continue
		}
		vs := ind.Values[len(ind.Values)-n:]
		first, last := vs[0], vs[len(vs)-1]
		verb := "falling"
		if last.Value > first.Value {
			verb = "rising"
		}
		shows := measure(ind.Name) + " " + seriesText(ind, n, verb)
		if w.claim == claimOnTrack {
			shows = targetFigures(ind, last)
		}
		claim := clauseAround(s.Text, pos, pos+len(w.word))
		out = append(out, Finding{
			Kind:      c.Kind(),
			Severity:  severity(c.Kind(), gravity{gap: relGap(math.Abs(last.Value-first.Value), first.Value), periods: n - 1}),
			Summary:   `The report says "` + claim + `", but its own figures show ` + shows + ".",
			Evidence:  evidence(s.Evidence(), ind.Evidence),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Claim: claim, Shows: shows, Figures: shows},
		})
	}
	return append(out, c.printed(it, out)...)
}

// printed finds a direction of travel printed beside an indicator
// ("Improving") that its own series contradicts, for indicators no
// sentence has already been found contradicting.
func (c directionContradicted) printed(it *Item, found []Finding) []Finding {
	var out []Finding
	for _, ind := range councilIndicators(it) {
		w, pos := directionIn(ind.Direction)
		if pos < 0 || len(ind.Values) < 2 || negatedBefore(ind.Direction, pos) || foundFor(found, ind) {
			continue
		}
		n, ok := contrary(ind, w.claim)
		if !ok {
			continue
		}
		vs := ind.Values[len(ind.Values)-n:]
		verb := "falling"
		if vs[len(vs)-1].Value > vs[0].Value {
			verb = "rising"
		}
		shows := measure(ind.Name) + " " + seriesText(ind, n, verb)
		if w.claim == claimOnTrack {
			shows = targetFigures(ind, vs[len(vs)-1])
		}
		claim := measure(ind.Name) + " is " + strings.ToLower(strings.TrimSpace(ind.Direction))
		out = append(out, Finding{
			Kind:      c.Kind(),
			Severity:  severity(c.Kind(), gravity{gap: relGap(math.Abs(vs[len(vs)-1].Value-vs[0].Value), vs[0].Value), periods: n - 1}),
			Summary:   `The report marks ` + measure(ind.Name) + ` as "` + strings.TrimSpace(ind.Direction) + `", but its own figures show ` + shows + ".",
			Evidence:  evidence(ind.Evidence),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Claim: claim, Shows: shows, Figures: shows},
		})
	}
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

// directionIn returns the first direction word of the table a text
// holds, and its offset, or -1.
func directionIn(text string) (directionWord, int) {
	for _, w := range directionWords {
		if i := hasPhrase(text, w.word); i >= 0 {
			return w, i
		}
	}
	return directionWord{}, -1
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
		if ind.Unit == "%" && moved > steadyPoints || ind.Unit != "%" && relGap(moved, first) > steadyRelative {
			return n, true
		}
	case claimOnTrack:
		if offTarget(ind) {
			return 2, true
		}
	}
	return 0, false
}
