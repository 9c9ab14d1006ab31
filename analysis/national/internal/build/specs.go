package build

// ees names a value column of an Explore Education Statistics tidy CSV and
// the filter values that pick its rows.
type ees struct {
	File    string
	Filters [][2]string // column, value
	Column  string
}

// spec is one measure of the snapshot: where its values come from and what
// it means. Values come from the EES file when EES is set, otherwise from
// the LAIT long table under the LAIT code; the LAIT data dictionary gives the
// polarity (unless Polarity overrides it) and the next release.
type spec struct {
	ID       string
	Title    string // "" = the LAIT chart title
	Unit     string
	Topic    string
	Counts   string // "" = the LAIT description
	Period   string // "" = from the LAIT year type
	LAIT     string
	Polarity string // "" = from the LAIT dictionary; "none" = no polarity
	EES      *ees
}

const (
	fileRefs     = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
	fileCIN      = "b1_children_in_need_2013_to_2025.csv"
	fileCPPSub   = "d3_cpps_subsequent_plan_2013_to_2025.csv"
	fileCPPDur   = "d5_cpps_at31march_by_duration_2013_to_2025.csv"
	fileCLA      = "cla_number_and_rate_per_10k_children.csv"
	fileStab     = "la_cla_placement_stability.csv"
	fileActivity = "la_care_leavers_activity.csv"
	fileAccom    = "la_care_leavers_accommodation_suitability.csv"
	fileCSWW     = "csww_indicators_2017_to_2025.csv"
	fileLAIT     = "lait_bds_long_0.parquet"
	fileDict     = "lait_data_dictionary.csv"
	fileSN       = "sn_model_2025_wide.csv"
	fileOfsted   = "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
)

const (
	claOn31March = "Children looked after on 31 March each year"
	yearToMarch  = "year ending 31 March"
	at31March    = "at 31 March"
	at30Sept     = "at 30 September"
)

func filt(kv ...string) [][2]string {
	var f [][2]string
	for i := 0; i+1 < len(kv); i += 2 {
		f = append(f, [2]string{kv[i], kv[i+1]})
	}
	return f
}

