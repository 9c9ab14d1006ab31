package national

import "testing"

func TestMatchIndicator(t *testing.T) {
	for _, tc := range []struct {
		label, unit string
		want        string // "" = no match
		basis       Basis
	}{
		{"Re-referrals within 12 months", "%", "rereferrals_12m", Unspecified},
		{"% of referrals that were re-referrals within 12 months", "", "rereferrals_12m", Unspecified},
		{"Re-referrals (rolling 12 months)", "%", "rereferrals_12m", Rolling},
		{"Re-referrals year to date", "%", "rereferrals_12m", YearToDate},
		{"Re-referrals", "number", "", ""},         // a count is not the rate
		{"Re-referrals in quarter", "%", "", ""},   // one quarter is not the annual measure
		{"Referrals in quarter", "number", "", ""}, // a quarter's count is not the year's
		{"Number of referrals", "number", "referrals", Unspecified},
		{"Referrals per 10,000", "", "referrals_rate", Unspecified},
		{"% of children subject to a second or subsequent CP plan", "", "cpp_subsequent", Unspecified},
		{"Repeat child protection plans", "%", "cpp_subsequent", Unspecified},
		{"Children subject to a CP plan per 10,000", "per 10,000", "cpp_rate", Unspecified},
		{"CP plans lasting 2 years or more", "%", "cpp_2_years_open", Unspecified},
		{"CLA per 10,000", "", "cla_rate", Unspecified},
		{"Children in care rate per 10,000", "per 10,000", "cla_rate", Unspecified},
		{"Number of children looked after", "", "cla_count", Unspecified},
		{"Children starting to be looked after per 10,000", "", "cla_starting_rate", Unspecified},
		{"LAC with 3 or more placements in the year", "%", "cla_3_placements", Annual},
		{"Long term placement stability", "%", "cla_long_term_stability", Unspecified},
		{"Care leavers in EET", "%", "care_leavers_eet_19_21", Unspecified},
		{"Care leavers aged 17-18 in EET", "%", "care_leavers_eet_17_18", Unspecified},
		{"Care leavers NEET", "%", "care_leavers_neet_19_21", Unspecified},
		{"Care leavers not in education, employment or training", "%", "care_leavers_neet_19_21", Unspecified},
		{"Care leavers in suitable accommodation", "%", "care_leavers_accommodation_19_21", Unspecified},
		{"Agency social workers %", "", "sw_agency_rate", Unspecified},
		{"Social worker vacancy rate", "%", "sw_vacancy_rate", Unspecified},
		{"Social worker turnover (rolling 12 months)", "%", "sw_turnover_rate", Rolling},
		{"Average caseload", "", "sw_caseload", Unspecified},
		{"Average caseload per social worker", "cases", "sw_caseload", Unspecified},
		{"Assessments completed within 45 working days", "%", "assessments_45_days", Unspecified},
		{"ICPCs held within 15 working days", "%", "icpc_15_days", Unspecified},
		{"Health assessments up to date", "%", "cla_health_checks", Unspecified},
		{"Agency social workers", "number", "", ""}, // a headcount is not the rate
		{"Foster carers approved", "number", "", ""},
		{"Average caseload", "%", "", ""},
		{"", "%", "", ""},
	} {
		m, ok := MatchIndicatorBasis(tc.label, tc.unit)
		if tc.want == "" {
			if ok {
				t.Errorf("MatchIndicator(%q, %q) = %s, want no match", tc.label, tc.unit, m.Measure.ID)
			}
			continue
		}
		if !ok || m.Measure.ID != tc.want || m.Basis != tc.basis {
			t.Errorf("MatchIndicator(%q, %q) = %s (%q), %v; want %s (%q)", tc.label, tc.unit, m.Measure.ID, m.Basis, ok, tc.want, tc.basis)
		}
		if m2, ok2 := MatchIndicator(tc.label, tc.unit); !ok2 || m2.ID != m.Measure.ID {
			t.Errorf("MatchIndicator and MatchIndicatorBasis disagree on %q", tc.label)
		}
	}
	m, _ := MatchIndicatorBasis("Re-referrals (rolling 12 months)", "%")
	if m.Note == "" {
		t.Error("a rolling figure's match does not say what each figure covers")
	}
}

// Every line of indicators.txt names a measure in its unit, and the table
// covers at least 30 measures.
func TestIndicatorsFile(t *testing.T) {
	rows, err := indicatorRows()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.measure] = true
	}
	if len(seen) < 30 {
		t.Errorf("indicators.txt covers %d measures, want at least 30", len(seen))
	}
	s, _ := data()
	for _, bad := range []string{
		"nope | % | annual | x",
		"rereferrals_12m | number | annual | x",
		"rereferrals_12m | % | weekly | x",
		"rereferrals_12m | % | annual",
	} {
		if _, err := parseIndicators(bad, s); err == nil {
			t.Errorf("parseIndicators(%q) gave no error", bad)
		}
	}
}
