package findings

import "regexp"

// This file holds the domain knowledge the checks share, as data: the
// words a narrative uses for a direction, a proportion or a comparison;
// the words that say a figure is explained or has a plan; the topics that
// have a check of their own. A check reads these tables; it does not
// spell its vocabulary out in branches.

// claimDir is what a narrative direction word claims about a series.
type claimDir int

const (
	claimUp      claimDir = iota + 1 // the value went up
	claimDown                        // the value went down
	claimBetter                      // the value improved (polarity needed)
	claimSteady                      // the value held steady
	claimOnTrack                     // the value meets its target
)

// directionWord is one narrative direction word and what it claims.
type directionWord struct {
	word  string
	claim claimDir
}

// directionWords are the narrative words that claim a direction of
// travel, longest first so that "has improved" wins over a shorter word
// inside it. Matching is on whole words, case-insensitive.
var directionWords = []directionWord{
	{"on track", claimOnTrack},
	{"stabilised", claimSteady},
	{"stabilized", claimSteady},
	{"improving", claimBetter},
	{"improved", claimBetter},
	{"increased", claimUp},
	{"increasing", claimUp},
	{"reduced", claimDown},
	{"reducing", claimDown},
	{"decreased", claimDown},
	{"fallen", claimDown},
	{"stable", claimSteady},
	{"risen", claimUp},
}

// steadyWithin is how much a series may move and still be "stable": a
// fraction of its earlier value, or points on a percentage.
const (
	steadyRelative = 0.05
	steadyPoints   = 1.0
)

// quantifier is a word for a proportion and the percentages it can
// honestly describe.
type quantifier struct {
	phrase   string
	min, max float64 // in per cent, inclusive
	// stated is true when only a percentage printed in the same sentence
	// may test it (the word is too common to test against a table).
	stated bool
}

// quantifiers lists the proportion words, longest first: "almost all"
// must be tried before "all".
var quantifiers = []quantifier{
	{phrase: "almost all", min: 90, max: 100},
	{phrase: "nearly all", min: 90, max: 100},
	{phrase: "virtually all", min: 90, max: 100},
	{phrase: "the vast majority", min: 75, max: 100},
	{phrase: "the large majority", min: 65, max: 100},
	{phrase: "the majority", min: 50.001, max: 100},
	{phrase: "a majority", min: 50.001, max: 100},
	{phrase: "a small number", min: 0, max: 10},
	{phrase: "very few", min: 0, max: 10},
	{phrase: "a minority", min: 0, max: 49.999},
	{phrase: "most", min: 50.001, max: 100},
	{phrase: "all", min: 99.5, max: 100, stated: true},
}

// notQuantity follows "most" when it makes a superlative rather than a
// proportion ("most recent", "most vulnerable"), or a manner of speaking
// ("in most cases, the best way").
var notQuantity = regexp.MustCompile(`(?i)^\s+(?:recent|recently|important|likely|common|commonly|appropriate|significant|vulnerable|effective|effectively|complex|challenging|difficult|urgent|serious|senior|experienced|relevant|popular|frequent|frequently|notable|notably|valuable|useful|helpful|successful|affected|improved|part|often|up|to|at|in|cases|circumstances|instances|situations|respects|ways)\b|^\s+\w+(?:est|ly)\b`)

// relation is what a comparison phrase claims of the council's figure
// against another's.
type relation int

const (
	relSimilar relation = iota + 1
	relHigher
	relLower
	relBetter
	relWorse
)

// comparisonPhrase is a phrase setting the council against others.
type comparisonPhrase struct {
	phrase string
	rel    relation
}

// comparisonPhrases are tried longest first.
var comparisonPhrases = []comparisonPhrase{
	{"broadly in line with", relSimilar},
	{"broadly similar to", relSimilar},
	{"in line with", relSimilar},
	{"comparable to", relSimilar},
	{"comparable with", relSimilar},
	{"consistent with", relSimilar},
	{"similar to", relSimilar},
	{"better than", relBetter},
	{"worse than", relWorse},
	{"higher than", relHigher},
	{"lower than", relLower},
	{"above", relHigher},
	{"below", relLower},
}

// similarWithin is how far apart two figures may be and still be "in
// line": a fraction of the larger, or points on a percentage.
const (
	similarRelative = 0.10
	similarPoints   = 2.0
)

// materialPoints and materialRelative are the smallest margin worth a
// finding that the council is worse than a comparator: points on a
// percentage, else a fraction of the comparator's figure. Smaller
// differences are within the noise of a year's data.
const (
	materialPoints   = 1.0
	materialRelative = 0.05
)

// comparatorName is how a narrative names a comparator, and the words a
// comparator's own name must contain to be the one it means.
type comparatorName struct {
	re   *regexp.Regexp
	name string // as a question names it
	keys []string
}

