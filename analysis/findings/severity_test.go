package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// TestSeverityOrder checks the ranking the findings promise members: a
// big, lasting, unexplained red miss above a small amber slip; a
// contradiction of the report's own narrative high; template text and
// strengths low.
func TestSeverityOrder(t *testing.T) {
	bigRed := withTarget(series("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 8, 50, 45, 40, 38), 90, figures.Red)
	slip := withTarget(series("Care leavers in touch", "%", figures.HigherIsBetter, 8, 96, 94), 95, figures.Amber)
	explained := withTarget(series("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 8, 50, 45, 40, 38), 90, figures.Red)
	first := func(c Check, it *Item) float64 {
		t.Helper()
		fs := c.Find(it)
		if len(fs) == 0 {
			t.Fatalf("%s found nothing", c.Kind())
		}
		return fs[0].Severity
	}
	big := first(missedTarget{}, item(nil, bigRed))
	small := first(missedTarget{}, item(nil, slip))
	withPlan := first(missedTarget{}, item([]figures.Sentence{
		prose(4, "Initial health assessments are late because of a shortage of paediatricians."),
		prose(4, "A recovery plan for initial health assessments will return performance to target by March 2027."),
	}, explained))
	contradiction := first(directionContradicted{}, item([]figures.Sentence{prose(3, "Agency use has stabilised.")}, series("Agency social workers", "%", figures.LowerIsBetter, 11, 22, 24.1, 25.6)))
	template := first(templateText{}, item([]figures.Sentence{prose(3, "Timeliness improved to xx% in Q2.")}))
	good := first(strength{}, item(nil, against(series("Care leavers in suitable accommodation", "%", figures.HigherIsBetter, 10, 94), figures.Comparator{Name: "England", Value: 88})))
	for _, c := range []struct {
		name      string
		high, low float64
	}{
		{"a big lasting red miss above a small amber slip", big, small},
		{"unexplained and unplanned above explained with a dated plan", big, withPlan},
		{"a contradiction above a small slip", contradiction, small},
		{"a small slip above template text", small, template},
		{"template text above a strength", template, good},
	} {
		if c.high <= c.low {
			t.Errorf("%s: %v <= %v", c.name, c.high, c.low)
		}
	}
	if big < 0.7 || good > 0.2 || template > 0.2 {
		t.Errorf("bands: big red miss %v, strength %v, template %v", big, good, template)
	}
}

func TestFindOrdersBySeverity(t *testing.T) {
	it := item([]figures.Sentence{prose(3, "Agency use has stabilised."), prose(3, "Timeliness improved to xx% in Q2.")},
		series("Agency social workers", "%", figures.LowerIsBetter, 11, 22, 24.1, 25.6),
		withTarget(series("Approved foster households", "", figures.HigherIsBetter, 7, 640, 625, 613), 700, figures.Amber))
	fs := Find(it)
	if len(fs) < 4 {
		t.Fatalf("Find found %d, want at least 4", len(fs))
	}
	kinds := map[string]bool{}
	for i, f := range fs {
		kinds[f.Kind] = true
		if i > 0 && f.Severity > fs[i-1].Severity {
			t.Errorf("finding %d (%s, %v) ranks above finding %d (%v)", i, f.Kind, f.Severity, i-1, fs[i-1].Severity)
		}
	}
	for _, k := range []string{"direction-contradicted", "missed-target", "agency-staff", "template-text"} {
		if !kinds[k] {
			t.Errorf("Find made no %s finding", k)
		}
	}
	for _, f := range fs {
		if f.Kind == "agency-staff" && f.Theme != "workforce" {
			t.Errorf("agency-staff finding has theme %q, want workforce", f.Theme)
		}
	}
	if fs[0].Kind != "direction-contradicted" {
		t.Errorf("most severe is %s, want direction-contradicted", fs[0].Kind)
	}
	if again := Find(it); len(again) != len(fs) || again[0].Summary != fs[0].Summary || again[len(again)-1].Summary != fs[len(fs)-1].Summary {
		t.Error("Find is not deterministic")
	}
}
