package findings

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// This file reads the commitments and deadlines a report gives ("will be
// published by September 2026", "due by 31 October 2026", "target date:
// August 2026") for the deadline checks.

// commitment is a dated promise in a council sentence or tracker row.
type commitment struct {
	text  string          // the sentence or row
	ev    report.Evidence // where it is
	date  dateSpan
	claim string // the clause that holds it
	thing string // what is promised, "" when it cannot be told
	done  bool   // the sentence says it is done
	row   bool   // a table row: a tracker's date cell
}

// said states the commitment for a summary: the report's own words in
// prose, the date and the action for a tracker row.
func (cm commitment) said() string {
	if cm.row && cm.thing != "" {
		return "The report gives " + cm.date.Text + ` for "` + cm.thing + `"`
	}
	return `The report says "` + cm.claim + `"`
}

var (
	// reDeadlineLead comes just before a deadline's date.
	reDeadlineLead = regexp.MustCompile(`(?i)(?:\bby|\bbefore|\bno later than|\bdue(?:\s+(?:by|in|on|for|at))?|\btarget date:?|\bdeadline(?:\s+of|:)?|\bcompletion date:?|\btimescales?:?|\bin|\bon|\bduring|\bfor|\buntil|\|)\s*(?:the\s+)?(?:(?:end|beginning|start)\s+of\s+)?$`)
	// reHeldOn ends the text before a meeting's own date ("the minutes of
	// the meeting held on 13 February 2025"): a date past, not due.
	reHeldOn = regexp.MustCompile(`(?i)\b(?:held|took place|met)\s+on\s+(?:the\s+)?$|\bmeeting\s+(?:of|on)\s+(?:the\s+)?$`)
	// reCommit makes a sentence a promise rather than an account.
	reCommit = regexp.MustCompile(`(?i)\b(?:will|to be|is due|are due|was due|were due|due (?:by|in|on)|target date|deadline|expected to|planned|scheduled|aims? to|intends? to|shall|committed to)\b`)
	// reDoneSaid says a promise is kept.
	reDoneSaid = regexp.MustCompile(`(?i)\b(?:(?:has|have|had) been|was|were|is now|are now)\s+(?:\w+\s+)?(?:published|completed|delivered|submitted|agreed|implemented|achieved|launched|approved|finalised|finalized|signed off|received|put in place|in place)\b|(?:^|\|)\s*(?:completed?|done|achieved)\s*(?:\||$)`)
	// reThingEnd ends the subject of a promise.
	reThingEnd = regexp.MustCompile(`(?i)\s(?:will|is|are|was|were|should|must|shall)\s+(?:be\s+|now\s+)?(?:due|published|completed|delivered|submitted|presented|reported|agreed|implemented|in place|produced|finalised|launched|reviewed|brought|taken|sent|shared|ready|available)\b|\sto be\s`)
)

// commitments returns the dated promises of an item: in council prose, in
// table rows that say they are promises ("target date", "to be"), and in
// the deadline column of its tracker tables. Each is returned once.
func commitments(it *Item) []commitment {
	var out []commitment
	seen := map[string]bool{}
	add := func(cm commitment) {
		key := strconv.Itoa(cm.ev.Page) + "\x00" + cm.date.Text + "\x00" + cm.thing
		if !seen[key] {
			seen[key] = true
			out = append(out, cm)
		}
	}
	for _, s := range it.Sentences {
		if s.Owner != figures.OwnerCouncil || !reCommit.MatchString(s.Text) || reCoverField.MatchString(s.Text) {
			continue
		}
		for _, d := range findDates(s.Text) {
			// A row whose cells run to paragraphs (a budget line's
			// explanation) is read as prose: its dates are what happened,
			// unless a promise comes before them.
			prose := !s.Table || len(strings.Fields(s.Text)) > maxRowWords
			if !reDeadlineLead.MatchString(s.Text[:d.Pos]) || prose && !promisedBefore(s.Text, d) || reHeldOn.MatchString(s.Text[:d.Pos]) {
				continue
			}
			add(commitment{
				text: s.Text, ev: s.Evidence(), date: d,
				claim: clauseAround(s.Text, d.Pos, d.Stop),
				thing: promised(s),
				done:  reDoneSaid.MatchString(s.Text),
				row:   s.Table || strings.Contains(s.Text, " | "),
			})
		}
	}
	for ti := range it.Tables {
		t := &it.Tables[ti]
		due, status := deadlineColumns(t)
		if due < 0 || t.Owner != figures.OwnerCouncil {
			continue
		}
		for ri, r := range t.Rows {
			if due >= len(r) {
				continue
			}
			ds := findDates(r[due])
			action := actionCell(r, status, due)
			if len(ds) == 0 || action == "" {
				continue
			}
			d := ds[len(ds)-1]
			done := status >= 0 && status < len(r) && reDoneCell.MatchString(strings.TrimSpace(r[status]))
			add(commitment{
				text: strings.Join(r, " | "), ev: rowEvidence(it, t, ri, action), date: d,
				claim: d.Text, thing: clip(lowerLead(action), maxThing), done: done, row: true,
			})
		}
	}
	return out
}

