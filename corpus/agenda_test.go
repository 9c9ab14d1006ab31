package corpus

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseAgenda(t *testing.T) {
	tests := []struct {
		name  string
		lines string
		want  []agendaEntry
	}{
		{
			name: "one line per item",
			lines: "1. Apologies for Absence\n\n2. Declarations of Interest\n\nMembers are requested to declare.\n\n" +
				"3. Minutes of the Previous Meeting (Pages 5 - 20)\n\nMinutes of the meeting held on 10 July 2018\n\n" +
				"5. Fostering Service Annual Report (Pages 61 - 78)",
			want: []agendaEntry{
				{Number: "1", Title: "Apologies for Absence"},
				{Number: "2", Title: "Declarations of Interest"},
				{Number: "3", Title: "Minutes of the Previous Meeting", PrintedStart: 5, PrintedEnd: 20},
				{Number: "5", Title: "Fostering Service Annual Report", PrintedStart: 61, PrintedEnd: 78},
			},
		},
		{
			name:  "number alone, range on a later line",
			lines: "3.\nMinutes of the meeting held on 13 February 2025 and, if in order,\nto be approved\n\n(Pages 1 - 14)\n\n4.\nCorporate Parenting Panel\n\n(Pages 15 - 30)\n\n5.\nChairman's Announcements",
			want: []agendaEntry{
				{Number: "3", Title: "Minutes of the meeting held on 13 February 2025 and, if in order, to be approved", PrintedStart: 1, PrintedEnd: 14},
				{Number: "4", Title: "Corporate Parenting Panel", PrintedStart: 15, PrintedEnd: 30},
				{Number: "5", Title: "Chairman's Announcements"},
			},
		},
		{
			name:  "markup, capitals and a wrapped title",
			lines: "- 9. Effectiveness of Scrutiny – Government Response** (Pages 155 - 232)\nReport of the Chief Legal Officer\n\n10. INTRODUCTION TO THE CORPORATE PARENTING BOARD (Pages 3 - 72)\n\n11.\tOfsted Inspection (ILACS):\t(Pages 17 - 22)\nOutcome and Improvement Plan\nTo consider the outcome.",
			want: []agendaEntry{
				{Number: "9", Title: "Effectiveness of Scrutiny – Government Response", PrintedStart: 155, PrintedEnd: 232},
				{Number: "10", Title: "Introduction to the Corporate Parenting Board", PrintedStart: 3, PrintedEnd: 72},
				{Number: "11", Title: "Ofsted Inspection (ILACS): Outcome and Improvement Plan", PrintedStart: 17, PrintedEnd: 22},
			},
		},
		{
			name:  "numbers must rise; sub-items",
			lines: "4. Budget (Page 7)\n\n4a. Appendix to the budget (Pages 8 - 9)\n\n2. Not an item\n\n1.1 Nor this",
			want: []agendaEntry{
				{Number: "4", Title: "Budget", PrintedStart: 7, PrintedEnd: 7},
				{Number: "4a", Title: "Appendix to the budget", PrintedStart: 8, PrintedEnd: 9},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseAgenda(strings.Split(tt.lines, "\n"))
			for i := range got {
				got[i].line = 0
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseAgenda:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Monday, 27th November, 2017 at 2.00 pm", "2017-11-27"},
		{"DATE: Tuesday, 25th September 2018", "2018-09-25"},
		{"CABINET - THURSDAY, 30 JANUARY 2025", "2025-01-30"},
		{"Date of Meeting 14 October 2026", "2026-10-14"},
		{"November 27, 2017", "2017-11-27"},
		{"on 3/4/2025", "2025-04-03"},
		{"31 Sept 2020", ""},
		{"30 Sept 2020", "2020-09-30"},
		{"no date here", ""},
		{"45 March 2020", ""},
	}
	for _, tt := range tests {
		got, _ := parseDate(tt.in)
		if got != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadMeta(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Meta
	}{
		{"labelled", "Public Document Pack\nNOTICE OF MEETING\nMeeting\tCorporate Parenting Board\nDate and Time\tMonday, 27th November, 2017 at 2.00 pm\nHAMPSHIRE COUNTY COUNCIL",
			Meta{Council: "Hampshire County Council", Committee: "Corporate Parenting Board", Date: "2017-11-27", Time: "14:00"}},
		{"colon", "MEETING: OVERVIEW AND SCRUTINY COMMITTEE (CHILDREN'S SERVICES AND SAFEGUARDING)\nDATE: Tuesday, 25th September 2018",
			Meta{Committee: "Overview and Scrutiny Committee (Children's Services and Safeguarding)", Date: "2018-09-25"}},
		{"letter", "Date:\n29 January 2025\nDear Member\nCABINET - THURSDAY, 30 JANUARY 2025",
			Meta{Committee: "Cabinet", Date: "2025-01-30"}},
		{"plain lines", "Wexcombe Borough Council\nChildren and Young People Scrutiny Committee\nDate:  Wednesday, 14 October 2026",
			Meta{Council: "Wexcombe Borough Council", Date: "2026-10-14"}},
		{"time labelled", "Wexcombe Borough Council\nDate:  Wednesday, 14 October 2026\nTime: 6.00 pm",
			Meta{Council: "Wexcombe Borough Council", Date: "2026-10-14", Time: "18:00"}},
		{"time after the day", "MEETING: CABINET\nDATE: Tuesday, 25th September 2018\nTIME: 12 noon or 10.30 a.m.",
			Meta{Committee: "Cabinet", Date: "2018-09-25", Time: "10:30"}},
		{"a time in the text is not the meeting's", "Wexcombe Borough Council\nThe meeting closed at 12.20 pm.",
			Meta{Council: "Wexcombe Borough Council"}},
		{"minutes heading", "CHILDREN IN CARE PANEL – 3rd March 2026\nMINUTES of the meeting held in the Council Chamber.",
			Meta{Committee: "Children in Care Panel", Date: "2026-03-03"}},
		{"addressee label is not a committee", "To: County Council – 13 March 2025\nA meeting of the County Council will be held on Thursday, 13th March, 2025",
			Meta{Committee: "County Council", Date: "2025-03-13"}},
		{"report heading is not a committee", "FOSTERING SERVICE ANNUAL REPORT – 14 October 2026",
			Meta{Date: "2026-10-14"}},
		{"acronym before the name", "WBC Wexcombe Borough Council\nSeptember 2026",
			Meta{Council: "Wexcombe Borough Council"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []string
			for _, l := range strings.Split(tt.text, "\n") {
				lines = append(lines, collapseSpace(l))
			}
			if got := readMeta(lines); got != tt.want {
				t.Errorf("readMeta = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestClock(t *testing.T) {
	for _, tc := range []struct{ h, m, ampm, want string }{
		{"6", "00", "p", "18:00"}, {"10", "30", "a", "10:30"}, {"12", "", "p", "12:00"}, {"12", "15", "a", "00:15"}, {"13", "00", "p", ""}, {"9", "75", "a", ""},
	} {
		if got := clock(tc.h, tc.m, tc.ampm); got != tc.want {
			t.Errorf("clock(%s, %s, %s) = %q, want %q", tc.h, tc.m, tc.ampm, got, tc.want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"INTRODUCTION TO THE CORPORATE PARENTING BOARD", "Introduction to the Corporate Parenting Board"},
		{"PROTOCOL BETWEEN THE HSCB AND THE BOARD", "Protocol between the HSCB and the Board"},
		{"CHILDREN'S SERVICES: SEND UPDATE", "Children's Services: SEND Update"},
		{"Already Mixed Case", "Already Mixed Case"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.in); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSimilarTitles(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Cabinet Member Report", "Cabinet Member Report – July - September 2018", true},
		{"Work Programme Key Decision Forward Plan", "Work Programme 2018/19, Scrutiny Review Topics and Key Decision Forward Plan", true},
		{"Protocol between the Hampshire Safeguarding Children Board and the Corporate Parenting Board", "Protocol with the Hampshire Safeguarding Children's Board", true},
		{"Fostering Service Annual Report", "Social Work Workforce Report", false},
		{"Questions", "Questions", true},
		{"Questions", "Questions and Answers", false},
	}
	for _, tt := range tests {
		if got := similarTitles(tt.a, tt.b); got != tt.want {
			t.Errorf("similarTitles(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCouncilNamed(t *testing.T) {
	page := func(text string) Page { return Page{Text: text} }
	tests := []struct {
		name  string
		pages []Page
		want  string
	}{
		{"name and domain", []Page{page("Contact: democratic.services@wexcombe.gov.uk\nWexcombe Borough Council has 312 children in care.")}, "Wexcombe Borough Council"},
		{"neighbours named more often", []Page{page("Compared with Ashfield County Council and Ashfield County Council, Wexcombe Borough Council spends less. See www.wexcombe.gov.uk")}, "Wexcombe Borough Council"},
		{"no domain, no guess", []Page{page("Wexcombe Borough Council and Ashfield County Council met.")}, ""},
		{"national domain only", []Page{page("Read more at www.education.gov.uk about Wexcombe Borough Council.")}, ""},
		{"London borough", []Page{page("The London Borough of Hackney (www.hackney.gov.uk) reported.")}, "London Borough of Hackney"},
		{"sentence opener is not a name", []Page{page("The County Council agreed. Email: clerk@kent.gov.uk")}, ""},
	}
	for _, tt := range tests {
		if got := councilNamed(tt.pages); got != tt.want {
			t.Errorf("%s: councilNamed = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestHeadsOf(t *testing.T) {
	long := strings.Repeat("é", 600) // 1,200 bytes
	lines := []string{"Kent County Council", long}
	got := headsOf(lines, 1001)
	if got[0] != lines[0] || len(got[1]) != 1000 || !utf8.ValidString(got[1]) {
		t.Errorf("headsOf cut to %d bytes (valid %v), want 1000 at a rune's start", len(got[1]), utf8.ValidString(got[1]))
	}
	if lines[1] != long {
		t.Error("headsOf changed its input")
	}
}
