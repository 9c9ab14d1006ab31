package figures

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/corpus/english"
)

// FactKind classifies what a sentence of a report tells members.
type FactKind int

// Fact kinds, in no particular order; salience ranks them.
const (
	FactFigure         FactKind = iota // a number and what it measures
	FactTrend                          // a change over time
	FactTarget                         // a figure against a target
	FactRAG                            // a red or amber rating
	FactDelay                          // a delay, slippage or waiting time
	FactWorkforce                      // vacancies, agency staff, caseloads, turnover
	FactCost                           // an overspend or budget pressure
	FactConcern                        // a weakness a report or review names
	FactRecommendation                 // a recommendation or required improvement
	FactResolution                     // an earlier resolution asking for a report back
	FactAction                         // an action-plan row with a date or owner
	FactComparison                     // a figure set against other councils or England
	FactProposal                       // what the report proposes or commits to
)

// Salience is the base priority of a kind of fact: what a councillor most
// needs to ask about comes first.
var Salience = map[FactKind]float64{
	FactTarget:         3.0,
	FactRAG:            3.0,
	FactTrend:          2.6,
	FactComparison:     2.6,
	FactDelay:          2.3,
	FactCost:           2.2,
	FactWorkforce:      2.1,
	FactConcern:        2.0,
	FactRecommendation: 1.9,
	FactResolution:     1.9,
	FactFigure:         1.5,
	FactAction:         1.2,
	FactProposal:       1.4,
}

// Fact is one thing a report says that a question can be built on.
type Fact struct {
	Kind    FactKind
	Passage int    // index of the passage in the item
	Text    string // the sentence or table row, white space collapsed
	Quote   string // a verbatim quote of at most MaxQuote bytes
	Match   string // the words that made it a fact ("down from 41")
	Percent bool   // carries a percentage
	Weight  float64
	an      *english.Analysed // text analysed, once (see Terms)
}

// Terms returns the fact's text analysed as the matcher reads it,
// analysing it the first time: theme selection and the question
// generator both read it.
func (f *Fact) Terms() english.Analysed {
	if f.an == nil {
		a := english.Analyse(reRole.ReplaceAllString(f.Text, " "))
		f.an = &a
	}
	return *f.an
}

// reRole is an officer's job title ("Head of Fostering and Adoption",
// "Director of Children's Services"): who owns a tracker's action, not
// what the action is about, so it is left out of the terms that say
// which theme a fact is about.
var reRole = regexp.MustCompile(`\b(?:(?:Assistant|Deputy|Interim) )?(?:Head|Director) of (?:[A-Z][\w'’]*|and|&|,)(?: (?:[A-Z][\w'’]*|and|&))*`)

