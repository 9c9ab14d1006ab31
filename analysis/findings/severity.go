package findings

import (
	"math"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// baseSeverity is how much each kind of finding deserves members' time
// before its size is counted: contradictions of the report's own
// narrative and missed commitments high, template text and strengths low.
var baseSeverity = map[string]float64{
	"missed-target":            0.35,
	"worsening-trend":          0.30,
	"worse-than-comparators":   0.30,
	"worse-than-national":      0.30,
	"rag-misrated":             0.45,
	"direction-contradicted":   0.60,
	"quantifier-contradicted":  0.55,
	"comparison-contradicted":  0.55,
	"national-contradicted":    0.50,
	"red-unmentioned":          0.45,
	"deadline-passed":          0.45,
	"due-before-committee":     0.35,
	"plan-not-seen":            0.40,
	"unanswered-request":       0.45,
	"completed-unevidenced":    0.40,
	"action-off-track":         0.35,
	"overspend":                0.35,
	"savings-at-risk":          0.35,
	"funding-ending":           0.30,
	"caseloads-above-standard": 0.35,
	"agency-staff":             0.30,
	"vacancies":                0.30,
	"figures-disagree":         0.50,
	"template-text":            0.10,
	"strength":                 0.05,
	"better-than-national":     0.05,
}

// gravity is what raises or lowers a finding's severity beyond its kind.
type gravity struct {
	// gap is how far off it is, as a fraction (0.12 for 12% short).
	gap float64
	// periods is how many periods it has lasted (1 for the latest only).
	periods int
	// red is true when the report itself rates it red.
	red bool
	// explained is true when the report gives a reason; planned when it
	// gives a dated plan to put it right.
	explained, planned bool
}

// Weights of gravity, as data: a gap counts up to gapWeight when it
// reaches fullGap; each period beyond the first adds periodWeight, up to
// maxPeriods of them.
const (
	gapWeight      = 0.30
	fullGap        = 0.30
	periodWeight   = 0.05
	maxPeriods     = 3
	redWeight      = 0.05
	explainedCut   = 0.05
	plannedCut     = 0.10
	minSeverity    = 0.01
	strengthWeight = 0.10 // the most a strength's size adds
)

// severity scores a finding of a kind with its gravity, in [0, 1].
func severity(kind string, g gravity) float64 {
	s := baseSeverity[kind]
	if kind == "strength" {
		return clamp(s + strengthWeight*math.Min(g.gap/fullGap, 1))
	}
	if g.gap > 0 {
		s += gapWeight * math.Min(g.gap/fullGap, 1)
	}
	if g.periods > 1 {
		s += periodWeight * float64(min(g.periods-1, maxPeriods))
	}
	if g.red {
		s += redWeight
	}
	if g.explained {
		s -= explainedCut
	}
	if g.planned {
		s -= plannedCut
	}
	return clamp(s)
}

// clamp keeps a severity in [minSeverity, 1]; NaN becomes minSeverity.
func clamp(s float64) float64 {
	if math.IsNaN(s) || s < minSeverity {
		return minSeverity
	}
	return math.Min(s, 1)
}

// accounted says whether the item explains an indicator (a sentence about
// it gives a reason) and has a dated plan for it (a sentence about it
// names a plan and a date).
func accounted(it *Item, ind *figures.Indicator) (explained, planned bool) {
	for _, s := range it.Sentences {
		if s.Owner != figures.OwnerCouncil || mentionScore(s.Text, ind) == 0 || sameText(s.Text, ind.Cite().Quote) {
			continue
		}
		if reExplained.MatchString(s.Text) {
			explained = true
		}
		if rePlan.MatchString(s.Text) && len(findDates(s.Text)) > 0 {
			planned = true
		}
	}
	return explained, planned
}

// sameText reports whether two texts are the same but for spacing and
// case.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
