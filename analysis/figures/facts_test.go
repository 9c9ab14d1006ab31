package figures

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

func TestSpans(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Numbers rose to 5.5% this year. Approvals fell.", []string{"Numbers rose to 5.5% this year.", "Approvals fell."}},
		{"See e.g. the plan. It is late.", []string{"See e.g. the plan.", "It is late."}},
		{"- first point\n- second point", []string{"- first point", "- second point"}},
		{"| Measure | 74% | 90% | Red |\n|---|---|---|---|\n| Other | 1 | 2 | Green |", []string{"| Measure | 74% | 90% | Red |", "| Other | 1 | 2 | Green |"}},
		{"Cllr. Smith asked a question. The answer came.", []string{"Cllr. Smith asked a question.", "The answer came."}},
		// Table rows laid out as lines, then a paragraph: one span per row,
		// then the paragraph's sentences.
		{"Children in care 42 11 8\nFostering and adoption 18 3 2\nTotal 178 41 32\n2.2 The vacancy rate was 18% (32 posts), and 23% were agency staff. Most vacancies are covered by agency staff.",
			[]string{"Children in care 42 11 8", "Fostering and adoption 18 3 2", "Total 178 41 32", "2.2 The vacancy rate was 18% (32 posts), and 23% were agency staff.", "Most vacancies are covered by agency staff."}},
	}
	for _, tc := range tests {
		var got []string
		for _, sp := range Spans(tc.in) {
			got = append(got, strings.TrimSpace(tc.in[sp.Start:sp.End]))
		}
		if strings.Join(got, "\x00") != strings.Join(tc.want, "\x00") {
			t.Errorf("sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		sent  string
		table bool
		want  FactKind
	}{
		{"Placement moves fell to 9%, down from 12% last year.", false, FactTrend},
		{"Pathway plans up to date | 74% | 90% | Red", true, FactRAG},
		{"Performance was 74% against a target of 90% for the year.", false, FactTarget},
		{"The placements budget is forecast to overspend by £2.9 million.", false, FactCost},
		{"Agency staff fill 19% of social worker posts.", false, FactWorkforce},
		{"This compares with 71 per 10,000 for statistical neighbours and 70 for England.", false, FactComparison},
		{"Initial health assessments were delayed for 14 children.", false, FactDelay},
		{"Wexcombe currently has 89 mainstream fostering households.", false, FactFigure},
		{"Data is not always robust and sometimes contradictory.", false, FactConcern},
		{"We recommend that the council strengthens its oversight of caseloads.", false, FactRecommendation},
		// What inspection reports say in words rather than figures.
		{"Wexcombe Borough Council is currently subject to an intervention notice.", false, FactConcern},
		{"The service for care leavers falls well short of acceptable standards.", false, FactConcern},
		{"Care leavers currently receive an unsatisfactory service.", false, FactConcern},
		{"Leaders know the weaknesses, but corporately, the response has been slow.", false, FactConcern},
		{"The council has faced unparalleled numbers of unaccompanied asylum-seeking children.", false, FactTrend},
	}
	for _, tc := range tests {
		fs := classify(tc.sent, tc.table)
		found := false
		for _, f := range fs {
			if f.Kind == tc.want {
				found = true
				if !strings.Contains(tc.sent, f.Quote) {
					t.Errorf("%q: quote %q is not verbatim", tc.sent, f.Quote)
				}
			}
		}
		if !found {
			t.Errorf("classify(%q) kinds %v, want %v", tc.sent, kinds(fs), tc.want)
		}
	}
	for _, s := range []string{"The meeting was held on 14 October 2026 in Room 3.", "Tel: 0151 934 2254", "We aim to avoid unnecessary delay for children."} {
		for _, f := range classify(s, false) {
			if f.Kind == FactFigure || f.Kind == FactDelay {
				t.Errorf("classify(%q) found %v", s, f.Kind)
			}
		}
	}
}

func kinds(fs []Fact) []FactKind {
	var out []FactKind
	for _, f := range fs {
		out = append(out, f.Kind)
	}
	return out
}

func TestQuoteAround(t *testing.T) {
	long := strings.Repeat("the service continued to develop its offer, ", 8) + "and 23 children moved after a placement breakdown, which is more than last year; the team is reviewing every case."
	at := strings.Index(long, "23 children")
	q := QuoteAround(long, at, at+11)
	if len(q) > MaxQuote || !strings.Contains(q, "23 children") || !strings.Contains(Clean(long), q) {
		t.Errorf("quote %q (len %d)", q, len(q))
	}
	if q := QuoteAround("Short sentence.", 0, 0); q != "Short sentence." {
		t.Errorf("short quote %q", q)
	}
	// A quote starts at a clause, never inside a word's brackets.
	rec := "Recommendation(s) That the committee: (a) notes the outcome of the inspection; (b) comments on the improvement plan at Appendix A; and (c) agrees to receive a progress report on the plan at each meeting."
	for _, m := range []string{"notes the outcome", "agrees to receive"} {
		at := strings.Index(rec, m)
		if q := QuoteAround(rec, at, at+len(m)); strings.HasPrefix(q, "s)") || !strings.Contains(q, m) || !strings.Contains(Clean(rec), q) {
			t.Errorf("quote %q", q)
		}
	}
}

func FuzzFacts(f *testing.F) {
	f.Add("Placement moves fell to 9%, down from 12% last year. Approvals | 10 | 15 | Red")
	f.Add("- 1.1 (a) £2.9m overspend; ◼ What needs to improve?\n| a | b |")
	f.Add("...??!!||||\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			for _, sp := range Spans(s) {
				if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
					return fmt.Errorf("bad span %+v", sp)
				}
			}
			for _, fc := range FindFacts([]string{s}) {
				if len(fc.Quote) > MaxQuote {
					return fmt.Errorf("quote too long: %d", len(fc.Quote))
				}
			}
			return nil
		})
	})
}