var (
	// reNumber is a figure: digits with optional decimals, a currency sign,
	// or a percentage.
	reNumber  = regexp.MustCompile(`(?:£\s?)?\b\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per ?cent\b|m\b|k\b|million\b|bn\b))?`)
	rePercent = regexp.MustCompile(`\d(?:\.\d+)?\s?(?:%|per ?cent\b)`)
	// reYearLike matches numbers that are dates, years, references or
	// phone numbers rather than measures.
	reYearLike = regexp.MustCompile(`^(?:19|20)\d\d$|^\d{1,2}(?:st|nd|rd|th)?$`)
	reDateWord = regexp.MustCompile(`(?i)^\s*(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b`)

	reTrend     = regexp.MustCompile(`\b(?:(?:increased|decreased|rose|fell|risen|fallen|dropped|reduced|grown|grew|improved|declined|deteriorated|went (?:up|down)|has gone (?:up|down))\b[^.;]{0,60}?\bfrom\b[^.;]{0,40}?\bto\b\s*\S+|(?:up|down) from\s+\S+(?:\s+\S+){0,5}|compar(?:ed|es) (?:with|to)\s+[^.;]{0,50}?(?:last year|previous (?:financial )?year|the previous\b[^.;]{0,20}|in 20\d\d(?:[-/]\d\d(?:\d\d)?)?|20\d\d[-/]\d\d(?:\d\d)?)|(?:an? )?(?:slight |small |significant |sharp |further )?(?:increase|decrease|rise|fall|reduction|drop|improvement|deterioration) (?:of|in|on|from)\b[^.;]{0,60}?(?:last year|previous|20\d\d)|(?:than|from) (?:the )?(?:same (?:period|quarter|point) )?last year)`)
	reTarget    = regexp.MustCompile(`\b(?:against (?:a|the|our) target(?: of)?\s*\S+|target(?:s)? (?:of|was|is)\s+\S+|(?:below|above|off|short of|missed (?:the|its|our)?)\s*target|target (?:not|has not been|was not) (?:met|achieved)|(?:national|england|statutory) (?:target|standard|timescale) of\s+\S+|against (?:the|a|our) (?:[a-z]+ )?(?:standard|target|timescale|benchmark) of\s+\S+)`)
	reRAGWord   = regexp.MustCompile(`\b(?:rated|rag(?: rated| rating| status)?(?: of| is| was)?|status)\s*(?:as\s+)?(?:red|amber)\b`)
	reDelay     = regexp.MustCompile(`\b(?:delay(?:s|ed)?|slipp(?:ed|age)|behind schedule|overdue|deferred|postponed|backlog|waiting (?:times?|lists?)|(?:was|were|is|are) late)\b`)
	reWork      = regexp.MustCompile(`\b(?:vacanc(?:y|ies)|vacant posts?|agency (?:staff|workers?|social workers?)|locums?|turnover|caseloads?|sickness absence|(?:recruitment|retention) (?:of|and retention of) (?:social workers|staff))\b`)
	reCost      = regexp.MustCompile(`\b(?:overspen[dt]s?|over budget|budget pressures?|shortfall|deficit|savings? of|forecast(?:s|ing)? to overspend|cost pressures?|more than (?:the )?budget(?:ed)?|above (?:the )?budget|over[- ]?committed|not (?:a )?sustainable)\b`)
	reConcern   = regexp.MustCompile(`\b(?:not always|not robust|insufficient(?:ly)?|inconsistent(?:ly)?|poor(?:ly)?|weak(?:ness|nesses)?|lack of|fragmented|requires? improvement|inadequate|too (?:long|slow|high|low|few|many)|not (?:effectively|adequately|sufficiently|consistently|properly)|remains? (?:relatively )?(?:high|low)|significant (?:challenge|challenges|concern|concerns)|concerns? (?:about|over|regarding|were raised)|unclear|drift|not (?:yet )?(?:been )?(?:fully )?(?:achieved|met|provided|done|started|received)|unsatisfactory|falls? (?:well |far )?short|(?:subject to|under) an? (?:intervention|improvement) notice|statutory direction|(?:response|progress) (?:has been|was|is) (?:too )?slow)\b`)
	reRecommend = regexp.MustCompile(`\b(?:recommend(?:s|ed)? that|we recommend|it is recommended|the (?:local authority|council|authority|service|partnership) (?:should|needs? to)|needs? to (?:improve|ensure|strengthen|address|develop)|should (?:ensure|improve|implement|consider|strengthen|address|develop))`)
	reResolved  = regexp.MustCompile(`\b(?:resolved(?: that|:)|it was resolved|report(?:ed)? back|(?:submit|provide|receive|bring)s? (?:a )?(?:further |an )?(?:update|report|progress report|monitoring report)|further update|be added to the (?:committee's )?work programme|six[- ]monthly|bi[- ]annual report|(?:monitoring|progress) report)`)
	// reGradeScale is a line of an inspection framework's grading scale
	// ("Inadequate (Grade 4) A service that does not meet minimum
	// requirements").
	reGradeScale = regexp.MustCompile(`(?i)\(grade \d\)\s*a service that|four[- ]point scale`)
	// reNarrative marks a sentence telling one family's story (a case
	// review's chronology): its numbers are ages, dates and days in one
	// case, not measures of a service.
	reNarrative = regexp.MustCompile(`(?i)\b(?:he|she|his|him|her|hers|himself|herself|gestation|arrested|was born|the (?:mother|father|baby|social worker's)|mother's|father's)\b|\b[A-Z]{2,3}'s\b`)
	// reLeadIn is a sentence that introduces a list ("the following are
	// among the key issues"): the points are the list's, not its own.
	reLeadIn = regexp.MustCompile(`\bthe following\b|:\s*$`)
	// reMajesty is a title, not a person in a story.
	reMajesty = regexp.MustCompile(`(?i)\b(?:her|his) majesty'?s?\b`)
	// reContact is an address, phone number or web site: contact details,
	// not a finding.
	reContact = regexp.MustCompile(`(?i)[\w.-]+@[\w-]+\.[\w.]+|\bwww\.|https?://|\b(?:tel|telephone|textphone|phone)\b:?\s*\(?0\d|\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b`)
	// reDataNote is a note on how figures were prepared (rounding,
	// suppression, averaging), not a finding.
	reDataNote = regexp.MustCompile(`(?i)\brounded (?:up |down )?to the nearest\b|\b(?:figures|numbers|values|data) (?:have been|are|were) (?:suppressed|rounded)|\bexcluded from the (?:mean|average) calculation\b`)
	// reContentsRow is a contents row: a title and a page number.
	reContentsRow = regexp.MustCompile(`^[^|]+ \| \d{1,3}$`)
	// reRAGCount counts actions by rating ("8 Amber and 4 Red").
	reRAGCount = regexp.MustCompile(`\b\d+ (?:actions? (?:were |are )?(?:rated )?)?(?:amber|red)\b`)
	// reRAGRow is a red or amber rating inside a table row laid out as a
	// line.
	reRAGRow = regexp.MustCompile(`\b(?:Red|Amber|RED|AMBER)\b`)
	// reStatus is the status of an action or recommendation that is not
	// done, in a tracker row.
	reStatus = regexp.MustCompile(`\b(?:` + statusOpen + `)\b`)
	// reStatusNoun follows a status word used as an adjective ("any
	// outstanding actions from the strategy meeting"): not a tracker's
	// status.
	reStatusNoun = regexp.MustCompile(`^\s+(?:actions?|issues?|items?|work|matters?|recommendations?|tasks?|cases?|concerns?|debts?)\b`)
	// reDone is the status of a completed action in a tracker row.
	reDone = regexp.MustCompile(`\b(?:` + statusDone + `)\b`)
	// ReCounted is a number followed closely by what it counts.
	ReCounted = regexp.MustCompile(`\d%?\s+(?:[a-z/-]+\s+){0,3}(?:children|child|young people|carers?|households|families|placements?|places|approvals?|assessments?|enquiries|referrals|moves|breakdowns?|social workers|posts|vacancies|cases|plans|visits|attendances|leavers|homes|beds|weeks|days)\b|\bwas \d+\.?$`)
	// reTOCLine is a contents line: a question or title, then a page
	// number.
	reTOCLine = regexp.MustCompile(`[?]\s+\d{1,3}\b`)
	// reWordRun is a word of three or more letters.
	reWordRun = regexp.MustCompile(`[A-Za-z]{3,}`)
	// reProposal is what a paper proposes or commits the council to.
	reProposal = regexp.MustCompile(`\b(?:it is proposed|(?:we|the council|the board|the committee) (?:propose|proposes|will)|is proposed|are proposed|proposal is|(?:will|shall) (?:be (?:undertaken|held|produced|submitted|presented|reported|reviewed|introduced|made up)|meet|produce|review|report|consist|comprise)|agreed to (?:the )?(?:creation|establish|introduce|set up)|proposed (?:closure|changes?|restructure)|(?:suggested|proposed) approach|to introduce an? |agree to the (?:establishment|creation|appointment)|establishment of an? (?:joint )?(?:working group|task and finish group|sub-committee|panel|board)|(?:possibility|date) of an? (?:future )?(?:site )?visit|consultation (?:is underway|has begun|will run|on the)|\b(?:held|reviewed|reviewing|review|reported|report|reports|meet|meets|submitted|produced|produces|monitor|monitored)\b[^.;]{0,80}?\b(?:quarterly|annually|monthly|bi-annually|six-monthly|each year|every year|on an annual basis|at each (?:board )?meeting))`)
	// reDemand is rising demand said without figures.
	reDemand = regexp.MustCompile(`\b(?:(?:declined|deteriorated|improved|worsened|fallen|risen|increased|decreased) since (?:20\d\d|the last inspection|last year)|(?:rising|increasing|growing) demand|(?:number|numbers) of [a-z ,]{3,60}?(?:increasing|rising|growing)|continued (?:rise|increase) in the number|(?:unprecedented|unparalleled|record) (?:numbers?|levels?) of)`)
	// reCompare is a figure set against others.
	reCompare = regexp.MustCompile(`(?:compared (?:with|to)|than|against|versus) [^.;]{0,40}?(?:in|for|across) england\b|statistical neighbou?rs?|national (?:average|figure|rate)|england average|for england\b|(?:regional|north west|south east|london) average|comparator|similar (?:councils|authorities|local authorities)`)
	// ReLeadNumber is list numbering at the start of a sentence ("1.1",
	// "(f)", "a)", "3.").
	ReLeadNumber = regexp.MustCompile(`^[\s\-•●▪◼■◦*–]*(?:\(?[0-9]{1,3}\)|\([a-z]{1,4}\)|[a-z]\)|\d+(?:\.\d+)+\.?|\d{1,2}\.)\**\s+`)
	// reDayRange follows the first day of a range of dates ("3 to 7
	// November").
	reDayRange = regexp.MustCompile(`(?i)^\s*(?:to|-|–|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)`)
	// reOrdinalAfter is an ordinal suffix set apart from its number.
	reOrdinalAfter = regexp.MustCompile(`^ ?(?:st|nd|rd|th|am|pm|a\.m|p\.m)\b`)
	// reAgeAfter follows a number that is someone's age.
	reAgeAfter = regexp.MustCompile(`^[ -](?:years?|months?|weeks?)[ -]old`)
	// reFootnote is a bare footnote number opening a sentence.
	reFootnote = regexp.MustCompile(`^\d{1,2}\s+([A-Z])`)
	// reMarkup marks text left over from a converter's markup (HTML tags
	// and attributes, markdown links: a citation, not a finding).
	reMarkup = regexp.MustCompile(`<[a-z/][^>]*>|style="|[a-z]+="|\]\(#?[^)]*\)`)
	// reNoDelay is "delay" said as an aim, not a fact.
	reNoDelay     = regexp.MustCompile(`\b(?:minimi[sz]e|avoid|avoidance of|reduce|prevent|without|no|any|undue|unnecessary|reducing|minimising|minimizing)\s+(?:\w+\s+)?(?:delays?|drift)`)
	reStrongDelay = regexp.MustCompile(`\b(?:delayed|slipp(?:ed|age)|behind schedule|overdue|was a delay|were delays|postponed|deferred|not (?:yet )?(?:been )?(?:fully )?(?:completed|delivered|implemented))\b`)
	// reDoneAtLast is a delay that is over: "the long overdue
	// refurbishment was completed in June".
	reDoneAtLast = regexp.MustCompile(`\blong[- ]overdue\b.*\b(?:completed|finished|delivered|opened|reopened|in place|launched|agreed|done)\b`)
	// reRAGKey is a line of a report's key to its ratings ("AMBER Floor
	// Standard achieved but Target has not been met").
	reRAGKey    = regexp.MustCompile(`^(?i:red|amber|green)\b[^0-9]{0,100}\b(?i:target|floor|standard|tolerance)\b[^0-9]*$`)
	reToNote    = regexp.MustCompile(`\b(?:correct record|to note|be noted|is noted|are noted|noted the|receive[sd]? the report|report be received)\b`)
	reCoverRow  = regexp.MustCompile(`report to|cabinet member|portfolio holder|lead member|date of meeting|subject|report of|wards affected|portfolio|key decision|forward plan|exempt|contact officer|telephone|email`)
	reOwnerDate = regexp.MustCompile(`\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*'?\d{2,4}|q[1-4]\b|end of q[1-4]|complete[d]?|ongoing|in progress)\b`)
)

