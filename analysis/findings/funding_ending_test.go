package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestFundingEnding(t *testing.T) {
	ends := prose(4, "The Supporting Families grant ends in March 2027.")
	runCheck(t, fundingEnding{}, []checkCase{
		{"ends with no plan", item([]figures.Sentence{ends, prose(4, "The team has eight workers.")}), []expect{
			{`The report says "the Supporting Families grant ends in March 2027", and says no plan for after March 2027.`, []int{4}},
		}},
		{"funded until", item([]figures.Sentence{prose(4, "The Family Hubs programme is funded until 31 March 2027 by the DfE.")}), []expect{
			{`The report says "the Family Hubs programme is funded until 31 March 2027 by the DfE", and says no plan for after 31 March 2027.`, []int{4}},
		}},
		{"the sum elsewhere in the sentence", item([]figures.Sentence{prose(4, "The DfE Edge of Care grant of £740,000 a year, which funds a team of nine, ends on 31 March 2027.")}), []expect{
			{`The report says "the DfE Edge of Care grant of £740,000 a year, which funds a team of nine, ends on 31 March 2027", and says no plan for after 31 March 2027.`, []int{4}},
		}},
		{"the sum in the sentence before", item([]figures.Sentence{prose(22, "The DfE Edge of Care grant, £740,000 in 2026/27, funds a team of nine."), prose(22, "The grant ends on 31 March 2027.")}), []expect{
			{`The report says "the grant ends on 31 March 2027" (£740,000), and says no plan for after 31 March 2027.`, []int{22, 22}},
		}},
		{"exit strategy", item([]figures.Sentence{ends, prose(5, "An exit strategy for the grant-funded posts will come to Cabinet in December.")}), nil},
		{"mainstreamed", item([]figures.Sentence{ends, prose(5, "The posts will be mainstreamed into the base budget.")}), nil},
		{"a date that is not the end", item([]figures.Sentence{prose(4, "A decision on accepting this funding will be made shortly, and a delivery plan will be submitted to the DfE by March 2027.")}), nil},
		{"end of as a date", item([]figures.Sentence{prose(4, "Installations of grant funded equipment are expected by the end of 2026.")}), nil},
		{"no date", item([]figures.Sentence{prose(4, "The grant is time-limited.")}), nil},
		{"national", item([]figures.Sentence{national(4, "The national grant ends in March 2027.")}), nil},
	})
	soon := (fundingEnding{}).Find(item([]figures.Sentence{prose(4, "The grant ends in March 2027.")}))[0].Severity
	later := (fundingEnding{}).Find(item([]figures.Sentence{prose(4, "The grant ends in March 2029.")}))[0].Severity
	if soon <= later {
		t.Errorf("funding ending within the year (%v) should rank above funding ending later (%v)", soon, later)
	}
}
