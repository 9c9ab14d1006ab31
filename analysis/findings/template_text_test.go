package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

func TestTemplateText(t *testing.T) {
	runCheck(t, templateText{}, []checkCase{
		{"insert", item([]figures.Sentence{prose(3, "The service supported [insert number] families this year.")}), []expect{
			{`The report still has placeholder text "[insert number]" in "The service supported [insert number] families this year.".`, []int{3}},
		}},
		{"xx%", item([]figures.Sentence{prose(3, "Timeliness improved to xx% in Q2.")}), []expect{
			{`The report still has placeholder text "xx%" in "Timeliness improved to xx% in Q2.".`, []int{3}},
		}},
		{"TBC in prose and lorem ipsum", item([]figures.Sentence{prose(3, "The launch date is TBC."), prose(4, "Lorem ipsum dolor sit amet.")}), []expect{
			{`The report still has placeholder text "TBC" in "The launch date is TBC.".`, []int{3}},
			{`The report still has placeholder text "Lorem ipsum" in "Lorem ipsum dolor sit amet.".`, []int{4}},
		}},
		{"date placeholder", item([]figures.Sentence{prose(3, "The board will meet on [date].")}), []expect{
			{`The report still has placeholder text "[date]" in "The board will meet on [date].".`, []int{3}},
		}},
		{"TBC in a table cell is a status", item([]figures.Sentence{row(3, "Refresh the offer | TBC")}), nil},
		{"clean text", item([]figures.Sentence{prose(3, "The service supported 412 families (XXI Century Trust).")}), nil},
		{"an annex's template", item([]figures.Sentence{{Text: "Name: [insert name]", Page: 30, Owner: figures.OwnerOther}}), nil},
	})
}
