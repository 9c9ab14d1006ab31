package inspection

import "github.com/scrutineer/scrutineer/corpus/english"

// Thresholds of Repeats: a point repeats an earlier one when at least
// minShared of its words (stems, stop words left out) are the earlier
// point's and they make at least repeatShare of the shorter point's.
const (
	minShared   = 3
	repeatShare = 0.5
)

// Repeats returns, for each point of now, the index of the point of
// before that it repeats (-1 for none): the earlier point sharing most
// of its words, when they share enough. ILACS points are short phrases
// and SIF recommendations long instructions, so the share is of the
// shorter of the two.
func Repeats(now, before []Point) []int {
	terms := func(ps []Point) []map[string]bool {
		out := make([]map[string]bool, len(ps))
		for i, p := range ps {
			out[i] = map[string]bool{}
			for _, t := range english.Terms(p.Text) {
				out[i][t] = true
			}
		}
		return out
	}
	a, b := terms(now), terms(before)
	out := make([]int, len(now))
	for i := range a {
		out[i] = -1
		best := 0.0
		for j := range b {
			shared := 0
			for t := range a[i] {
				if b[j][t] {
					shared++
				}
			}
			share := float64(shared) / float64(max(1, min(len(a[i]), len(b[j]))))
			if shared >= minShared && share >= repeatShare && share > best {
				out[i], best = j, share
			}
		}
	}
	return out
}
