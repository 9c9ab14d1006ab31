package findings

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// completedUnevidenced finds an action tracker row marked complete whose
// evidence is missing, to be confirmed, or says nothing has moved.
type completedUnevidenced struct{}

func (completedUnevidenced) Kind() string { return "completed-unevidenced" }

func (completedUnevidenced) Doc() string {
	return `an action tracker row marked Complete, Done or Green whose evidence or outcome is empty, "TBC", or says the measure has not moved`
}

var (
	// reStatusHead and reEvidenceHead name a tracker's columns.
	reStatusHead   = regexp.MustCompile(`(?i)\b(?:status|rag|progress|complete[d]?)\b`)
	reEvidenceHead = regexp.MustCompile(`(?i)\b(?:evidence|outcomes?|impact|comments?|update|measures? of success|difference made)\b`)
	// reDoneCell is a status cell saying the action is done.
	reDoneCell = regexp.MustCompile(`(?i)^(?:complete|completed|done|achieved|closed|green|blue)\b`)
	// reNoEvidence is an evidence cell that gives none.
	reNoEvidence = regexp.MustCompile(`(?i)^(?:|-+|–|n/?a|none|tbc|tba|to be confirmed|to follow|awaited|pending|\?+)\.?$|\b(?:tbc|to be confirmed)\b|\b(?:no change|not (?:yet )?(?:moved|changed|improved|shifted)|unchanged|remains? (?:at|the same|unchanged|static)|no (?:measurable )?(?:improvement|impact)(?: yet)?|static)\b`)
)

func (c completedUnevidenced) Find(it *Item) []Finding {
	var out []Finding
	for ti := range it.Tables {
		t := &it.Tables[ti]
		status, ev := trackerColumns(t)
		if status < 0 || ev < 0 || t.Owner != figures.OwnerCouncil {
			continue
		}
		for ri, row := range t.Rows {
			if status >= len(row) || !reDoneCell.MatchString(strings.TrimSpace(row[status])) {
				continue
			}
			got := ""
			if ev < len(row) {
				got = strings.TrimSpace(row[ev])
			}
			if !reNoEvidence.MatchString(got) {
				continue
			}
			action := actionCell(row, status, ev)
			if action == "" {
				continue
			}
			said := "is empty"
			if got != "" && got != "-" && got != "–" {
				said = `says "` + clip(got, maxClaim) + `"`
			}
			thing := clip(action, maxThing)
			out = append(out, Finding{
				Kind:     c.Kind(),
				Severity: severity(c.Kind(), gravity{}),
				Summary: `The tracker marks "` + thing + `" as ` + strings.TrimSpace(row[status]) +
					", but its evidence " + said + ".",
				Evidence: evidence(rowEvidence(it, t, ri, action)),
				Words:    Words{Thing: thing, Claim: strings.TrimSpace(row[status]), Shows: got},
			})
		}
	}
	return out
}

// trackerColumns returns a table's status and evidence columns, -1 when
// it has not both.
func trackerColumns(t *figures.Table) (status, ev int) {
	status, ev = -1, -1
	if len(t.Header) == 0 {
		return
	}
	head := t.Header[len(t.Header)-1]
	for i, h := range head {
		switch {
		case status < 0 && reStatusHead.MatchString(h) && !reEvidenceHead.MatchString(h):
			status = i
		case ev < 0 && reEvidenceHead.MatchString(h):
			ev = i
		}
	}
	return
}

// actionCell returns the row's longest cell that is neither status nor
// evidence: the action.
func actionCell(row []string, status, ev int) string {
	best := ""
	for i, c := range row {
		if i == status || i == ev {
			continue
		}
		if c = strings.TrimSpace(c); len(c) > len(best) {
			best = c
		}
	}
	return best
}

// rowEvidence cites row i of a table verbatim: the row as printed, else
// the item's table-row sentence on the table's page that holds the
// action, else the action cell itself.
func rowEvidence(it *Item, t *figures.Table, i int, action string) report.Evidence {
	if e := t.Evidence(i); strings.TrimSpace(e.Quote) != "" {
		return e
	}
	for _, s := range it.Sentences {
		if s.Page == t.Page && strings.Contains(s.Text, action) {
			return s.Evidence()
		}
	}
	return report.Evidence{Page: t.Page, PrintedPage: t.Printed, Quote: action}
}
