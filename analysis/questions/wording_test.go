package questions

import (
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/findings"
)

func TestWordExamples(t *testing.T) {
	tests := []struct {
		name string
		f    findings.Finding
		want string
	}{
		{"missed target", findings.Finding{Kind: "missed-target", Summary: "613 approved foster households in Q3 against a target of 700 (88% of target).",
			Words: findings.Words{Measure: "approved foster households", Figures: "613 approved foster households in Q3 against a target of 700"}},
			"The report gives 613 approved foster households in Q3 against a target of 700. Why is the service short of its target, what is being done to close the gap, and by when?"},
		{"direction contradicted", findings.Finding{Kind: "direction-contradicted",
			Summary:   `The report says "agency use has stabilised", but its own figures show agency social workers rising from 22% to 24.1% to 25.6% over three quarters.`,
			Words:     findings.Words{Measure: "agency social workers", Claim: "agency use has stabilised", Shows: "agency social workers rising from 22% to 24.1% to 25.6% over three quarters"},
			Indicator: &figures.Indicator{Name: "Agency social workers", Unit: "%", Polarity: figures.LowerIsBetter}},
			"The report says agency use has stabilised, but its own figures show agency social workers rising from 22% to 24.1% to 25.6% over three quarters. Which is right, and what is the plan to bring it down?"},
		{"direction contradicted, polarity unknown", findings.Finding{Kind: "direction-contradicted",
			Summary: `The report says "the number of children missing from care has increased", but its own figures show children missing from care falling from 40 to 31 over two quarters.`,
			Words:   findings.Words{Measure: "children missing from care", Claim: "the number of children missing from care has increased", Shows: "children missing from care falling from 40 to 31 over two quarters"}},
			"The report says the number of children missing from care has increased, but its own figures show children missing from care falling from 40 to 31 over two quarters. Which is right, and what is the plan for children missing from care?"},
		{"strength", findings.Finding{Kind: "strength", Strength: true,
			Summary: "Timeliness of assessments at 86% in Q3 has improved for three quarters (from 61% to 70% to 78% to 86%) and is better than 75% for England.",
			Words:   findings.Words{Figures: "timeliness of assessments at 86% in Q3 has improved for three quarters (from 61% to 70% to 78% to 86%) and is better than 75% for England"}},
			"Timeliness of assessments at 86% in Q3 has improved for three quarters (from 61% to 70% to 78% to 86%) and is better than 75% for England. What made the difference, and how will it be sustained?"},
		{"deadline passed in a tracker", findings.Finding{Kind: "deadline-passed", Summary: "The report gives 31/08/2026 for ...",
			Words: findings.Words{Thing: "refresh the edge of care offer", Date: "31/08/2026", Claim: "31/08/2026"}},
			"The report gave 31/08/2026 for \"refresh the edge of care offer\", and that date has passed. Has it been done, and if not, why not and when will it be?"},
		{"falls back on the summary", findings.Finding{Kind: "overspend", Summary: "The report says the service forecasts an overspend."},
			"The report says the service forecasts an overspend. What is driving it, what is being done to bring it down, and what will it mean for services if it is not?"},
		{"unknown kind", findings.Finding{Kind: "something-new", Summary: "Something new was found"},
			"Something new was found. What is being done about it, by when, and how will the committee know?"},
		{"nothing at all", findings.Finding{},
			"What does the report show here, what is being done about it, by when, and how will the committee know?"},
	}
	for _, tt := range tests {
		if got := Word(tt.f); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestEveryKindIsWorded words a finding of every kind the checks make,
// with all its words, with only a summary, and with nothing: each must be
// a question with no placeholder left in it, and a kind's own wording
// rather than the fallback.
func TestEveryKindIsWorded(t *testing.T) {
	full := findings.Words{
		Measure: "initial health assessments", Figures: "initial health assessments at 38% in Q2 against a target of 90%",
		Claim: "timeliness is improving", Shows: "initial health assessments falling from 62% to 38% over two quarters",
		Comparator: "England", Thing: "the improvement plan", Date: "September 2026", Amount: "£2.3m",
	}
	for _, c := range findings.Checks {
		k := c.Kind()
		ts, ok := wordings[k]
		if !ok || len(ts) == 0 {
			t.Errorf("%s: no wording", k)
			continue
		}
		if rePlaceholder.FindAllString(ts[len(ts)-1], -1)[0] != "{summary}" || len(rePlaceholder.FindAllString(ts[len(ts)-1], -1)) != 1 {
			t.Errorf("%s: the last template must need only {summary}", k)
		}
		for _, f := range []findings.Finding{
			{Kind: k, Summary: "Something was found.", Words: full},
			{Kind: k, Summary: "Something was found."},
			{Kind: k},
		} {
			q := Word(f)
			if strings.ContainsAny(q, "{}") {
				t.Errorf("%s: placeholder left in %q", k, q)
			}
			if !strings.HasSuffix(q, "?") {
				t.Errorf("%s: not a question: %q", k, q)
			}
			if f.Summary != "" && strings.HasSuffix(q, "how will the committee know?") && strings.HasPrefix(q, "Something was found. What is being done about it") {
				t.Errorf("%s: fell back on the generic wording: %q", k, q)
			}
			if strings.Contains(q, "..") || strings.Contains(q, " .") {
				t.Errorf("%s: broken punctuation in %q", k, q)
			}
		}
	}
}

// TestTemplatesNameKnownPlaceholders catches a misspelt placeholder,
// which would otherwise make a template never used.
func TestTemplatesNameKnownPlaceholders(t *testing.T) {
	known := values(findings.Finding{})
	for k, ts := range wordings {
		for _, tmpl := range ts {
			for _, p := range rePlaceholder.FindAllString(tmpl, -1) {
				if _, ok := known[p]; !ok {
					t.Errorf("%s: unknown placeholder %s in %q", k, p, tmpl)
				}
			}
			if strings.Count(tmpl, "{") != len(rePlaceholder.FindAllString(tmpl, -1)) {
				t.Errorf("%s: malformed placeholder in %q", k, tmpl)
			}
		}
	}
	for k := range wordings {
		found := false
		for _, c := range findings.Checks {
			found = found || c.Kind() == k
		}
		if !found {
			t.Errorf("wording for %q, which no check makes", k)
		}
	}
}

func TestWordMany(t *testing.T) {
	off := func(thing string) findings.Finding {
		return findings.Finding{Kind: "action-off-track", Summary: "x", Words: findings.Words{Thing: thing, Claim: "Red"}}
	}
	got := WordMany([]findings.Finding{off("Recruit carers"), off("Cut agency use"), off("Open a home"), off("Refresh the strategy")})
	want := "The action tracker rates four actions off track, among them “Recruit carers”, “Cut agency use” and “Open a home”. What is holding them back, what will be done to get them back on track, and by when?"
	if got != want {
		t.Errorf("WordMany =\n%s\nwant\n%s", got, want)
	}
	if got := WordMany([]findings.Finding{{Kind: "missed-target"}, {Kind: "missed-target"}}); got != "" {
		t.Errorf("a kind without a wording for several gave %q", got)
	}
}
