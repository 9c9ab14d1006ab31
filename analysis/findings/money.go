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
	return out
}

// reMitigation is a sentence saying what is being done about money.
var reMitigation = regexp.MustCompile(`(?i)\bmitigat\w*|\bmanagement actions?\b|\brecovery\b`)
