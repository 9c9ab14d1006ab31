package questions

import (
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/analysis/themes"
)

func TestTrendPresent(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"table 2: workforce indicators at 31 august, 2024 to 2026", true},
		{"indicator  2024  2025  2026\nvacancy rate  21%  19%  18%", true},
		{"placements  2024/25  2025/26", true},
		{"down from 156 a year earlier", true},
		{"the strategy was agreed in march 2025. it runs to 2028.", false},
		{"142 households at 31 march 2026", false},
	} {
		if got := present(bank.Trend, tc.text); got != tc.want {
			t.Errorf("present(Trend, %q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestViewsMeansChildrensViews(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"the annual survey of foster carers: 58% said that fees were fair", false},
		{"the local offer was written with the care leavers forum", true},
		{"young people told us they wanted more help with money", true},
		{"the children in care council met the director", true},
	} {
		if got := present(bank.Views, tc.text); got != tc.want {
			t.Errorf("present(Views, %q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestRankCapsFollowups(t *testing.T) {
	var cands []candidate
	for i, tp := range []string{"caseloads of social workers", "accommodation for care leavers", "visits during school hours", "homeless sixteen year olds", "health partners at strategy meetings", "information sharing with police"} {
		cands = append(cands, candidate{q: report.Question{Kind: report.KindFollowup, Theme: "inspection-response",
			Text:     "The report asks for improvement in " + tp + ". What has been done?",
			Evidence: []report.Evidence{{Page: i + 1, Quote: "Improve " + tp}}}, priority: float64(20 - i)})
	}
	n := 0
	for _, q := range rank(cands) {
		if q.Kind == report.KindFollowup {
			n++
		}
	}
	if n != maxFollowupQs {
		t.Errorf("%d follow-ups, want %d", n, maxFollowupQs)
	}
}

func TestInspectionQuestions(t *testing.T) {
	b := &bank.Bank{Themes: []*bank.Theme{{ID: "inspection-response", Title: "Inspection", Signals: []string{"inspection"}}}}
	a := NewAsker(themes.NewMatcher(b))
	ts := []themes.ThemeMatch{{Theme: b.Themes[0], Score: 0.8}}
	good := []inspection.Judgement{{Area: "leaders", Grade: "outstanding", Page: 1}, {Area: "help-and-protection", Grade: "good", Page: 1}, {Area: "overall", Grade: "good", Page: 1}}
	poor := []inspection.Judgement{{Area: "leaders", Grade: "inadequate", Page: 1}, {Area: "children-in-care", Grade: "requires-improvement", Page: 1}}
	// Two points that say the same of two areas stay two points.
	points := []inspection.Point{
		{Text: "The quality of written plans for children in need.", Page: 2},
		{Text: "The quality of written plans for children in care.", Page: 2},
		{Text: "Ensure that return home interviews are offered to every child who goes missing, so that what they say informs their plans.", Page: 3},
	}
	tests := []struct {
		name       string
		insp       inspection.Inspection
		wantLines  []string
		wantSubstr string
	}{
		{"good", inspection.Inspection{Framework: inspection.ILACS, Judgements: good, Improvements: points,
			Strengths: []inspection.Point{{Text: "Children benefit from consistently strong help.", Area: "help-and-protection"}}},
			[]string{"inspection-response-1", "inspection-response-6", "inspection-response-7", "inspection-response-2"}, "sustained"},
		{"inadequate", inspection.Inspection{Framework: inspection.ILACS, Judgements: poor, Improvements: points,
			Concerns: []inspection.Point{{Text: "Too many children wait too long for their plans to be agreed by managers.", Area: "children-in-care", Page: 6}}},
			[]string{"inspection-response-1", "inspection-response-6", "inspection-response-5", "inspection-response-2"}, "improvement notice"},
	}
	for _, tc := range tests {
		qs := a.inspectionBuild(Input{Themes: ts, Insp: &tc.insp}, nil)
		var lines []string
		for i, q := range qs {
			if i < len(points) {
				if q.Improvement != i+1 || q.Evidence[0].Quote != points[i].Text || q.Evidence[0].Page != points[i].Page {
					t.Errorf("%s: question %d follows point %d citing %+v, want point %d whole", tc.name, i+1, q.Improvement, q.Evidence, i+1)
				}
				continue
			}
			if q.Line != "" {
				lines = append(lines, q.Line)
			}
			if strings.Contains(q.Text, "benefit from") {
				t.Errorf("%s: a strength is asked about: %s", tc.name, q.Text)
			}
		}
		if strings.Join(lines, " ") != strings.Join(tc.wantLines, " ") {
			t.Errorf("%s: reactive questions %v, want %v", tc.name, lines, tc.wantLines)
		}
		all := ""
		for _, q := range qs {
			all += q.Text + "\n"
		}
		if !strings.Contains(all, tc.wantSubstr) {
			t.Errorf("%s: no question says %q:\n%s", tc.name, tc.wantSubstr, all)
		}
		if tc.insp.Concerns != nil && !strings.Contains(all, "Too many children wait") {
			t.Errorf("%s: the concern is not asked:\n%s", tc.name, all)
		}
	}
}

func TestShortFact(t *testing.T) {
	long := "Contacts to the Multi-Agency Safeguarding Hub (MASH) had risen by 9% on the previous year, and 21% of referrals were re-referrals within twelve months, against a target of 18%, which the service has missed for the third quarter running despite the new screening arrangements."
	tests := []struct {
		name, quote, match, want string
	}{
		{"short quote whole", "Only 47% of initial health assessments were on time.", "47%", "“Only 47% of initial health assessments were on time”"},
		{"a little over the limit, whole", "The proportion of children in care in Wexcombe who have a statement of special educational needs has fluctuated between 30 and 40%, and has consistently been higher than the national figure.", "national figure",
			"“The proportion of children in care in Wexcombe who have a statement of special educational needs has fluctuated between 30 and 40%, and has consistently been higher than the national figure”"},
		{"cut after the clause holding the fact", long, "had risen by 9%",
			"“Contacts to the Multi-Agency Safeguarding Hub (MASH) had risen by 9% on the previous year, and 21% of referrals were re-referrals within twelve months …”"},
		{"begin at the clause holding the fact", long, "against a target of 18%",
			"“… and 21% of referrals were re-referrals within twelve months, against a target of 18% …”"},
	}
	for _, tc := range tests {
		got := shortFact(figures.Fact{Quote: tc.quote, Match: tc.match})
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
		if n := len(strings.Fields(strings.Trim(got, "“”… "))); n > maxFactWords+factRunOn {
			t.Errorf("%s: %d words, want at most %d", tc.name, n, maxFactWords+factRunOn)
		}
	}
}

func TestLineFor(t *testing.T) {
	b := &bank.Bank{Themes: []*bank.Theme{{ID: "child-protection", Title: "Child protection", Signals: []string{"child protection"},
		Lines: []bank.Line{
			{ID: "cp-1", Question: "What share of initial child protection conferences happen within 15 working days of the strategy discussion?"},
			{ID: "cp-2", Question: "How many children have been on a child protection plan for two years or more, and why?"},
			{ID: "cp-3", Question: "How many children became subject to a plan for a second or later time?"},
		}}}}
	a := NewAsker(themes.NewMatcher(b))
	th := b.Themes[0]
	tests := []struct {
		sentence, want string
	}{
		{"Members noted that 96% of child protection visits were within timescale.", ""},
		{"Nine children became subject to a child protection plan for a second or later time.", "cp-3"},
		{"Initial conferences were held within 15 working days for 81% of children.", "cp-1"},
	}
	for _, tc := range tests {
		got := ""
		if ln := a.lineFor(th, tc.sentence); ln != nil {
			got = ln.ID
		}
		if got != tc.want {
			t.Errorf("lineFor(%q) = %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

func TestPhraseDelay(t *testing.T) {
	th := &bank.Theme{ID: "lac-health", Title: "Health of children in care"}
	tests := []struct {
		quote, match, want string
	}{
		{"Children waited an average of 19 weeks for CAMHS.", "waited", "How long will children be waiting"},
		{"The review of the neglect strategy is overdue.", "overdue", "slipped"},
		{"Waiting times for CAMHS rose to 23 weeks.", "Waiting times", "How long will children be waiting"},
	}
	for _, tc := range tests {
		got := phrase(figures.Fact{Kind: figures.FactDelay, Quote: tc.quote, Text: tc.quote, Match: tc.match}, false, false, th, 1)
		if !strings.Contains(got, tc.want) {
			t.Errorf("phrase for %q = %q, want it to contain %q", tc.quote, got, tc.want)
		}
	}
}

func TestGapTextReadsAloud(t *testing.T) {
	b := testbank.Default(t)
	doubled := func(s string) bool {
		ws := strings.Fields(strings.ToLower(s))
		for i := 1; i < len(ws); i++ {
			if strings.Trim(ws[i], ".,?") == strings.Trim(ws[i-1], ".,?") {
				return true
			}
		}
		return false
	}
	for _, g := range gaps {
		for _, tmpl := range g.texts {
			for _, th := range b.Themes {
				text := gapText(tmpl, topic(th))
				if strings.Contains(text, "%") || doubled(text) || strings.Contains(text, "work on this committee's work") {
					t.Errorf("%s: %q", th.ID, text)
				}
			}
		}
	}
}
