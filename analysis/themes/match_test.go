package themes

import (
	"slices"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
)

func TestMatchPicksTheTheme(t *testing.T) {
	m := NewMatcher(testbank.Small())
	tests := []struct {
		name string
		text []string
		want []string
	}{
		{"fostering", []string{
			"We approved 12 new foster carers and 9 households left through deregistration.",
			"Recruitment of foster carers remains hard; fostering enquiries fell and connected persons assessments rose.",
			"Kinship care arrangements grew to 66 households.",
		}, []string{"fostering"}},
		{"care leavers via jargon", []string{
			"Of our care experienced young people, 61% are NEET and 40% have an up to date pathway plan.",
			"Every care leaver has a personal adviser; staying put arrangements rose to 28.",
		}, []string{"care-leavers"}},
		{"procedural", []string{"Apologies for absence were received from Councillor Smith.", "The minutes were agreed."}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tm := range Select(m.Match(testbank.Passages(tc.text...))) {
				got = append(got, tm.Theme.ID)
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("themes %v, want %v", got, tc.want)
			}
		})
	}
}

func TestMatchKeepsPassageEvidence(t *testing.T) {
	m := NewMatcher(testbank.Small())
	ms := m.Match(testbank.Passages("The budget was agreed.", "Agency staff cover 30% of social workers posts and caseloads are high."))
	if len(ms) == 0 || ms[0].Theme.ID != "workforce" {
		t.Fatalf("want workforce first, got %+v", ms)
	}
	if p := ms[0].Passages[0]; p.Passage != 1 || len(p.Signals) < 2 {
		t.Errorf("want passage 1 with its signals, got %+v", p)
	}
}

func TestCalibrate(t *testing.T) {
	tests := []struct {
		share    float64
		distinct int
		lo, hi   float64
	}{
		{0, 5, 0, 0},
		{halfShare, 100, 0.49, 0.51},
		{1, 100, 0.99, 1},
		{0.5, 1, 0.3, 0.6},
	}
	for _, tc := range tests {
		if got := calibrate(tc.share, tc.distinct); got < tc.lo || got > tc.hi {
			t.Errorf("calibrate(%v, %d) = %v, want in [%v, %v]", tc.share, tc.distinct, got, tc.lo, tc.hi)
		}
	}
}