// maxRowWords is the most words of a table row whose dates are read as
// its deadlines: a tracker's action, owner, date and status.
const maxRowWords = 40

var (
	// reDueHead names a tracker's deadline column; reNotDueHead a date
	// column that is no deadline.
	reDueHead    = regexp.MustCompile(`(?i)\b(?:target|deadline|due|timescales?|completion|by when|end date)\b`)
	reNotDueHead = regexp.MustCompile(`(?i)\b(?:review|meeting|start|updated?|last)\b`)
	// reCoverField is a field of a report's cover sheet or a meeting
	// schedule: its dates are not promises.
	reCoverField = regexp.MustCompile(`(?i)\b(?:report to|date of meeting|meeting date|date of report|report of|wards affected|key decision|forward plan|contact officer)\b`)
)

// deadlineColumns returns a table's deadline column (-1 when none) and its
// status column (-1 when none).
func deadlineColumns(t *figures.Table) (due, status int) {
	due = -1
	status, _ = trackerColumns(t)
	if len(t.Header) == 0 {
		return due, status
	}
	for i, h := range t.Header[len(t.Header)-1] {
		if reDueHead.MatchString(h) && !reNotDueHead.MatchString(h) {
			return i, status
		}
	}
	return due, status
}

// promisedBefore reports whether prose promises something by a date: a
// commitment word in the date's clause before it ("will be published by
// September 2026", not "in July 2016 the panel agreed ... will"), and not
// a paper coming to the committee itself (members will see that).
func promisedBefore(text string, d dateSpan) bool {
	start := 0
	for _, loc := range reClauseBreak.FindAllStringIndex(text[:d.Pos], -1) {
		start = loc[1]
	}
	clause := text[start:d.Pos]
	return reCommit.MatchString(clause) && !reToCommittee.MatchString(clause)
}

// reToCommittee is a paper coming to the committee or its members.
var reToCommittee = regexp.MustCompile(`(?i)\b(?:to|at|before)\s+(?:the|this|a|a future|the next)\s+(?:committee|board|panel|meeting|scrutiny)\b|\bto members\b`)

// promised returns what a sentence promises: the words before "will be"
// in prose, the first wordy cell of a table row.
func promised(s figures.Sentence) string {
	if s.Table || strings.Contains(s.Text, " | ") {
		for _, cell := range strings.Split(s.Text, "|") {
			c := strings.TrimSpace(cell)
			if len(strings.Fields(c)) >= 2 && len(findDates(c)) == 0 {
				return clip(lowerLead(c), maxThing)
			}
		}
		return ""
	}
	loc := reThingEnd.FindStringIndex(s.Text)
	if loc == nil {
		return ""
	}
	head := s.Text[:loc[0]]
	if i := strings.LastIndexAny(head, ",;:"); i >= 0 {
		head = head[i+1:]
	}
	head = strings.TrimSpace(head)
	if len(strings.Fields(head)) < 2 {
		return ""
	}
	return clip(lowerLead(head), maxThing)
}

// maxThing is the longest name of a promised thing, in bytes.
const maxThing = 90

// longDate prints a date as a report would ("14 October 2026").
func longDate(t time.Time) string { return t.Format("2 January 2006") }
