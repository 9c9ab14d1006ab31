package findings

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// fundingEnding finds a grant or funding that ends on a date with no plan
// said for after it.
type fundingEnding struct{}

func (fundingEnding) Kind() string { return "funding-ending" }

func (fundingEnding) Doc() string {
	return "a grant or funding a council sentence says ends on a date, with no exit plan, mainstreaming or new funding said anywhere in the item"
}

var (
	reFundingEnds = regexp.MustCompile(`(?i)\b(?:grant|funding|funded)\b(?:[^.;]|\.\d){0,60}?\b(?:ends|ending|will end|is due to end|ceases?|ceasing|expires?|expiring|runs? out|comes? to an end|until|is time[- ]limited|not (?:been )?(?:renewed|confirmed) (?:beyond|after))\b`)
	// reFundingPlan says what happens when funding ends.
	reFundingPlan = regexp.MustCompile(`(?i)\bexit (?:strategy|plan)\b|\bsustainab(?:le|ility)\b|\bmainstream(?:ed|ing)?\b|\bcontinuation\b|\b(?:has|have) been (?:secured|confirmed|extended|renewed)\b|\bbase budget\b|\bwill be funded\b|\balternative funding\b|\bsuccession\b|\btransition plan\b|\bfunding (?:has been|is) (?:secured|confirmed|extended)\b`)
	reFundingWord = regexp.MustCompile(`(?i)\b(?:grant|funding|funded|budget)\b`)
)

func (c fundingEnding) Find(it *Item) []Finding {
	planned := false
	for _, s := range it.Sentences {
		if s.Owner == figures.OwnerCouncil && reFundingWord.MatchString(s.Text) && reFundingPlan.MatchString(s.Text) {
			planned = true
		}
	}
	if planned {
		return nil
	}
	var out []Finding
	for _, s := range it.Sentences {
		if s.Owner != figures.OwnerCouncil {
			continue
		}
		loc := reFundingEnds.FindStringIndex(s.Text)
		if loc == nil {
			continue
		}
		ds := findDates(s.Text[loc[1]:])
		if len(ds) == 0 || ds[0].Pos > endingReach {
			continue
		}
		d := ds[0]
		claim := clauseAround(s.Text, loc[0], loc[1]+d.Stop)
		g := gravity{}
		if !it.Meeting.IsZero() && d.End.Sub(it.Meeting).Hours() < 24*fundingSoon {
			g.gap = fullGap // ending within the year
		}
		amount := strings.TrimSpace(reAmount.FindString(s.Text))
		cites := []report.Evidence{s.Evidence()}
		if prev, lean := antecedent(it, s); amount == "" && lean && reFundingWord.MatchString(prev.Text) {
			// "The grant ends on 31 March 2027": its sum is in the
			// sentence before.
			if a := strings.TrimSpace(reAmount.FindString(prev.Text)); a != "" {
				amount = a
				cites = []report.Evidence{prev.Evidence(), s.Evidence()}
			}
		}
		said := `The report says "` + claim + `"`
		if amount != "" && !strings.Contains(claim, amount) {
			said += " (" + amount + ")"
		}
		out = append(out, Finding{
			Kind:     c.Kind(),
			Severity: severity(c.Kind(), g),
			Summary:  said + ", and says no plan for after " + d.Text + ".",
			Evidence: evidence(cites...),
			Words:    Words{Claim: claim, Date: d.Text, Amount: amount},
		})
	}
	return out
}

// endingReach is how far after the ending word, in bytes, its date may
// be printed.
const endingReach = 40

// fundingSoon is how many days ahead of the meeting an end of funding
// counts as soon.
const fundingSoon = 365