func TestSelect(t *testing.T) {
	th := func(id string) *bank.Theme { return &bank.Theme{ID: id} }
	ms := []ThemeMatch{{Theme: th("a"), Score: 0.9}, {Theme: th("b"), Score: 0.5}, {Theme: th("c"), Score: 0.32}, {Theme: th("d"), Score: 0.31}, {Theme: th("e"), Score: 0.3}, {Theme: th("f"), Score: 0.3}, {Theme: th("g"), Score: 0.3}}
	got := Select(ms)
	if len(got) > MaxThemes || got[0].Theme.ID != "a" {
		t.Errorf("Select kept %d themes starting %s", len(got), got[0].Theme.ID)
	}
	for _, g := range got {
		if g.Score < relTheme*0.9 {
			t.Errorf("kept %s at %v below the relative cut", g.Theme.ID, g.Score)
		}
	}
	if got := Select([]ThemeMatch{{Theme: th("a"), Score: 0.1}}); got != nil {
		t.Errorf("weak theme kept: %+v", got)
	}
	// When one theme clears the bar, the runner-up is kept from
	// secondTheme; a third theme at that level is not.
	tests := []struct {
		name string
		ms   []ThemeMatch
		want []string
	}{
		{"runner-up kept", []ThemeMatch{{Theme: th("a"), Score: 0.9}, {Theme: th("b"), Score: 0.31}, {Theme: th("c"), Score: 0.31}}, []string{"a", "b"}},
		{"runner-up too weak", []ThemeMatch{{Theme: th("a"), Score: 0.9}, {Theme: th("b"), Score: 0.25}}, []string{"a"}},
		{"runner-up below the relative cut", []ThemeMatch{{Theme: th("a"), Score: 1.2}, {Theme: th("b"), Score: 0.33}}, []string{"a"}},
		{"two themes already", []ThemeMatch{{Theme: th("a"), Score: 0.9}, {Theme: th("b"), Score: 0.4}, {Theme: th("c"), Score: 0.34}}, []string{"a", "b"}},
		{"best theme just short of minTheme", []ThemeMatch{{Theme: th("a"), Score: 0.33}, {Theme: th("b"), Score: 0.31}, {Theme: th("c"), Score: 0.3}}, []string{"a", "b"}},
	}
	for _, tc := range tests {
		var got []string
		for _, tm := range Select(tc.ms) {
			got = append(got, tm.Theme.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: Select = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestWithFacts(t *testing.T) {
	m := NewMatcher(testbank.Small())
	fostering, workforce := m.themes[0], m.themes[2]
	ms := []ThemeMatch{{Theme: fostering, Score: 0.6, Distinct: 4}, {Theme: workforce, Score: 0.2, Distinct: 3}}
	tests := []struct {
		name   string
		counts []int // per theme of smallBank: fostering, care-leavers, workforce
		n      int
		want   []string
		raised bool // workforce's score raised
	}{
		{"facts keep coming back to the workforce", []int{2, 0, 4}, 8, []string{"workforce", "fostering"}, true},
		{"too few facts to count", []int{2, 0, 2}, 4, []string{"fostering", "workforce"}, false},
		{"a small share of many facts", []int{40, 0, 3}, 60, []string{"fostering", "workforce"}, false},
		{"no facts", []int{0, 0, 0}, 0, []string{"fostering", "workforce"}, false},
	}
	for _, tc := range tests {
		got := m.WithFacts(ms, tc.counts, tc.n)
		var ids []string
		for _, tm := range got {
			ids = append(ids, tm.Theme.ID)
		}
		if !slices.Equal(ids, tc.want) {
			t.Errorf("%s: order %v, want %v", tc.name, ids, tc.want)
		}
		for _, tm := range got {
			if tm.Theme == workforce && (tm.Score > 0.2) != tc.raised {
				t.Errorf("%s: workforce scores %.3f, raised %v", tc.name, tm.Score, tc.raised)
			}
			if tm.Theme == fostering && tm.Score < 0.6 {
				t.Errorf("%s: fostering lowered to %.3f", tc.name, tm.Score)
			}
		}
	}
	if ms[1].Score != 0.2 {
		t.Errorf("withFacts changed its argument")
	}
	// A theme with almost no text of its own is not raised by facts.
	weak := []ThemeMatch{{Theme: fostering, Score: 0.6, Distinct: 4}, {Theme: workforce, Score: factFloor / 2, Distinct: 1}}
	if got := m.WithFacts(weak, []int{0, 0, 5}, 6); got[1].Score != factFloor/2 {
		t.Errorf("weak theme raised to %.3f", got[1].Score)
	}
}

func TestFactThemes(t *testing.T) {
	m := NewMatcher(testbank.Small())
	facts := []figures.Fact{
		{Text: "Caseloads rose to 24 and agency staff filled 23% of posts.", Quote: "Caseloads rose to 24 and agency staff filled 23% of posts."},
		{Text: "We approved 31 new foster carers and had 45 deregistrations.", Quote: "We approved 31 new foster carers and had 45 deregistrations."},
		{Text: "The meeting closed at 8.12 pm on the day.", Quote: "The meeting closed at 8.12 pm on the day."},
		{Text: "Too short.", Quote: "Too short."},
	}
	counts, n := m.FactThemes(facts)
	if n != 3 {
		t.Errorf("counted %d facts, want 3 (one too short to quote)", n)
	}
	if want := []int{1, 0, 1}; !slices.Equal(counts, want) {
		t.Errorf("counts = %v, want %v", counts, want)
	}
}

func TestPassageThemes(t *testing.T) {
	m := NewMatcher(testbank.Small())
	got := m.PassageThemes("Foster carers told us fostering support improved; 12 foster carers were approved.")
	if len(got) == 0 || got[0] != "fostering" {
		t.Errorf("PassageThemes = %v", got)
	}
	if got := m.PassageThemes("The meeting closed at 8pm."); len(got) != 0 {
		t.Errorf("PassageThemes of nothing = %v", got)
	}
}
