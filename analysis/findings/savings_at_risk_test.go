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
		{"the sum in another clause", item([]figures.Sentence{prose(4, "Of the £2.1 million, £1.1 million of these savings is now at risk.")}), []expect{
			{`The report says "£1.1 million of these savings is now at risk".`, []int{4}},
		}},
		{"a sentence the reader cut", item([]figures.Sentence{prose(21, "The budget includes £2.1 million of savings. £1.1 million of"), prose(21, "these savings is now at risk, as Table 2 shows.")}), []expect{
			{`The report says "these savings is now at risk" (£1.1 million).`, []int{21, 21}},
		}},
		{"savings on track", item([]figures.Sentence{prose(4, "All savings are on track to be delivered.")}), nil},
		{"national", item([]figures.Sentence{national(4, "Savings nationally are at risk.")}), nil},
	})
	half := savingsAtRisk.Find(item([]figures.Sentence{prose(4, "£1.1 million of the £2.1 million savings is at risk.")}))[0].Severity
	tenth := savingsAtRisk.Find(item([]figures.Sentence{prose(4, "£0.2 million of the £2.1 million savings is at risk.")}))[0].Severity
	if half <= tenth {
		t.Errorf("half the savings at risk (%v) should rank above a tenth (%v)", half, tenth)
	}
}
