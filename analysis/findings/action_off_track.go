package findings

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// actionOffTrack finds an action tracker row the report itself rates Red
// or calls off track: an improvement plan's action that is not being
// delivered.
type actionOffTrack struct{}

func (actionOffTrack) Kind() string { return "action-off-track" }

func (actionOffTrack) Doc() string {
	return `an action tracker row the report rates Red, or whose status says it is off track, delayed or at risk`
}

var (
	// reRatingHead names a tracker's rating column.
	reRatingHead = regexp.MustCompile(`(?i)\b(?:rag|rating)\b`)
	// reOffTrack is a rating or status cell saying an action is not being
	// delivered.
	reOffTrack = regexp.MustCompile(`(?i)^(?:red|off[- ]track|delayed|behind(?: schedule)?|at risk|not started|stalled|slipped)\b`)
)

func (c actionOffTrack) Find(it *Item) []Finding {
	var out []Finding
	for ti := range it.Tables {
		t := &it.Tables[ti]
		status, ev := trackerColumns(t)
		if status < 0 || t.Owner != figures.OwnerCouncil || !actionTable(t) {
			continue
		}
		rating := ratingColumn(t, status)
		for ri, row := range t.Rows {
			cell := ""
			switch {
			case rating < len(row) && reOffTrack.MatchString(strings.TrimSpace(row[rating])):
				cell = strings.TrimSpace(row[rating])
			case status < len(row) && reOffTrack.MatchString(strings.TrimSpace(row[status])):
				cell = strings.TrimSpace(row[status])
			default:
				continue
			}
			action := actionCell(row, status, max(ev, rating))
			if action == "" {
				continue
			}
			thing := clip(action, maxThing)
			out = append(out, Finding{
				Kind:     c.Kind(),
				Severity: severity(c.Kind(), gravity{red: strings.EqualFold(cell, "red")}),
				Summary:  `The tracker rates "` + thing + `" ` + cell + ".",
				Evidence: evidence(rowEvidence(it, t, ri, action)),
				Words:    Words{Thing: thing, Claim: cell},
			})
		}
	}
	return out
}

// ratingColumn is a tracker's rating column beside its status column, the
// status column when it has none.
func ratingColumn(t *figures.Table, status int) int {
	head := t.Header[len(t.Header)-1]
	for i, h := range head {
		if i != status && reRatingHead.MatchString(h) {
			return i
		}
	}
	return status
}

// reActionHead names the column of a tracker's actions.
var reActionHead = regexp.MustCompile(`(?i)\b(?:action|actions|recommendation|task|activity|milestone|deliverable)s?\b`)

// actionTable reports whether a table is a tracker of actions (a column
// headed as the actions), not a table of performance indicators whose
// rows carry a rating too.
func actionTable(t *figures.Table) bool {
	for _, h := range t.Header[len(t.Header)-1] {
		if reActionHead.MatchString(h) {
			return true
		}
	}
	return false
}
