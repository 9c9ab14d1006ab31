package corpus

import (
	"regexp"
	"strings"
)

// Boilerplate is the text papers carry that answers no officer's search:
// the procedural items of every agenda (apologies, declarations of
// interest, the date of the next meeting), "no background papers", contact
// blocks, the notices of an agenda's front sheet, and the publisher's back
// matter of an Ofsted report. Search ranks such passages down; it never
// drops them, so a clerk looking for apologies still finds them.

// proceduralTitles are the titles of items that are procedure alone.
// Minutes are not among them: "what did we decide" is answered there.
var proceduralTitles = regexp.MustCompile(`(?i)^\W*(apologies( for absence)?|declarations? of (any )?(disclosable |pecuniary |personal )*interests?|substitut(es|e members|ions)|date (and time )?of (the )?next meeting|dates? of future meetings|exclusion of (the )?(press|public)( and (the )?(press|public))?|urgent (items|business)|any other (urgent )?business|chair(man)?'?s? announcements|membership)\b`)

// boilerMarks are phrases found in boilerplate passages; a passage made of
// them is boilerplate (see IsBoilerplate).
var boilerMarks = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(there are )?no background papers\b|\bbackground papers:?\s*(none|nil)\b`),
	regexp.MustCompile(`(?i)\bcontact (officer|details)\b|\benquiries to\b|\b(telephone number|e-?mail address|direct dial|ask for)\s*[:/]|\bfor further information (please )?contact\b`),
	regexp.MustCompile(`(?i)\b(tel|telephone|phone|ext)\.?\s*:?\s*\(?0\d`),
	regexp.MustCompile(`(?i)\bplease find (enclosed|attached)\b`),
	regexp.MustCompile(`(?i)\b(this|the) meeting (may|will) (also )?be (filmed|recorded|broadcast|webcast)|\bmobile (phones|devices)\b.{0,80}\b(silent|switch|off)\b|\bfire (alarm|evacuation)\b`),
	regexp.MustCompile(`(?i)©\s*crown copyright|\bopen government licen[cs]e\b|\bthis publication is available at\b|\byou may (re-?use|copy)\b`),
	regexp.MustCompile(`(?i)\bpiccadilly gate\b|\bstore street\b|enquiries@ofsted\.gov\.uk|\btextphone\b|www\.gov\.uk/ofsted\b`),
	regexp.MustCompile(`(?i)\bif you (would like|require) (a copy of )?this (document|information) in (a |an )?(different|alternative) format\b`),
	// The back matter names Ofsted on one line and goes on on the next
	// ("... Skills (Ofsted)" / "regulates and inspects to achieve ...").
	regexp.MustCompile(`(?i)\bofsted (has a duty|regulates and inspects)\b|\bregulates and inspects (to achieve excellence|childcare)\b|\binspects the children and family\b|\beducation and skills for learners of all ages\b|\(cafcass\), schools, colleges\b`),
}

// A passage is boilerplate when boilerplate phrases, each counted with
// the boilerReach characters around it (no more than its line), make at
// least boilerShare of its text.
const (
	boilerReach = 120
	boilerShare = 0.5
)

// IsBoilerplate reports whether passage p of item it is boilerplate: the
// item is procedure alone, or the passage is made of boilerplate phrases.
func IsBoilerplate(it *Item, p *Passage) bool {
	if it != nil && proceduralTitles.MatchString(strings.TrimSpace(it.Title)) {
		return true
	}
	marked, total := 0, 0
	for _, line := range strings.Split(p.Text, "\n") {
		total += len(line)
		n := 0
		for _, re := range boilerMarks {
			n += len(re.FindAllStringIndex(line, -1))
		}
		marked += min(len(line), n*boilerReach)
	}
	return total > 0 && float64(marked) >= boilerShare*float64(total)
}
