package figures

import "strings"

// polarityOf says which way an indicator improves: from how its printed
// rating sits against its target (a value below target rated green means
// lower is better), from its floor against its target, or else from the
// words of its name (polarityWords).
func polarityOf(ind *Indicator) Polarity {
	if p := polarityFromRating(ind); p != PolarityUnknown {
		return p
	}
	if ind.HasTarget && ind.HasFloor && ind.Floor != ind.Target {
		if ind.Floor < ind.Target {
			return HigherIsBetter
		}
		return LowerIsBetter
	}
	return PolarityOfName(ind.Name)
}

// polarityFromRating reads polarity from a rated value against its
// target: green below target or red above it is lower-better; green above
// or red below, higher-better.
func polarityFromRating(ind *Indicator) Polarity {
	v, ok := ind.Latest()
	if !ok || !ind.HasTarget || v.Value == ind.Target {
		return PolarityUnknown
	}
	below := v.Value < ind.Target
	switch {
	case ind.RAG == Green && below, ind.RAG == Red && !below:
		return LowerIsBetter
	case ind.RAG == Green && !below, ind.RAG == Red && below:
		return HigherIsBetter
	}
	return PolarityUnknown
}

// PolarityOfName says which way a measure improves from the words of its
// name; the longest phrase of polarityWords found wins.
func PolarityOfName(name string) Polarity {
	low := strings.ToLower(name)
	best, bestLen := PolarityUnknown, 0
	for _, w := range polarityWords {
		if len(w.phrase) > bestLen && strings.Contains(low, w.phrase) && wordStart(low, w.phrase) {
			best, bestLen = w.polarity, len(w.phrase)
		}
	}
	return best
}

// wordStart reports whether phrase occurs in s at the start of a word.
func wordStart(s, phrase string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		i += off
		if i == 0 || !isWordByte(s[i-1]) {
			return true
		}
		off = i + 1
	}
}
