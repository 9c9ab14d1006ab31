package render_test

import (
	"fmt"
	"os"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/render"
	"github.com/scrutineer/scrutineer/corpus"
)

// A one-item report written as a plain-text brief.
func ExampleWrite() {
	r := &analysis.Report{
		Source: "cpb-2026-03-02.pdf",
		Meta:   corpus.Meta{Committee: "Corporate Parenting Board", Date: "2026-03-02"},
		Items: []analysis.ItemReport{{
			Number: "4", Title: "Placement Sufficiency Strategy", Kind: "report",
			StartPage: 9, EndPage: 20, PrintedStart: 7, PrintedEnd: 18,
			Themes: []analysis.ThemeScore{{ID: "placement-stability", Title: "Placement stability", Score: 0.84}},
			Questions: []analysis.Question{{
				Text:  "How many children had three or more moves this year, and why?",
				Theme: "placement-stability", Kind: analysis.KindEvidence,
				Evidence: []analysis.Evidence{{Page: 12, PrintedPage: 10, Quote: "Short-term stability fell to 11%."}},
			}},
		}},
	}
	if err := render.Write(os.Stdout, "text", r); err != nil {
		panic(err)
	}
	// Output:
	// ========================================================================================
	// Corporate Parenting Board
	// Monday 2 March 2026
	// Source: cpb-2026-03-02.pdf
	// ========================================================================================
	//
	// How to use this brief: Each item lists the themes it touches and questions you could
	// ask, grouped by what prompted them. Page numbers are those printed on the pack, with the
	// PDF page in brackets; quotes are the report's own words.
	//
	// ----------------------------------------------------------------------------------------
	// Item 4: Placement Sufficiency Strategy
	// Report, pp. 7–18 (PDF pp. 9–20)
	// ----------------------------------------------------------------------------------------
	// Themes: Placement stability (0.84)
	//
	// From the report
	// ~~~~~~~~~~~~~~~
	//   1. How many children had three or more moves this year, and why?
	//      p. 10 (PDF p. 12): “Short-term stability fell to 11%.”
}

// Page cites and page ranges as the briefs and the Slack bot print them.
func ExampleCite() {
	fmt.Println(render.Cite(65, 63))
	fmt.Println(render.Cite(12, 12))
	fmt.Println(render.Cite(7, 0))
	fmt.Println(render.PageRange(13, 30, 11, 28))
	fmt.Println(render.PageRange(5, 5, 0, 0))
	// Output:
	// p. 63 (PDF p. 65)
	// p. 12
	// PDF p. 7
	// pp. 11–28 (PDF pp. 13–30)
	// PDF p. 5
}
