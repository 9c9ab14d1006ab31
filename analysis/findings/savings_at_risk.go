package findings

import "regexp"

// savingsAtRisk finds savings said to be at risk or not delivered.
var savingsAtRisk = moneyCheck{
	kind:  "savings-at-risk",
	doc:   "savings a council sentence says are at risk, slipping or not delivered",
	lead:  "The report says",
	share: true,
	find:  func(text string) []int { return reSavingsRisk.FindStringIndex(text) },
}

var reSavingsRisk = regexp.MustCompile(`(?i)\bsavings?\b(?:[^.;]|\.\d){0,80}?\b(?:at risk|not (?:yet )?(?:be(?:en)? )?(?:achieved|delivered|met|achievable|deliverable)|unachieved|undelivered|unlikely to be (?:achieved|delivered|met)|slipp(?:ed|ing|age)|shortfall|rated (?:red|amber)|(?:is|are) (?:red|amber))\b|\b(?:shortfall|gap)\s+(?:in|against)\s+(?:the\s+)?(?:planned\s+|agreed\s+)?savings?\b`)