func TestNotesAreNoFacts(t *testing.T) {
	for _, text := range []string{
		"Outstanding (Grade 1) A service that significantly exceeds minimum requirements\nGood (Grade 2) A service that exceeds minimum requirements\nInadequate (Grade 4) A service that does not meet minimum requirements",
		"In order to ensure confidentiality, all numbers have been rounded to the nearest 100 if they exceed 1,000, and to the nearest 10 otherwise.",
		"Where data does not exist for an authority it is excluded from the mean calculation of the 10 neighbours.",
		"24 [Local Authorities (Overview and Scrutiny) Bill 2009–10](#) gave 12 councils new powers.",
		"| The Fostering Service Looking ahead 2018/19 | 10 |",
		"T 0300 123 1231 Textphone 0161 618 8524 enquiries@ofsted.gov.uk www.gov.uk/ofsted term",
		"Call 01632 960418 for the 24 hour duty team.",
	} {
		if fs := FindFacts([]string{text}); len(fs) != 0 {
			t.Errorf("%.40q gave facts: %v", text, kinds(fs))
		}
	}
}

func TestClassifyNot(t *testing.T) {
	tests := []struct {
		sent string
		not  FactKind
	}{
		// One family's story: a case's delays and figures, not a service's.
		{"Throughout this time, her weight remained around the 0.4th centile and her motor skills were found to be delayed.", FactDelay},
		{"He was seen by the health visitor 3 times in 6 weeks.", FactFigure},
		// A concern said to be absent.
		{"The social worker had no concerns about the children at the visit.", FactConcern},
		// Drift avoided is a strength, not a concern.
		{"There is decisive action to find families and the avoidance of drift and delay is a priority.", FactConcern},
		{"There is decisive action to find families and the avoidance of drift and delay is a priority.", FactDelay},
		// A list's lead-in, and "the need to" as a noun, are not
		// recommendations.
		{"The peer team consider that the following are among the key issues which Sefton needs to address with its partners.", FactRecommendation},
		{"This is not to say that this change is not presenting difficulties, for example the need to develop a wider range of skills.", FactRecommendation},
		// One case's story, told by its initials or its family.
		{"Practitioners did not consistently identify MC's lack of appropriate action as a potential indicator of neglect.", FactConcern},
		{"This increased the social worker's concerns about the welfare of the children.", FactConcern},
		// A title is not a person.
		{"Her Majesty's Inspectors found that 14 assessments were delayed.", -1},
	}
	for _, tc := range tests {
		fs := classify(tc.sent, false)
		for _, f := range fs {
			if f.Kind == tc.not {
				t.Errorf("classify(%q) gave kind %v", tc.sent, tc.not)
			}
		}
		if tc.not == -1 && len(fs) == 0 {
			t.Errorf("classify(%q) gave no fact", tc.sent)
		}
	}
}