// comparatorNames lists the comparators a sentence may name.
var comparatorNames = []comparatorName{
	{regexp.MustCompile(`(?i)\bstatistical neighbou?rs?\b|\bsimilar (?:councils|authorities|local authorities)\b|\bcomparator (?:authorities|councils|group)\b`), "statistical neighbours", []string{"neighbour", "neighbor", "similar", "comparator", "sn"}},
	{regexp.MustCompile(`(?i)\bengland\b|\bnational(?:ly| average| figure| rate)?\b`), "England", []string{"england", "national"}},
	{regexp.MustCompile(`(?i)\bregion(?:al)?(?: average)?\b|\b(?:north west|north east|south east|south west|east midlands|west midlands|london|yorkshire and the humber|eastern region)\b`), "the region", []string{"region", "north", "south", "east", "west", "midlands", "london", "yorkshire"}},
}

// genericWords are words of an indicator's name too common to tie a
// sentence to it ("children", "number", "percentage").
var genericWords = setOf(
	"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "within", "from", "as", "per",
	"who", "whose", "which", "that", "their", "they", "is", "are", "was", "were", "be", "been", "has", "have", "had",
	"number", "numbers", "percentage", "percent", "proportion", "rate", "rates", "total", "average", "mean", "median",
	"child", "children", "young", "people", "person", "family", "families", "service", "services", "social",
	"day", "days", "working", "week", "weeks", "month", "months", "year", "years", "quarter", "quarterly",
	"q1", "q2", "q3", "q4", "target", "actual", "performance", "measure", "indicator", "kpi", "all", "new",
	"our", "we", "this", "its", "than", "more", "less", "over", "under", "last", "latest", "current", "cent",
	"report", "reports", "update", "meeting", "committee", "officer", "officers", "member", "members", "council",
	"next", "bring", "brought", "provide", "provided", "circulate", "circulated", "share", "shared", "present", "presented",
	"further", "future", "include", "including", "detail", "details", "information", "item", "agenda", "asked", "requested",
	"agreed", "about", "into", "also", "would", "will", "should", "could", "there", "these", "those", "what", "how",
	"when", "where", "why", "it", "be", "any", "some", "other", "into", "not", "no", "yes", "one", "two", "three",
	"after", "before", "following", "regarding", "concerning", "relation", "around", "board", "panel", "session",
	"care", "local", "authority", "plan", "plans", "support", "work", "position", "progress", "data",
)

// weakWords are distinctive enough to keep in a name but too common to
// tie a sentence to an indicator on their own ("workers" in "agency social
// workers").
var weakWords = setOf("worker", "staff", "team", "employee", "post", "school", "home", "case", "review",
	"visit", "time", "level", "use", "timescale", "contact", "referral", "assessment", "placement", "plan")

// topics are measures with a check of their own: a missed target, a
// trend or a comparison on them is found by that check, once, rather
// than by the generic checks as well.
var topics = []struct {
	re   *regexp.Regexp
	kind string
	// polarity is the way the measure improves when the report does not
	// say.
	lowerIsBetter bool
	// high is the level, in per cent, at or above which the measure is
	// high when the report sets no target and gives no comparator; 0 when
	// none applies.
	high float64
}{
	{regexp.MustCompile(`(?i)\bcase ?loads?\b`), "caseloads-above-standard", true, 0},
	{regexp.MustCompile(`(?i)(?:^|[^-\w])(?:agency|locums?)\b`), "agency-staff", true, 20},
	{regexp.MustCompile(`(?i)\bvacanc(?:y|ies)\b|\bvacant\b`), "vacancies", true, 15},
}

// kindThemes gives the bank theme a kind of finding is about whatever its
// subject; other kinds leave the theme to the caller, who decides it from
// the finding's evidence.
var kindThemes = map[string]string{
	"caseloads-above-standard": "workforce",
	"agency-staff":             "workforce",
	"vacancies":                "workforce",
	"overspend":                "school-resources",
	"savings-at-risk":          "school-resources",
	"funding-ending":           "school-resources",
	"rag-misrated":             "performance-management",
	"figures-disagree":         "performance-management",
	"red-unmentioned":          "performance-management",
	"unanswered-request":       "scrutiny-effectiveness",
	"plan-not-seen":            "scrutiny-effectiveness",
}

// reExplained is a sentence giving a reason for a figure.
var reExplained = regexp.MustCompile(`(?i)\b(?:because|due to|owing to|as a result of|reflects?|reflecting|driven by|explained by|attributed to|caused by|the reason)\b`)

// rePlan is a sentence saying there is a plan.
var rePlan = regexp.MustCompile(`(?i)\b(?:(?:recovery|improvement|action|remedial|mitigation) plan|plan (?:is|has been) (?:in place|agreed)|trajectory|will (?:be )?(?:recover|improve|reduce|increase|close|return))`)

// setOf makes a set of words.
func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
