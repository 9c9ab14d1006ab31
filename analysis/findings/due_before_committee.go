package findings

import "regexp"

// dueBeforeCommittee finds a plan, report or submission due after this
// meeting but before the committee next meets: members will not see it
// before it goes.
type dueBeforeCommittee struct{}

func (dueBeforeCommittee) Kind() string { return "due-before-committee" }

func (dueBeforeCommittee) Doc() string {
	return "a plan, report or submission due between this meeting and the committee's next, so members will not see it before it is due"
}

var (
	// reDeliverable is something members would want to see before it
	// goes.
	reDeliverable = regexp.MustCompile(`(?i)\b(?:plan|strategy|report|review|audit|submission|submitted|policy|self[- ]assessment|self[- ]evaluation|return|business case|framework|protocol|offer|published|publish)\b`)
	// reOutside is a body outside the council a deliverable goes to:
	// members missing it matters more.
	reOutside = regexp.MustCompile(`(?i)\b(?:ofsted|dfe|department for education|secretary of state|regulator|commissioner|minister)\b`)
)

// outsideRise is what a deliverable due to a body outside the council
// adds to severity.
const outsideRise = 0.10

func (c dueBeforeCommittee) Find(it *Item) []Finding {
	if it.Meeting.IsZero() || !it.NextMeeting.After(it.Meeting) {
		return nil
	}
	var out []Finding
	for _, cm := range commitments(it) {
		if cm.done || cm.date.End.Before(it.Meeting) || !cm.date.End.Before(it.NextMeeting) || !reDeliverable.MatchString(cm.text) {
			continue
		}
		s := severity(c.Kind(), gravity{})
		if reOutside.MatchString(cm.text) {
			s += outsideRise
		}
		out = append(out, Finding{
			Kind:     c.Kind(),
			Severity: clamp(s),
			Summary: cm.said() + `; that falls before the committee next meets on ` +
				longDate(it.NextMeeting) + ", so members will not see it first.",
			Evidence: evidence(cm.ev),
			Words:    Words{Claim: cm.claim, Thing: cm.thing, Date: cm.date.Text},
		})
	}
	return out
}
