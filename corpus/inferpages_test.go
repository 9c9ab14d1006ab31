package corpus

import (
	"context"
	"strings"
	"testing"
)

// TestInferredPages works out the printed pages of a text pack with no
// page breaks from the agenda's page ranges and the stamps that start its
// pages.
func TestInferredPages(t *testing.T) {
	page := func(item, text string) string { return "Agenda Item " + item + "\n\n" + text + "\n\n" }
	pack := "Wexcombe Borough Council\nChildren and Young People Scrutiny Committee\nDate: Wednesday, 14 October 2026\n\nAGENDA\n\n" +
		"3. Fostering Service Annual Report (Pages 5 - 8)\n\n4. Care Leavers Update (Pages 9 - 10)\n\n" +
		page("3", "Report to Children and Young People Scrutiny Committee\n\nSubject Fostering Service Annual Report\n\n1. Background\n\nThe service approved fourteen households in the year, while nineteen left it.") +
		page("3", "2. Recruitment\n\nThe recruitment campaign ran from May to September and brought in ninety enquiries from families.") +
		"This page is intentionally left blank\n\n" +
		page("3", "3. Retention\n\nCarers who left gave retirement and the cost of living as their reasons for leaving the service.") +
		page("4", "Report to Children and Young People Scrutiny Committee\n\nSubject Care Leavers Update\n\n1. Summary\n\nNinety care leavers are in education, employment or training, out of one hundred and forty.") +
		page("4", "2. Accommodation\n\nAll care leavers aged 18 have somewhere suitable to live, and the council pays their council tax.")
	doc, err := Read(context.Background(), "pack.txt", []byte(pack), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"fourteen households": 5, "ninety enquiries": 6, "cost of living": 8, "one hundred and forty": 9, "council tax": 10}
	found := 0
	for _, it := range doc.Items {
		for _, p := range it.Passages {
			for words, page := range want {
				if !strings.Contains(p.Text, words) {
					continue
				}
				found++
				if p.PrintedPage != page || !p.PageInferred {
					t.Errorf("%q: printed page %d (inferred %v), want %d worked out", words, p.PrintedPage, p.PageInferred, page)
				}
			}
		}
	}
	if found != len(want) {
		t.Errorf("%d of %d passages found:\n%+v", found, len(want), doc.Items)
	}
}
