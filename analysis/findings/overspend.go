package findings

import "regexp"

// overspend finds a forecast overspend or budget pressure with its sum.
var overspend = moneyCheck{
	kind:       "overspend",
	doc:        "a forecast overspend or budget pressure in a council sentence, with its amount",
	needAmount: true,
	lead:       "The report says",
	repeats:    true,
	find: func(text string) []int {
		if reNoOverspend.MatchString(text) {
			return nil
		}
		return reOverspend.FindStringIndex(text)
	},
}

var (
	reOverspend   = regexp.MustCompile(`(?i)\b(?:forecast(?:s|ing)?\s+(?:an?\s+)?(?:year[- ]end\s+)?)?(?:overspend(?:ing)?|over[- ]spend|budget pressures?|cost pressures?|financial pressures?)\b|£\s?\d[\d,]*(?:\.\d+)?\s?(?:m|k|million|bn)?\s+(?:forecast\s+)?(?:budget\s+|cost\s+|financial\s+)?(?:pressure|overspend)s?\b|\bover budget\b|\bforecast(?:s|ing)? to overspend\b`)
	reNoOverspend = regexp.MustCompile(`(?i)\b(?:no|not|without an?|avoid(?:ing)?|prevent(?:ing)?)\s+(?:\w+\s+)?(?:overspend|over budget|pressures?)\b|\bunderspend\b|\bbalanced budget\b|\bwithin budget\b`)
)
