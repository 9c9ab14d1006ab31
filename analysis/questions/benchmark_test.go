package questions

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

func TestBenchmarkQuestions(t *testing.T) {
	th := []themes.ThemeMatch{{Theme: &bank.Theme{ID: "performance-management"}}}
	sheet := []corpus.Passage{
		{Page: 1, Heading: "Wexcombe - Statistical Neighbour View", Text: "Children in care rate per 10,000"},
		{Page: 1, Heading: "Statistical Neighbours", Text: "- - 2021 2022 2023 2024 2025 -\n" +
			// Rows the extraction ran together onto one line.
			"Change from previous year 101 Ashfield - - 61.00 63.50 64.20 66.00 67.10 - 1.10 102 Wexcombe - - 70.00 71.20 74.80 76.30 78.90 - 2.60 103 Brackley - - 55.00 57.10 - 58.40 59.00 - 0.60\n" +
			"Statistical Neighbours - - 58.00 60.30 61.70 62.20 63.05 - 0.85\n" +
			"970 England - - 67.00 67.00 70.00 71.00 70.00 - -1.00"},
		{Page: 2, Heading: "Trend", Text: "102 Wexcombe\t2.60 120 D\n970 England\t-1.00"},
		{Page: 2, Heading: "Methodology", Text: "Last Updated: March 2026 Next Updated: March 2027"},
	}
	tests := []struct {
		name     string
		passages []corpus.Passage
		want     []string // in the first question's text
		evidence int
	}{
		{"named view", sheet, []string{"the Children in care rate per 10,000 for Wexcombe as 78.90 in 2025", "63.05 for its statistical neighbours", "70.00 for England"}, 3},
		{"council from the summary row", sheet[1:], []string{"for Wexcombe as 78.90 in 2025"}, 3},
		{"no England row", []corpus.Passage{sheet[0], {Page: 1, Text: "- - 2021 2022 2023 2024 2025 -\n102 Wexcombe - - 70.00 71.20 74.80 76.30 78.90 - 2.60\nStatistical Neighbours - - 58.00 60.30 61.70 62.20 63.05 - 0.85"}}, nil, 0},
		{"prose", []corpus.Passage{{Page: 1, Text: "The rate of children in care rose to 78.9 per 10,000, above England's 70."}}, nil, 0},
	}
	for _, tc := range tests {
		got := benchmarkQuestions(Input{Passages: tc.passages}, th[0].Theme.ID)
		if tc.want == nil {
			if len(got) != 0 {
				t.Errorf("%s: %d questions, want none: %q", tc.name, len(got), got[0].q.Text)
			}
			continue
		}
		if len(got) == 0 {
			t.Errorf("%s: no question", tc.name)
			continue
		}
		q := got[0].q
		for _, w := range tc.want {
			if !strings.Contains(q.Text, w) {
				t.Errorf("%s: %q does not say %q", tc.name, q.Text, w)
			}
		}
		if len(q.Evidence) != tc.evidence {
			t.Errorf("%s: %d quotes, want %d", tc.name, len(q.Evidence), tc.evidence)
		}
		for _, e := range q.Evidence {
			found := false
			for _, p := range tc.passages {
				if strings.Contains(strings.Join(strings.Fields(p.Text), " "), e.Quote) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: quote %q is not in the text", tc.name, e.Quote)
			}
		}
	}
	// The data's age is asked about when the sheet gives it.
	got := benchmarkQuestions(Input{Passages: sheet}, "performance-management")
	if len(got) != 2 || !strings.Contains(got[1].q.Text, "last updated in March 2026") {
		t.Errorf("age question: %+v", got)
	}
}

func FuzzBenchmark(f *testing.F) {
	f.Add("Wexcombe - Statistical Neighbour View", "- - 2024 2025 -\n102 Wexcombe - - 70.00 71.20 - 1.2\nStatistical Neighbours - - 58.00 60.30 - 2.3\n970 England - - 67.00 67.00 - 0.0\nLast Updated: March 2026")
	f.Add("", "- - - -\nStatistical Neighbours - - - -\nEngland - - - -")
	f.Add("X - Statistical Neighbour View", "2020 2021 2022 2023\nX 1.0 2.0 3.0 4.0\nStatistical Neighbours 1.0 2.0 3.0\nEngland 1.0")
	f.Fuzz(func(t *testing.T, heading, text string) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			ps := []corpus.Passage{{Page: 1, Heading: heading, Text: text}}
			for _, c := range benchmarkQuestions(Input{Passages: ps}, "performance-management") {
				for _, e := range c.q.Evidence {
					if !strings.Contains(strings.Join(strings.Fields(text), " "), e.Quote) && !strings.Contains(strings.Join(strings.Fields(heading), " "), e.Quote) {
						return fmt.Errorf("quote %q not in the text", e.Quote)
					}
				}
			}
			return nil
		})
	})
}
