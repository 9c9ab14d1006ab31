package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestDueBeforeCommittee(t *testing.T) {
	runCheck(t, dueBeforeCommittee{}, []checkCase{
		{"plan to Ofsted before members see it", item([]figures.Sentence{prose(5, "The post-inspection action plan will be submitted to Ofsted by 20 November 2026.")}), []expect{
			{`The report says "the post-inspection action plan will be submitted to Ofsted by 20 November 2026"; that falls before the committee next meets on 2 December 2026, so members will not see it first.`, []int{5}},
		}},
		{"strategy published this month", item([]figures.Sentence{prose(5, "The refreshed sufficiency strategy will be published in October 2026.")}), []expect{
			{`The report says "the refreshed sufficiency strategy will be published in October 2026"; that falls before the committee next meets on 2 December 2026, so members will not see it first.`, []int{5}},
		}},
		{"coming to the committee itself", item([]figures.Sentence{prose(5, "The sufficiency strategy will be submitted to the Committee in November 2026.")}), nil},
		{"after the next meeting", item([]figures.Sentence{prose(5, "The action plan will be submitted to Ofsted by January 2027.")}), nil},
		{"not something to see", item([]figures.Sentence{prose(5, "Recruitment to the new team will be complete by November 2026.")}), nil},
		{"already past", item([]figures.Sentence{prose(5, "The action plan will be submitted by September 2026.")}), nil},
		{"no next meeting", &Item{Meeting: meeting, Sentences: []figures.Sentence{prose(5, "The action plan will be submitted to Ofsted by 20 November 2026.")}}, nil},
	})
	ofsted := (dueBeforeCommittee{}).Find(item([]figures.Sentence{prose(5, "The action plan will be submitted to Ofsted by 20 November 2026.")}))
	own := (dueBeforeCommittee{}).Find(item([]figures.Sentence{prose(5, "The action plan will be published by 20 November 2026.")}))
	if ofsted[0].Severity <= own[0].Severity {
		t.Error("a plan going to Ofsted before members see it should rank above one the council publishes")
	}
}
