package analysis

import (
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// TestSummaryAsks says what a paper asks the committee to do, from its
// recommendations however the cover sheet words them.
func TestSummaryAsks(t *testing.T) {
	tests := []struct {
		recs []string
		want string
	}{
		{[]string{"notes the outcome of the inspection;", "comments on the improvement plan at Appendix A; and", "agrees to receive a progress report."},
			"It asks the committee to note the outcome of the inspection, comment on the improvement plan at Appendix A and agree to receive a progress report."},
		{[]string{"That the committee is asked to note the report and comments on the actions in the plan."},
			"It asks the committee to note the report and comment on the actions in the plan."},
		{[]string{"Overview and Scrutiny committee receive the findings of the Serious Case Review."},
			"It asks the committee to receive the findings of the Serious Case Review."},
		{[]string{"That the Cabinet Member report relating to the remit of the Committee be noted."},
			"It asks the committee to note the Cabinet Member report relating to the remit of the Committee."},
		{[]string{"To note the activity in fostering in 2017-18."}, "It asks the committee to note the activity in fostering in 2017-18."},
		{[]string{"That:-", "Bi-annual reports continue to be received by the committee."},
			"It recommends: “Bi-annual reports continue to be received by the committee”."},
	}
	for _, tc := range tests {
		it := corpus.Item{Kind: corpus.KindReport, Cover: &corpus.Cover{Recommendations: tc.recs}}
		if got := summarise(it, &ItemReport{}); !strings.Contains(got, tc.want) {
			t.Errorf("recommendations %q:\n got %q\nwant %q", tc.recs, got, tc.want)
		}
	}
}

// TestLeadQuestions marks at most three lead questions, the most severe
// findings first, and none for an item with nothing serious.
func TestLeadQuestions(t *testing.T) {
	ir := ItemReport{
		Findings: []report.Finding{{ID: "4-1", Severity: 0.45}, {ID: "4-2", Severity: 0.7}, {ID: "4-3", Severity: 0.3}, {ID: "4-4", Severity: 0.6}, {ID: "4-5", Severity: 0.5}, {ID: "4-6", Severity: 0.9, Strength: true}},
		Questions: []Question{{Text: "a", Finding: "4-1"}, {Text: "gap"}, {Text: "b", Finding: "4-2"}, {Text: "c", Finding: "4-3"},
			{Text: "d", Finding: "4-4"}, {Text: "e", Finding: "4-5"}, {Text: "strength", Finding: "4-6"}},
	}
	markLead(&ir)
	var got []string
	for _, q := range ir.Questions {
		if q.Lead {
			got = append(got, q.Text)
		}
	}
	if strings.Join(got, " ") != "b d e" || ir.Questions[0].Text != "b" || ir.Questions[3].Text != "a" {
		t.Errorf("lead %v, order %v", got, ir.Questions)
	}
	calm := ItemReport{Findings: []report.Finding{{ID: "1", Severity: 0.2}}, Questions: []Question{{Text: "x", Finding: "1"}}}
	if markLead(&calm); calm.Questions[0].Lead {
		t.Error("a mild finding made a lead question")
	}
}
