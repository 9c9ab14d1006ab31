package findings

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// This file reads sums of money and what is said of them, for the money
// checks.

// reAmount is a sum of money: "£2.3m", "£450,000", "£1.2 million".
var reAmount = regexp.MustCompile(`£\s?(\d[\d,]*(?:\.\d+)?)\s?(m\b|million\b|k\b|bn\b|billion\b)?`)

// pounds reads a sum of money in pounds, 0 when it is none.
func pounds(s string) float64 {
	m := reAmount.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	if err != nil {
		return 0
	}
	switch strings.ToLower(m[2]) {
	case "k":
		v *= 1e3
	case "m", "million":
		v *= 1e6
	case "bn", "billion":
		v *= 1e9
	}
	return v
}

// amountReach is how far, in bytes, a sum of money may sit after (or
// before) the words it goes with.
const amountReach = 60

// amountNear returns the sum of money said with the match at loc: the
// first in it or within reach after it, else the last within reach
// before it; "" when none.
func amountNear(text string, loc []int) string {
	after := text[loc[0]:min(len(text), loc[1]+amountReach)]
	if a := reAmount.FindString(after); a != "" {
		return strings.TrimSpace(a)
	}
	before := reAmount.FindAllString(text[max(0, loc[0]-amountReach):loc[0]], -1)
	if len(before) > 0 {
		return strings.TrimSpace(before[len(before)-1])
	}
	return ""
}

// fullAmount is the sum, in pounds, that counts as the full gap in
// severity.
const fullAmount = 5e6

// amountGap scales a sum of money to a gap for severity.
func amountGap(v float64) float64 {
	if v <= 0 {
		return 0
	}
	return fullGap * min(v/fullAmount, 1)
}

// moneyCheck is a check that finds one pattern in council prose and
// reports the clause, with the sum of money it names.
type moneyCheck struct {
	kind, doc string
	// find locates what the check catches in a sentence; nil when absent.
	find func(text string) []int
	// needAmount drops sentences with no sum of money.
	needAmount bool
	// lead opens the summary ("The report forecasts").
	lead string
	// share scores the sum as a share of the largest sum said with it:
	// half the savings at risk is grave whatever their size.
	share bool
	// repeats lowers all but the largest sum's finding by repeatCut: one
	// budget report's overspends are one story.
	repeats bool
}

// repeatCut is what a second or later finding of the same kind in an
// item loses, when its kind says findings repeat one story.
const repeatCut = 0.2

// smallestAmount is the smallest sum of money a text gives, as printed,
// "" when none.
func smallestAmount(text string) string {
	best := ""
	for _, a := range reAmount.FindAllString(text, -1) {
		if best == "" || pounds(a) < pounds(best) {
			best = strings.TrimSpace(a)
		}
	}
	return best
}

// largestAmount is the largest sum of money a text gives, in pounds.
func largestAmount(text string) float64 {
	best := 0.0
	for _, a := range reAmount.FindAllString(text, -1) {
		best = max(best, pounds(a))
	}
	return best
}

func (m moneyCheck) Kind() string { return m.kind }
func (m moneyCheck) Doc() string  { return m.doc }

func (m moneyCheck) Find(it *Item) []Finding {
	var out []Finding
	for _, s := range it.Sentences {
		if s.Owner != figures.OwnerCouncil {
			continue
		}
		loc := m.find(s.Text)
		if loc == nil {
			continue
		}
		amount := amountNear(s.Text, loc)
		cites := []report.Evidence{s.Evidence()}
		if prev, lean := antecedent(it, s); amount == "" && lean {
			// "These savings are at risk": the sum is the one the sentence
			// before gives.
			if as := reAmount.FindAllString(prev.Text, -1); len(as) > 0 {
				amount = strings.TrimSpace(as[len(as)-1])
				cites = []report.Evidence{prev.Evidence(), s.Evidence()}
			}
		}
		if m.needAmount && amount == "" {
			continue
		}
		claim := clauseAround(s.Text, loc[0], loc[1])
		g := gravity{gap: amountGap(pounds(amount))}
		if m.share {
			// A share of a larger sum the report gives ("£1.1 million of
			// the £2.1 million") counts as the gap when it is larger.
			var context string
			for _, c := range cites {
				context += " " + c.Quote
			}
			if part, whole := smallestAmount(context), largestAmount(context); part != "" && pounds(part) < whole {
				amount = part
				g.gap = max(amountGap(pounds(part)), fullGap*min(2*pounds(part)/whole, 1))
			}
		}
		g.explained = reExplained.MatchString(s.Text) || reMitigation.MatchString(s.Text)
		g.planned = rePlan.MatchString(s.Text) && len(findDates(s.Text)) > 0
		summary := m.lead + ` "` + claim + `"`
		if amount != "" && !strings.Contains(claim, amount) {
			summary += " (" + amount + ")"
		}
		out = append(out, Finding{
			Kind:     m.kind,
			Severity: severity(m.kind, g),
			Summary:  summary + ".",
			Evidence: evidence(cites...),
			Words:    Words{Claim: claim, Amount: amount, Figures: claim},
		})
	}
	if m.repeats && len(out) > 1 {
		top := 0
		for i := range out {
			if pounds(out[i].Words.Amount) > pounds(out[top].Words.Amount) {
				top = i
			}
		}
		for i := range out {
			if i != top {
				out[i].Severity = clamp(out[i].Severity - repeatCut)
			}
		}
	}
	return out
}

// reMitigation is a sentence saying what is being done about money.
var reMitigation = regexp.MustCompile(`(?i)\bmitigat\w*|\bmanagement actions?\b|\brecovery\b`)