// trackerEntry drops from a tracker row's facts those that read its
// entry as the report's own resolution, proposal or recommendation ("8
// July 2026 Report back on ... In progress" is a record of what the
// committee asked, not a new request): the row's status is its fact.
func trackerEntry(fs []Fact) []Fact {
	out := fs[:0]
	for _, f := range fs {
		switch f.Kind {
		case FactResolution, FactProposal, FactRecommendation:
		default:
			out = append(out, f)
		}
	}
	return out
}

// spacedStatus reads the status a tracker row laid out with spaces gives
// in its last cell ("... | Director | In progress"): an action not done,
// or done (is it working?), asked about as such in place of the row's
// owner or date. A row whose status is neither ("Accepted for
// December", "Due December 2026") asks nothing by its owner or date: it
// is a commitment not yet due.
func spacedStatus(sent string, fs []Fact) []Fact {
	i := strings.LastIndex(sent, " | ")
	if i < 0 {
		return fs
	}
	last := strings.ToLower(sent[i+3:])
	var status *Fact
	switch loc := []int{i + 3, len(sent)}; {
	case reStatusCell.MatchString(last):
		f := statusFact(sent, loc, true)
		status = &f
	case reDoneCell.MatchString(last):
		f := statusFact(sent, loc, false)
		status = &f
	case !reStatusLater.MatchString(last):
		return fs
	}
	out := fs[:0]
	if status != nil {
		out = append(out, *status)
	}
	for _, f := range fs {
		if f.Kind != FactAction {
			out = append(out, f)
		}
	}
	return out
}

