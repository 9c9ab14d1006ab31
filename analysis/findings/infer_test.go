package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
)

func TestNameOf(t *testing.T) {
	tests := []struct {
		name, row, want string
	}{
		{"CS04", "CS04 Initial child protection conferences within 15 working days (%) High 85.0 87.5 88.1 86.9 69.8 78.9 80.1 Red Declining", "Initial child protection conferences within 15 working days (%)"},
		{"CS07", "CS07 Children in care (number) n/a n/a 398 403 409 412", "Children in care (number)"},
		{"2.1", "2.1 Revised supervision policy agreed and launched Principal Social Worker May 2026 Complete Green", "Revised supervision policy agreed and launched Principal Social Worker May 2026 Complete Green"},
		{"Agency rate (%)", "Agency rate (%) 12.0 16.6 18.5 19.7 13.0", "Agency rate (%)"},
		{"CS09", "Something else entirely 79.5", "CS09"},
	}
	for _, tt := range tests {
		ind := &figures.Indicator{Name: tt.name, Row: report.Evidence{Quote: tt.row}}
		if got := nameOf(ind); got != tt.want {
			t.Errorf("nameOf(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestImpliedPolarityAndRAG(t *testing.T) {
	tests := []struct {
		name, row string
		table     bool
		value     float64
		target    float64
		wantRAG   figures.RAG
		wantPol   figures.Polarity
	}{
		{"Initial child protection conferences (%)", "Initial child protection conferences (%) High 85.0 69.8 Red Declining", true, 69.8, 85, figures.Red, figures.HigherIsBetter},
		{"Children placed more than 20 miles from home", "Children placed more than 20 miles from home Low 58 61 66 71", true, 71, 0, "", figures.LowerIsBetter},
		{"Re-referrals (%)", "Re-referrals (%) 22.0 21.8 Green", true, 21.8, 22, figures.Green, figures.LowerIsBetter},
		{"Timeliness of conferences", "Timeliness of conferences fell to 69.8% against the target of 85%, and is rated Red.", false, 69.8, 85, figures.Red, figures.HigherIsBetter},
		{"Contacts", "Contacts Green but no figures", true, 97, 0, figures.Green, figures.PolarityUnknown},
		{"Greenwood referrals", "Greenwood referrals went up", false, 10, 12, "", figures.PolarityUnknown},
	}
	for _, tt := range tests {
		ind := figures.Indicator{Name: tt.name, Row: report.Evidence{Quote: tt.row}, Table: tt.table, Values: []figures.Value{{Value: tt.value}}, Target: tt.target, HasTarget: tt.target != 0}
		it := prepare(&Item{Indicators: []figures.Indicator{ind}})
		got := it.Indicators[0]
		if got.RAG != tt.wantRAG || got.Polarity != tt.wantPol {
			t.Errorf("%s: RAG %q polarity %v, want %q %v", tt.name, got.RAG, got.Polarity, tt.wantRAG, tt.wantPol)
		}
	}
}

func TestPrepareSiblingsAndRepeats(t *testing.T) {
	table := series("Mainstream fostering households at quarter end", "", figures.HigherIsBetter, 10, 238, 233, 234, 231)
	said := figures.Indicator{Name: "At 30 September 2026 the service", Target: 260, HasTarget: true, Values: []figures.Value{{Value: 231}},
		Row: report.Evidence{Page: 9, Quote: "At 30 September 2026 the service had 231 approved mainstream fostering households, against a target of 260."}}
	repeat := figures.Indicator{Name: "Households", Values: []figures.Value{{Value: 231}},
		Row: report.Evidence{Page: 9, Quote: "The service had 231 mainstream fostering households."}}
	it := &Item{Indicators: []figures.Indicator{table, said, repeat}}
	got := prepare(it).Indicators
	if len(got) != 2 {
		t.Fatalf("prepare kept %d indicators, want 2 (the repeat dropped)", len(got))
	}
	if got[1].Polarity != figures.HigherIsBetter || got[1].Name != table.Name {
		t.Errorf("the sentence's indicator took polarity %v and name %q, want its table sibling's", got[1].Polarity, got[1].Name)
	}
	if it.Indicators[1].Polarity != figures.PolarityUnknown || len(it.Indicators) != 3 {
		t.Error("prepare changed the item it was given")
	}
	fs := (missedTarget{}).Find(prepare(it))
	if len(fs) != 1 || fs[0].Summary != "231 mainstream fostering households at quarter end against a target of 260 (89% of target)." {
		t.Errorf("missed-target on the completed item: %+v", fs)
	}
}

func TestAntecedent(t *testing.T) {
	it := item([]figures.Sentence{
		prose(4, "83.5% of care leavers were in suitable accommodation at 30 September"),
		prose(4, "2026."),
		prose(4, "This is broadly in line with our statistical neighbours."),
		prose(4, "Placement moves are low."),
	})
	if p, ok := antecedent(it, it.Sentences[2]); !ok || p.Text != it.Sentences[0].Text {
		t.Errorf("antecedent of %q = %q, %v; want the sentence before the fragment", it.Sentences[2].Text, p.Text, ok)
	}
	if _, ok := antecedent(it, it.Sentences[3]); ok {
		t.Error("a sentence with its own subject leans on none")
	}
}
