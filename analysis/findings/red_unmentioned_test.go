package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestRedUnmentioned(t *testing.T) {
	foster := withTarget(series("Approved foster households", "", figures.HigherIsBetter, 10, 640, 613), 700, figures.Amber)
	iha := withTarget(series("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 10, 38), 90, figures.Red)
	leavers := withTarget(series("Care leavers in suitable accommodation", "%", figures.HigherIsBetter, 10, 93), 90, figures.Green)
	talk := []figures.Sentence{prose(3, "Care leavers in suitable accommodation remain above target."), prose(3, "Foster households approved this year include twelve kinship carers.")}
	runCheck(t, redUnmentioned{}, []checkCase{
		{"red and off target, unmentioned", item(talk, foster, iha, leavers), []expect{
			{"Initial health assessments within 20 working days at 38% in Q1 against a target of 90% is rated Red, but the report's narrative does not mention it.", []int{10}},
		}},
		{"off target, unmentioned", item(talk[:1], foster, leavers), []expect{
			{"613 approved foster households in Q2 against a target of 700 is off target, but the report's narrative does not mention it.", []int{10}},
		}},
		{"narrative discusses no indicator", item([]figures.Sentence{prose(3, "The service has had a busy year.")}, iha, leavers), nil},
		{"mentioned", item(append(talk, prose(4, "Initial health assessments are a concern.")), iha, leavers), nil},
		{"national red", item(talk, owned(iha, figures.OwnerNational), leavers), nil},
	})
}