// statusOpen and statusDone are a tracker's words for an action not done
// and for one done.
const (
	statusOpen = `outstanding|in progress|overdue|not started|not yet (?:provided|started|done|met)|delayed|behind`
	statusDone = `completed?|done|achieved`
)

// DoneStatus reports whether s, a fact's Match, is a tracker's status of
// an action done ("Completed").
func DoneStatus(s string) bool { return reDoneCell.MatchString(strings.ToLower(s)) }

// statusFact is a tracker row's status at sent[loc[0]:loc[1]]: an action
// not done (open), or one done, which ranks lower (is it working?).
func statusFact(sent string, loc []int, open bool) Fact {
	w := Salience[FactAction] + 0.3
	if open {
		w = Salience[FactAction] + 0.8
	}
	return Fact{Kind: FactAction, Text: sent, Match: sent[loc[0]:loc[1]], Quote: QuoteAround(sent, loc[0], loc[1]), Weight: w}
}

var (
	// reStatusCell is a tracker's status cell for an action not done.
	reStatusCell = regexp.MustCompile(`^(?:` + statusOpen + `)$`)
	// reDoneCell is a tracker's status cell for a completed action.
	reDoneCell = regexp.MustCompile(`^(?:` + statusDone + `)$`)
	// reStatusLater is a status cell for an action agreed for later.
	reStatusLater = regexp.MustCompile(`^(?:accepted|agreed|due|scheduled|planned|on track)\b`)
)

