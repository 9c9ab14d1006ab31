package figures

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

var (
	// reAmberWithin reads an amber band: "Amber: within 10% of target",
	// "amber where within 5 percentage points".
	// "Amber: worse than target by no more than 5 percentage points".
	reAmberWithin = regexp.MustCompile(`(?i)\bamber\b[^.;]{0,60}?\b(?:within|no more than|not more than|up to|less than|under) (\d+(?:\.\d+)?)\s*(percentage points?|%|per ?cent\b|pp|points?)`)
	// reAmberFloor reads a floor rule: amber down to the floor standard.
	reAmberFloor = regexp.MustCompile(`(?i)\b(?:amber\b[^.]{0,80}\bfloor\b|floor\b[^.]{0,80}\bamber\b)`)
)

// ReadRule reads the report's own RAG rule from its sentences: amber
// within a stated distance of target ("Green: on or better than target;
// Amber: within 10% of target; Red: more than 10% worse"), or amber down
// to a floor standard. It returns nil when the report states none.
func ReadRule(ss []Sentence) *RAGRule {
	for i := range ss {
		s := &ss[i]
		if m := reAmberWithin.FindStringSubmatch(s.Text); m != nil {
			v, err := strconv.ParseFloat(m[1], 64)
			if err != nil || v <= 0 {
				continue
			}
			r := &RAGRule{AmberWithin: v, Evidence: s.Evidence()}
			if u := strings.ToLower(m[2]); u == "%" || strings.HasPrefix(u, "per") && !strings.HasPrefix(u, "percentage") {
				r.AmberWithin, r.Relative = v/100, true
			}
			r.Evidence.Quote = cut(r.Evidence.Quote, MaxQuote)
			return r
		}
		if reAmberFloor.MatchString(s.Text) {
			r := &RAGRule{Floor: true, Evidence: s.Evidence()}
			r.Evidence.Quote = cut(r.Evidence.Quote, MaxQuote)
			return r
		}
	}
	return nil
}

// Rate rates an indicator's latest value by the rule: green on or better
// than target, amber when worse by no more than the rule allows (or not
// beyond the floor), red beyond. It returns "" when the indicator has no
// value, no target or no known polarity, or the rule needs a floor the
// indicator has not.
func (r RAGRule) Rate(ind Indicator) RAG {
	v, ok := ind.Latest()
	if !ok || !ind.HasTarget || ind.Polarity == PolarityUnknown {
		return ""
	}
	worse := worseBy(v.Value, ind.Target, ind.Polarity)
	const eps = 1e-9
	if worse <= eps {
		return Green
	}
	if r.Floor {
		if !ind.HasFloor {
			return ""
		}
		if worseBy(v.Value, ind.Floor, ind.Polarity) <= eps {
			return Amber
		}
		return Red
	}
	limit := r.AmberWithin
	if r.Relative {
		limit *= math.Abs(ind.Target)
	}
	if worse <= limit+eps {
		return Amber
	}
	return Red
}

// worseBy returns how far v falls short of a mark, in the indicator's
// unit; zero or less when it meets it.
func worseBy(v, mark float64, p Polarity) float64 {
	if p == HigherIsBetter {
		return mark - v
	}
	return v - mark
}
