package corpus

import (
	"reflect"
	"strings"
	"testing"
)

func coverOf(text string) *Cover {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		lines = append(lines, collapseSpace(l))
	}
	return readCover(lines)
}

func TestReadCover(t *testing.T) {
	tests := []struct {
		name string
		text string
		want *Cover
	}{
		{
			name: "gap separated, as a text pack",
			text: "Report to  Children and Young People Scrutiny Committee\nDate of Meeting  14 October 2026\nSubject  Fostering Service Annual Report 2025/26\n" +
				"Report of  Director of Children's Services\nWards Affected  All\nKey Decision  No\nExempt / Confidential  No\n" +
				"Summary  This report sets out the work of the fostering service\nin 2025/26.\nRecommendation(s)  That the committee:\n(a) notes the report; and\n(b) comments on section 6.\n1. Purpose of the Report\n1.1  Body text.",
			want: &Cover{ReportTo: "Children and Young People Scrutiny Committee", MeetingDate: "2026-10-14", Subject: "Fostering Service Annual Report 2025/26",
				ReportOf: "Director of Children's Services", Wards: "All", Summary: "This report sets out the work of the fostering service in 2025/26.",
				Recommendations: []string{"notes the report; and", "comments on section 6."}},
		},
		{
			name: "markdown table",
			text: "| | | | |\n|---|--|---|---|\n| Report to: | Overview and Scrutiny Committee | Date of Meeting: | Tuesday 25 September 2018 |\n" +
				"| Subject: | Serious Case Review | | |\n| Report of: | Director of Social Care | Wards Affected: | (All Wards); |\n| Exempt / Confidential Report: | No | | |\n\n" +
				"Summary:\n\nThe LSCB undertook a review.\n\nRecommendation(s):\n\n(1) Committee receives the findings.\n(2) Committee receives progress reports.\n\nReasons for the Recommendation(s):\n\nTo inform.",
			want: &Cover{ReportTo: "Overview and Scrutiny Committee", MeetingDate: "2018-09-25", Subject: "Serious Case Review", ReportOf: "Director of Social Care",
				Wards: "(All Wards)", Summary: "The LSCB undertook a review.", Recommendations: []string{"Committee receives the findings.", "Committee receives progress reports."}},
		},
		{
			name: "labels with colons, value on the next line, exempt",
			text: "From:  Cabinet Member for Integrated Children's Services\n\nTo:  Cabinet - 30 January 2025\n\nSubject:\nTransfer of the 18-25 service\n\nClassification: Exempt\n\n" +
				"This report is not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.\n\nRecommendation(s):\nCabinet is asked to:\nA.\nAgree the transfer; and\nB.\nDelegate authority.\n\nIntroduction\n1.1 Text.",
			want: &Cover{ReportTo: "Cabinet - 30 January 2025", MeetingDate: "2025-01-30", Subject: "Transfer of the 18-25 service", ReportOf: "Cabinet Member for Integrated Children's Services",
				Exempt: true, ExemptReason: "Exempt", Recommendations: []string{"Agree the transfer; and", "Delegate authority."}},
		},
		{
			name: "schedule 12A sentence only",
			text: "Report to: Cabinet\nSubject: Placement contract award\nThe appendix is exempt by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.",
			want: &Cover{ReportTo: "Cabinet", Subject: "Placement contract award", Exempt: true, ExemptReason: "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"},
		},
		{
			name: "negated schedule 12A is not exempt",
			text: "Report to: Cabinet\nSubject: Budget\nThe list excludes documents which disclose exempt information under paragraph 3 of Schedule 12A.",
			want: &Cover{ReportTo: "Cabinet", Subject: "Budget"},
		},
		{
			name: "ordinary text is no cover sheet",
			text: "The council had 142 fostering households.\nSubject to approval, the plan starts in April.\nSummary of findings follows.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := coverOf(tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("readCover:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestSplitRecommendations(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{[]string{"That the committee:", "(a) notes the report; and", "(b) comments."}, []string{"notes the report; and", "comments."}},
		{[]string{"1.1 For the Board to note", "the remit."}, []string{"For the Board to note the remit."}},
		{[]string{"A.", "Agree the transfer", "B.", "Delegate."}, []string{"Agree the transfer", "Delegate."}},
		{[]string{"To note the report."}, []string{"To note the report."}},
		{[]string{"- one", "- two"}, []string{"one", "two"}},
	}
	for _, tt := range tests {
		if got := splitRecommendations(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitRecommendations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
