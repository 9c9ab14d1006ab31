package figures

import "testing"

func TestOwnerOf(t *testing.T) {
	tests := []struct {
		text, heading, council string
		want                   Owner
	}{
		// National figures as the subject.
		{"Around 70,000 children are looked after in England at any one time.", "", "", OwnerNational},
		{"Nationally, 12% of care leavers are not in education, employment or training.", "", "", OwnerNational},
		{"The national average for re-referrals is 22%.", "", "", OwnerNational},
		{"Across England the number of children in care rose again.", "", "", OwnerNational},
		// Research summaries: a footnote mark, or the words of a study.
		{"In 2019, 50% of children in care had a special educational need, compared to 15% of all children⁴.", "", "", OwnerNational},
		{"Research by the Commissioner found that 20% of children moved school that year.", "", "", OwnerNational},
		// A comparator in the council's own sentence.
		{"Re-referrals were 31%, against 28% for England.", "", "", OwnerCouncil},
		{"At 0.04% this is still well below the national average of 0.11%.", "", "", OwnerCouncil},
		{"Our rate of 32.9 remains below the last published rate for England of 41.6.", "", "", OwnerCouncil},
		{"The proportion of 29% compares favourably to national (25%) figures.", "", "", OwnerCouncil},
		// Other councils' examples.
		{"In Anytown, 93% of care leavers are in suitable accommodation.", "", "", OwnerOther},
		{"Case study: the fostering hub cut placement breakdowns by a third.", "", "", OwnerOther},
		{"Northshire County Council routinely places 12 per cent of its children for adoption.", "", "", OwnerOther},
		{"London Borough of Westbury reduced residential placements by 20%.", "", "", OwnerOther},
		{"A respite project in Southtown has reduced carers leaving by 95 per cent.", "", "", OwnerOther},
		{"Nine in ten care leavers are in suitable accommodation.", "Local case studies", "", OwnerOther},
		{"How stable are the lives of the children in your care?", "10 questions to ask", "", OwnerOther},
		// Words of Parliament or the Government, quoted or reported.
		{"Clive Betts MP, Chair of the CLG Committee, said: this inquiry is long overdue.", "", "", OwnerOther},
		{"The Government fully accepts that the chair of a scrutiny committee can have a great impact.", "", "", OwnerOther},
		// The council's own.
		{"In Kent, 613 households are approved to foster.", "", "Kent", OwnerCouncil},
		{"In December 2024, 1,109 children were subject to a plan.", "", "", OwnerCouncil},
		{"Kent County Council has 613 approved foster households against a target of 700.", "", "Kent", OwnerCouncil},
		{"The average caseload was 21 children, against a target of 18.", "Staffing", "", OwnerCouncil},
	}
	for _, tc := range tests {
		if got := OwnerOf(Sentence{Text: tc.text, Heading: tc.heading}, tc.council); got != tc.want {
			t.Errorf("OwnerOf(%q, heading %q) = %v, want %v", tc.text, tc.heading, got, tc.want)
		}
	}
}

// TestOwners checks the context sentences make together: a case-study
// heading holds over the place names under it; a guide runs on until a
// council's report starts again; an owner already set is kept.
func TestOwners(t *testing.T) {
	ss := []Sentence{
		{Text: "Re-referrals were 22% in the quarter.", Heading: "Performance"},
		{Text: "Local Case Studies", Heading: "Local Case Studies"},
		{Text: "The hub supported 40 carers.", Heading: "Westshire"},
		{Text: "Placement moves fell by half.", Heading: "Eastbury"},
		{Text: "Caseloads were 18 on average.", Heading: "Workforce update"},
		{Text: "10 questions to ask if you're scrutinising services for children in care", Heading: ""},
		{Text: "Around 6% of children in care are adopted each year.", Heading: "Adoption"},
		{Text: "Ask how many of your children are placed out of area.", Heading: "Placements"},
		{Text: "Report From: Director of Children's Services", Heading: ""},
		{Text: "The board met 4 times in the year.", Heading: "Background"},
		{Text: "Our figures show 613 foster households.", Heading: "Background", Owner: OwnerNational},
	}
	want := []Owner{OwnerCouncil, OwnerOther, OwnerOther, OwnerOther, OwnerCouncil, OwnerOther, OwnerOther, OwnerOther, OwnerCouncil, OwnerCouncil, OwnerNational}
	got := Owners(ss, "")
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%q: owner %v, want %v", ss[i].Text, got[i], want[i])
		}
	}
	// A parliamentary report attached whole is someone else's words to its
	// end: the page stamps and a mention of "standing agenda items" inside
	// it do not start a council report; the next item's heading does.
	appendix := []Sentence{
		{Text: "The report was published on 15 December 2017."},
		{Text: "Ordered by the House of Commons to be printed 11 December 2017"},
		{Text: "Too many Leaders seek to block scrutiny."},
		{Text: "Agenda Item 9"},
		{Text: "Many authorities involve residents through standing agenda items and public appeals."},
		{Text: "Scrutiny is often the poor relation."},
		{Text: "Agenda Item 10 Cabinet Member Report"},
		{Text: "Schools were visited 12 times."},
	}
	wantAppendix := []Owner{OwnerCouncil, OwnerOther, OwnerOther, OwnerOther, OwnerOther, OwnerOther, OwnerCouncil, OwnerCouncil}
	for i, o := range Owners(appendix, "") {
		if o != wantAppendix[i] {
			t.Errorf("%q: owner %v, want %v", appendix[i].Text, o, wantAppendix[i])
		}
	}
	SetOwners(ss, "")
	for i := range want {
		if ss[i].Owner != want[i] {
			t.Errorf("SetOwners: %q: owner %v, want %v", ss[i].Text, ss[i].Owner, want[i])
		}
	}
}
