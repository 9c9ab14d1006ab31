// This file words findings as questions a councillor can read out in
// committee: each names the report's own figures and asks what members
// need to know — why, what is being done, by when, and how the committee
// will know.

package questions

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/findings"
)

// wordings holds, for each kind of finding, the templates of its question,
// most specific first. A template is used when every placeholder it names
// is filled; the last of each kind needs only {summary}, which every
// finding has. Placeholders are the fields of findings.Words:
//
//	{summary}    the finding's summary, a whole sentence
//	{measure}    what is measured ("approved foster households")
//	{figures}    the figures ("613 approved foster households in Q3 against a target of 700")
//	{claim}      what the report's narrative says ("agency use has stabilised")
//	{shows}      what its own figures show against the claim
//	{comparator} what the figure is set against ("England")
//	{thing}      the commitment, request, action, grant or placeholder
//	{date}       the date the finding turns on ("September 2026")
//	{amount}     a sum of money ("£2.3m")
//	{aim}        which way the measure should go ("bring it down"), from
//	             the finding's indicator's polarity
var wordings = map[string][]string{
	"missed-target": {
		"The report gives {figures}. Why is the service short of its target, what is being done to close the gap, and by when?",
		"{summary} Why is the service short of its target, what is being done to close the gap, and by when?",
	},
	"worsening-trend": {
		"The report's own figures show {shows}. Why is it getting worse, what is being done to turn it round, and when will the committee see it improve?",
		"{summary} Why is it getting worse, what is being done to turn it round, and when will the committee see it improve?",
	},
	"worse-than-comparators": {
		"The report gives {figures}. Why is the council's figure worse than {comparator}, and what would it take to match them?",
		"{summary} Why is the council doing worse than similar councils, and what would it take to match them?",
	},
	"national-contradicted": {
		"The report says {claim}, but {shows}. Which is right, and what does the service take the true position to be?",
		"{summary} Which is right, and what does the service take the true position to be?",
	},
	"worse-than-national": {
		"The report gives {figures}. {shows}. Why is the council behind England and similar councils on this measure, and what would it take to match them?",
		"{summary} Why is the council behind England and similar councils, and what would it take to match them?",
	},
	"better-than-national": {
		"The report gives {figures}. {shows}. What has made the difference, and how will it be kept up?",
		"{summary} What has made the difference, and how will it be kept up?",
	},
	"rag-misrated": {
		"{figures} is rated {claim} in the report, but its own RAG rule makes it {shows}. Which rating is right, and does the action being taken match the correct one?",
		"{summary} Which rating is right, and does the action being taken match the correct one?",
	},
	"direction-contradicted": {
		"The report says {claim}, but its own figures show {shows}. Which is right, and what is the plan to {aim}?",
		"The report says {claim}, but its own figures show {shows}. Which is right, and what is the plan for {measure}?",
		"{summary} Which is right, and what is the plan?",
	},
	"quantifier-contradicted": {
		`The report says {claim}, but its own figure is {shows}. Is "{thing}" a fair way to put that, and what does the true figure mean for the children concerned?`,
		"{summary} Is that a fair description, and what is being done about it?",
	},
	"comparison-contradicted": {
		"The report says {claim}, but its figures are {shows}. Is that a fair comparison, and what explains the difference from {comparator}?",
		"{summary} Is that a fair comparison, and what explains the difference?",
	},
	"red-unmentioned": {
		"The report's table gives {figures}, but the report does not discuss it. Why not, what is being done about it, and by when?",
		"{summary} Why not, what is being done about it, and by when?",
	},
	"deadline-passed": {
		`The report gave {date} for "{thing}", and that date has passed. Has it been done, and if not, why not and when will it be?`,
		"The report says {claim}, and that date has passed. Has it been done, and if not, why not and when will it be?",
		"{summary} Has it been done, and if not, why not and when will it be?",
	},
	"due-before-committee": {
		"The report says {claim}, which is before the committee next meets. How will members see it and have their say before it is due?",
		"{summary} How will members see it and have their say before it is due?",
	},
	"plan-not-seen": {
		"The report says {claim}, but {thing} is not in the pack. When will members see it, and what does it commit the service to, by when?",
		"{summary} When will members see it, and what does it commit the service to, by when?",
	},
	"unanswered-request": {
		"The minutes of the last meeting record: {claim}. Nothing in this pack answers it. When will the committee get it, and why has it not come to this meeting?",
		"{summary} When will the committee get it, and why has it not come to this meeting?",
	},
	"action-off-track": {
		`The action tracker rates "{thing}" {claim}. What is holding it back, what will be done to get it back on track, and by when?`,
		"{summary} What is holding it back, and when will it be back on track?",
	},
	"completed-unevidenced": {
		`The action tracker marks "{thing}" as {claim}, but gives no evidence that it has made a difference. What has changed for children as a result, and how do we know?`,
		"{summary} What has changed for children as a result, and how do we know?",
	},
	"overspend": {
		"The report says {claim}. What is driving the {amount}, what is being done to bring it down, and what will it mean for services if it is not?",
		"{summary} What is driving it, what is being done to bring it down, and what will it mean for services if it is not?",
	},
	"savings-at-risk": {
		"The report says {claim}. Which savings are at risk, what will be done instead, and what would it mean for children's services if they are not made?",
		"{summary} Which savings are at risk, what will be done instead, and what would it mean for children's services?",
	},
	"funding-ending": {
		"The report says {claim}, and the funding is {amount}. What is the plan for after {date}, and what happens to the children and families it supports?",
		"The report says {claim}. What is the plan for after {date}, and what happens to the children and families it supports?",
		"{summary} What is the plan for when it ends, and what happens to the children and families it supports?",
	},
	"caseloads-above-standard": {
		"The report gives {figures}. What is being done to bring caseloads down to the standard, by when, and what does it mean for children in the meantime?",
		"{summary} What is being done to bring caseloads down to the standard, by when, and what does it mean for children in the meantime?",
	},
	"agency-staff": {
		"The report gives {figures}: {shows}. What is the plan to reduce reliance on agency staff, what does it cost, and how will the committee know it is working?",
		"{summary} What is the plan to reduce reliance on agency staff, what does it cost, and how will the committee know it is working?",
	},
	"vacancies": {
		"The report gives {figures}: {shows}. Which posts are hardest to fill, what is being done to recruit and keep staff, and by when?",
		"{summary} Which posts are hardest to fill, what is being done to recruit and keep staff, and by when?",
	},
	"figures-disagree": {
		"{figures}. Which figure is right, and why do they differ?",
		"{summary} Which figure is right, and why do they differ?",
	},
	"template-text": {
		`The report still has placeholder text ("{thing}"). Can officers give the missing detail, and make sure the final version is complete?`,
		"{summary} Can officers give the missing detail, and make sure the final version is complete?",
	},
	"strength": {
		"{figures}. What made the difference, and how will it be sustained?",
		"{summary} What made the difference, and how will it be sustained?",
	},
}

