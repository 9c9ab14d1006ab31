package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/corpus"
)

func TestUnansweredRequest(t *testing.T) {
	minutes := func(ss ...figures.Sentence) *Item {
		m := &Item{Number: "2", Title: "Minutes of the previous meeting", Kind: corpus.KindMinutes, Sentences: ss}
		m.Pack = &Pack{Items: []*Item{
			{Title: "Agenda", Kind: corpus.KindAgenda, Sentences: []figures.Sentence{prose(1, "Placement sufficiency; Missing children; Youth justice")}},
			m,
			{Title: "Fostering service annual report", Kind: corpus.KindReport, Sentences: []figures.Sentence{prose(9, "This report sets out the work of the fostering service in 2025/26.")}},
			{Title: "Performance report", Kind: corpus.KindReport, Sentences: []figures.Sentence{prose(14, "This report updates members on return home interviews for children missing from care.")}},
		}}
		return m
	}
	runCheck(t, unansweredRequest{}, []checkCase{
		{"officers to bring, unanswered", minutes(prose(3, "Officers to bring a report on placement sufficiency to the next meeting.")), []expect{
			{`The minutes of the last meeting record "officers to bring a report on placement sufficiency to the next meeting", and no item of this pack answers it.`, []int{3}},
		}},
		{"agreed that a report be brought, unanswered", minutes(prose(3, "It was agreed that a report on youth justice outcomes be brought to the next meeting.")), []expect{
			{`The minutes of the last meeting record "it was agreed that a report on youth justice outcomes be brought to the next meeting", and no item of this pack answers it.`, []int{3}},
		}},
		{"members asked, unanswered", minutes(prose(3, "Members asked for a breakdown of exclusions of children in care by school.")), []expect{
			{`The minutes of the last meeting record "members asked for a breakdown of exclusions of children in care by school", and no item of this pack answers it.`, []int{3}},
		}},
		{"answered in a title", minutes(prose(3, "Officers to provide an update on fostering recruitment.")), nil},
		{"answered in an opening", minutes(prose(3, "Members requested a report on return home interviews.")), nil},
		{"terms of reference, not a request", minutes(prose(3, "The board may appoint working groups of Members and Officers to provide advice on placement sufficiency.")), nil},
		{"agreed that officers would", minutes(prose(3, "It was agreed that officers would circulate the youth justice inspection report.")), []expect{
			{`The minutes of the last meeting record "it was agreed that officers would circulate the youth justice inspection report", and no item of this pack answers it.`, []int{3}},
		}},
		{"that officers bring, in a resolution", minutes(prose(3, "RESOLVED: (1) that the report be noted; and (2) that officers bring a report on the use of unregistered children's homes, including the number of children placed in them, to the next meeting.")), []expect{
			{`The minutes of the last meeting record "that officers bring a report on the use of unregistered children's homes", and no item of this pack answers it.`, []int{3}},
		}},
		{"a councillor asked that reports show", minutes(prose(3, "Councillor Begum asked that future performance reports show the number of children in care who are not receiving full-time education, and the Director agreed.")), []expect{
			{`The minutes of the last meeting record "Councillor Begum asked that future performance reports show the number of children in care who are not receiving full-time education", and no item of this pack answers it.`, []int{3}},
		}},
		{"one shared word in an opening is not an answer", minutes(prose(3, "Members asked for a report on youth offending and missing episodes.")), []expect{
			{`The minutes of the last meeting record "members asked for a report on youth offending and missing episodes", and no item of this pack answers it.`, []int{3}},
		}},
		{"resolved with a colon, answered", minutes(prose(3, "RESOLVED: that an update on return home interviews, including timeliness, be brought to the next meeting.")), nil},
		{"a minute that only notes", minutes(prose(3, "RESOLVED that the report be noted.")), nil},
		{"a minute that receives", minutes(prose(3, "The committee received the report on placement sufficiency and agreed the recommendations.")), nil},
		{"not minutes", &Item{Kind: corpus.KindReport, Sentences: []figures.Sentence{prose(3, "Officers to bring a report on placement sufficiency.")}, Pack: &Pack{}}, nil},
		{"minutes outside a pack", &Item{Kind: corpus.KindMinutes, Sentences: []figures.Sentence{prose(3, "Officers to bring a report on placement sufficiency.")}}, nil},
	})
}
