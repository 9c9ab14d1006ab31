package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

func TestFiguresDisagree(t *testing.T) {
	at := func(name, unit, period string, v float64, text string, page int, quote string) figures.Indicator {
		ev := report.Evidence{Page: page, PrintedPage: page - 2, Quote: quote}
		return figures.Indicator{Name: name, Unit: unit, Values: []figures.Value{{Period: period, Value: v, Text: text}}, Row: ev, Evidence: ev}
	}
	iha6 := at("Initial health assessments within 20 working days", "%", "Q2 2026/27", 38, "38%", 6, "Initial health assessments within 20 working days | Q2 2026/27 | 38%")
	iha14 := at("Initial Health Assessments within 20 working days", "%", "Q2 2026-27", 42, "42%", 14, "In Q2 2026-27, 42% of initial health assessments were within 20 working days.")
	round := at("Initial health assessments within 20 working days", "%", "Q2 2026/27", 38.4, "38.4%", 14, "38.4% of initial health assessments in Q2 2026/27")
	other := at("Initial health assessments within 20 working days", "%", "Q1 2026/27", 45, "45%", 14, "45% in Q1 2026/27")
	pack := func(a, b figures.Indicator) *Item {
		first := &Item{Title: "Performance report", Kind: corpus.KindReport, Indicators: []figures.Indicator{a}}
		second := &Item{Title: "Health of children in care", Kind: corpus.KindReport, Indicators: []figures.Indicator{b}}
		first.Pack = &Pack{Items: []*Item{first, second}}
		second.Pack = first.Pack
		return second
	}
	runCheck(t, figuresDisagree{}, []checkCase{
		{"across items", pack(iha6, iha14), []expect{
			{"Initial Health Assessments within 20 working days for Q2 2026-27 is given as 38% on page 4 and as 42% on page 12.", []int{6, 14}},
		}},
		{"within an item", item(nil, iha6, iha14), []expect{
			{"Initial Health Assessments within 20 working days for Q2 2026-27 is given as 38% on page 4 and as 42% on page 12.", []int{6, 14}},
		}},
		{"a month and a day in it are one period", pack(at("Children in care (number)", "", "Sep 2026", 412, "412", 7, "CS07 Children in care (number) 398 403 409 412"), at("Children in care", "", "30 September 2026", 398, "398", 9, "There were 398 children in care at 30 September 2026.")), []expect{
			{"Children in care for 30 September 2026 is given as 412 on page 5 and as 398 on page 7.", []int{7, 9}},
		}},
		{"rounding is not disagreement", pack(iha6, round), nil},
		{"different periods", pack(iha6, other), nil},
		{"reported once, in the later item", pack(iha14, iha6).Pack.Items[0], nil},
		{"national figure", pack(iha6, owned(iha14, figures.OwnerNational)), nil},
	})
}
