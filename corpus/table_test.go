package corpus

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

func TestTables(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   []Table // Title, Header and Rows only
		nTable int     // when want is nil: how many tables
	}{
		{
			name: "spaced, with an empty cell, a merged period heading and a wrapped row",
			text: "Some prose before the table ends here.\n\n" +
				"Children's social care indicators\n\n" +
				"Indicator                      2024/25\n" +
				"                               Q1      Q2      Q3      Target\n" +
				"Re-referrals within 12 months  22.1%   23.4%   22.2%   25%\n" +
				"Average caseload               19              21      18\n" +
				"Number of approved foster      640     612     613     700\n" +
				"  households\n",
			want: []Table{{
				Title: "Children's social care indicators",
				Header: [][]string{
					{"Indicator", "2024/25", "2024/25", "2024/25", ""},
					{"", "Q1", "Q2", "Q3", "Target"},
				},
				Rows: [][]string{
					{"Re-referrals within 12 months", "22.1%", "23.4%", "22.2%", "25%"},
					{"Average caseload", "19", "", "21", "18"},
					{"Number of approved foster households", "640", "612", "613", "700"},
				},
			}},
		},
		{
			name: "bars with a rule and a heading over sub-columns",
			text: "Thresholds\n" +
				"| Measure | What it shows | Thresholds | | |\n" +
				"|---|---|---|---|---|\n" +
				"| | | Inadequate | Good | Outstanding |\n" +
				"| Assessments within 45 days | Timeliness | <75 | 81-89 | 90+ |\n" +
				"| Measure | What it shows | Thresholds | | |\n" +
				"| Visits within timescale | Visits | <70 | 85-94 | 95-100 |\n",
			want: []Table{{
				Title: "Thresholds",
				Header: [][]string{
					{"Measure", "What it shows", "Thresholds", "Thresholds", "Thresholds"},
					{"", "", "Inadequate", "Good", "Outstanding"},
				},
				Rows: [][]string{
					{"Assessments within 45 days", "Timeliness", "<75", "81-89", "90+"},
					{"Visits within timescale", "Visits", "<70", "85-94", "95-100"},
				},
			}},
		},
		{
			name: "single spaced figures with a period line, groups and an age band",
			text: "Children in Care\n" +
				"The number fell in the Quarter to 1,409, as the table shows below.\n\n" +
				"Status Dec-23 Mar-24 Jun-24\n" +
				"Non-UASC 1,466 1,460 1,444\n" +
				"UASC 531 480 476\n" +
				"Age Group\n" +
				"0 to 4 253 239 237\n" +
				"5 to 9 231 235 227\n",
			want: []Table{{
				Header: [][]string{{"Status", "Dec-23", "Mar-24", "Jun-24"}},
				Rows: [][]string{
					{"Non-UASC", "1,466", "1,460", "1,444"},
					{"UASC", "531", "480", "476"},
					{"Age Group", "", "", ""},
					{"0 to 4", "253", "239", "237"},
					{"5 to 9", "231", "235", "227"},
				},
			}},
		},
		{
			name: "single spaced figures under a period spanning the periods",
			text: "Indicator 2024/25\nQ1 Q2 Q3\nRe-referrals 22% 23% 21%\nCaseload 19 20 21\n",
			want: []Table{{
				Header: [][]string{
					{"Indicator", "2024/25", "2024/25", "2024/25"},
					{"", "Q1", "Q2", "Q3"},
				},
				Rows: [][]string{
					{"Re-referrals", "22%", "23%", "21%"},
					{"Caseload", "19", "20", "21"},
				},
			}},
		},
		{
			name: "ratings on their own line under a wrapped label",
			text: "Integrated Children's Services\n" +
				"Latest Previous\n\n" +
				"DoT\n\n" +
				"% of case holding posts filled by permanent qualified\n" +
				"social workers\n\n" +
				"AMBER RED\n" +
				"Number of foster households RED RED\n\n" +
				"% of care leavers in education, employment or training\n\n" +
				"RED GREEN\n",
			want: []Table{{
				Title:  "Integrated Children's Services",
				Header: [][]string{{"", "Latest", "Previous"}},
				Rows: [][]string{
					{"% of case holding posts filled by permanent qualified social workers", "AMBER", "RED"},
					{"Number of foster households", "RED", "RED"},
					{"% of care leavers in education, employment or training", "RED", "GREEN"},
				},
			}},
		},
		{
			name: "headings one block each, wrapped over lines",
			text: "Service\n\n12 mths to\nDec 23\n\n12 mths to\nDec 24\n" +
				"Highways 2,902 2,355\n\n" +
				"Growth & Communities (inc\nLibraries)\n\n226 241\n\n" +
				"Total 5,647 5,416\n",
			want: []Table{{
				Header: [][]string{{"Service", "12 mths to Dec 23", "12 mths to Dec 24"}},
				Rows: [][]string{
					{"Highways", "2,902", "2,355"},
					{"Growth & Communities (inc Libraries)", "226", "241"},
					{"Total", "5,647", "5,416"},
				},
			}},
		},
		{
			name: "cells set apart but not aligned, a heading and rows wrapped",
			text: "Table 2: Placement stability at 31 March 2026\n" +
				"Indicator  Wexcombe  Stat.  England\n" +
				"neighbours\n" +
				"Children with three or more placements during the  11.4%  10.3%  10%\n" +
				"year\n" +
				"Children placed outside the borough  44%  39%  41%\n",
			want: []Table{{
				Title:  "Table 2: Placement stability at 31 March 2026",
				Header: [][]string{{"Indicator", "Wexcombe", "Stat. neighbours", "England"}},
				Rows: [][]string{
					{"Children with three or more placements during the year", "11.4%", "10.3%", "10%"},
					{"Children placed outside the borough", "44%", "39%", "41%"},
				},
			}},
		},
		{
			name: "tabs with figures, a heading and rows wrapped",
			text: "Indicator\tWexcombe\tStat.\tEngland\n" +
				"neighbours\n" +
				"Children with three or more placements during the\t11.4%\t10.3%\t10%\n" +
				"year\n" +
				"Children placed outside the borough\t44%\t39%\t41%\n",
			want: []Table{{
				Header: [][]string{{"Indicator", "Wexcombe", "Stat. neighbours", "England"}},
				Rows: [][]string{
					{"Children with three or more placements during the year", "11.4%", "10.3%", "10%"},
					{"Children placed outside the borough", "44%", "39%", "41%"},
				},
			}},
		},
		{
			name: "tabs",
			text: "Meeting\tCorporate Parenting Board\nDate\t27 November 2017\n",
			want: []Table{{
				Rows: [][]string{{"Meeting", "Corporate Parenting Board"}, {"Date", "27 November 2017"}},
			}},
		},
		{
			name: "prose with wide spaces is no table",
			text: "As of 31st December 2024, there were 613 approved households against a\n" +
				"target of 700 households.  Actions being taken to increase the number\n" +
				"2.1  The tracker shows progress.\n" +
				"2.2  The board noted it.\n" +
				"The rate fell from 2023 to 2024 in 12 months 14\n",
			nTable: 0,
		},
		{
			name:   "one row is no table",
			text:   "Foster households  613  700\n\nThe end.",
			nTable: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Tables(tc.text)
			checkTables(t, tc.text, got)
			if tc.want == nil {
				if len(got) != tc.nTable {
					t.Fatalf("got %d tables, want %d: %+v", len(got), tc.nTable, got)
				}
				return
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d tables, want %d: %+v", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Title != w.Title {
					t.Errorf("title %q, want %q", g.Title, w.Title)
				}
				if !reflect.DeepEqual(g.Header, w.Header) {
					t.Errorf("header\n got %q\nwant %q", g.Header, w.Header)
				}
				if !reflect.DeepEqual(g.Rows, w.Rows) {
					t.Errorf("rows\n got %q\nwant %q", g.Rows, w.Rows)
				}
			}
		})
	}
}

