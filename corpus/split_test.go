package corpus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// itemSummary is what split tests compare: number, title, kind and place.
type itemSummary struct {
	Number     string
	Title      string
	Kind       Kind
	Start, End int
}

func summarise(doc *Document) []itemSummary {
	var out []itemSummary
	for _, it := range doc.Items {
		out = append(out, itemSummary{it.Number, it.Title, it.Kind, it.StartPage, it.EndPage})
	}
	return out
}

func readText(t *testing.T, text string) *Document {
	t.Helper()
	doc, err := Read(context.Background(), "pack.txt", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, doc)
	return doc
}

// reportPages makes n pages of a report, stamped and footed.
func reportPages(item, subject string, first, n int) []string {
	var pages []string
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Agenda Item %s\n", item)
		if i == 0 {
			fmt.Fprintf(&b, "Report to  Children's Scrutiny Committee\nDate of Meeting  14 October 2026\nSubject  %s\nReport of  Director of Children's Services\n", subject)
		}
		fmt.Fprintf(&b, "%d. Section on %s\n", i+1, strings.ToLower(subject))
		for k := 0; k < 4; k++ {
			fmt.Fprintf(&b, "Paragraph %d on page %d of %s says what the service did in the year and why it matters.\n", k, i+1, strings.ToLower(subject))
		}
		fmt.Fprintf(&b, "Page %d", first+i)
		pages = append(pages, b.String())
	}
	return pages
}

const frontSheet = `Public Document Pack
Wexcombe Borough Council
Children's Scrutiny Committee
Date:  Wednesday, 14 October 2026
AGENDA
1.  Apologies for Absence
2.  Minutes of the Previous Meeting  (Pages 1 - 2)
3.  Fostering Service Annual Report  (Pages 3 - 5)
4.  Papers to follow
5.  Care Leavers Local Offer  (Pages 6 - 7)`

func TestSplitPagedPack(t *testing.T) {
	pages := []string{frontSheet, "This page is intentionally left blank"}
	minutes := reportPages("2", "Minutes", 1, 2)
	minutes[0] = strings.Replace(minutes[0], "Subject  Minutes", "MINUTES of the meeting held on 8 July 2026", 1)
	pages = append(pages, minutes...)
	pages = append(pages, reportPages("3", "Fostering Service Annual Report", 3, 3)...)
	pages = append(pages, reportPages("5", "Care Leavers Local Offer", 6, 2)...)
	doc := readText(t, strings.Join(pages, "\f"))
	want := []itemSummary{
		{"", "Agenda", KindAgenda, 1, 2},
		{"2", "Minutes of the Previous Meeting", KindMinutes, 3, 4},
		{"3", "Fostering Service Annual Report", KindReport, 5, 7},
		{"5", "Care Leavers Local Offer", KindReport, 8, 9},
	}
	if got := summarise(doc); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("items:\n got %v\nwant %v", got, want)
	}
	if doc.Meta != (Meta{Council: "Wexcombe Borough Council", Committee: "Children's Scrutiny Committee", Date: "2026-10-14"}) {
		t.Errorf("meta %+v", doc.Meta)
	}
	it := doc.Items[2]
	if it.Cover == nil || it.Cover.Subject != "Fostering Service Annual Report" || it.Cover.MeetingDate != "2026-10-14" {
		t.Errorf("cover %+v", it.Cover)
	}
	if it.PrintedStart != 3 || it.PrintedEnd != 5 {
		t.Errorf("printed range %d-%d", it.PrintedStart, it.PrintedEnd)
	}
	for _, p := range it.Passages {
		if p.PrintedPage != p.Page-2 {
			t.Errorf("passage on page %d cites printed page %d", p.Page, p.PrintedPage)
		}
		if strings.Contains(p.Text, "Page ") || strings.Contains(p.Text, "Agenda Item") {
			t.Errorf("footer or stamp in passage: %q", p.Text)
		}
	}
}

func TestSplitPagedPackWithoutFooters(t *testing.T) {
	// The footers and stamps were lost in extraction: the offset comes from
	// the pack's length.
	pages := []string{frontSheet, ""}
	for _, p := range reportPages("2", "Minutes", 1, 2) {
		pages = append(pages, stripMarks(p))
	}
	for _, p := range reportPages("3", "Fostering Service Annual Report", 3, 3) {
		pages = append(pages, stripMarks(p))
	}
	for _, p := range reportPages("5", "Care Leavers Local Offer", 6, 2) {
		pages = append(pages, stripMarks(p))
	}
	doc := readText(t, strings.Join(pages, "\f"))
	var starts []int
	for _, it := range doc.Items {
		starts = append(starts, it.StartPage)
	}
	if fmt.Sprint(starts) != "[1 3 5 8]" {
		t.Errorf("start pages %v, want [1 3 5 8]", starts)
	}
}

