package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestWorseningTrend(t *testing.T) {
	iha := series("Initial health assessments within 20 working days", "%", figures.HigherIsBetter, 8, 62, 51, 38)
	moves := series("Children with three or more placement moves", "%", figures.LowerIsBetter, 8, 9.5, 8.1, 9.0, 11.2)
	once := series("Children with three or more placement moves", "%", figures.LowerIsBetter, 8, 8.1, 9.0)
	unknown := series("Re-referrals", "%", figures.PolarityUnknown, 8, 20, 22, 24)
	runCheck(t, worseningTrend{}, []checkCase{
		{"falling, higher is better", item(nil, iha), []expect{
			{"Initial health assessments within 20 working days falling from 62% to 51% to 38% over three quarters, worse each time.", []int{8}},
		}},
		{"rising, lower is better; the run starts after the last improvement", item(nil, moves), []expect{
			{"Children with three or more placement moves rising from 8.1% to 9% to 11.2% over three quarters, worse each time.", []int{8}},
		}},
		{"one period is not a trend", item(nil, once), nil},
		{"unknown polarity is skipped", item(nil, unknown), nil},
		{"national figures make none", item(nil, owned(iha, figures.OwnerNational)), nil},
	})
}