// FindFacts scans an item's passages for facts.
func FindFacts(passages []string) []Fact {
	var out []Fact
	for pi, text := range passages {
		for _, sp := range Spans(text) {
			raw := text[sp.Start:sp.End]
			var sent string
			switch {
			case sp.Spaced:
				sent = spacedCells(raw)
			case sp.Table:
				sent = CleanRow(raw)
			default:
				sent = Clean(raw)
			}
			sent = strings.TrimSpace(sent[len(ReLeadNumber.FindString(sent)):])
			sent = DropRecHeading(sent)
			if m := reFootnote.FindStringSubmatchIndex(sent); m != nil && !reDateWord.MatchString(sent[m[2]:]) {
				sent = sent[m[2]:] // a footnote number before a capital
			}
			if len(sent) < 12 || strings.HasSuffix(sent, "?") || notFinding(sent) {
				continue // too short, a question, or not a finding at all
			}
			fs := classify(sent, sp.Table)
			if sp.Row {
				if loc := reRAGRow.FindStringIndex(sent); loc != nil {
					fs = append([]Fact{{Kind: FactRAG, Text: sent, Match: sent[loc[0]:loc[1]], Quote: QuoteAround(sent, loc[0], loc[1]), Weight: Salience[FactRAG]}}, fs...)
				}
				low := strings.ToLower(sent)
				if loc := reStatus.FindStringIndex(low); loc != nil && len(low) == len(sent) && !reStatusNoun.MatchString(low[loc[1]:]) {
					fs = append([]Fact{statusFact(sent, loc, true)}, trackerEntry(fs)...)
				} else if loc := reDone.FindStringIndex(low); loc != nil && len(low) == len(sent) && !reDoneMeasure.MatchString(low[loc[1]:]) {
					// Done, says the tracker: is it working?
					fs = append([]Fact{statusFact(sent, loc, false)}, fs...)
				}
			}
			if sp.Spaced {
				fs = spacedStatus(sent, fs)
			}
			for _, f := range fs {
				f.Passage = pi
				if sp.Spaced {
					// The cells were joined with bars for the tests; quote
					// the row as laid out.
					f.Quote = strings.ReplaceAll(f.Quote, " | ", " ")
					f.Text = strings.ReplaceAll(f.Text, " | ", " ")
				}
				out = append(out, f)
			}
		}
	}
	return out
}

