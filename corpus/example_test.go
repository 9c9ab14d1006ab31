package corpus_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/scrutineer/scrutineer/corpus"
)

// A text pack with form feeds between pages: the agenda maps printed pages
// to physical ones, "Page N" footers become printed page numbers, the
// "Agenda Item N" stamps stay out of the passages, and an item's short
// paragraphs are merged into one passage that starts on its first page.
func ExampleRead() {
	pages := []string{
		"Public Document Pack\nWexcombe Borough Council\nChildren's Scrutiny Committee\nDate:  Wednesday, 14 October 2026\nAGENDA\n" +
			"1.  Apologies for Absence\n2.  Fostering Service Annual Report  (Pages 1 - 2)\n3.  Care Leavers Local Offer  (Page 3)",
		"Agenda Item 2\nReport to  Children's Scrutiny Committee\nSubject  Fostering Service Annual Report\n1. Background\n" +
			"The council had 142 mainstream fostering households at 31 March 2026, down from 156 a year earlier.\nPage 1",
		"Agenda Item 2\n2. Recruitment\nThe service approved 31 new households during the year.\nPage 2",
		"Agenda Item 3\nReport to  Children's Scrutiny Committee\nSubject  Care Leavers Local Offer\n" +
			"88% of care leavers aged 19 to 21 were living in suitable accommodation.\nPage 3",
	}
	doc, err := corpus.Read(context.Background(), "pack.txt", []byte(strings.Join(pages, "\f")), corpus.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, %s\n", doc.Meta.Committee, doc.Meta.Date)
	for _, it := range doc.Items {
		fmt.Printf("item %q %q (%s) pages %d-%d\n", it.Number, it.Title, it.Kind, it.StartPage, it.EndPage)
		for _, p := range it.Passages {
			fmt.Printf("  page %d (printed %d) [%s] %s\n", p.Page, p.PrintedPage, p.Heading, strings.Fields(p.Text)[0])
		}
	}
	// Output:
	// Children's Scrutiny Committee, 2026-10-14
	// item "" "Agenda" (agenda) pages 1-1
	//   page 1 (printed 0) [Public Document Pack] Wexcombe
	// item "2" "Fostering Service Annual Report" (report) pages 2-3
	//   page 2 (printed 1) [] Report
	// item "3" "Care Leavers Local Offer" (report) pages 4-4
	//   page 4 (printed 3) [] Report
}
