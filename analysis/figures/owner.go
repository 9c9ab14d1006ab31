package figures

import (
	"regexp"
	"strings"
)

// OwnerOf says whose figures a sentence gives, from its own words and its
// heading: England's when a national figure is its subject (not when it
// sets one beside the council's own: "31%, against 28% for England"),
// another council's when it tells another council's example or sits
// under a case-study or guide heading, the council's otherwise. council
// is the council's own name, "" when unknown: a sentence "In Kent, ..."
// is then Kent's own.
func OwnerOf(s Sentence, council string) Owner {
	return ownerOf(s, strings.ToLower(s.Text), strings.ToLower(council))
}

// ownerOf is OwnerOf with the sentence and the council lower-cased.
func ownerOf(s Sentence, low, council string) Owner {
	if o := otherCouncil(s.Text, low, council); o != OwnerCouncil {
		return o
	}
	if national(low) || research(s.Text, low) {
		return OwnerNational
	}
	return headingOwner(s.Heading)
}

// Owners gives the owner of each sentence, reading the context the
// sentences make together: a case-study or guide heading makes the
// section under it context; a guide (the LGA's "10 questions", a resource
// pack) makes the rest context until a council report starts again. An
// owner already set on a sentence is kept.
func Owners(ss []Sentence, council string) []Owner {
	out := make([]Owner, len(ss))
	guide := false
	section := OwnerCouncil // the owner a section heading gave
	heading := ""
	lowCouncil := strings.ToLower(council)
	for i, s := range ss {
		low := strings.ToLower(s.Text)
		switch {
		case hasAny(low, reportMarks...) || reItemHead.MatchString(low) && !reStamp.MatchString(low):
			guide = false
		case hasAny(low, guideMarks...):
			guide = true
		}
		// A section heading: the sentence's heading, or a short line.
		if s.Heading != heading {
			heading = s.Heading
			if o := headingOwner(heading); o != OwnerCouncil {
				section = o
			} else if !placeName(heading) {
				section = OwnerCouncil
			}
		}
		if headingLike(s.Text) {
			if o := headingOwner(s.Text); o != OwnerCouncil {
				section = o
			}
		}
		o := ownerOf(s, low, lowCouncil)
		switch {
		case s.Owner != OwnerCouncil:
			o = s.Owner
		case o != OwnerCouncil:
		case section != OwnerCouncil:
			o = section
		case guide:
			o = OwnerOther
		}
		out[i] = o
	}
	return out
}

// reItemHead opens an agenda item's report ("Agenda Item 6 Fostering
// ..."); reStamp is the bare "Agenda Item N" a pack prints on every page
// of an item: page furniture, not the start of a council report.
var (
	reItemHead = regexp.MustCompile(`^\s*agenda item \d+[a-z]?\b`)
	reStamp    = regexp.MustCompile(`^\s*agenda item \d+[a-z]?\s*$`)
)

// SetOwners sets each sentence's Owner from Owners.
func SetOwners(ss []Sentence, council string) {
	for i, o := range Owners(ss, council) {
		ss[i].Owner = o
	}
}

// headingOwner reads a heading: context headings give their owner.
func headingOwner(h string) Owner {
	if h == "" {
		return OwnerCouncil
	}
	low := strings.ToLower(h)
	for _, c := range contextHeadings {
		if containsWord(low, c.phrase) {
			return c.owner
		}
	}
	return OwnerCouncil
}

// headingLike reports whether a sentence is a short line with no closing
// punctuation: a heading printed in the text.
func headingLike(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && len(s) <= 80 && !strings.HasSuffix(s, ".") && len(strings.Fields(s)) <= 10
}

// rePlace is a heading that is nothing but a place's name ("Trafford",
// "Stockton-on-Tees", "London Borough of Lambeth"): under a case-study
// heading, each example has one.
var rePlace = regexp.MustCompile(`^(?:<i>)?[A-Z][a-z]+(?:[- ](?:on|upon|of|and|le|[A-Z][a-z]+))*(?: (?:County|City|Borough|District|Metropolitan Borough))?(?: Council)?(?:</i>)?:?$`)