// classify returns the facts one sentence or table row carries: at most
// one per kind, the first matching pattern giving the quote's anchor.
func classify(sent string, table bool) []Fact {
	var out []Fact
	add := func(k FactKind, loc []int) {
		f := Fact{Kind: k, Text: sent, Match: sent[loc[0]:loc[1]], Percent: rePercent.MatchString(sent)}
		f.Quote = QuoteAround(sent, loc[0], loc[1])
		f.Weight = Salience[k]
		if f.Percent {
			f.Weight += 0.4
		}
		// A crisp sentence is a better fact than a long one that happens to
		// hold a number.
		switch {
		case len(sent) <= 120:
			f.Weight += 0.3
		case len(sent) > 250:
			f.Weight -= 0.3
		}
		out = append(out, f)
	}
	nums := measures(sent)
	hasNum := len(nums) > 0
	words := len(reWordRun.FindAllString(sent, -1))
	if hasNum && words < len(nums)+1 {
		return nil // a run of table figures with too few words to say what they measure
	}
	if strings.Contains(sent, "....") || strings.Contains(sent, "…") || (table || strings.HasPrefix(sent, "|")) && reContentsRow.MatchString(strings.Trim(sent, "| ")) || reTOCLine.MatchString(sent) {
		return nil // a table of contents
	}
	// Cheap keyword tests on the lower-cased sentence decide which of the
	// (slower) patterns to run.
	low := strings.ToLower(sent)
	if len(low) != len(sent) {
		low = sent // offsets must hold; rare case changes that resize text
	}
	if hasNum && hasAny(low, "statistical", "national", "england", "regional", "comparator", "similar") {
		if loc := reCompare.FindStringIndex(low); loc != nil {
			add(FactComparison, loc)
		}
	}
	if hasNum && hasAny(low, "target", "standard", "timescale") {
		if loc := reTarget.FindStringIndex(low); loc != nil {
			add(FactTarget, loc)
		}
	}
	if hasNum && hasAny(low, "from", "compar", "since", "increase", "decrease", "rise", "fall", "reduction", "drop", "improvement", "deterioration", "last year") {
		if loc := reTrend.FindStringIndex(low); loc != nil {
			add(FactTrend, loc)
		}
	}
	if !hasNum && !table && hasAny(low, "increasing", "rising", "rise in", "growing", "since", "unprecedented", "unparalleled", "record") {
		if loc := reDemand.FindStringIndex(low); loc != nil {
			add(FactTrend, loc)
		}
	}
	if table {
		if loc := ragCell(sent); loc != nil {
			add(FactRAG, loc)
		}
	} else if hasAny(low, "red", "amber") {
		if loc := reRAGWord.FindStringIndex(low); loc != nil {
			add(FactRAG, loc)
		} else if loc := reRAGCount.FindStringIndex(low); loc != nil {
			add(FactRAG, loc)
		}
	}
	if hasAny(low, "delay", "slipp", "schedule", "overdue", "defer", "postpon", "backlog", "wait", "late") {
		if loc := reDelay.FindStringIndex(low); loc != nil && !reNoDelay.MatchString(low) && (hasNum || reStrongDelay.MatchString(low)) && !narrative(sent) && !reDoneAtLast.MatchString(low) {
			add(FactDelay, loc)
		}
	}
	concern := hasAny(low, "not ", "insufficient", "inconsistent", "poor", "weak", "lack of", "fragmented", "requir", "inadequate", "too ", "remain", "significant", "concern", "unclear", "drift", "unsatisfactory", "l short", "s short", "intervention notice", "improvement notice", "statutory direction", "been slow", "is slow", "was slow")
	if hasAny(low, "vacan", "agency", "locum", "turnover", "caseload", "sickness", "recruitment", "retention") {
		if loc := reWork.FindStringIndex(low); loc != nil && (hasNum || hasAny(low, "minimal", "reliance", "shortage", "stable", "rising", "falling", "high", "low") || concern && reConcern.MatchString(low) || reTrend.MatchString(low)) {
			add(FactWorkforce, loc)
		}
	}
	if hasAny(low, "overspen", "budget", "shortfall", "deficit", "saving", "pressure", "committed", "sustainable") {
		if loc := reCost.FindStringIndex(low); loc != nil {
			add(FactCost, loc)
		}
	}
	if concern && !table {
		if loc := reConcern.FindStringIndex(low); loc != nil && !reNoConcern.MatchString(low) && !narrative(sent) && !tackled(low, loc[0]) {
			add(FactConcern, loc)
		}
	}
	toNote := hasAny(low, "note", "receive", "correct record") && reToNote.MatchString(low)
	if !table && !toNote && hasAny(low, "recommend", "should", "need") {
		if loc := reRecommend.FindStringIndex(low); loc != nil && !strings.HasSuffix(low[:loc[0]], "the ") && !reLeadIn.MatchString(low) {
			add(FactRecommendation, loc)
		}
	}
	if !table && !toNote && hasAny(low, "resolved", "report", "update", "work programme", "monthly", "annual") {
		if loc := reResolved.FindStringIndex(low); loc != nil {
			add(FactResolution, loc)
		} else if i := strings.Index(sent, "RESOLVED"); i >= 0 {
			add(FactResolution, []int{i, i + len("RESOLVED")})
		}
	}
	if !table && !toNote && hasAny(low, "propos", "will ", "agreed", "shall", "consultation", "introduce", "suggested", "agree to", "establishment", "visit", "quarterly", "annual", "monthly", "each year", "every year", "each meeting", "board meeting") {
		if loc := reProposal.FindStringIndex(low); loc != nil {
			add(FactProposal, loc)
		}
	}
	if table && strings.Count(sent, "|") >= 2 && !reCoverRow.MatchString(low) && longestCell(sent) >= 30 {
		if loc := ownerOrDate(low); loc != nil {
			add(FactAction, loc)
		}
	}
	if (len(out) == 0 || len(out) == 1 && out[0].Kind == FactProposal) && hasNum && words >= 4 && !narrative(sent) {
		add(FactFigure, nums[0])
	}
	// A figure that counts children, carers or places is what members
	// most need to hear about.
	if hasNum && ReCounted.MatchString(strings.ToLower(sent)) {
		for i := range out {
			out[i].Weight += 0.5
		}
	}
	return out
}

// reTackles ends the words before a weakness that the service acts on it
// ("IROs challenge drift", "help to address concerns"), which praises the
// service rather than finding fault, or that says it only may be so
// ("performance may not always correspond").
var reTackles = regexp.MustCompile(`\b(?:avoidance of|free from|challeng(?:e|es|ed|ing)|prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?|address(?:es|ed|ing)?|tackl(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|respond(?:s|ed|ing)? to|identif(?:y|ies|ied|ying)|manag(?:e|es|ed|ing)|resolv(?:e|es|ed|ing)|escalat(?:e|es|ed|ing)|minimi[sz](?:e|es|ed|ing)|when|if|where|any|may|might|could|can)\s+(?:\w+\s+){0,2}$`)