func TestDropRecHeading(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Areas for improvement Leaders across the partnership should ensure that they identify key performance indicators.", "Leaders across the partnership should ensure that they identify key performance indicators."},
		{"What needs to improve in this area of social work practice?", "What needs to improve in this area of social work practice?"},
		{"Areas for improvement", "Areas for improvement"},
		{"The council should improve its recording.", "The council should improve its recording."},
	}
	for _, tc := range tests {
		if got := DropRecHeading(tc.in); got != tc.want {
			t.Errorf("dropRecHeading(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTrackerStatus(t *testing.T) {
	tests := []struct {
		rows   string
		action bool // a tracker row whose status is not done
	}{
		{"8 July 2026 Corporate Parenting Panel to consider IRO Head of Service Outstanding\n8 July 2026 Report on agency staff Director In progress\n15 April 2026 CAMHS waits Assistant Director Completed", true},
		{"i. Evaluation of any outstanding actions from the strategy meeting; and\nii. Review of the chronology with the family\niii. Audit of the case records", false},
	}
	for _, tc := range tests {
		got := false
		for _, f := range FindFacts([]string{tc.rows}) {
			if f.Kind == FactAction && strings.Contains(strings.ToLower(f.Match), "outstanding") {
				got = true
			}
		}
		if got != tc.action {
			t.Errorf("%.40q: outstanding status %v, want %v", tc.rows, got, tc.action)
		}
	}
}

// "Completed within 35 days" names a measure; it is not a tracker saying
// an action is done.
func TestDoneInAMeasureName(t *testing.T) {
	for _, row := range []string{
		"| Percentage of assessments completed within 35 days | The amount of assessments that are completed in a timely way. | <65 | 65-74 | 75-80 | 85+ |",
		"| Initial health assessments completed on time | 62% | 51% | 38% |",
		"| Percentage of Initial Health Assessment's completed | That children and young people do not experience undue delay in receiving an Initial Health Assessment. | <65 |",
	} {
		for _, f := range FindFacts([]string{row}) {
			if f.Kind == FactAction {
				t.Errorf("%.50q: an action %q", row, f.Match)
			}
		}
	}
	// A cover sheet's row names a person and a role: no action.
	for _, f := range FindFacts([]string{"| John Smith | Cabinet Member for Children's Services | September 2018 |"}) {
		if f.Kind == FactAction {
			t.Errorf("cover row: an action %q", f.Match)
		}
	}
	done := "| Recruit two independent reviewing officers to the service | Head of Service | Completed |"
	found := false
	for _, f := range FindFacts([]string{done}) {
		found = found || f.Kind == FactAction && strings.EqualFold(f.Match, "completed")
	}
	if !found {
		t.Errorf("%q: no completed action", done)
	}
}

// TestTermsLeaveOutRoles checks that an officer's job title does not say
// what a fact is about.
func TestTermsLeaveOutRoles(t *testing.T) {
	for _, tc := range []struct {
		text, gone, kept string
	}{
		{"Fostering annual report to include children's views Head of Fostering and Adoption Completed", "adopt", "foster"},
		{"Report CAMHS waiting times Assistant Director of Children's Services Outstanding", "servic", "camh"},
		{"The Director of Education will report on exclusions", "educ", "exclus"},
	} {
		f := Fact{Text: tc.text}
		terms := strings.Join(f.Terms().Terms, " ")
		if strings.Contains(terms, tc.gone) || !strings.Contains(terms, tc.kept) {
			t.Errorf("%q: terms %q, want no %q and a %q", tc.text, terms, tc.gone, tc.kept)
		}
	}
}