// specs lists the measures councils report most, in the order the
// figures command shows them: the child's journey from referral to leaving
// care, then the workforce.
var specs = []spec{
	// Referrals, assessments and children in need.
	{ID: "referrals_rate", Unit: "per 10,000", Topic: "Children in need", Period: yearToMarch, LAIT: "CPP_Total_Rateper10,000", Polarity: "none",
		Title: "Referrals to children's social care per 10,000 children", Counts: "Referrals received in the year per 10,000 children aged under 18."},
	{ID: "referrals", Unit: "number", Topic: "Children in need", Period: yearToMarch, LAIT: "CPP_Total_NumRef", Polarity: "none",
		Title: "Referrals to children's social care", Counts: "Referrals received by children's social care in the year.",
		EES: &ees{fileRefs, nil, "referral_count"}},
	{ID: "rereferrals_12m", Unit: "%", Topic: "Children in need", Period: yearToMarch, LAIT: "ReReferral",
		Title: "Re-referrals within 12 months of a previous referral", Counts: "Referrals in the year that came within 12 months of a previous referral of the same child, as a percentage of all referrals in the year.",
		EES: &ees{fileRefs, nil, "rereferral_percent"}},
	{ID: "referrals_nfa", Unit: "%", Topic: "Children in need", Period: yearToMarch, LAIT: "CIN_Refferals_NFA", Polarity: "none",
		Title: "Referrals closed with no further action", Counts: "Referrals in the year that led to no further action, as a percentage of all referrals.",
		EES: &ees{fileRefs, nil, "no_further_action_percent"}},
	{ID: "assessments_45_days", Unit: "%", Topic: "Children in need", Period: yearToMarch, LAIT: "Continue_Assess_Comp",
		Title: "Assessments completed within 45 working days", Counts: "Continuous (single) assessments completed in the year within 45 working days of their start, as a percentage of all completed."},
	{ID: "cin_rate", Unit: "per 10,000", Topic: "Children in need", Period: at31March, LAIT: "CIN", Polarity: "none",
		Title: "Children in need per 10,000 children", Counts: "Children in need at 31 March per 10,000 children aged under 18."},
	{ID: "cin_count", Unit: "number", Topic: "Children in need", Period: at31March, LAIT: "CIN", Polarity: "none",
		Title: "Children in need", Counts: "Episodes of need open at 31 March (children in need, including those on a plan and looked after).",
		EES: &ees{fileCIN, nil, "At31_episodes"}},
	// Child protection.
	{ID: "s47_rate", Unit: "per 10,000", Topic: "Child protection", Period: yearToMarch, LAIT: "Section_47", Polarity: "none",
		Title: "Section 47 enquiries per 10,000 children", Counts: "Section 47 enquiries started in the year per 10,000 children aged under 18."},
	{ID: "icpc_15_days", Unit: "%", Topic: "Child protection", Period: yearToMarch, LAIT: "CP_conf_15days",
		Title: "Initial child protection conferences within 15 working days", Counts: "Initial child protection conferences held within 15 working days of the strategy discussion, as a percentage of all initial conferences in the year."},
	{ID: "cpp_rate", Unit: "per 10,000", Topic: "Child protection", Period: at31March, LAIT: "CPP_rate", Polarity: "none",
		Title: "Children on a child protection plan per 10,000 children", Counts: "Children subject to a child protection plan at 31 March per 10,000 children aged under 18."},
	{ID: "cpp_count", Unit: "number", Topic: "Child protection", Period: at31March, LAIT: "CPP_Num", Polarity: "none",
		Title: "Children on a child protection plan", Counts: "Children subject to a child protection plan at 31 March.",
		EES: &ees{fileCPPDur, nil, "CPP_At31"}},
	{ID: "cpp_starting_rate", Unit: "per 10,000", Topic: "Child protection", Period: yearToMarch, LAIT: "CPP_Abuse_Rate", Polarity: "none",
		Title: "Child protection plans starting per 10,000 children", Counts: "Child protection plans that started in the year per 10,000 children aged under 18."},
	{ID: "cpp_subsequent", Unit: "%", Topic: "Child protection", Period: yearToMarch, LAIT: "PrevRegCPR",
		Title: "Child protection plans that are a second or subsequent plan", Counts: "Child protection plans started in the year that were the child's second or subsequent plan (at any time), as a percentage of all plans started.",
		EES: &ees{fileCPPSub, nil, "CPP_subsequent_percent"}},
	{ID: "cpp_2_years_open", Unit: "%", Topic: "Child protection", Period: at31March, LAIT: "CPPlans2yrsActive",
		Title: "Child protection plans open for two years or more", Counts: "Child protection plans open at 31 March that had lasted two years or more, as a percentage of all plans open at 31 March.",
		EES: &ees{fileCPPDur, nil, "2_years_or_more_percent"}},
	{ID: "cpp_2_years_ceased", Unit: "%", Topic: "Child protection", Period: yearToMarch, LAIT: "CPPlans2yrs",
		Title: "Child protection plans ending after two years or more", Counts: "Child protection plans that ended in the year having lasted two years or more, as a percentage of all plans that ended."},
	{ID: "cpp_reviewed", Unit: "%", Topic: "Child protection", Period: yearToMarch, LAIT: "RevCP",
		Title: "Child protection cases reviewed within timescales", Counts: "Children on a plan for at least three months whose reviews were all held on time, as a percentage of those children."},
	// Children looked after.
	{ID: "cla_rate", Unit: "per 10,000", Topic: "Children looked after", Period: at31March, LAIT: "LAC", Polarity: "none",
		Title: "Children looked after per 10,000 children", Counts: "Children looked after at 31 March per 10,000 children aged under 18.",
		EES: &ees{fileCLA, filt("population_type", claOn31March), "rate_per_10000"}},
	{ID: "cla_count", Unit: "number", Topic: "Children looked after", Period: at31March, LAIT: "LACnum", Polarity: "none",
		Title: "Children looked after", Counts: "Children looked after at 31 March.",
		EES: &ees{fileCLA, filt("population_type", claOn31March), "children_count"}},
	{ID: "cla_starting_rate", Unit: "per 10,000", Topic: "Children looked after", Period: yearToMarch, LAIT: "LAC_Start_Rate", Polarity: "none",
		Title: "Children starting to be looked after per 10,000 children", Counts: "Children who started to be looked after in the year per 10,000 children aged under 18.",
		EES: &ees{fileCLA, filt("population_type", "Children starting to be looked after each year"), "rate_per_10000"}},
	{ID: "uasc_count", Unit: "number", Topic: "Children looked after", Period: at31March, LAIT: "Unacc_Asylmn_Seek_Childn", Polarity: "none",
		Title: "Unaccompanied asylum-seeking children looked after", Counts: "Unaccompanied asylum-seeking children looked after at 31 March."},
	{ID: "cla_3_placements", Unit: "%", Topic: "Children looked after", Period: yearToMarch, LAIT: "LACStable_2016on",
		Title: "Children looked after with three or more placements in the year", Counts: "Children looked after at 31 March who had three or more placements during the year, as a percentage of all children looked after at 31 March.",
		EES: &ees{fileStab, filt("cla_group", "CLA on 31 March", "placement_stability", "With 3 or more placements during the year"), "children_percent"}},
	{ID: "cla_long_term_stability", Unit: "%", Topic: "Children looked after", Period: at31March, LAIT: "LAC_LongStable%",
		Title: "Children in care 2.5 years or more living in the same placement for 2 years", Counts: "Children under 16 looked after continuously for at least 2.5 years at 31 March who had lived with the same carer for at least 2 years, as a percentage of those children.",
		EES: &ees{fileStab, filt("cla_group", "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years", "placement_stability", "Living with the same carer for at least 2 years"), "children_percent"}},
	{ID: "cla_foster_care", Unit: "%", Topic: "Children looked after", Period: at31March, LAIT: "LAC_Foster_Placements",
		Title: "Children looked after in foster care", Counts: "Children looked after at 31 March living in foster care, as a percentage of all children looked after."},
	{ID: "cla_health_checks", Unit: "%", Topic: "Children looked after", Period: yearToMarch, LAIT: "LACHealth%",
		Title: "Children looked after with an up-to-date health assessment", Counts: "Children looked after for at least 12 months at 31 March whose health assessment was up to date, as a percentage of those children."},
	{ID: "cla_dental_checks", Unit: "%", Topic: "Children looked after", Period: yearToMarch, LAIT: "LACDental%",
		Title: "Children looked after with a dental check", Counts: "Children looked after for at least 12 months at 31 March who had their teeth checked by a dentist in the year, as a percentage of those children."},
	{ID: "cla_immunisations", Unit: "%", Topic: "Children looked after", Period: yearToMarch, LAIT: "LACVaccinations%",
		Title: "Children looked after with immunisations up to date", Counts: "Children looked after for at least 12 months at 31 March whose immunisations were up to date, as a percentage of those children."},
	{ID: "cla_sdq", Unit: "score", Topic: "Children looked after", Period: yearToMarch, LAIT: "Emotional_LAC",
		Title: "Average strengths and difficulties questionnaire (SDQ) score", Counts: "Average SDQ score of children aged 5 to 16 looked after for at least 12 months at 31 March (higher means more difficulties)."},
	{ID: "cla_missing", Unit: "%", Topic: "Children looked after", Period: yearToMarch, LAIT: "Children_missing", Polarity: "none",
		Title: "Children looked after who went missing", Counts: "Children looked after in the year who had at least one missing incident, as a percentage of all children looked after in the year."},
	{ID: "cla_convictions", Unit: "%", Topic: "Children looked after", Period: yearToMarch, LAIT: "LAC_Convictions",
		Title: "Children looked after convicted or given a youth caution", Counts: "Children aged 10 and over looked after for at least 12 months at 31 March who were convicted or subject to a youth caution in the year, as a percentage of those children."},
	{ID: "cla_school_moves", Unit: "%", Topic: "Children looked after", Period: yearToMarch, LAIT: "Stability_School",
		Title: "Children looked after with a mid-year school move", Counts: "Children looked after who had a mid-year change of school, as a percentage of those of school age."},
	{ID: "cla_adopted", Unit: "%", Topic: "Adoption", Period: yearToMarch, LAIT: "%_of LAC Adopted",
		Title: "Children leaving care who were adopted", Counts: "Children who ceased to be looked after in the year because they were adopted, as a percentage of all who ceased."},
	// Care leavers.
	{ID: "care_leavers_eet_19_21", Unit: "%", Topic: "Care leavers", Period: yearToMarch, LAIT: "CareLeaverEET",
		Title: "Care leavers aged 19 to 21 in education, employment or training", Counts: "Care leavers aged 19 to 21 in education, employment or training around their birthday, as a percentage of all care leavers of that age.",
		EES: &ees{fileActivity, filt("care_leaver_age", "19 to 21 years", "breakdown", "Total in education, employment or training"), "care_leaver_percent"}},
	{ID: "care_leavers_eet_17_18", Unit: "%", Topic: "Care leavers", Period: yearToMarch, LAIT: "CareLeaverEET",
		Title: "Care leavers aged 17 to 18 in education, employment or training", Counts: "Care leavers aged 17 to 18 in education, employment or training around their birthday, as a percentage of all care leavers of that age.",
		EES: &ees{fileActivity, filt("care_leaver_age", "17 to 18 years", "breakdown", "Total in education, employment or training"), "care_leaver_percent"}},
	{ID: "care_leavers_neet_19_21", Unit: "%", Topic: "Care leavers", Period: yearToMarch, LAIT: "CareLeaversNEET",
		Title: "Care leavers aged 19 to 21 not in education, employment or training", Counts: "Care leavers aged 19 to 21 not in education, employment or training around their birthday, as a percentage of all care leavers of that age.",
		EES: &ees{fileActivity, filt("care_leaver_age", "19 to 21 years", "breakdown", "Total not in education, employment or training"), "care_leaver_percent"}},
	{ID: "care_leavers_accommodation_19_21", Unit: "%", Topic: "Care leavers", Period: yearToMarch, LAIT: "CareLeaverAcc",
		Title: "Care leavers aged 19 to 21 in suitable accommodation", Counts: "Care leavers aged 19 to 21 whose accommodation was considered suitable, as a percentage of all care leavers of that age.",
		EES: &ees{fileAccom, filt("care_leaver_age", "19 to 21 years", "breakdown", "Accommodation considered suitable"), "care_leaver_percent"}},
	{ID: "care_leavers_accommodation_17_18", Unit: "%", Topic: "Care leavers", Period: yearToMarch, LAIT: "CareLeaverAcc",
		Title: "Care leavers aged 17 to 18 in suitable accommodation", Counts: "Care leavers aged 17 to 18 whose accommodation was considered suitable, as a percentage of all care leavers of that age.",
		EES: &ees{fileAccom, filt("care_leaver_age", "17 to 18 years", "breakdown", "Accommodation considered suitable"), "care_leaver_percent"}},
	{ID: "care_leavers_not_in_touch", Unit: "%", Topic: "Care leavers", Period: yearToMarch, LAIT: "CareLeavers_LA_NotInTouch",
		Title: "Care leavers the council is not in touch with", Counts: "Care leavers aged 19 to 21 with whom the council was not in touch, as a percentage of all care leavers of that age."},
	{ID: "care_leavers_staying_put", Unit: "%", Topic: "Care leavers", Period: yearToMarch, LAIT: "StayingPut",
		Title: "Care leavers staying put with their former foster carers", Counts: "Care leavers aged 19 to 21 living with their former foster carers, as a percentage of all care leavers of that age."},
	// Social work workforce.
	{ID: "sw_fte", Unit: "FTE", Topic: "Workforce", Period: at30Sept, LAIT: "Work_Force_NoSW", Polarity: "none",
		Title: "Children and family social workers (FTE)", Counts: "Children and family social workers in post, full-time equivalent, at 30 September.",
		EES: &ees{fileCSWW, nil, "inpost_fte"}},
	{ID: "sw_agency_rate", Unit: "%", Topic: "Workforce", Period: at30Sept, LAIT: "Work_Force_Agecy_Rate",
		Title: "Agency social workers", Counts: "Agency children and family social workers (FTE) at 30 September, as a percentage of agency and directly employed social workers.",
		EES: &ees{fileCSWW, nil, "agency_rate_fte"}},
	{ID: "sw_vacancy_rate", Unit: "%", Topic: "Workforce", Period: at30Sept, LAIT: "Work_Force_Vac_Rate",
		Title: "Social worker vacancy rate", Counts: "Vacant children and family social worker posts (FTE) at 30 September, as a percentage of vacancies and social workers in post.",
		EES: &ees{fileCSWW, nil, "vacancy_rate_fte"}},
	{ID: "sw_turnover_rate", Unit: "%", Topic: "Workforce", Period: "year ending 30 September", LAIT: "Work_Force_TO_Rate",
		Title: "Social worker turnover rate", Counts: "Children and family social workers (FTE) who left in the year to 30 September, as a percentage of those in post at 30 September.",
		EES: &ees{fileCSWW, nil, "turnover_rate_fte"}},
	{ID: "sw_caseload", Unit: "cases", Topic: "Workforce", Period: at30Sept, LAIT: "Work_Force_AvgNumCase_SW",
		Title: "Average caseload per social worker", Counts: "Cases held at 30 September divided by the FTE of children and family social workers holding cases.",
		EES: &ees{fileCSWW, nil, "caseload_fte"}},
	{ID: "sw_absence_rate", Unit: "%", Topic: "Workforce", Period: "year ending 30 September", LAIT: "Work_Force_SWAbsence",
		Title: "Social worker sickness absence rate", Counts: "Working days lost to sickness absence in the year as a percentage of working days available to social workers in post (FTE).",
		EES: &ees{fileCSWW, nil, "absence_rate_fte"}},
}

