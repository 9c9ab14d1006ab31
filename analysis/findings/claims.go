package findings

import (
	"regexp"
	"strconv"
	"strings"
)

// This file reads what a narrative sentence claims: the clause a claim
// sits in and the percentages it gives.

// reClauseBreak ends a clause: punctuation, or a conjunction that starts
// another claim.
var reClauseBreak = regexp.MustCompile(`[;!?()|]|[.:](?:\s|$)|,\s|\s(?:but|while|whilst|although|though|however|whereas)\s`)

// clauseAround returns the clause of text that holds the byte range
// [i, j), trimmed and clipped to a readable length: the narrative's own
// words for a claim.
func clauseAround(text string, i, j int) string {
	if i < 0 || j > len(text) || i > j {
		return clip(text, maxClaim)
	}
	start, end := clauseBounds(text, i, j)
	c := strings.TrimSpace(reLeadConj.ReplaceAllString(text[start:end], ""))
	if len(strings.Fields(c)) < 3 {
		c = strings.TrimSpace(text)
	}
	return clip(lowerLead(c), maxClaim)
}

// clauseBounds returns the byte range of the clause of text that holds
// [i, j); the caller ensures 0 <= i <= j <= len(text).
//
// A short aside set off by commas (", due in October,") does not end the
// clause it interrupts: "members asked that the annual report of the
// fostering service, due in October, set out how Wexcombe compares ..."
// is one request.
func clauseBounds(text string, i, j int) (start, end int) {
	breaks := reClauseBreak.FindAllStringIndex(text, -1)
	start, end = 0, len(text)
	si, ei := -1, -1 // the breaks that set start and end
	for k, loc := range breaks {
		if loc[1] <= i && loc[1] > start {
			start, si = loc[1], k
		}
		if loc[0] >= j && loc[0] < end {
			end, ei = loc[0], k
		}
	}
	for ei >= 0 && ei+1 < len(breaks) && aside(text, breaks[ei], breaks[ei+1]) {
		// Past the aside to the break after it.
		ei += 2
		end = len(text)
		if ei < len(breaks) {
			end = breaks[ei][0]
		} else {
			ei = -1
		}
	}
	for si >= 1 && aside(text, breaks[si-1], breaks[si]) {
		si -= 2
		start = 0
		if si >= 0 {
			start = breaks[si][1]
		} else {
			si = -1
		}
	}
	return start, end
}

// asideWords is the most words of a short aside between commas.
const asideWords = 4

// aside reports whether breaks a and b (a before b) are the commas around
// a short aside with more of the sentence after it.
func aside(text string, a, b []int) bool {
	if !strings.HasPrefix(text[a[0]:], ",") || !strings.HasPrefix(text[b[0]:], ",") {
		return false
	}
	n := len(strings.Fields(text[a[1]:b[0]]))
	return n >= 1 && n <= asideWords && strings.TrimSpace(text[b[1]:]) != ""
}

// reLeadConj is a conjunction opening a clause, left off a quoted claim.
var reLeadConj = regexp.MustCompile(`(?i)^\s*(?:and|but|or|so|while|whilst|although|though|however|whereas)\s+`)

// maxClaim is the longest claim a finding quotes, in bytes.
const maxClaim = 140

// lowerLead lower-cases a clause's first word when it is an ordinary
// capitalised word ("The", "A", "Agency"), so that it reads inside a
// sentence; acronyms ("PEP") and "I" keep their case.
func lowerLead(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	w := f[0]
	if titles[w] {
		return s
	}
	if w == "A" || len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && strings.ToLower(w[1:]) == w[1:] {
		return strings.ToLower(w[:1]) + s[1:]
	}
	return s
}

// titles keep their capital at the head of a clause.
var titles = setOf("Councillor", "Cllr", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Professor", "Lord", "Lady", "Baroness")

// rePercentFig is a percentage as a narrative prints it.
var rePercentFig = regexp.MustCompile(`(\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)`)

// percentFig is a percentage found in a sentence.
type percentFig struct {
	value     float64
	text      string
	pos, stop int
}

// percentages returns the percentages a sentence prints, in order.
func percentages(text string) []percentFig {
	var out []percentFig
	for _, m := range rePercentFig.FindAllStringSubmatchIndex(text, -1) {
		v, err := strconv.ParseFloat(text[m[2]:m[3]], 64)
		if err != nil {
			continue
		}
		out = append(out, percentFig{value: v, text: text[m[0]:m[1]], pos: m[0], stop: m[1]})
	}
	return out
}

// negatedBefore reports whether a word at i is negated just before it
// ("has not improved", "no longer reducing").
func negatedBefore(text string, i int) bool {
	before := strings.ToLower(text[max(0, i-16):i])
	return reNegation.MatchString(before)
}

// aimBefore reports whether a word at i is an aim rather than a claim
// ("a focus on improving", "plans to reduce", "will be reduced").
func aimBefore(text string, i int) bool {
	return reAim.MatchString(strings.ToLower(text[max(0, i-24):i]))
}

// reAim ends the words before a direction word that make it an aim or a
// promise ("will be reduced", "help us improve"), or an attribute of
// something else ("an improved understanding"), not a claim.
var reAim = regexp.MustCompile(`\b(?:on|to|towards|for|of|by|aims?|aimed at|focus(?:ed)?(?: on)?|priority|plans?|work(?:ing)?(?: on)?|committed to|needs? to|(?:will|to|should|would|must|can|could|may|might) be|help(?:s|ed|ing)?(?: us| them| the service)?|an?|the)\s+$`)

var reNegation = regexp.MustCompile(`\b(?:not|no longer|never|yet to be|n't)\s+(?:\w+\s+)?$`)
