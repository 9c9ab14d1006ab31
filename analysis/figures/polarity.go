package figures

import "strings"

// polarityOf says which way an indicator improves: from how its printed
// rating sits against its target (a value below target rated green means
// lower is better), from its floor against its target, or else from the
// words of its name (polarityWords).
func polarityOf(ind *Indicator) Polarity {
	if ind.Polarity != PolarityUnknown {
		return ind.Polarity // the table says ("Good is: High")
	}
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
// name: the phrase of polarityWords found first wins (the head of the
// name: "turnover of permanent social workers" is turnover), and of two
// found at one place the longer ("multi-agency" over "agency").
func PolarityOfName(name string) Polarity {
	low := strings.ToLower(name)
	best, bestAt, bestLen := PolarityUnknown, len(low), 0
	for _, w := range polarityWords {
		at := wordAt(low, w.phrase)
		if at < 0 {
			continue
		}
		// A phrase inside a longer one found at an earlier place
		// ("agency" in "multi-agency") starts later, yet is covered by it.
		if at < bestAt && at+len(w.phrase) <= bestAt || at == bestAt && len(w.phrase) > bestLen ||
			at < bestAt && at+len(w.phrase) > bestAt && len(w.phrase) > bestLen {
			best, bestAt, bestLen = w.polarity, at, len(w.phrase)
		}
	}
	return best
}

// wordAt returns where phrase first occurs in s at the start of a word,
// -1 when it does not.
func wordAt(s, phrase string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return -1
		}
		i += off
		if i == 0 || !isWordByte(s[i-1]) {
			return i
		}
		off = i + 1
	}
}
