package corpus

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestHeading(t *testing.T) {
	tests := []struct {
		line  string
		alone bool
		want  string
	}{
		{"3. Background", false, "3. Background"},
		{"3.1 Placement stability", false, "3.1 Placement stability"},
		{"1.1 The Fostering Services (England) Regulations 2011 require the council to report.", false, ""},
		{"2.1\tAt 31 March 2026, 38% of children were placed", false, ""},
		{"FOSTERING SUFFICIENCY: BRIEFING", false, "FOSTERING SUFFICIENCY: BRIEFING"},
		{"RESOLVED:", false, "RESOLVED"},
		{"Key Findings From The Review", false, "Key Findings From The Review"},
		{"Policy context", true, "Policy context"},
		{"Policy context", false, ""},
		{"Summary:", true, "Summary"},
		{"Introduction", false, "Introduction"},
		{"The council had 142 households.", true, ""},
		{"- a list item", true, ""},
		{"Tel: 01632 960418", true, ""},
		{"| Ref | Action | Lead |", true, ""},
		{"5.\tFostering Service Annual Report\t(Pages 61 - 78)", false, "5. Fostering Service Annual Report"},
		{"## Markdown heading", false, "Markdown heading"},
		{"30 Q66", false, ""},
		{"**Bold heading**", false, "Bold heading"},
		// Table rows whose column gaps extraction closed up are not headings.
		{"Net change -4 -7 -14", true, ""},
		{"Placed with parents 18 6%", true, ""},
		{"Sickness absence (days per FTE) 10.2 11.5 12.8", false, ""},
		{"Placement type Children % of total", true, ""},
		{"MASH and assessment 34 9 6", true, ""},
		// Years and dates are not table figures.
		{"Placement Breakdowns from 01/04/2017 to 31/03/2018", true, "Placement Breakdowns from 01/04/2017 to 31/03/2018"},
		{"Fostering Enquiries 2017 – 2018", false, "Fostering Enquiries 2017 – 2018"},
		// A numbered sentence leading into a list is not a heading; a
		// numbered title ending in a colon is.
		{"4.1 Ofsted said that the council needs to improve:", false, ""},
		{"16. Cabinet resolved the following:", false, ""},
		{"7. Ofsted Inspection of Local Authority Children's Services (ILACS):", false, "7. Ofsted Inspection of Local Authority Children's Services (ILACS):"},
		{"Email info@example.gov.uk", true, ""},
	}
	for _, tt := range tests {
		if got := headingOf(tt.line, tt.alone); got != tt.want {
			t.Errorf("headingOf(%q, %v) = %q, want %q", tt.line, tt.alone, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"See e.g. the plan. Mr. Smith agreed. No. 5 was late.", []string{"See e.g. the plan.", "Mr. Smith agreed.", "No. 5 was late."}},
		{"It cost £1.2m. Then 45 households left.", []string{"It cost £1.2m.", "Then 45 households left."}},
		{`He said "yes." Then left.`, []string{`He said "yes."`, "Then left."}},
		{"lower. case next", []string{"lower. case next"}},
	}
	for _, tt := range tests {
		if got := sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func words(n int, w string) string {
	return strings.TrimSpace(strings.Repeat(w+" ", n))
}

func TestChunkSizes(t *testing.T) {
	long := ""
	for i := 0; i < 40; i++ {
		long += fmt.Sprintf("Sentence %d has exactly ten words in it for the test. ", i)
	}
	tests := []struct {
		name  string
		pages []string
		check func(t *testing.T, ps []Passage)
	}{
		{"short paragraphs merge", []string{"1. Background\n\n" + words(10, "alpha") + ".\n\n" + words(10, "beta") + ".\n\n" + words(45, "gamma") + "."}, func(t *testing.T, ps []Passage) {
			if len(ps) != 1 || ps[0].Heading != "1. Background" || len(strings.Fields(ps[0].Text)) != 65 {
				t.Errorf("got %+v", ps)
			}
		}},
		{"long paragraph cut at sentences", []string{long}, func(t *testing.T, ps []Passage) {
			if len(ps) < 2 {
				t.Fatalf("%d passages", len(ps))
			}
			for _, p := range ps {
				n := len(strings.Fields(p.Text))
				if n > MaxPassageWords || !strings.HasSuffix(p.Text, "test.") {
					t.Errorf("passage of %d words ending %q", n, p.Text[len(p.Text)-10:])
				}
			}
		}},
		{"a sentence with no stops", []string{words(700, "word")}, func(t *testing.T, ps []Passage) {
			total := 0
			for _, p := range ps {
				n := len(strings.Fields(p.Text))
				total += n
				if n > MaxPassageWords {
					t.Errorf("passage of %d words", n)
				}
			}
			if total != 700 {
				t.Errorf("%d words kept of 700", total)
			}
		}},
		{"heading change starts a passage", []string{"1. One\n\n" + words(30, "a") + ".\n\n2. Two\n\n" + words(30, "b") + "."}, func(t *testing.T, ps []Passage) {
			if len(ps) != 2 || ps[0].Heading != "1. One" || ps[1].Heading != "2. Two" {
				t.Errorf("got %+v", ps)
			}
		}},
		{"page break mid-sentence", []string{"3. Stability\n\n" + words(20, "x") + " and the", "rest of the sentence " + words(30, "y") + "."}, func(t *testing.T, ps []Passage) {
			if len(ps) != 1 || ps[0].Page != 1 || !strings.Contains(ps[0].Text, "and the rest of the sentence") {
				t.Errorf("got %+v", ps)
			}
		}},
		{"table rows stay lines", []string{"Table 1\n\nPlacement type\tChildren\t%\nFoster care\t199\t64%\nResidential\t27\t9%\n\n" + words(50, "z") + "."}, func(t *testing.T, ps []Passage) {
			if len(ps) == 0 || !strings.Contains(ps[0].Text, "Foster care\t199\t64%\nResidential\t27\t9%") {
				t.Errorf("got %+v", ps)
			}
		}},
		{"blank pages give nothing", []string{"This page is intentionally left blank", "   "}, func(t *testing.T, ps []Passage) {
			if len(ps) != 0 {
				t.Errorf("got %+v", ps)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := pagesDoc(tt.pages...)
			Split(doc)
			Chunk(doc)
			var ps []Passage
			for _, it := range doc.Items {
				ps = append(ps, it.Passages...)
			}
			tt.check(t, ps)
		})
	}
}
