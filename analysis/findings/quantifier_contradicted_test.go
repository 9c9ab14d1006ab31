package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestQuantifierContradicted(t *testing.T) {
	pep := series("Children in care with an up-to-date PEP", "%", figures.HigherIsBetter, 9, 81, 72)
	runCheck(t, quantifierContradicted{}, []checkCase{
		{"almost all in the same sentence", item([]figures.Sentence{prose(5, "Almost all children were seen within timescale (82%).")}), []expect{
			{`The report says "almost all children were seen within timescale", but the figure is 82%.`, []int{5}},
		}},
		{"the majority from the indicator", item([]figures.Sentence{prose(5, "The majority of children in care have an up-to-date PEP.")}, withTarget(series("Children in care with an up-to-date PEP", "%", figures.HigherIsBetter, 9, 47), 95, figures.Red)), []expect{
			{`The report says "the majority of children in care have an up-to-date PEP", but the figure is children in care with an up-to-date PEP at 47% in Q1.`, []int{5, 9}},
		}},
		{"a small number", item([]figures.Sentence{prose(5, "A small number of care leavers (23%) are not in touch.")}), []expect{
			{`The report says "a small number of care leavers", but the figure is 23%.`, []int{5}},
		}},
		{"percentage before the quantifier", item([]figures.Sentence{prose(5, "At 41%, most referrals led to an assessment.")}), []expect{
			{`The report says "most referrals led to an assessment", but the figure is 41%.`, []int{5}},
		}},
		{"all, stated", item([]figures.Sentence{prose(5, "All children had a review within timescale (93%).")}), []expect{
			{`The report says "all children had a review within timescale", but the figure is 93%.`, []int{5}},
		}},
		{"almost all and it is", item([]figures.Sentence{prose(5, "Almost all children were seen within timescale (96%).")}), nil},
		{"most as a superlative", item([]figures.Sentence{prose(5, "The most recent audit found 40% of plans were good.")}), nil},
		{"most of what a rate does not measure", item([]figures.Sentence{prose(5, "Most vacancies are covered by agency staff, so that these figures overlap.")}, series("Vacancy rate", "%", figures.LowerIsBetter, 9, 16, 18)), nil},
		{"in most cases is a manner of speaking", item([]figures.Sentence{prose(5, "Placing children with our own carers is, in most cases, the best way of keeping them close to home.")}, withTarget(series("Children placed with in-house foster carers", "%", figures.HigherIsBetter, 9, 38), 45, figures.Red)), nil},
		{"all inside a clause", item([]figures.Sentence{prose(5, "Increase all points within grades by 5%.")}), nil},
		{"all without its figure in brackets", item([]figures.Sentence{prose(5, "All on one level 15 4%")}), nil},
		{"of all", item([]figures.Sentence{prose(5, "This is 85% of all referrals received.")}), nil},
		{"all against a table is not tested", item([]figures.Sentence{prose(5, "All children in care have an up-to-date PEP.")}, pep), nil},
		{"most against the table and it holds", item([]figures.Sentence{prose(5, "Most children in care have an up-to-date PEP.")}, pep), nil},
		{"national", item([]figures.Sentence{national(5, "Almost all councils (60%) responded.")}), nil},
	})
}
