package findings

import (
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestDeadlinePassed(t *testing.T) {
	table := func(dateHead string, r []string) *Item {
		it := item([]figures.Sentence{row(6, strings.Join(r, " | "))})
		it.Tables = []figures.Table{table(6, []string{"Action", "Lead", dateHead, "Status"}, r)}
		return it
	}
	tracker := func(r []string) *Item { return table("Target date", r) }
	reviewed := func(r []string) *Item { return table("Review date", r) }
	runCheck(t, deadlinePassed{}, []checkCase{
		{"published by a past month", item([]figures.Sentence{prose(5, "The revised sufficiency strategy will be published by September 2026.")}), []expect{
			{`The report says "the revised sufficiency strategy will be published by September 2026"; that date had passed by the meeting on 14 October 2026, and the report does not say it is done.`, []int{5}},
		}},
		{"tracker row with a target date", tracker([]string{"Refresh the edge of care offer", "Head of Service", "31/08/2026", "In progress"}), []expect{
			{`The report gives 31/08/2026 for "refresh the edge of care offer"; that date had passed by the meeting on 14 October 2026, and the report does not say it is done.`, []int{6}},
		}},
		{"tracker row marked complete", tracker([]string{"Refresh the edge of care offer", "Head of Service", "31/08/2026", "Complete"}), nil},
		{"a row that says it is a promise", item([]figures.Sentence{row(6, "Refresh the edge of care offer | Target date: 31/08/2026 | In progress")}), []expect{
			{`The report gives 31/08/2026 for "refresh the edge of care offer"; that date had passed by the meeting on 14 October 2026, and the report does not say it is done.`, []int{6}},
		}},
		{"a row with a date and no promise", item([]figures.Sentence{row(6, "Overview and Scrutiny Committee (Regeneration) | 18 September 2026")}), nil},
		{"a cover sheet", item([]figures.Sentence{row(1, "Report to: | Cabinet | Date of meeting: | 4 September 2026 | to be agreed")}), nil},
		{"a review date is no deadline", reviewed([]string{"Refresh the edge of care offer", "Head of Service", "31/08/2026", "In progress"}), nil},
		{"due by, past", item([]figures.Sentence{prose(5, "The audit of return home interviews is due by 31 July 2026.")}), []expect{
			{`The report says "the audit of return home interviews is due by 31 July 2026"; that date had passed by the meeting on 14 October 2026, and the report does not say it is done.`, []int{5}},
		}},
		{"said to be done", item([]figures.Sentence{prose(5, "The strategy, due by September 2026, has been published.")}), nil},
		{"still to come", item([]figures.Sentence{prose(5, "The strategy will be published by March 2027.")}), nil},
		{"a past event before the promise", item([]figures.Sentence{prose(5, "Following the review in July 2016, the service will publish a new strategy.")}), nil},
		{"a paragraph number is not a date", item([]figures.Sentence{prose(5, "The actions at 1.1.13 will be completed.")}), nil},
		{"was due and is not said done", item([]figures.Sentence{prose(5, "The audit was due to be completed by June 2026 but has slipped.")}), []expect{
			{`The report says "the audit was due to be completed by June 2026"; that date had passed by the meeting on 14 October 2026, and the report does not say it is done.`, []int{5}},
		}},
		{"an account, not a promise", item([]figures.Sentence{prose(5, "In September 2026 the service held a conference.")}), nil},
		{"the month of the meeting has not ended", item([]figures.Sentence{prose(5, "The plan will be agreed by October 2026.")}), nil},
		{"no meeting date", &Item{Sentences: []figures.Sentence{prose(5, "The revised sufficiency strategy will be published by September 2026.")}}, nil},
		{"national", item([]figures.Sentence{national(5, "The DfE will publish guidance by July 2026.")}), nil},
		{"the meeting's own date", item([]figures.Sentence{row(2, "3 | Minutes | Minutes of the meeting held on 8 July 2026, to be approved as a correct record")}), nil},
		{"a long table row's dates are prose", item([]figures.Sentence{row(6, "Household Support Fund | The Government announcement on 2nd September 2024 extended the Government funded Household Support Fund for a further 6 months from 30 September 2024 to 31 March 2025. This was extended for a further year in the Autumn Budget on 30th October 2024 but at a reduced amount.")}), nil},
	})
	// Longer overdue is more severe.
	late := func(d string) float64 {
		it := item([]figures.Sentence{prose(5, "The strategy will be published by "+d+".")})
		it.Meeting = time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC)
		return (deadlinePassed{}).Find(it)[0].Severity
	}
	if late("February 2027") >= late("June 2026") {
		t.Error("a deadline eight months past should rank above one just past")
	}
}
