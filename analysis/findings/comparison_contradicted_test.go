package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestComparisonContradicted(t *testing.T) {
	moves := against(series("Children with three or more placement moves", "%", figures.LowerIsBetter, 12, 12.9),
		figures.Comparator{Name: "Statistical neighbours", Value: 10.4, Text: "10.4%"}, figures.Comparator{Name: "England", Value: 10}, figures.Comparator{Name: "North West", Value: 12.5})
	pep := against(series("Children in care with an up-to-date PEP", "%", figures.HigherIsBetter, 12, 84), figures.Comparator{Name: "England", Value: 88})
	runCheck(t, comparisonContradicted{}, []checkCase{
		{"broadly in line, from the indicator", item([]figures.Sentence{prose(6, "Placement stability is broadly in line with statistical neighbours, with children with three or more placement moves a focus.")}, moves), []expect{
			{`The report says "placement stability is broadly in line with statistical neighbours", but its figures are 12.9% against 10.4% for statistical neighbours (2.5 points higher).`, []int{6, 12}},
		}},
		{"in line, both figures in the sentence", item([]figures.Sentence{prose(6, "Our re-referral rate of 24% is in line with the England average of 21%.")}), []expect{
			{`The report says "our re-referral rate of 24% is in line with the England average of 21%", but its figures are 24% against 21% for England (3 points higher).`, []int{6}},
		}},
		{"better than while worse", item([]figures.Sentence{prose(6, "PEP completion for children in care is better than the national average.")}, pep), []expect{
			{`The report says "PEP completion for children in care is better than the national average", but its figures are 84% against 88% for England (4 points lower).`, []int{6, 12}},
		}},
		{"above while below", item([]figures.Sentence{prose(6, "At 31%, care leavers in education are above statistical neighbours (35%).")}), []expect{
			{`The report says "care leavers in education are above statistical neighbours", but its figures are 31% against 35% for statistical neighbours (4 points lower).`, []int{6}},
		}},
		{"above as a pointer", item([]figures.Sentence{prose(6, "As shown above, England's rate is 20% and ours is 15%.")}), nil},
		{"this is in line: the figure in the sentence before", item([]figures.Sentence{
			prose(16, "83.5% of care leavers aged 19 to 21 were living in suitable accommodation at 30 September"),
			prose(16, "2026."),
			prose(16, "This is broadly in line with our statistical neighbours."),
		}, against(series("Care leavers aged 19-21 in suitable accommodation (%)", "", figures.HigherIsBetter, 15, 83.5), figures.Comparator{Name: "statistical neighbours", Value: 90.2})), []expect{
			{`The report says "this is broadly in line with our statistical neighbours", but its figures are 83.5% against 90.2% for statistical neighbours (6.7 points lower).`, []int{16, 16, 15}},
		}},
		{"in line and it is", item([]figures.Sentence{prose(6, "Placement moves are in line with the region.")}, moves), nil},
		{"small difference on a small rate", item([]figures.Sentence{prose(6, "Our rate of 3.4% is in line with England (3.0%).")}), nil},
		{"national sentence", item([]figures.Sentence{national(6, "England's rate of 24% is in line with statistical neighbours at 12%.")}), nil},
	})
}
