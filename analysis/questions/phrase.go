package questions

import (
	"fmt"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/figures"
)

// phrase words an evidence or follow-up question around a fact. The fact
// is quoted, so the question names exactly what the report says; the ask
// depends on the kind of fact and varies with n so that a list of
// questions does not read as one template.
func phrase(f figures.Fact, minutes, inspection bool, th *bank.Theme, n int) string {
	q := shortFact(f)
	if q == "" {
		return ""
	}
	pick := func(opts ...string) string { return fmt.Sprintf(opts[n%len(opts)], q) }
	switch f.Kind {
	case figures.FactTrend:
		return pick(
			"The report says %s. What is behind that change, and do we expect it to continue?",
			"We are told %s. Why has this moved, and is it where we want it to be?",
		)
	case figures.FactComparison:
		return pick(
			"The report says %s. What explains the difference from other councils, and what would close the gap?",
			"Set against other councils, we read %s. Is that gap a concern, and what are we doing about it?",
		)
	case figures.FactTarget:
		return pick(
			"The report shows %s. Why is the target being missed, what is being done, and by when will it be met?",
			"On targets, the report says %s. What will it take to meet the target, and when will members see it met?",
		)
	case figures.FactRAG:
		rating := "red or amber"
		if m := strings.ToLower(f.Match); m == "red" || m == "amber" {
			rating = m
		}
		return pick(
			"This is rated "+rating+": %s. What would make it green, who is responsible, and by when?",
			"The report rates %s as "+rating+". What is going wrong, and when will it be back on track?",
		)
	case figures.FactDelay:
		if !strings.Contains(strings.ToLower(f.Match), "wait") {
			// Slippage, not a queue of children: ask about the delay.
			return pick(
				"The report says %s. What is causing the delay, what is the new date, and what does it mean for children in the meantime?",
				"We read that %s. Why has this slipped, and when will it be put right?",
			)
		}
		return pick(
			"The report says %s. What is causing the delay, what is the new date, and what does it mean for children in the meantime?",
			"We read that %s. How long will children be waiting, and what is being done to shorten it?",
		)
	case figures.FactWorkforce:
		return pick(
			"The report says %s. What does this mean for the children these staff work with, and what is being done about it?",
			"On staffing, we read that %s. How does that compare with similar councils, and what is the plan?",
		)
	case figures.FactCost:
		return pick(
			"The report says %s. What is driving this, and how will it be managed without weakening help for children?",
			"We are told %s. Which placements or services are behind it, and what is the plan to bring it back in line?",
		)
	case figures.FactConcern:
		return pick(
			"The report finds %s. What is being done about it, by when, and how will members know it is fixed?",
			"We read that %s. Why is this, and what would good look like a year from now?",
		)
	case figures.FactRecommendation:
		if inspection {
			return pick(
				"The inspectors asked for improvement here: %s. What has been done since, and how do we know it is working?",
				"On the inspection finding %s, what is in the improvement plan, who owns it, and when will members see progress?",
			)
		}
		return pick(
			"The report recommends %s. Has this been acted on, and how will members know it has made a difference?",
			"On the recommendation %s, who is responsible, by when, and what evidence will show it has worked?",
		)
	case figures.FactResolution:
		if minutes {
			return pick(
				"The minutes record %s. Has this happened, and what did members learn from it?",
				"Members asked for this last time: %s. Has it come back, and did it answer the question?",
			)
		}
		return pick(
			"The report commits to %s. When will members see it, and what will it need to show?",
			"Members are promised %s. What should that report tell us, and when will it come?",
		)
	case figures.FactProposal:
		return pick(
			"The report proposes %s. What will this change for children, and how will members know it is working?",
			"On the proposal %s, what will success look like in a year, and when will members hear how it is going?",
		)
	case figures.FactAction:
		switch m := strings.ToLower(f.Match); {
		case m == "outstanding" || m == "overdue" || m == "not started" || m == "delayed" || m == "behind" || strings.HasPrefix(m, "not yet"):
			return pick(
				"The tracker shows this still open: %s. Why has it not been done, and when will it be?",
				"This is still outstanding: %s. What is holding it up, and what date should members hold officers to?",
			)
		case m == "in progress":
			return fmt.Sprintf("This is in progress: %s. When will it be finished, and what will members see when it is?", q)
		case doneAction(f):
			return fmt.Sprintf("This is marked %s: %s. Has it made the difference intended, and what is the evidence?", m, q)
		}
		return pick(
			"The action plan lists %s. Is it done, is it working, and what is the evidence?",
			"On the action %s, has the date been met, and what difference has it made for children?",
		)
	default:
		if f.Percent {
			return pick(
				"The report says %s. How does that compare with similar councils and the England average?",
				"We are told %s. Is that better or worse than last year, and than similar councils?",
			)
		}
		if !childFacing[th.ID] {
			return pick(
				"The report says %s. Is that where we want it to be, and how does it compare with last year?",
				"We are told %s. What should members read into that figure, and how does it compare with other councils?",
			)
		}
		return pick(
			"The report says %s. Is that enough for the children who need it, and how does it compare with last year?",
			"We are told %s. What does that figure tell us about how well children are served, and how do we compare with similar councils?",
		)
	}
}

// childFacing are the themes about services children receive, where a
// figure is asked about in terms of children; the others (governance,
// schools' funding, scrutiny itself) get plainer asks.
var childFacing = map[string]bool{
	"early-help": true, "child-protection": true, "voice-of-child": true, "lac-commissioning": true,
	"lac-education": true, "lac-health": true, "placement-stability": true, "adoption": true,
	"fostering": true, "residential-care": true, "care-leavers": true, "workforce": true,
	"school-performance": true, "school-place-planning": true,
}

