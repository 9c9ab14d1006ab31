package findings

// deadlinePassed finds a commitment whose date had passed by the meeting
// and which the report does not say is done.
type deadlinePassed struct{}

func (deadlinePassed) Kind() string { return "deadline-passed" }

func (deadlinePassed) Doc() string {
	return `a commitment or deadline in a council sentence ("will be published by September 2026") already past at the meeting date and not said to be done`
}

// overdueYear is how overdue, in days, counts as the full gap.
const overdueYear = 365

func (c deadlinePassed) Find(it *Item) []Finding {
	if it.Meeting.IsZero() {
		return nil
	}
	var out []Finding
	for _, cm := range commitments(it) {
		if cm.done || !cm.date.End.Before(it.Meeting) {
			continue
		}
		days := it.Meeting.Sub(cm.date.End).Hours() / 24
		out = append(out, Finding{
			Kind:     c.Kind(),
			Severity: severity(c.Kind(), gravity{gap: fullGap * days / overdueYear}),
			Summary: cm.said() + `; that date had passed by the meeting on ` +
				longDate(it.Meeting) + ", and the report does not say it is done.",
			Evidence: evidence(cm.ev),
			Words:    Words{Claim: cm.claim, Thing: cm.thing, Date: cm.date.Text},
		})
	}
	return out
}
