package findings

import (
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestDeadlinePassed(t *testing.T) {
	runCheck(t, deadlinePassed{}, []checkCase{
		{"published by a past month", item([]figures.Sentence{prose(5, "The revised sufficiency strategy will be published by September 2026.")}), []expect{
			{`The report says "the revised sufficiency strategy will be published by September 2026"; that date had passed by the meeting on 14 October 2026, and the report does not say it is done.`, []int{5}},
		}},
		{"tracker row with a target date", item([]figures.Sentence{row(6, "Refresh the edge of care offer | Head of Service | 31/08/2026 | In progress")}), []expect{
			{`The report gives 31/08/2026 for "refresh the edge of care offer"; that date had passed by the meeting on 14 October 2026, and the report does not say it is done.`, []int{6}},
		}},
		{"due by, past", item([]figures.Sentence{prose(5, "The audit of return home interviews is due by 31 July 2026.")}), []expect{
			{`The report says "the audit of return home interviews is due by 31 July 2026"; that date had passed by the meeting on 14 October 2026, and the report does not say it is done.`, []int{5}},
		}},
		{"said to be done", item([]figures.Sentence{prose(5, "The strategy, due by September 2026, has been published.")}), nil},
		{"done in the tracker", item([]figures.Sentence{row(6, "Refresh the edge of care offer | Head of Service | 31/08/2026 | Complete")}), nil},
		{"still to come", item([]figures.Sentence{prose(5, "The strategy will be published by March 2027.")}), nil},
		{"an account, not a promise", item([]figures.Sentence{prose(5, "In September 2026 the service held a conference.")}), nil},
		{"the month of the meeting has not ended", item([]figures.Sentence{prose(5, "The plan will be agreed by October 2026.")}), nil},
		{"no meeting date", &Item{Sentences: []figures.Sentence{prose(5, "The revised sufficiency strategy will be published by September 2026.")}}, nil},
		{"national", item([]figures.Sentence{national(5, "The DfE will publish guidance by July 2026.")}), nil},
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