// checkTables checks what holds of any table: rows of one width, each
// row's text verbatim in the text, offsets inside it.
func checkTables(t *testing.T, text string, tables []Table) {
	t.Helper()
	flat := tableClean(text)
	prev := -1
	for i, tb := range tables {
		if tb.Start < 0 || tb.Start > tb.End || tb.End > len(text) || tb.FirstLine > tb.LastLine {
			t.Errorf("table %d: bytes %d-%d, lines %d-%d in %d bytes", i, tb.Start, tb.End, tb.FirstLine, tb.LastLine, len(text))
		}
		if tb.Start < prev {
			t.Errorf("table %d starts at %d, before the table above (%d)", i, tb.Start, prev)
		}
		prev = tb.Start
		if len(tb.Rows) == 0 || len(tb.Rows) != len(tb.RowText) {
			t.Errorf("table %d: %d rows, %d row texts", i, len(tb.Rows), len(tb.RowText))
		}
		w := tb.Width()
		for _, r := range append(append([][]string{}, tb.Header...), tb.Rows...) {
			if len(r) != w {
				t.Errorf("table %d: row %q of width %d, want %d", i, r, len(r), w)
			}
		}
		if tb.Columns != nil && len(tb.Columns) != w {
			t.Errorf("table %d: %d column offsets for %d columns", i, len(tb.Columns), w)
		}
		for _, rt := range tb.RowText {
			if rt == "" || !strings.Contains(flat, rt) {
				t.Errorf("table %d: row text %q is not in the text", i, rt)
			}
		}
	}
}

