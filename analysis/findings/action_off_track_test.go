package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/corpus"
)

func TestActionOffTrack(t *testing.T) {
	tracker := func(head []string, rows ...[]string) *Item {
		it := &Item{}
		var texts []string
		for _, r := range rows {
			texts = append(texts, joinCells(r))
		}
		it.Tables = []figures.Table{{Page: 7, Table: corpus.Table{Header: [][]string{head}, Rows: rows, RowText: texts}}}
		return it
	}
	head := []string{"Ref", "Action", "Due", "Status", "RAG"}
	runCheck(t, actionOffTrack{}, []checkCase{
		{"a red action", tracker(head,
			[]string{"2.1", "Recruit 20 foster carers", "March 2027", "In progress", "Red"},
			[]string{"2.2", "Launch the family hubs", "June 2026", "Complete", "Green"}), []expect{
			{`The tracker rates "Recruit 20 foster carers" Red.`, []int{7}},
		}},
		{"a status off track", tracker([]string{"Action", "Lead", "Status"},
			[]string{"Refresh the sufficiency strategy", "Head of Service", "Delayed"}), []expect{
			{`The tracker rates "Refresh the sufficiency strategy" Delayed.`, []int{7}},
		}},
		{"amber is not off track", tracker(head, []string{"2.3", "Therapeutic offer for carers", "April 2027", "In progress", "Amber"}), nil},
		{"an indicator table rated red is not a tracker", tracker([]string{"Indicator", "Target", "Sep 2026", "RAG"},
			[]string{"Health assessments (%)", "90", "79.5", "Red"}), nil},
	})
}

// joinCells lays a row out as printed, its cells two spaces apart.
func joinCells(r []string) string {
	s := ""
	for i, c := range r {
		if i > 0 {
			s += "  "
		}
		s += c
	}
	return s
}