func placeName(h string) bool {
	return h != "" && len(h) <= 60 && rePlace.MatchString(strings.TrimSpace(h))
}

// reInPlace opens a sentence with a place: "In Anytown, 93% of ...".
var reInPlace = regexp.MustCompile(`^(?:In|At|Across) ([A-Z][A-Za-z'’-]+(?: (?:[A-Z][A-Za-z'’-]+|on|upon|of|and))*),`)

// reNamedCouncil names a council: "Trafford Council", "London Borough of
// Enfield", "South Tyneside Council".
var reNamedCouncil = regexp.MustCompile(`(?:\b(?:London|Royal) Borough of ([A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)*)|\b([A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)*) (?:County |City |Borough |District |Metropolitan Borough )?Council\b)`)

// notPlaces are capitalised words that open a sentence without naming a
// place.
var notPlaces = map[string]bool{
	"England": true, "Q1": true, "Q2": true, "Q3": true, "Q4": true, "Quarter": true, "Total": true,
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true,
	"July": true, "August": true, "September": true, "October": true, "November": true, "December": true,
	"Summary": true, "Addition": true, "Particular": true, "Response": true, "Practice": true, "Short": true,
	"General": true, "Contrast": true, "Comparison": true, "Line": true, "Future": true, "Order": true,
	"Our": true, "The": true, "This": true, "Year": true, "Care": true, "County": true, "Council": true,
}

// otherCouncil reports OwnerOther when a sentence tells another council's
// example: it opens "In Anytown," or names another council as its
// subject, or says it is a case study or an example.
func otherCouncil(text, low, council string) Owner {
	if hasAny(low, otherMarks...) {
		return OwnerOther
	}
	if m := findIf(reInPlace, text, strings.HasPrefix(text, "In ") || strings.HasPrefix(text, "At ") || strings.HasPrefix(text, "Across ")); m != nil {
		first := strings.Fields(m[1])[0]
		if !notPlaces[first] && (council == "" || !strings.Contains(strings.ToLower(m[1]), council)) {
			return OwnerOther
		}
	}
	if !strings.Contains(text, "Council") && !strings.Contains(text, "Borough") {
		return OwnerCouncil
	}
	for _, m := range reNamedCouncil.FindAllStringSubmatch(text, 3) {
		name := m[1] + m[2]
		if name == "" || strings.HasPrefix(name, "The ") || notPlaces[strings.Fields(name)[0]] {
			continue
		}
		if council != "" && strings.Contains(strings.ToLower(name), council) {
			continue
		}
		if strings.Index(text, name) < 40 {
			// Another council is the subject of the sentence.
			return OwnerOther
		}
	}
	return OwnerCouncil
}

// findIf runs re on text when worth it.
func findIf(re *regexp.Regexp, text string, worth bool) []string {
	if !worth {
		return nil
	}
	return re.FindStringSubmatch(text)
}

// national reports whether a national figure is the subject of a
// sentence: a national phrase that no comparing word stands before.
func national(low string) bool {
	for _, p := range nationalPhrases {
		for off := 0; ; {
			i := strings.Index(low[off:], p)
			if i < 0 {
				break
			}
			i += off
			off = i + len(p)
			if !containsWord(low[i:], p) {
				continue
			}
			if !comparedBefore(low[:i]) {
				return true
			}
		}
	}
	return false
}

// comparedBefore reports whether a comparing word stands in the clause
// before a national phrase, and a figure with it ("31%, against 28% for
// England").
func comparedBefore(before string) bool {
	start := max(0, len(before)-60)
	window := before[start:]
	for _, w := range comparing {
		if containsWord(window, w) {
			return true
		}
	}
	// "31% (England 28%)"
	return strings.HasSuffix(strings.TrimSpace(window), "(")
}

// research reports whether a sentence reports research: a cited figure
// (a footnote mark after it) or words of a study.
func research(text, low string) bool {
	if strings.ContainsAny(text, footnoteMarks) && reNum.MatchString(text) {
		return true
	}
	return hasAny(low, researchMarks...)
}