func TestTableHeading(t *testing.T) {
	tb := Table{Header: [][]string{{"Indicator", "2024/25", "2024/25"}, {"", "Q1", "Q2"}}}
	for col, want := range []string{"Indicator", "2024/25 Q1", "2024/25 Q2", ""} {
		if got := tb.Heading(col); got != want {
			t.Errorf("Heading(%d) = %q, want %q", col, got, want)
		}
	}
	if tb.Width() != 3 {
		t.Errorf("Width() = %d, want 3", tb.Width())
	}
}

// FuzzTables feeds arbitrary text to Tables: nothing may panic, and every
// table must keep its invariants (one width, rows verbatim in the text).
func FuzzTables(f *testing.F) {
	f.Add("Indicator                      2024/25\n                               Q1      Q2\nRe-referrals  22.1%   23.4%\nCaseload  19  21\n")
	f.Add("| a | b |\n|---|---|\n| x | 1 |\n| | |\n| y | 2 |\n")
	f.Add("Status Dec-23 Mar-24\nNon-UASC 1,466 1,460\nAge Group\n0 to 4 253 239\n")
	f.Add("Latest Previous\n\nDoT\n\nlabel\n\nRED AMBER\nother RED RED\n")
	f.Add("Service\n\n12 mths to\nDec 23\n\nHighways 2,902\n\nGrowth (inc\n\n226 241\n")
	f.Add("Meeting\tBoard\nDate\t27 November 2017\n  carried on\n")
	f.Add("- - 2009 2010 -\n\nChange from\nx 1 2 3 4 5\ny - - 1 2 3\n")
	f.Add("\t\t\n  |  |\n||\n|\n- -\n\u00a0\u00a0x\u00a0\u00a0y\n1 2\n3 4\n")
	f.Fuzz(func(t *testing.T, text string) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			if len(text) > 1<<14 {
				return nil
			}
			checkTables(t, text, Tables(text))
			return nil
		})
	})
}

// TestTablesRealPapers reads the tables of real papers (shared material)
// and keeps their structure as goldens: per page, each table's size,
// headings and title, but none of the text of its rows.
func TestTablesRealPapers(t *testing.T) {
	files := []string{
		"testdata/pdfs/real/council/kent-quarterly-performance-report-q3-2024-25.pdf",
		"testdata/pdfs/real/other-uk/west-sussex-children-in-need-statistical-neighbours.pdf",
		"testdata/pdfs/real/other-uk/west-sussex-vulnerable-looked-after-children-needs-assessment-2008.pdf",
	}
	for _, rel := range files {
		name := strings.TrimSuffix(filepath.Base(rel), ".pdf")
		t.Run(name, func(t *testing.T) {
			tablesGolden(t, name, corpustest.SharedFile(t, rel))
		})
	}
	for _, path := range corpustest.SeedPacks(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			tablesGolden(t, name, path)
		})
	}
}

func tablesGolden(t *testing.T, name, path string) {
	t.Helper()
	doc, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	var b strings.Builder
	n := 0
	for _, p := range doc.Pages {
		tables := Tables(p.Text)
		checkTables(t, p.Text, tables)
		for _, tb := range tables {
			n++
			fmt.Fprintf(&b, "p%d lines %d-%d: %d rows x %d cols", p.Number, tb.FirstLine, tb.LastLine, len(tb.Rows), tb.Width())
			if tb.Title != "" {
				fmt.Fprintf(&b, ", titled (%d words)", len(strings.Fields(tb.Title)))
			}
			b.WriteByte('\n')
			for c := 1; c < tb.Width(); c++ {
				if h := tb.Heading(c); h != "" && periodLine(h) {
					fmt.Fprintf(&b, "  col %d: %s\n", c, h)
				}
			}
		}
	}
	fmt.Fprintf(&b, "%d tables\n", n)
	checkGolden(t, name+".tables.txt", []byte(b.String()))
}

func BenchmarkTables(b *testing.B) {
	var page strings.Builder
	for i := 0; i < 20; i++ {
		page.WriteString("Some prose about the service, which goes on for a line or so.\n\n")
		page.WriteString("Indicator                      Q1      Q2      Q3      Target\n")
		page.WriteString("Re-referrals within 12 months  22.1%   23.4%   22.2%   25%\n")
		page.WriteString("Average caseload               19      20      21      18\n\n")
		page.WriteString("Status Dec-23 Mar-24 Jun-24\nNon-UASC 1,466 1,460 1,444\nUASC 531 480 476\n\n")
	}
	text := page.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tables(text)
	}
}