// reConditional is a weakness said as what may happen ("when concerns
// about exploitation arise, support ... provides reassurance").
var reConditional = regexp.MustCompile(`^\s*(?:when|if|where|should)\b`)

// reDoneMeasure follows "completed" in a measure's name ("assessments
// completed within 35 days"), where it is no action's status.
var reDoneMeasure = regexp.MustCompile(`^\s+(?:within|in|on time|by|inside)\b`)

// reMeasureCell opens a table cell that names a measure ("Percentage of
// initial health assessments completed").
var reMeasureCell = regexp.MustCompile(`^\s*(?:percentage|proportion|number|rate|no\.|%)\s+(?:of\b)?`)

// ownerOrDate locates the first owner, date or status in a tracker row,
// passing over "completed" where it is part of a measure's name.
func ownerOrDate(low string) []int {
	for _, loc := range reOwnerDate.FindAllStringIndex(low, -1) {
		if !strings.HasPrefix(low[loc[0]:], "complete") {
			return loc
		}
		cell := low[strings.LastIndexByte(low[:loc[0]], '|')+1 : loc[0]]
		if !reDoneMeasure.MatchString(low[loc[1]:]) && !reMeasureCell.MatchString(cell) {
			return loc
		}
	}
	return nil
}

// tackled reports whether the weakness found at i in a lower-cased
// sentence is one the service is said to act on, or a condition, not a
// finding of fault.
func tackled(low string, i int) bool {
	return reTackles.MatchString(low[:i]) || reConditional.MatchString(low)
}

// notFinding reports whether a sentence is markup, a grading scale, a
// note on the data or contact details. Cheap tests pick which patterns
// to run: most sentences need none of them.
func notFinding(sent string) bool {
	if strings.ContainsAny(sent, "<=]") && reMarkup.MatchString(sent) {
		return true
	}
	low := strings.ToLower(sent)
	if (strings.Contains(low, "grade") || strings.Contains(low, "point scale")) && reGradeScale.MatchString(sent) {
		return true
	}
	if (strings.Contains(low, "rounded") || strings.Contains(low, "suppressed") || strings.Contains(low, "excluded from")) && reDataNote.MatchString(sent) {
		return true
	}
	if reRAGKey.MatchString(sent) {
		return true // the key to a report's ratings
	}
	return Contact(sent)
}

// Contact reports whether a sentence holds an email or web address or a
// phone number (reContact), testing only sentences that could.
func Contact(sent string) bool {
	digits := 0
	for i := 0; i < len(sent); i++ {
		if sent[i] >= '0' && sent[i] <= '9' {
			digits++
		}
	}
	if digits < 10 && !strings.Contains(sent, "@") && !strings.Contains(sent, "www.") && !strings.Contains(sent, "://") {
		return false
	}
	return reContact.MatchString(sent)
}

// DropRecHeading takes a "what needs to improve" or "areas for
// improvement" heading off the front of the sentence the extraction ran
// it into ("Areas for improvement Leaders across the partnership should
// ...").
func DropRecHeading(sent string) string {
	low := strings.ToLower(sent)
	if len(low) != len(sent) {
		return sent
	}
	m := ReRecHeading.FindString(low)
	if m == "" || len(strings.Fields(sent[len(m):])) < 5 {
		return sent
	}
	rest := strings.TrimLeft(sent[len(m):], " ?:.-–")
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
		return sent // the heading's own words ("What needs to improve in this area ...?")
	}
	return rest
}

// narrative reports whether a sentence tells one family's story rather
// than describe a service: its figures, delays and failings are a case's
// (a weight on a centile, a father's care), not the council's.
func narrative(sent string) bool {
	return reNarrative.MatchString(reMajesty.ReplaceAllString(sent, ""))
}

// reNoConcern marks a sentence whose concern words are no concern: "no
// concerns", or the ends of a rating scale a survey explains ("on a scale
// of 0-10 (where '0' is very unclear/unhelpful ...").
var reNoConcern = regexp.MustCompile(`\b(?:no|any) (?:concerns?|worries)\b|\bnot concerned\b|\bon a scale of\b|\bwhere ['‘’"]?\d+['‘’"]? (?:is|means)\b`)

