package findings

import (
	"regexp"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// This file reads the commitments and deadlines a report gives ("will be
// published by September 2026", "due by 31 October 2026", "target date:
// August 2026") for the deadline checks.

// commitment is a dated promise in a council sentence.
type commitment struct {
	s     figures.Sentence
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
	// reCommit makes a sentence a promise rather than an account.
	reCommit = regexp.MustCompile(`(?i)\b(?:will|to be|is due|are due|was due|were due|due (?:by|in|on)|target date|deadline|expected to|planned|scheduled|aims? to|intends? to|shall|committed to)\b`)
	// reDoneSaid says a promise is kept.
	reDoneSaid = regexp.MustCompile(`(?i)\b(?:(?:has|have|had) been|was|were|is now|are now)\s+(?:\w+\s+)?(?:published|completed|delivered|submitted|agreed|implemented|achieved|launched|approved|finalised|finalized|signed off|received|put in place|in place)\b|(?:^|\|)\s*(?:completed?|done|achieved)\s*(?:\||$)`)
	// reThingEnd ends the subject of a promise.
	reThingEnd = regexp.MustCompile(`(?i)\s(?:will|is|are|was|were|should|must|shall)\s+(?:be\s+|now\s+)?(?:due|published|completed|delivered|submitted|presented|reported|agreed|implemented|in place|produced|finalised|launched|reviewed|brought|taken|sent|shared|ready|available)\b|\sto be\s`)
)

// commitments returns the dated promises of an item's council sentences.
func commitments(it *Item) []commitment {
	var out []commitment
	for _, s := range it.Sentences {
		if s.Owner != figures.OwnerCouncil || !s.Table && !reCommit.MatchString(s.Text) {
			continue
		}
		for _, d := range findDates(s.Text) {
			if !reDeadlineLead.MatchString(s.Text[:d.Pos]) {
				continue
			}
			out = append(out, commitment{
				s: s, date: d,
				claim: clauseAround(s.Text, d.Pos, d.Stop),
				thing: promised(s),
				done:  reDoneSaid.MatchString(s.Text),
				row:   s.Table || strings.Contains(s.Text, " | "),
			})
		}
	}
	return out
}

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
