package national

import (
	"errors"
	"testing"
)

// FuzzLookup feeds names and paper text from outside to Lookup and
// CouncilOf: neither may panic, a council found has a code, and a failure
// is a *LookupError.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{
		"Kent", "Kent County Council", "Bath and NE Somerset", "B&NES", "Kingston", "Hull",
		"London Borough of Brent", "kent.gov.uk", "someone@democracy.sefton.gov.uk", "886", "E10000016",
		"Inspection of Bath and North East Somerset local authority children's services",
		"ofsted-ilacs-kingston-upon-hull-2026-05.pdf", "", " ", "&", "’s", "NE NE NE", "City of",
		"\xff\xfe", "Sefton Council's", "St.", "x.gov.uk", "North", "London",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Lookup(s)
		check(t, "Lookup", s, c, err)
		c, err = CouncilOf(s)
		check(t, "CouncilOf", s, c, err)
	})
}

func check(t *testing.T, fn, s string, c Council, err error) {
	t.Helper()
	if err == nil {
		if c.Code == "" || c.Name == "" {
			t.Fatalf("%s(%q) found a council with no code or name: %+v", fn, s, c)
		}
		return
	}
	var le *LookupError
	if !errors.As(err, &le) || !(errors.Is(err, ErrUnknownCouncil) || errors.Is(err, ErrAmbiguousCouncil)) {
		t.Fatalf("%s(%q) error %v is not a LookupError", fn, s, err)
	}
	if le.Ambiguous && len(le.Candidates) < 2 {
		t.Fatalf("%s(%q): ambiguous with %d candidates", fn, s, len(le.Candidates))
	}
}

// FuzzMatchIndicator feeds indicator names and units read from papers to
// MatchIndicatorBasis: it may not panic, and a match is in the unit given.
func FuzzMatchIndicator(f *testing.F) {
	for _, s := range [][2]string{
		{"Re-referrals within 12 months", "%"}, {"CLA per 10,000", ""}, {"Average caseload", ""},
		{"re-", "%"}, {"", ""}, {"in care in care", "number"}, {"NEET not", "%"}, {"3+ 2 10,000", "per 10k"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, label, unit string) {
		m, ok := MatchIndicatorBasis(label, unit)
		if !ok {
			return
		}
		if m.Measure.ID == "" || !unitFits(unitOf(label, unit), m.Measure.Unit) {
			t.Fatalf("MatchIndicatorBasis(%q, %q) = %+v", label, unit, m)
		}
	})
}
