package findings

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// unansweredRequest finds an action or request in the last meeting's
// minutes that no item of this pack answers.
type unansweredRequest struct{}

func (unansweredRequest) Kind() string { return "unanswered-request" }

func (unansweredRequest) Doc() string {
	return `a request in the last meeting's minutes ("officers to bring a report on ...", "members asked for ...") that no other item of the pack answers in its title or opening`
}

// requestPatterns are the ways minutes record an action or a request for
// something to come back; a minute that only notes, receives or agrees a
// report matches none of them.
var requestPatterns = []*regexp.Regexp{
	// "Officers to bring ...", "that officers bring ...", "Action: officers
	// to provide ..."
	regexp.MustCompile(`(?i)(?:^|[;:–-]\s*|\b(?:action|that|and that|agreed)\s*:?\s+)(?:the\s+)?(?:lead\s+|relevant\s+)?officers?\s+(?:to\s+|would\s+|will\s+|should\s+|agreed to\s+|undertook to\s+)?(?:bring|provide|report|circulate|share|present|prepare|arrange|send|look into|investigate|update)\b`),
	// "Members asked for a breakdown ...", "Councillor Begum asked that
	// future reports show ..."
	regexp.MustCompile(`(?i)\b(?:members?|councillors?|cllrs?\.?|the (?:committee|chair(?:man)?))\s+(?:[A-Z][a-z]+\s+)?(?:asked|requested)\s+(?:for|that)\s+(?:an?\s+|the\s+)?(?:further\s+|future\s+)?(?:(?:[a-z]+\s+){0,2}(?:reports?|updates?|briefing|paper|information|data|details?|breakdown|figures|analysis|review)\b|(?:[a-z]+\s+){0,3}(?:show|include|set out|give)\b)`),
	// "It was agreed that a report on X be brought ...", "RESOLVED: that
	// an update on Y be brought ..."
	regexp.MustCompile(`(?i)\b(?:requested|asked|agreed|resolved)\s*:?\s+(?:\(\w+\)\s+)?(?:that\s+)?(?:an?\s+|the\s+)?(?:further\s+)?(?:report|update|briefing|paper|information|data|details?|breakdown|figures|analysis)\b(?:[^.;]|\.\d){0,160}?\b(?:be|is)\s+(?:brought|provided|circulated|presented|submitted|shared|reported|considered)\b`),
	// "... a further update to the next meeting"
	regexp.MustCompile(`(?i)\b(?:report|update|briefing)\b(?:[^.;]|\.\d){0,120}?\bto (?:the|a) (?:next|future|following) meeting\b`),
}

// openingSentences is how many of an item's first sentences count as its
// opening, where an answer to a request would say what it answers.
const openingSentences = 6

// requestGeneric are words of a request that say nothing of its subject.
var requestGeneric = setOf("briefing", "paper", "figure", "breakdown", "analysis", "clarification", "requested", "undertook", "look", "investigate", "prepare", "arrange", "send", "consider", "considered", "submitted", "reported", "come", "back", "following",
	"councillor", "cllr", "chair", "chairman", "director", "resolved", "show", "give", "set", "out", "use", "number", "account", "fuller", "future")

// reNamed is a councillor's name, which says nothing of a request's
// subject.
var reNamed = regexp.MustCompile(`\b(?:Councillor|Cllr\.?)\s+[A-Z][a-z]+`)

func (c unansweredRequest) Find(it *Item) []Finding {
	var out []Finding
	for _, r := range Requests(it) {
		if r.Answer != nil {
			continue
		}
		out = append(out, Finding{
			Kind:     c.Kind(),
			Severity: severity(c.Kind(), gravity{}),
			Summary:  `The minutes of the last meeting record "` + r.Claim + `", and no item of this pack answers it.`,
			Evidence: evidence(r.Evidence),
			Words:    Words{Claim: r.Claim, Thing: clip(r.Text, maxThing)},
		})
	}
	return out
}

// Request is an action or a request the last meeting's minutes record,
// and the item of this pack that answers it.
type Request struct {
	// Text is the request's clause ("officers bring a report on the use
	// of unregistered children's homes"); Claim the clause as quoted.
	Text, Claim string
	Evidence    report.Evidence
	// Answer is the item of the pack that answers it, nil when none does.
	Answer *Item
}

// Requests lists the actions and requests a minutes item of a pack
// records, each with the item of the pack that answers it (its title
// shares a distinctive word of the request, or its title and opening
// two); none for an item that is not minutes in a pack.
func Requests(it *Item) []Request {
	if it.Kind != corpus.KindMinutes || it.Pack == nil {
		return nil
	}
	var out []Request
	for _, s := range it.Sentences {
		if s.Owner != figures.OwnerCouncil {
			continue
		}
		loc := requestIn(s.Text)
		if loc == nil {
			continue
		}
		// The request is its clause: "officers bring a report on the use
		// of unregistered children's homes", not what follows it.
		cs, ce := clauseBounds(s.Text, loc[0], loc[1])
		request := strings.TrimSpace(s.Text[cs:ce])
		var words []string
		for _, w := range keyWords(reNamed.ReplaceAllString(request, "")) {
			if !requestGeneric[w] {
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			continue
		}
		out = append(out, Request{Text: request, Claim: clauseAround(s.Text, loc[0], loc[1]), Evidence: s.Evidence(), Answer: answering(it, words)})
	}
	return out
}

// requestIn returns the location of the first request a sentence
// records, nil when none.
func requestIn(text string) []int {
	var best []int
	for _, re := range requestPatterns {
		if loc := re.FindStringIndex(text); loc != nil && (best == nil || loc[0] < best[0]) {
			best = loc
		}
	}
	return best
}

// answering returns the item of the pack (not the agenda, not minutes)
// that answers a request: its title shares a distinctive word of the
// request, or its title and opening sentences share two (the one, when
// the request has only one); nil when none does.
func answering(minutes *Item, words []string) *Item {
	need := min(2, len(words))
	for _, o := range minutes.Pack.Items {
		if o == nil || o == minutes || o.Kind == corpus.KindAgenda || o.Kind == corpus.KindMinutes {
			continue
		}
		var b strings.Builder
		b.WriteString(o.Title)
		for i, s := range o.Sentences {
			if i >= openingSentences {
				break
			}
			b.WriteString(" " + s.Text)
		}
		if shared(words, stems(o.Title)) > 0 || shared(words, stems(b.String())) >= need {
			return o
		}
	}
	return nil
}
