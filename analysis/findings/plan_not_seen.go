package findings

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/corpus"
)

// planNotSeen finds a plan a report says comes to this committee that is
// not in the pack.
type planNotSeen struct{}

func (planNotSeen) Kind() string { return "plan-not-seen" }

func (planNotSeen) Doc() string {
	return "an action or improvement plan said to come to this meeting that no item of the pack is"
}

// reToThisMeeting is a plan said to come before this meeting.
var reToThisMeeting = regexp.MustCompile(`(?i)\b((?:[a-z-]+\s+){0,3}plan)\b(?:[^.;]|\.\d){0,40}?\b(?:will be|is to be|are to be|is being|are being|is due|are due|comes?|is attached|is appended)\b(?:[^.;]|\.\d){0,80}?\b(?:to|at|before|for)\s+(?:this|today's|the present)\s+(?:committee|meeting|board|panel)\b`)

func (c planNotSeen) Find(it *Item) []Finding {
	if it.Pack == nil {
		return nil
	}
	var out []Finding
	for _, s := range it.Sentences {
		if s.Owner != figures.OwnerCouncil {
			continue
		}
		m := reToThisMeeting.FindStringSubmatchIndex(s.Text)
		if m == nil || reDoneSaid.MatchString(s.Text) && strings.Contains(strings.ToLower(s.Text), "attached") {
			continue
		}
		plan := reArticle.ReplaceAllString(strings.TrimSpace(s.Text[m[2]:m[3]]), "")
		if !it.Meeting.IsZero() {
			if ds := findDates(s.Text); len(ds) > 0 && ds[0].Start.After(it.Meeting) {
				continue // due at a later meeting
			}
		}
		if planInPack(it, plan) {
			continue
		}
		claim := clauseAround(s.Text, m[0], m[1])
		out = append(out, Finding{
			Kind:     c.Kind(),
			Severity: severity(c.Kind(), gravity{}),
			Summary:  `The report says "` + claim + `", but no item of the pack is that plan.`,
			Evidence: evidence(s.Evidence()),
			Words:    Words{Claim: claim, Thing: "the " + strings.ToLower(plan)},
		})
	}
	return out
}

// reArticle is an article opening a name.
var reArticle = regexp.MustCompile(`(?i)^(?:the|an?|our|its|their)\s+`)

// planInPack reports whether any item of the pack, this one included, is
// titled as a plan sharing the plan's distinctive words.
func planInPack(it *Item, plan string) bool {
	want := keyWords(plan)
	for _, o := range it.Pack.Items {
		if o == nil || o.Kind == corpus.KindAgenda || o.Kind == corpus.KindMinutes {
			continue
		}
		title := strings.ToLower(o.Title)
		if !strings.Contains(title, "plan") {
			continue
		}
		if len(want) == 0 || shared(want, stems(o.Title)) > 0 {
			return true
		}
	}
	return false
}