// fallback words a finding of a kind with no entry, or one whose summary
// is empty.
var fallback = []string{
	"{summary} What is being done about it, by when, and how will the committee know?",
	"What does the report show here, what is being done about it, by when, and how will the committee know?",
}

// rePlaceholder is a placeholder in a template.
var rePlaceholder = regexp.MustCompile(`\{[a-z]+\}`)

// Word turns a finding into a question a councillor can read out: the
// first of its kind's templates whose placeholders the finding fills, with
// the report's figures in place. It always returns a question, and never
// one with a placeholder left in it.
func Word(f findings.Finding) string {
	q, _ := word(f)
	return q
}

// many words one question about several findings of a kind in one item:
// {count} of them, {things} the first few named.
var many = map[string]string{
	"action-off-track": `The action tracker rates {count} actions off track, among them {things}. What is holding them back, what will be done to get them back on track, and by when?`,
}

// maxNamed is how many findings a question about several names.
const maxNamed = 3

// WordMany words one question about several findings of one kind in an
// item, when the kind has a wording for several; "" when it has none.
func WordMany(fs []findings.Finding) string {
	if len(fs) == 0 {
		return ""
	}
	t, ok := many[fs[0].Kind]
	if !ok {
		return ""
	}
	var named []string
	for _, f := range fs[:min(len(fs), maxNamed)] {
		if th := strings.TrimSpace(f.Words.Thing); th != "" {
			named = append(named, "“"+th+"”")
		}
	}
	things := strings.Join(named, ", ")
	if n := len(named); n > 1 {
		things = strings.Join(named[:n-1], ", ") + " and " + named[n-1]
	}
	q, ok := fill(t, map[string]string{"{count}": findings.Spell(len(fs)), "{things}": things})
	if !ok {
		return ""
	}
	return q
}

// word returns the question and the template it came from: its index
// among its kind's templates, or -1 for the fallback.
func word(f findings.Finding) (string, int) {
	vals := values(f)
	for i, t := range wordings[f.Kind] {
		if q, ok := fill(t, vals); ok {
			return q, i
		}
	}
	for _, t := range fallback {
		if q, ok := fill(t, vals); ok {
			return q, -1
		}
	}
	return fallback[len(fallback)-1], -1
}

// values are a finding's words by placeholder, tidied: trimmed, with no
// closing full stop where a template adds its own punctuation.
func values(f findings.Finding) map[string]string {
	w := f.Words
	tidy := func(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".") }
	sum := strings.TrimSpace(f.Summary)
	if sum != "" && !strings.HasSuffix(sum, ".") && !strings.HasSuffix(sum, "?") {
		sum += "."
	}
	return map[string]string{
		"{summary}":    sum,
		"{measure}":    tidy(w.Measure),
		"{figures}":    tidy(w.Figures),
		"{claim}":      tidy(w.Claim),
		"{shows}":      tidy(w.Shows),
		"{comparator}": tidy(w.Comparator),
		"{thing}":      tidy(w.Thing),
		"{date}":       tidy(w.Date),
		"{amount}":     tidy(w.Amount),
		"{aim}":        aim(f.Indicator),
	}
}

// aims says which way a measure should go, by its polarity.
var aims = map[figures.Polarity]string{
	figures.HigherIsBetter: "bring it up",
	figures.LowerIsBetter:  "bring it down",
}

// aim is the way a finding's indicator should go, "" when unknown.
func aim(ind *figures.Indicator) string {
	if ind == nil {
		return ""
	}
	return aims[ind.Polarity]
}

// fill puts the values in a template; false when the template names a
// placeholder with no value (or one it does not know).
func fill(t string, vals map[string]string) (string, bool) {
	ok := true
	q := rePlaceholder.ReplaceAllStringFunc(t, func(p string) string {
		v := vals[p]
		if v == "" {
			ok = false
		}
		return v
	})
	if !ok {
		return "", false
	}
	return upperFirst(strings.Join(strings.Fields(q), " ")), true
}

// upperFirst capitalises the first letter of a question.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