// publications names the release each source file belongs to.
var publications = map[string]string{
	fileRefs:     "Children in need, England",
	fileCIN:      "Children in need, England",
	fileCPPSub:   "Children in need, England",
	fileCPPDur:   "Children in need, England",
	fileCLA:      "Children looked after in England including adoptions",
	fileStab:     "Children looked after in England including adoptions",
	fileActivity: "Children looked after in England including adoptions",
	fileAccom:    "Children looked after in England including adoptions",
	fileCSWW:     "Children's social work workforce",
	fileLAIT:     "Local Authority Interactive Tool (LAIT)",
	fileDict:     "Local Authority Interactive Tool (LAIT) data dictionary",
	fileSN:       "Children's services statistical neighbour benchmarking tool, 2025 model",
	fileOfsted:   "Local authority inspection outcomes as at 31 March 2025 (Ofsted)",
}

// release is when a year's figures of a publication come out: by the end
// of Month, Lag years after the year (DfE's usual timetable: children in
// need in late October, children looked after in November, the workforce
// at 30 September in the next February, school moves of children looked
// after in the spring a year and more later).
type release struct{ Month, Lag int }

// releaseOf is the timetable of a measure, by its topic and source.
func releaseOf(s spec) release {
	switch {
	case s.LAIT == "Stability_School":
		return release{6, 2}
	case s.Topic == "Workforce":
		return release{2, 1}
	case s.Topic == "Children in need" || s.Topic == "Child protection":
		return release{10, 0}
	}
	return release{11, 0}
}

// reorganisation is a council that was abolished and the councils that took
// its children's services on.
type reorganisation struct {
	Code       string
	Name       string
	Abolished  int // the first year (at 31 March) with no figures of its own
	Successors []string
}

// reorganisations since the figures began (2013).
var reorganisations = []reorganisation{
	{"835", "Dorset County Council (to 2019)", 2019, []string{"838"}},
	{"836", "Poole", 2019, []string{"839"}},
	{"837", "Bournemouth", 2019, []string{"839"}},
	{"928", "Northamptonshire", 2021, []string{"940", "941"}},
	{"909", "Cumbria", 2023, []string{"942", "943"}},
}
