package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestCaseloadsAboveStandard(t *testing.T) {
	caseload := withTarget(series("Average caseload per social worker", "", figures.PolarityUnknown, 9, 21, 24), 18, figures.Red)
	within := withTarget(series("Average caseload per social worker", "", figures.PolarityUnknown, 9, 17), 18, figures.Green)
	runCheck(t, caseloadsAboveStandard{}, []checkCase{
		{"above the standard", item(nil, caseload), []expect{
			{"Average caseload per social worker at 24 in Q2 against a standard of 18 (6 over).", []int{9}},
		}},
		{"within the standard", item(nil, within), nil},
		{"no standard", item(nil, series("Average caseload per social worker", "", figures.PolarityUnknown, 9, 30)), nil},
		{"national", item(nil, owned(caseload, figures.OwnerNational)), nil},
	})
}

func TestAgencyStaff(t *testing.T) {
	rising := series("Agency social workers", "%", figures.PolarityUnknown, 9, 12, 13.5, 14)
	overTarget := withTarget(series("Agency social workers", "%", figures.LowerIsBetter, 9, 22, 24.1, 25.6), 15, figures.Red)
	high := series("Agency social workers", "%", figures.PolarityUnknown, 9, 27, 26)
	aboveEngland := against(series("Agency social workers", "%", figures.PolarityUnknown, 9, 19), figures.Comparator{Name: "England", Value: 17.6, Text: "17.6%"})
	runCheck(t, agencyStaff, []checkCase{
		{"above target and rising", item(nil, overTarget), []expect{
			{"Agency social workers at 25.6% in Q3: above the target of 15%, and rising from 22% to 24.1% to 25.6% over three quarters.", []int{9}},
		}},
		{"rising though low", item(nil, rising), []expect{
			{"Agency social workers at 14% in Q3: rising from 12% to 13.5% to 14% over three quarters.", []int{9}},
		}},
		{"high with nothing to compare", item(nil, high), []expect{
			{"Agency social workers at 26% in Q2: a high level (20% or more).", []int{9}},
		}},
		{"above England", item(nil, aboveEngland), []expect{
			{"Agency social workers at 19% in Q1: above 17.6% for England.", []int{9}},
		}},
		{"a count beside a rate makes no finding", item(nil, overTarget, series("Agency social workers (FTE)", "", figures.PolarityUnknown, 9, 44, 49, 52)), []expect{
			{"Agency social workers at 25.6% in Q3: above the target of 15%, and rising from 22% to 24.1% to 25.6% over three quarters.", []int{9}},
		}},
		{"a count alone does", item(nil, series("Agency social workers (FTE)", "", figures.PolarityUnknown, 9, 44, 49, 52)), []expect{
			{"52 agency social workers (FTE) in Q3: rising from 44 to 49 to 52 over three quarters.", []int{9}},
		}},
		{"multi-agency is not agency staff", item(nil, series("Multi-agency referrals", "%", figures.PolarityUnknown, 9, 30, 32, 35)), nil},
		{"low and falling", item(nil, series("Agency social workers", "%", figures.PolarityUnknown, 9, 12, 9)), nil},
		{"national", item(nil, owned(overTarget, figures.OwnerNational)), nil},
	})
}

func TestVacancies(t *testing.T) {
	runCheck(t, vacancies, []checkCase{
		{"high", item(nil, series("Social worker vacancy rate", "%", figures.PolarityUnknown, 9, 18, 17)), []expect{
			{"Social worker vacancy rate at 17% in Q2: a high level (15% or more).", []int{9}},
		}},
		{"over target", item(nil, withTarget(series("Social worker vacancy rate", "%", figures.LowerIsBetter, 9, 12), 10, figures.Amber)), []expect{
			{"Social worker vacancy rate at 12% in Q1: above the target of 10%.", []int{9}},
		}},
		{"low", item(nil, series("Social worker vacancy rate", "%", figures.PolarityUnknown, 9, 8)), nil},
		{"agency is not vacancies", item(nil, series("Agency social workers", "%", figures.PolarityUnknown, 9, 30)), nil},
	})
}
