package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestCompletedUnevidenced(t *testing.T) {
	tracker := func(rows ...[]string) *Item {
		it := item([]figures.Sentence{row(7, "Launch the foster carer recruitment campaign | Complete | TBC")})
		it.Tables = []figures.Table{table(7, []string{"Action", "Lead", "Status", "Evidence of impact"}, rows...)}
		return it
	}
	runCheck(t, completedUnevidenced{}, []checkCase{
		{"complete, TBC", tracker([]string{"Launch the foster carer recruitment campaign", "HoS", "Complete", "TBC"}), []expect{
			{`The tracker marks "Launch the foster carer recruitment campaign" as Complete, but its evidence says "TBC".`, []int{7}},
		}},
		{"done, empty", tracker([]string{"Review all pathway plans for care leavers aged 18", "IRO", "Done", ""}), []expect{
			{`The tracker marks "Review all pathway plans for care leavers aged 18" as Done, but its evidence is empty.`, []int{7}},
		}},
		{"green, not moved", tracker([]string{"Improve timeliness of initial health assessments", "DCS", "Green", "Timeliness has not yet improved"}), []expect{
			{`The tracker marks "Improve timeliness of initial health assessments" as Green, but its evidence says "Timeliness has not yet improved".`, []int{7}},
		}},
		{"complete with evidence", tracker([]string{"Launch the campaign", "HoS", "Complete", "42 enquiries in Q2, up from 18"}), nil},
		{"in progress, TBC", tracker([]string{"Launch the campaign", "HoS", "In progress", "TBC"}), nil},
		{"no evidence column", &Item{Tables: []figures.Table{table(7, []string{"Action", "Status"}, []string{"Launch the campaign", "Complete"})}}, nil},
	})
}
