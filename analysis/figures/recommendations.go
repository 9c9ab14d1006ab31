package figures

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/corpus"
)

// RecommendationPassages marks passages that sit in a "what needs to
// improve" or "recommendations" section of the item.
func RecommendationPassages(ps []corpus.Passage) map[int]bool {
	out := map[int]bool{}
	in := false
	for i, p := range ps {
		h := strings.ToLower(p.Heading)
		first := strings.ToLower(firstLine(p.Text))
		switch {
		case recSection(h) || recSection(first):
			in = true
		case p.Heading != "" || looksLikeHeading(p.Text):
			in = false
		}
		if in {
			out[i] = true
		}
	}
	return out
}

// recSection reports whether a heading opens a section of the report's
// recommendations: "Recommendations", "What needs to improve", but not a
// tracker or log of the committee's past recommendations, whose prose
// reports progress.
func recSection(h string) bool {
	return ReRecHeading.MatchString(h) && !reRecTracker.MatchString(h)
}

// reRecTracker is a heading of a record of recommendations already made.
var reRecTracker = regexp.MustCompile(`recommendations?\s+(?:tracker|log|monitoring|progress|update)`)

// ReRecHeading is a heading that introduces recommendations or points
// for improvement.
var ReRecHeading = regexp.MustCompile(`^\s*(?:\d+\.?\s*)?(?:what needs to improve|what does the local authority need to improve|recommendations?\b|areas? for (?:priority action|improvement))`)

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// looksLikeHeading reports whether a passage is a short heading line.
func looksLikeHeading(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) < 80 && !strings.ContainsAny(s, ".\n") && len(strings.Fields(s)) <= 10
}

// RecommendationFacts makes a recommendation of every point of a "what
// needs to improve" or "recommendations" section that no other fact
// covers: each is something members should follow up.
func RecommendationFacts(ps []corpus.Passage, in map[int]bool, have []Fact) []Fact {
	covered := map[string]bool{}
	for _, f := range have {
		covered[f.Text] = true
	}
	var out []Fact
	for pi, p := range ps {
		if !in[pi] {
			continue
		}
		for _, sp := range Spans(p.Text) {
			sent := Clean(p.Text[sp.Start:sp.End])
			sent = DropRecHeading(strings.TrimSpace(sent[len(ReLeadNumber.FindString(sent)):]))
			if covered[sent] || len(strings.Fields(sent)) < 5 || ReRecHeading.MatchString(strings.ToLower(sent)) || strings.HasSuffix(sent, ":") || strings.HasSuffix(sent, "?") || Contact(sent) {
				continue
			}
			out = append(out, Fact{Kind: FactRecommendation, Passage: pi, Text: sent, Match: sent,
				Quote: QuoteAround(sent, 0, 0), Weight: Salience[FactRecommendation] + 0.3})
		}
	}
	return out
}
