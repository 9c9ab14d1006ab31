package samplepack

// workProgramme is item 9: the committee's plan for the year and the
// tracker of its recommendations, some still outstanding.
var workProgramme = document{blocks: []block{
	cover(
		[2]string{"Report to", committee},
		[2]string{"Date of Meeting", meetingDate},
		[2]string{"Subject", "Work Programme 2026/27"},
		[2]string{"Report of", "Head of Democratic Services"},
		[2]string{"Wards Affected", "All"},
		[2]string{"Key Decision", "No"},
		[2]string{"Exempt / Confidential", "No"},
		[2]string{"Summary", "The committee's work programme for the rest of 2026/27 and the tracker of the recommendations it has made."},
		[2]string{"Recommendation(s)", "That the committee:\n(a) agrees the work programme, with any changes; and\n(b) notes the progress of its recommendations."},
	),
	heading("1.  Work Programme"),
	numbered{"1.1", "The committee sets its own work programme, taking account of the council's priorities, the views of the Cabinet Member and of the Director, performance information and the outcome of the Ofsted inspection. Items proposed for the rest of the year are set out below."},
	caption("Table 1: Work programme, December 2026 to April 2027"),
	table{widths: []float64{34, 96, 40}, align: "LLL",
		header: []string{"Meeting", "Item", "Lead officer"},
		rows: [][]string{
			{"9 December 2026", "ILACS improvement plan: progress report", "Assistant Director"},
			{"9 December 2026", "Children missing education", "Head of Inclusion"},
			{"9 December 2026", "Children in care: results of the Bright Spots survey", "Principal Social Worker"},
			{"10 February 2027", "ILACS improvement plan: progress report", "Assistant Director"},
			{"10 February 2027", "Virtual School annual report: attainment of children in care", "Virtual School Head"},
			{"10 February 2027", "Budget 2027/28: children's services", "Director of Children's Services"},
			{"21 April 2027", "ILACS improvement plan: progress report", "Assistant Director"},
			{"21 April 2027", "Social work workforce: reduction of agency social workers", "Director of Children's Services"},
			{"21 April 2027", "School place planning 2027-2031", "Head of Education"},
		}},
	heading("2.  Recommendations Tracker"),
	numbered{"2.1", "The tracker shows each recommendation the committee has made in 2026 and the response to it."},
	table{widths: []float64{28, 72, 36, 34}, align: "LLLL", size: 10,
		header: []string{"Meeting", "Recommendation", "To", "Status"},
		rows: [][]string{
			{"15 April 2026", "Report CAMHS waiting times for children in care", "Assistant Director", "Outstanding"},
			{"8 July 2026", "Report back on the reduction of agency social workers by March 2027", "Director", "In progress"},
			{"8 July 2026", "Report the results of the Bright Spots survey of children in care", "Principal Social Worker", "Due December 2026"},
			{"8 July 2026", "Corporate Parenting Panel to consider IRO caseloads", "Head of Service, CiC", "Outstanding"},
			{"8 July 2026", "Fostering annual report to include statistical neighbours and children's views", "Head of Fostering and Adoption", "Completed"},
			{"8 July 2026", "Consider the ILACS report and improvement plan", "Director", "Completed"},
		}},
	numbered{"2.2", "A briefing on CAMHS waiting times for children in care was requested in April 2026 and has not yet been provided, pending data from the Integrated Care Board. The Corporate Parenting Panel has not met since July 2026 and has not yet considered IRO caseloads."},
	heading("3.  Task and Finish Groups"),
	numbered{"3.1", "The committee may wish to set up a task and finish group on placement sufficiency (see item 5). If agreed, the group would meet four times between November 2026 and February 2027 and report to the April meeting."},
	para("Contact officer: Gemma Rowntree, Democratic Services Officer. Tel: 01632 960418."),
}}
