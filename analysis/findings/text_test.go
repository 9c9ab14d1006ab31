package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestFmtNum(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 613: "613", 1204: "1,204", 1234567.25: "1,234,567.3", 24.1: "24.1", 25.0: "25", -2.5: "-2.5", 0.04: "0"} {
		if got := fmtNum(v); got != want {
			t.Errorf("fmtNum(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestFiguresOf(t *testing.T) {
	v := figures.Value{Period: "Q3", Value: 613}
	tests := []struct {
		name, unit, want string
	}{
		{"Approved foster households", "", "613 approved foster households in Q3"},
		{"Number of children in care", "", "613 children in care in Q3"},
		{"Average caseload", "", "average caseload at 613 in Q3"},
		{"EHCPs issued within 20 weeks", "%", "EHCPs issued within 20 weeks at 613% in Q3"},
		{"Cost of placements", "£", "cost of placements at £613 in Q3"},
		{"Days to adoption", "days", "days to adoption at 613 days in Q3"},
		{"Vacancy rate (%)", "", "vacancy rate at 613% in Q3"},
	}
	for _, tt := range tests {
		if got := figuresOf(&figures.Indicator{Name: tt.name, Unit: tt.unit}, v); got != tt.want {
			t.Errorf("figuresOf(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMentionScore(t *testing.T) {
	tests := []struct {
		text, name string
		want       int
	}{
		{"Agency use has stabilised.", "Agency social workers", 1},
		{"Health assessments have improved.", "Initial health assessments within 20 working days", 2},
		{"Morale has improved.", "Initial health assessments within 20 working days", 0},
		{"Foster carers were thanked.", "Approved foster households", 0},
		{"Caseloads are high.", "Average caseload", 1},
		{"We have more social workers.", "Agency social workers", 0},
		{"Foster households rose.", "Approved foster households", 2},
		{"Anything at all.", "Number of children", 0},
	}
	for _, tt := range tests {
		if got := mentionScore(tt.text, &figures.Indicator{Name: tt.name}); got != tt.want {
			t.Errorf("mentionScore(%q, %q) = %d, want %d", tt.text, tt.name, got, tt.want)
		}
	}
}

func TestSeriesText(t *testing.T) {
	ind := &figures.Indicator{Unit: "%", Values: []figures.Value{{Period: "Q1 2026/27", Value: 22}, {Period: "Q2 2026/27", Value: 24.1}, {Period: "Q3 2026/27", Value: 25.6, Text: "25.6%"}}}
	if got, want := seriesText(ind, 3, "rising"), "rising from 22% to 24.1% to 25.6% over three quarters"; got != want {
		t.Errorf("seriesText = %q, want %q", got, want)
	}
	years := &figures.Indicator{Values: []figures.Value{{Period: "2024", Value: 5}, {Period: "2025", Value: 7}}}
	if got, want := seriesText(years, 5, "rising"), "rising from 5 to 7 over two years"; got != want {
		t.Errorf("seriesText = %q, want %q", got, want)
	}
	if got := seriesText(years, 1, "rising"); got != "" {
		t.Errorf("seriesText of one value = %q, want none", got)
	}
}

func TestRate(t *testing.T) {
	rel := &figures.RAGRule{AmberWithin: 0.1, Relative: true}
	pts := &figures.RAGRule{AmberWithin: 5}
	floor := &figures.RAGRule{Floor: true}
	tests := []struct {
		pol    figures.Polarity
		target float64
		rule   *figures.RAGRule
		v      float64
		want   figures.RAG
	}{
		{figures.HigherIsBetter, 700, rel, 700, figures.Green},
		{figures.HigherIsBetter, 700, rel, 630, figures.Amber},
		{figures.HigherIsBetter, 700, rel, 629, figures.Red},
		{figures.LowerIsBetter, 20, rel, 22, figures.Amber},
		{figures.LowerIsBetter, 20, rel, 22.5, figures.Red},
		{figures.LowerIsBetter, 20, rel, 12, figures.Green},
		{figures.HigherIsBetter, 60, pts, 55, figures.Amber},
		{figures.HigherIsBetter, 60, pts, 54.9, figures.Red},
		{figures.PolarityUnknown, 60, pts, 54.9, ""},
		{figures.HigherIsBetter, 60, nil, 10, ""},
		{figures.HigherIsBetter, 60, floor, 55, figures.Amber},
		{figures.HigherIsBetter, 60, floor, 49, figures.Red},
	}
	for _, tt := range tests {
		ind := &figures.Indicator{Polarity: tt.pol, Target: tt.target, HasTarget: true, Rule: tt.rule, Values: []figures.Value{{Value: tt.v}}, Floor: 50, HasFloor: true}
		if got := rate(ind); got != tt.want {
			t.Errorf("rate(%v against %v, polarity %v) = %q, want %q", tt.v, tt.target, tt.pol, got, tt.want)
		}
	}
}

func TestInPeriod(t *testing.T) {
	for p, want := range map[string]string{"Q3": " in Q3", "30 Sep 2026": " at 30 Sep 2026", "2025": " in 2025", "2025/26": " in 2025/26", "in quarter 2": " in quarter 2", "": ""} {
		if got := inPeriod(figures.Value{Period: p}); got != want {
			t.Errorf("inPeriod(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestPrinted(t *testing.T) {
	tests := []struct {
		text       string
		v          float64
		unit, want string
	}{
		{"21.5", 21.5, "%", "21.5%"},
		{"21.5%", 21.5, "%", "21.5%"},
		{"", 21.5, "%", "21.5%"},
		{"£4.75m", 4.75, "£", "£4.75m"},
		{"n/a", 0, "%", "n/a"},
		{"1,204", 1204, "", "1,204"},
	}
	for _, tt := range tests {
		if got := printed(tt.text, tt.v, tt.unit); got != tt.want {
			t.Errorf("printed(%q, %v, %q) = %q, want %q", tt.text, tt.v, tt.unit, got, tt.want)
		}
	}
}
