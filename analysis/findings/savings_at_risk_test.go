package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestSavingsAtRisk(t *testing.T) {
	runCheck(t, savingsAtRisk, []checkCase{
		{"at risk", item([]figures.Sentence{prose(4, "Of the £3m savings planned for 2026/27, £1.1m are at risk.")}), []expect{
			{`The report says "of the £3m savings planned for 2026/27, £1.1m are at risk".`, []int{4}},
		}},
		{"not delivered", item([]figures.Sentence{prose(4, "The edge of care savings have not been delivered.")}), []expect{
			{`The report says "the edge of care savings have not been delivered".`, []int{4}},
		}},
		{"shortfall in savings", item([]figures.Sentence{prose(4, "There is a shortfall against planned savings of £400k.")}), []expect{
			{`The report says "there is a shortfall against planned savings of £400k".`, []int{4}},
		}},
		{"savings on track", item([]figures.Sentence{prose(4, "All savings are on track to be delivered.")}), nil},
		{"national", item([]figures.Sentence{national(4, "Savings nationally are at risk.")}), nil},
	})
}