func stripMarks(page string) string { return dropLines(page, "Agenda Item", "Page ") }

func stripFooter(page string) string { return dropLines(page, "Page ") }

// dropLines removes the lines of page that start with one of prefixes.
func dropLines(page string, prefixes ...string) string {
	var keep []string
	for _, l := range strings.Split(page, "\n") {
		drop := false
		for _, p := range prefixes {
			drop = drop || strings.HasPrefix(l, p)
		}
		if !drop {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func TestSplitFlowingPackWithStamps(t *testing.T) {
	// No form feeds: items are found from stamps, starting after the filler
	// that ends the agenda, and passages keep to their items.
	pages := []string{frontSheet, "This page is intentionally left blank"}
	pages = append(pages, reportPages("2", "Minutes", 1, 2)...)
	pages = append(pages, reportPages("3", "Fostering Service Annual Report", 3, 3)...)
	pages = append(pages, reportPages("5", "Care Leavers Local Offer", 6, 2)...)
	text := strings.Join(pages, "\n\n")
	doc := readText(t, text)
	want := []itemSummary{
		{"", "Agenda", KindAgenda, 1, 1},
		{"2", "Minutes of the Previous Meeting", KindMinutes, 1, 1},
		{"3", "Fostering Service Annual Report", KindReport, 1, 1},
		{"5", "Care Leavers Local Offer", KindReport, 1, 1},
	}
	if got := summarise(doc); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("items:\n got %v\nwant %v", got, want)
	}
	for _, it := range doc.Items[1:] {
		for _, p := range it.Passages {
			if !strings.Contains(strings.ToLower(p.Text), strings.ToLower(strings.Fields(it.Title)[0])) {
				t.Errorf("item %s holds a passage of another item: %q", it.Number, p.Text)
			}
		}
	}
	if first := doc.Segments(&doc.Items[2])[0].Text; !strings.HasPrefix(first, "Report to") {
		t.Errorf("item 3 starts %q", first[:40])
	}
}

func TestSplitPagedPackLostStamp(t *testing.T) {
	// Item 3's stamps were lost and there are no footers: its cover sheet
	// places it, between the stamped items 2 and 5.
	pages := []string{frontSheet, "This page is intentionally left blank"}
	pages = append(pages, reportPages("2", "Minutes", 1, 2)...)
	for _, p := range reportPages("3", "Fostering Service Annual Report", 3, 3) {
		pages = append(pages, stripMarks(p))
	}
	pages = append(pages, reportPages("5", "Care Leavers Local Offer", 6, 2)...)
	for i := range pages {
		pages[i] = stripFooter(pages[i])
	}
	doc := readText(t, strings.Join(pages, "\f"))
	var starts []int
	for _, it := range doc.Items {
		starts = append(starts, it.StartPage)
	}
	if fmt.Sprint(starts) != "[1 3 5 8]" {
		t.Errorf("start pages %v, want [1 3 5 8]", starts)
	}
	// The same without page breaks: only the cover sheet can place item 3.
	doc = readText(t, strings.Join(pages, "\n\n"))
	var got []string
	for _, it := range doc.Items {
		first := strings.SplitN(doc.Segments(&it)[0].Text, "\n", 2)[0]
		got = append(got, it.Number+": "+first)
	}
	want := []string{": Public Document Pack", "2: Report to\tChildren's Scrutiny Committee", "3: Report to\tChildren's Scrutiny Committee", "5: Report to\tChildren's Scrutiny Committee"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("items start:\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(doc.Segments(&doc.Items[2])[0].Text, "Subject\tFostering Service Annual Report") {
		t.Errorf("item 3 does not start at its cover sheet")
	}
}

func TestSplitFlowingPackByCoverSheets(t *testing.T) {
	// No stamps, no page breaks: items are found from cover sheets that
	// carry their titles and this meeting's date; an earlier report
	// appended as an annex (another date) stays inside its item.
	cover := func(title, date string) string {
		return fmt.Sprintf("HAMPSHIRE COUNTY COUNCIL\n\nReport\n\nCommittee/Panel:\tCorporate Parenting Board\nDate:\t%s\nTitle:\t%s\nReport From:\tDirector of Children's Services\n\n1. Recommendation(s)\n\n1.1 That the Board notes the report.\n\n2. Summary\n\n2.1 %s\n", date, title, words(50, "text"))
	}
	text := "Public Document Pack\n\nMeeting\tCorporate Parenting Board\nDate and Time\tMonday, 27th November, 2017 at 2.00 pm\n\nAGENDA\n\n1. APOLOGIES FOR ABSENCE\n\n" +
		"5. INTRODUCTION TO THE CORPORATE PARENTING BOARD (Pages 3 - 72)\n\n6. PROTOCOL WITH THE SAFEGUARDING CHILDREN BOARD (Pages 73 - 82)\n\n7. WORK PLAN\n\nABOUT THIS AGENDA:\n\nText about the agenda.\n\n" +
		cover("Introduction to the Corporate Parenting Board", "27 November 2017") + "\nThis page is intentionally left blank\n\n" +
		cover("Establishing a Corporate Parenting Board", "17 October 2017") + "\n" +
		cover("Protocol with the Safeguarding Children Board", "27 November 2017")
	doc := readText(t, text)
	want := []itemSummary{
		{"", "Agenda", KindAgenda, 1, 1},
		{"5", "Introduction to the Corporate Parenting Board", KindReport, 1, 1},
		{"6", "Protocol with the Safeguarding Children Board", KindReport, 1, 1},
	}
	if got := summarise(doc); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("items:\n got %v\nwant %v", got, want)
	}
	seg := doc.Segments(&doc.Items[2])[0].Text
	if !strings.HasPrefix(seg, "HAMPSHIRE COUNTY COUNCIL") || !strings.Contains(seg, "Title:\tProtocol") || strings.Contains(seg, "Establishing") {
		t.Errorf("item 6 text: %q", seg)
	}
	if !strings.Contains(doc.Segments(&doc.Items[1])[0].Text, "Establishing a Corporate Parenting Board") {
		t.Errorf("the annex left item 5")
	}
}

func TestSplitSingleReport(t *testing.T) {
	tests := []struct {
		name, text string
		want       itemSummary
	}{
		{"inspection report", "Ofsted\n\nInspection of Wexcombe local authority children's services\n\nInspection dates: 8 to 19 June 2026\n\n" + words(80, "finding") + ".",
			itemSummary{"", "Inspection of Wexcombe local authority children's services", KindReport, 1, 1}},
		{"report with a cover", "By:  Scrutiny Officer\n\nTo:  County Council - 13 March 2025\n\nSubject:  Review of Decision 24/00093\n\nSummary: " + words(40, "text") + ".",
			itemSummary{"", "Review of Decision 24/00093", KindReport, 1, 1}},
		{"minutes", "MINUTES of a meeting of the Corporate Parenting Panel held on 10 December 2024\n\n" + words(50, "minute") + ".",
			itemSummary{"", "MINUTES of a meeting of the Corporate Parenting Panel held on 10 December 2024", KindMinutes, 1, 1}},
		{"agenda front sheet without papers", frontSheet,
			itemSummary{"", "Agenda", KindAgenda, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readText(t, tt.text)
			if got := summarise(doc); len(got) != 1 || got[0] != tt.want {
				t.Errorf("items %v, want [%v]", got, tt.want)
			}
		})
	}
}

func TestSplitUncleanedPages(t *testing.T) {
	// Pages built by hand (or read back from JSON) carry Text only.
	doc := &Document{Pages: []Page{{Number: 1, Text: "Inspection of Wexcombe children's services\n\n" + words(50, "finding") + "."}}}
	Split(doc)
	Chunk(doc)
	if len(doc.Items) != 1 || len(doc.Items[0].Passages) != 1 || doc.Items[0].Title != "Inspection of Wexcombe children's services" {
		t.Errorf("items %+v", doc.Items)
	}
}

func TestSplitEmpty(t *testing.T) {
	doc := &Document{}
	Split(doc)
	Chunk(doc)
	if len(doc.Items) != 0 {
		t.Errorf("items from no pages: %+v", doc.Items)
	}
}

func TestReadRefusesNonPDFNamedPDF(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"<!DOCTYPE html><html><body>404</body></html>", "HTML page"},
		{"plain words", "named .pdf but holds no PDF"},
	} {
		_, err := Read(context.Background(), "report.pdf", []byte(tc.data), Options{})
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Read(%q): err %v, want ErrUnsupported mentioning %q", tc.data, err, tc.want)
		}
	}
	if _, err := Read(context.Background(), "report.txt", []byte("plain words"), Options{}); err != nil {
		t.Errorf("a text file is still read: %v", err)
	}
}

func TestFirstTitle(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"date line skipped, wrapped title joined", []string{"September 2008", "Needs assessment of vulnerable and", "looked after children in Wexcombe", "Contributing to the Joint Strategic Needs Assessment"},
			"Needs assessment of vulnerable and looked after children in Wexcombe"},
		{"title on one line", []string{"Fostering Service Annual Report 2025/26", "Report of the Director of Children's Services"},
			"Fostering Service Annual Report 2025/26"},
		{"lower-case continuation", []string{"Inspection of Wexcombe local authority", "children's services", "Inspection dates: 3 to 7 March 2025"},
			"Inspection of Wexcombe local authority children's services"},
	}
	for _, tt := range tests {
		if got := firstTitle(tt.lines); got != tt.want {
			t.Errorf("%s: firstTitle = %q, want %q", tt.name, got, tt.want)
		}
	}
}
