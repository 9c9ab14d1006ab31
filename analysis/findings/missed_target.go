package findings

import (
	"math"
	"strconv"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// missedTarget finds a council indicator whose latest value is worse than
// its target.
type missedTarget struct{}

func (missedTarget) Kind() string { return "missed-target" }

func (missedTarget) Doc() string {
	return "an indicator's latest value is worse than its target (polarity-aware; with unknown polarity, only when the report rates it red or amber)"
}

func (c missedTarget) Find(it *Item) []Finding {
	var out []Finding
	for _, ind := range councilIndicators(it) {
		if topicOf(ind) != "" || !offTarget(ind) || saidMet(ind) {
			continue
		}
		v, _ := ind.Latest()
		explained, planned := accounted(it, ind)
		gap := math.Abs(v.Value - ind.Target)
		fig := targetFigures(ind, v)
		out = append(out, Finding{
			Kind: c.Kind(),
			Severity: severity(c.Kind(), gravity{
				gap: targetGap(ind, gap), periods: periodsOffTarget(ind),
				red: ind.RAG == figures.Red, explained: explained, planned: planned,
			}),
			Summary:   upperFirst(fig) + " (" + gapPhrase(ind, v) + ").",
			Evidence:  evidence(ind.Cite()),
			Indicator: ind,
			Words:     Words{Measure: measure(ind.Name), Figures: fig},
		})
	}
	return out
}

// targetFigures states a value against its target: "613 approved foster
// households in Q3 against a target of 700".
func targetFigures(ind *figures.Indicator, v figures.Value) string {
	return figuresOf(ind, v) + " against a target of " + targetText(ind)
}

// gapPhrase says how far a value is from its target, in the words a
// councillor would use: "88% of target", "52 points short", "4 days
// over", or the report's rating when the polarity is unknown.
func gapPhrase(ind *figures.Indicator, v figures.Value) string {
	gap := math.Abs(v.Value - ind.Target)
	switch pol := polarity(ind); {
	case pol == figures.PolarityUnknown:
		return "rated " + ragName(ind.RAG)
	case unitOf(ind) == "%" && pol == figures.HigherIsBetter:
		return fmtPoints(gap) + " short"
	case unitOf(ind) == "%":
		return fmtPoints(gap) + " over"
	case pol == figures.HigherIsBetter && ind.Target > 0:
		return fmtNum(math.Round(100*v.Value/ind.Target)) + "% of target"
	case pol == figures.HigherIsBetter:
		return withUnit(gap, unitOf(ind)) + " short"
	}
	return withUnit(gap, unitOf(ind)) + " over"
}

// pointsScale is the gap in percentage points that counts as a gap of
// the whole target: a rate 6 points off its target (fullGap of it) is as
// far off as can be, while 0.04% of pupils excluded against a target of
// 0.02% is a small gap however large the ratio.
const pointsScale = 20.0

// targetGap is how far off its target an indicator is, as a fraction:
// for a percentage the points of difference over pointsScale, else the
// gap relative to the target.
func targetGap(ind *figures.Indicator, gap float64) float64 {
	if unitOf(ind) == "%" {
		return math.Abs(gap) / pointsScale
	}
	return relGap(gap, ind.Target)
}

// fmtPoints prints a gap in percentage points, to two places when it is
// under one tenth ("0.02 points", "11.4 points").
func fmtPoints(gap float64) string {
	if gap > 0 && gap < 0.1 {
		return strconv.FormatFloat(math.Round(gap*100)/100, 'f', -1, 64) + " points"
	}
	return fmtNum(gap) + " points"
}

// ragName is a rating as a report prints it ("Red").
func ragName(r figures.RAG) string {
	switch r {
	case figures.Red:
		return "Red"
	case figures.Amber:
		return "Amber"
	case figures.Green:
		return "Green"
	}
	return "unrated"
}