// measures returns the locations of numbers in a sentence that measure
// something: not years, days of the month, paragraph references or phone
// numbers.
func measures(sent string) [][]int {
	var out [][]int
	for _, loc := range reNumber.FindAllStringIndex(sent, -1) {
		n := sent[loc[0]:loc[1]]
		digits := strings.TrimLeft(n, "£ ")
		if rePercent.MatchString(n) || strings.HasPrefix(n, "£") {
			out = append(out, loc)
			continue
		}
		// Ordinals and codes ("1st", "Q1", "S47"), fiscal years and dates
		// ("2017/18", "01.08.18").
		if loc[1] < len(sent) && (IsLetter(sent[loc[1]]) || sent[loc[1]] == '/' || sent[loc[1]] == '-') ||
			loc[0] > 0 && (IsLetter(sent[loc[0]-1]) || sent[loc[0]-1] == '/' || sent[loc[0]-1] == '.') {
			continue
		}
		if reYearLike.MatchString(digits) && (len(digits) == 4 || reDateWord.MatchString(sent[loc[1]:]) || isDayBefore(sent, loc[0]) || reDayRange.MatchString(sent[loc[1]:])) {
			continue
		}
		// Paragraph and section references ("1.1.2", "section 20").
		if strings.Count(digits, ".") > 1 || loc[1] < len(sent) && sent[loc[1]] == '.' && loc[1]+1 < len(sent) && sent[loc[1]+1] >= '0' && sent[loc[1]+1] <= '9' {
			continue
		}
		before := strings.ToLower(sent[max(0, loc[0]-16):loc[0]])
		if strings.Contains(digits, ".") && (loc[0] == 0 || strings.HasSuffix(sent[:loc[0]], "| ")) {
			continue // a section number opening a cell
		}
		if loc[0] > 0 && strings.ContainsRune("([#", rune(sent[loc[0]-1])) || loc[1] < len(sent) && sent[loc[1]] == ')' ||
			reOrdinalAfter.MatchString(sent[loc[1]:]) {
			continue // "(3)", "[24", "25 th"
		}
		if strings.HasPrefix(sent[loc[1]:], " x ") || loc[0] > 0 && sent[loc[0]-1] == '-' || strings.HasPrefix(sent[loc[1]:], "-") {
			continue // "2 x", ranges "60-74"
		}
		if strings.Contains(before, "section") || strings.Contains(before, "regulation") || strings.Contains(before, "paragraph") || strings.Contains(before, "minute no") || strings.Contains(before, "page") || strings.Contains(before, "tel") || strings.Contains(before, "item") || strings.Contains(before, "phase") || strings.Contains(before, "appendix") || strings.Contains(before, "annex") || strings.Contains(before, "question") || strings.Contains(before, "recommendation") || strings.Contains(before, "outcome") || strings.Contains(before, "objective") || strings.Contains(before, "priority") || strings.Contains(before, "year ") || strings.Contains(before, "key stage") || strings.Contains(before, "tier") || strings.Contains(before, "level") || strings.Contains(before, "table") || strings.Contains(before, "lesson") || strings.Contains(before, "step") || strings.Contains(before, "stage") || strings.Contains(before, "figure") || strings.Contains(before, "chart") || strings.Contains(before, "graph") || strings.Contains(before, "aged") || strings.Contains(before, "turn") || strings.Contains(before, "age ") || strings.Contains(before, "under") || strings.Contains(before, "over") {
			continue
		}
		if reAgeAfter.MatchString(sent[loc[1]:]) {
			continue // an age, not a measure
		}
		if labelBefore(sent, loc[0]) && !strings.ContainsAny(n, "%£") {
			continue // "Room 3", "Stage 2": a name, not a measure
		}
		if len(strings.ReplaceAll(digits, ",", "")) >= 7 {
			continue // phone numbers, reference codes
		}
		out = append(out, loc)
	}
	return out
}

func IsLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// hasAny reports whether s contains any of the words.
func hasAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// longestCell is the length of the longest cell of a cleaned table row.
func longestCell(row string) int {
	n := 0
	for _, c := range strings.Split(row, " | ") {
		n = max(n, len(c))
	}
	return n
}

// labelBefore reports whether the word before position i is a
// capitalised word inside the sentence ("in Room 3").
func labelBefore(sent string, i int) bool {
	fs := strings.Fields(sent[:i])
	if len(fs) < 2 {
		return false
	}
	w := fs[len(fs)-1]
	return w[0] >= 'A' && w[0] <= 'Z' && !strings.HasSuffix(fs[len(fs)-2], ".") && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != ""
}

// isDayBefore reports whether a number at i is preceded by a month name
// ("April 12").
func isDayBefore(sent string, i int) bool {
	b := strings.TrimSpace(sent[max(0, i-10):i])
	fs := strings.Fields(b)
	if len(fs) == 0 {
		return false
	}
	return reDateWord.MatchString(fs[len(fs)-1])
}

// ragCell finds a cell of a table row that is a red or amber rating.
func ragCell(row string) []int {
	off := 0
	for _, c := range strings.Split(row, "|") {
		t := strings.TrimSpace(c)
		switch strings.ToLower(t) {
		case "red", "amber", "red/amber", "amber/red", "r", "a":
			if len(t) == 1 && t != "R" && t != "A" {
				break
			}
			i := off + strings.Index(c, t)
			return []int{i, i + len(t)}
		}
		off += len(c) + 1
	}
	return nil
}
