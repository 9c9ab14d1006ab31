package scope

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

func passages(texts ...string) []corpus.Passage {
	out := make([]corpus.Passage, len(texts))
	for i, t := range texts {
		out[i] = corpus.Passage{Page: i + 1, Text: t}
	}
	return out
}

func TestChildren(t *testing.T) {
	tests := []struct {
		name string
		in   []corpus.Passage
		keep []int // pages kept
		cut  bool
	}{
		{"a children's report is whole", passages(
			"Fostering\nWe approved 12 households.",
			"Education is a priority for every child in care.",
			"Adult Social Care\nNot a section of this paper, one mention."),
			[]int{1, 2, 3}, false},
		{"a council-wide report keeps its children's sections", passages(
			"Key to KPI Ratings used\nGREEN Target has been achieved",
			"Customer Services – Satisfaction with Contact Point advisors met target.",
			"Integrated Children’s Services – Two of the eight indicators met target.",
			"The number of foster households fell to 613.",
			"Environment & Transport - Two Highways KPIs failed to meet target.",
			"Routine highway repairs were completed within 28 days.",
			"Adult Social Care\nCabinet Member Dan Watkins",
			"Children, Young People and Education (Education and Skills)\nCabinet Members Rory Love",
			"EHCPs issued within 20 weeks were 48%."),
			[]int{1, 3, 4, 8, 9}, true},
	}
	for _, tc := range tests {
		got, cut := Children(tc.in, nil)
		var pages []int
		for _, p := range got {
			pages = append(pages, p.Page)
		}
		if !slices.Equal(pages, tc.keep) || cut != tc.cut {
			t.Errorf("%s: kept pages %v (cut %v), want %v (cut %v)", tc.name, pages, cut, tc.keep, tc.cut)
		}
	}
}

// TestKentPerformanceReport reads the children's sections of Kent's
// council-wide quarterly performance report (../shared; skipped without
// it): the foster households indicator stays, highways and adult care go.
func TestKentPerformanceReport(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "testdata", "pdfs", "real", "council", "kent-quarterly-performance-report-q3-2024-25.pdf")
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared material not found")
	}
	doc, err := corpus.Open(context.Background(), path, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all []corpus.Passage
	for _, it := range doc.Items {
		all = append(all, it.Passages...)
	}
	kept, cut := Children(all, doc.Pages)
	if !cut {
		t.Fatal("the council-wide report was read whole")
	}
	var text strings.Builder
	for _, p := range kept {
		text.WriteString(p.Heading + "\n" + p.Text + "\n")
	}
	for _, want := range []string{"foster households", "EHCP", "care leavers", "Floor Standard"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("children's sections lack %q", want)
		}
	}
	for _, not := range []string{"highway repairs", "Contact Point", "Direct Payments", "NHS Health Check"} {
		if strings.Contains(text.String(), not) {
			t.Errorf("children's sections hold %q", not)
		}
	}
	t.Logf("kept %d of %d passages", len(kept), len(all))
}

func TestChildrenByPage(t *testing.T) {
	pages := []corpus.Page{
		{Number: 1, Body: "Appendix 1\nKey to KPI Ratings used"},
		{Number: 2, Body: "Adult Social Care\nCabinet Member Dan Watkins\nContacts rose."},
		{Number: 3, Body: "Public Health\nCabinet Member Dan Watkins"},
		{Number: 4, Body: "Appendix 1\nChildren, Young People and Education (Integrated Children’s Services)\nCabinet Members Sue Chandler"},
		{Number: 5, Body: "Care leavers in education rose."},
	}
	ps := []corpus.Passage{
		{Page: 1, Text: "GREEN Target has been achieved"},
		{Page: 2, Heading: "Cabinet Member Dan Watkins", Text: "Contacts rose."},
		{Page: 3, Text: "Health checks were delivered."},
		{Page: 4, Heading: "Cabinet Members Sue Chandler", Text: "Caseloads averaged 21."},
		{Page: 5, Text: "Care leavers in education rose."},
	}
	got, cut := Children(ps, pages)
	var kept []int
	for _, p := range got {
		kept = append(kept, p.Page)
	}
	if !cut || !slices.Equal(kept, []int{1, 4, 5}) {
		t.Errorf("kept pages %v (cut %v), want [1 4 5]", kept, cut)
	}
}
