package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestOverspend(t *testing.T) {
	runCheck(t, overspend, []checkCase{
		{"forecast overspend", item([]figures.Sentence{prose(4, "Children's services are forecasting an overspend of £4.2m, mainly on external placements.")}), []expect{
			{`The report says "children's services are forecasting an overspend of £4.2m".`, []int{4}},
		}},
		{"pressure, amount first", item([]figures.Sentence{prose(4, "There is a £950k pressure on home to school transport.")}), []expect{
			{`The report says "there is a £950k pressure on home to school transport".`, []int{4}},
		}},
		{"no amount", item([]figures.Sentence{prose(4, "Placements remain a budget pressure.")}), nil},
		{"a sum far from the overspend", item([]figures.Sentence{prose(4, "The £12m programme of capital works on children's homes and family hubs across the county means the level of overspend for the council would reduce this year.")}), nil},
		{"no overspend", item([]figures.Sentence{prose(4, "There is no overspend forecast against the £12m budget.")}), nil},
		{"underspend", item([]figures.Sentence{prose(4, "An underspend of £200k is forecast.")}), nil},
		{"national", item([]figures.Sentence{national(4, "Councils nationally face a £1.2bn overspend on children's social care.")}), nil},
	})
	big := overspend.Find(item([]figures.Sentence{prose(4, "A forecast overspend of £6m.")}))[0].Severity
	small := overspend.Find(item([]figures.Sentence{prose(4, "A forecast overspend of £50k.")}))[0].Severity
	planned := overspend.Find(item([]figures.Sentence{prose(4, "A forecast overspend of £6m, with a recovery plan to bring it down by March 2027.")}))[0].Severity
	two := overspend.Find(item([]figures.Sentence{prose(4, "Children's Services forecast an overspend of £4.4 million."), prose(4, "Placements are forecast to overspend by £4.75 million.")}))
	if len(two) != 2 || two[1].Severity <= two[0].Severity {
		t.Errorf("the largest of one report's overspends should lead: %+v", two)
	}
	if !(big > planned && planned > small) {
		t.Errorf("severities: £6m %v, £6m with a dated plan %v, £50k %v", big, planned, small)
	}
}
