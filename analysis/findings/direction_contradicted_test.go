package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestDirectionContradicted(t *testing.T) {
	agency := series("Agency social workers", "%", figures.LowerIsBetter, 11, 22, 24.1, 25.6)
	iha := series("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 11, 62, 51, 38)
	moves := series("Placement moves", "", figures.LowerIsBetter, 11, 30, 34)
	missing := series("Children missing from care", "", figures.PolarityUnknown, 11, 40, 31)
	steady := series("Agency social workers", "%", figures.LowerIsBetter, 11, 22, 22.4, 22.1)
	marked := func(ind figures.Indicator, dir string) figures.Indicator { ind.Direction = dir; return ind }
	foster := withTarget(series("Approved foster households", "", figures.HigherIsBetter, 11, 640, 613), 700, figures.Amber)
	runCheck(t, directionContradicted{}, []checkCase{
		{"stabilised while rising", item([]figures.Sentence{prose(3, "Agency use has stabilised following the recruitment campaign.")}, agency), []expect{
			{`The report says "agency use has stabilised following the recruitment campaign", but its own figures show agency social workers rising from 22% to 24.1% to 25.6% over three quarters.`, []int{3, 11}},
		}},
		{"improving while worse", item([]figures.Sentence{prose(4, "Timeliness of initial health assessments is improving, and the service is confident.")}, iha), []expect{
			{`The report says "timeliness of initial health assessments is improving", but its own figures show initial health assessments within 20 working days falling from 62% to 51% to 38% over three quarters.`, []int{4, 11}},
		}},
		{"reduced while up", item([]figures.Sentence{prose(4, "Placement moves have reduced this year.")}, moves), []expect{
			{`The report says "placement moves have reduced this year", but its own figures show placement moves rising from 30 to 34 over two quarters.`, []int{4, 11}},
		}},
		{"on track while off target", item([]figures.Sentence{prose(4, "Recruitment of approved foster households is on track.")}, foster), []expect{
			{`The report says "recruitment of approved foster households is on track", but its own figures show 613 approved foster households in Q2 against a target of 700.`, []int{4, 11}},
		}},
		{"increased with unknown polarity, series fell", item([]figures.Sentence{prose(4, "The number of children missing from care has increased.")}, missing), []expect{
			{`The report says "the number of children missing from care has increased", but its own figures show children missing from care falling from 40 to 31 over two quarters.`, []int{4, 11}},
		}},
		{"printed direction of travel", item(nil, marked(iha, "Improving")), []expect{
			{`The report marks initial health assessments within 20 working days as "Improving", but its own figures show initial health assessments within 20 working days falling from 62% to 51% to 38% over three quarters.`, []int{11}},
		}},
		{"printed and said: found once, from the sentence", item([]figures.Sentence{prose(4, "Initial health assessments are improving.")}, marked(iha, "Improving")), []expect{
			{`The report says "initial health assessments are improving", but its own figures show initial health assessments within 20 working days falling from 62% to 51% to 38% over three quarters.`, []int{4, 11}},
		}},
		{"printed direction that holds", item(nil, marked(iha, "Worsening")), nil},
		{"the direction word is about something else", item([]figures.Sentence{prose(4, "We have increased the number of social workers, and agency use has fallen.")}, series("Agency social workers", "%", figures.LowerIsBetter, 11, 25, 21)), nil},
		{"the second claim of a sentence is contradicted", item([]figures.Sentence{prose(4, "Morale has improved, and agency use has fallen.")}, agency), []expect{
			{`The report says "agency use has fallen", but its own figures show agency social workers rising from 22% to 24.1% to 25.6% over three quarters.`, []int{4, 11}},
		}},
		{"stable and it is", item([]figures.Sentence{prose(4, "Agency use has remained stable.")}, steady), nil},
		{"improving with unknown polarity is skipped", item([]figures.Sentence{prose(4, "Children missing from care is improving.")}, missing), nil},
		{"negated", item([]figures.Sentence{prose(4, "Initial health assessments have not improved.")}, iha), nil},
		{"an aim, not a claim", item([]figures.Sentence{prose(4, "There is a continued focus on improving initial health assessments.")}, iha), nil},
		{"a promise, not a claim", item([]figures.Sentence{prose(4, "Agency use will be reduced next year.")}, agency), nil},
		{"an attribute of something else", item([]figures.Sentence{prose(4, "An improved understanding of the reasons will help us improve the timeliness of initial health assessments.")}, iha), nil},
		{"no indicator named", item([]figures.Sentence{prose(4, "Morale has improved.")}, iha), nil},
		{"national sentence", item([]figures.Sentence{national(4, "Nationally, agency use has stabilised.")}, agency), nil},
		{"another council's indicator", item([]figures.Sentence{prose(4, "Agency use has stabilised.")}, owned(agency, figures.OwnerOther)), nil},
	})
}