// shortFact is the fact as quoted inside a question, in quotation marks:
// the quote cut to at most maxFactWords words around the words that made
// it a fact, at the edges of clauses where it can, with an ellipsis where
// words are left out.
func shortFact(f figures.Fact) string {
	q := f.Quote
	words := strings.Fields(q)
	head, tail := "", ""
	if len(words) > maxFactWords+factRunOn {
		at := strings.Index(q, f.Match)
		start, end := 0, len(words)
		if at > 0 {
			start = len(strings.Fields(q[:at]))
			end = start + len(strings.Fields(f.Match))
		}
		lo := 0
		if end > maxFactWords {
			// Begin at the earliest clause that leaves room for the fact,
			// so that the fact keeps what it is about.
			lo = max(0, start-maxFactWords/3)
			for i := max(1, end-maxFactWords+1); i <= start; i++ {
				if clauseEnd(words[i-1]) {
					lo = i
					break
				}
			}
		}
		hi := min(len(words), lo+maxFactWords)
		// End at the end of a clause when one closes after the fact, or
		// run on a few words to finish the clause or the sentence rather
		// than stop mid-phrase ("a standard of 26 ..." for "26 weeks").
		cut := false
		for i := hi; i >= max(end, lo+maxFactWords/2); i-- {
			if clauseEnd(words[i-1]) {
				hi, cut = i, true
				break
			}
		}
		for i := hi + 1; !cut && i <= min(len(words), hi+factRunOn); i++ {
			if i == len(words) || clauseEnd(words[i-1]) {
				hi, cut = i, true
			}
		}
		if lo > 0 {
			head = "… "
		}
		if hi < len(words) {
			tail = " …"
		}
		words = words[lo:hi]
	}
	s := strings.TrimRight(strings.Join(words, " "), ".,;: ")
	if s == "" {
		return ""
	}
	return "“" + head + s + tail + "”"
}

// clauseEnd reports whether a word closes a clause (a comma, semicolon
// or colon after it).
func clauseEnd(w string) bool {
	return strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":")
}

// Vocabulary tests for what an item says nothing about, as phrases
// looked for in the item's lower-cased text (plain substring tests keep a
// 250-page pack fast).
var (
	hasComparison = []string{"statistical neighbour", "national average", "england average", "regional average", "north west average", "south east average", "london average", "comparator", "similar councils", "similar authorities", "similar local authorities", "other councils", "other authorities", "other local authorities", "benchmark", "nationally", "national figure", "national rate", "national data", "national picture", "england average", "for england", "in england", "(england ", "england rate", "england figure", "england's"}
	// hasViews are signs of children's and young people's own views: the
	// guidance asks for theirs, so a survey of carers or staff does not
	// count.
	hasViews     = []string{"children told us", "young people told us", "children said", "young people said", "children and young people said", "children say", "young people say", "children's views", "young people's views", "views of children", "views of young people", "views of the child", "child's views", "children in care council", "care leavers forum", "care leavers' forum", "youth council", "voice of the child", "child's voice", "children's voice", "young people's voice", "wishes and feelings", "survey of children", "survey of young people", "children's survey", "young people's survey", "participation", "care ambassador", "advocacy", "advocate", "what children think", "what young people think", "what children want", "what young people want", "bright spots", "mind of my own", "listened to children", "listening to children", "listen to children", "consulted children", "consulted young people"}
	hasTrend     = []string{"last year", "previous year", "previous financial year", "up from", "down from", "increased from", "decreased from", "fell from", "rose from", "year on year", "since 20", "over the last", "over the past", "the year before", "a year earlier"}
	hasPlanWord  = []string{"timescale", "deadline", "review date", "by the end of", "by q1", "by q2", "by q3", "by q4"}
	hasPlanOwner = []string{" lead ", " lead,", "owner", "responsible officer", "responsible manager", "service manager", "head of service", "action plan", "improvement plan"}
	hasOutcome   = []string{"outcomes for", "outcome for", "impact on", "impact of", "difference it has made", "difference this has made", "difference they have made", "difference it made", "improved outcomes", "better outcomes", "as a result", "evidence of", "evidence shows", "children are now", "children were now", "fewer children", "more children"}
	hasActivity  = []string{"training", "meeting", "event", "session", "workshop", "campaign", "course", "visit", "briefing"}
	months       = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)

// countAny counts occurrences of the phrases in s, stopping at limit.
func countAny(s string, phrases []string, limit int) int {
	n := 0
	for _, p := range phrases {
		n += strings.Count(s, p)
		if n >= limit {
			return n
		}
	}
	return n
}

// countDates counts month-and-year dates ("march 2027", "oct 18", "jan
// '19") in lower-cased text, stopping at limit.
func countDates(s string, limit int) int {
	n := 0
	for _, m := range months {
		for off := 0; ; {
			i := strings.Index(s[off:], m+" ")
			if i < 0 {
				break
			}
			j := off + i + len(m) + 1
			if (off+i == 0 || !figures.IsLetter(s[off+i-1])) && j+1 < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '\'') {
				n++
				if n >= limit {
					return n
				}
			}
			off = j
		}
	}
	return n
}

// doneAction reports whether f is a tracker's action marked done.
func doneAction(f figures.Fact) bool {
	return f.Kind == figures.FactAction && figures.DoneStatus(f.Match)
}
