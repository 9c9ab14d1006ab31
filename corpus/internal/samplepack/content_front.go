package samplepack

// The meeting's front sheet and agenda. Everything in the pack is
// fictional: the council, the people and the figures.

const (
	committee   = "Children and Young People Scrutiny Committee"
	meetingDate = "14 October 2026"
	dcs         = "Director of Children's Services"
)

var frontMatter = []block{
	bold("Membership:"),
	para("Councillor Priya Okafor (Chair), Councillor Tom Bewley (Vice-Chair), Councillors Angela Fenwick, Rashid Malik, Deborah Quilter, Simon Haverley, Joanne Pratt, Michael Oduya and Lucy Tremain."),
	para("Co-opted Members (voting on education matters only): Canon Peter Ashdown (Diocese of Wexcombe), Mrs Farah Siddiqui (parent governor representative) and Mr Alan Greaves (parent governor representative)."),
	bold("Contact officer:"),
	para("Gemma Rowntree, Democratic Services Officer. Tel: 01632 960418. Email: democratic.services@wexcombe.gov.uk"),
	para("Published: Tuesday, 6 October 2026"),
	para("Members of the public are welcome to attend. The meeting will be webcast live and the recording kept on the council's website for six months. Please ask the contact officer if you need the papers in another format."),
}

var frontClosing = []block{
	bold("Date of next meeting: Wednesday, 9 December 2026 at 6.00 pm"),
	para("Liam Hardacre, Monitoring Officer, Civic Centre, Market Street, Wexcombe WX1 2AB"),
}

// agenda is the pack in order: each item with its papers.
var agenda = []agendaItem{
	{num: "1", title: "Apologies for Absence",
		desc: "To receive any apologies for absence and to note substitutions."},
	{num: "2", title: "Declarations of Interest",
		desc: "Members are asked to declare any disclosable pecuniary interests or other registrable interests in items on this agenda."},
	{num: "3", title: "Minutes of the Previous Meeting",
		desc: "To confirm as a correct record the minutes of the meeting held on 8 July 2026.",
		docs: []document{minutes}},
	{num: "4", title: "Fostering Service Annual Report 2025/26",
		desc: "To consider the annual report of the in-house fostering service.",
		docs: []document{fosteringReport}},
	{num: "5", title: "Children in Care: Placement Sufficiency and Stability",
		desc: "To consider a report on the sufficiency of placements for children in care and the stability of those placements.",
		docs: []document{placementsReport}},
	{num: "6", title: "Care Leavers Local Offer Update",
		desc: "To receive an update on the Local Offer for care leavers and the work of the leaving care service.",
		docs: []document{careLeaversReport}},
	{num: "7", title: "Ofsted Inspection of Local Authority Children's Services (ILACS): Outcome and Improvement Plan",
		desc: "To consider the outcome of the inspection of children's services in June 2026 and the improvement plan (Appendix A).",
		docs: []document{ilacsReport, ilacsAppendix}},
	{num: "8", title: "Social Work Workforce Report",
		desc: "To consider the recruitment, retention and caseloads of the social work workforce.",
		docs: []document{workforceReport}},
	{num: "9", title: "Work Programme 2026/27",
		desc: "To review the committee's work programme and the tracker of its recommendations.",
		docs: []document{workProgramme}},
}
