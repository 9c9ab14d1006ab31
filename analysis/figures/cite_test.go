package figures

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/report"
)

func TestCite(t *testing.T) {
	row := report.Evidence{Page: 6, PrintedPage: 4, Quote: "Vacancy rate (%) 16 18"}
	read := report.Evidence{Page: 6, PrintedPage: 4, Quote: "Vacancy rate: 18% in 2026, from 16% in 2025"}
	sentence := report.Evidence{Page: 3, Quote: "The vacancy rate rose to 18%."}
	tests := []struct {
		name string
		ind  Indicator
		want report.Evidence
	}{
		{"a table row quotes the row and reads it", Indicator{Table: true, Evidence: read, Row: row},
			report.Evidence{Page: 6, PrintedPage: 4, Quote: "Vacancy rate (%) 16 18", Reading: "Vacancy rate: 18% in 2026, from 16% in 2025"}},
		{"a sentence quotes the sentence", Indicator{Evidence: sentence, Row: sentence}, sentence},
		{"no verbatim row", Indicator{Table: true, Evidence: read}, read},
	}
	for _, tc := range tests {
		if got := tc.ind.Cite(); got != tc.want {
			t.Errorf("%s: Cite = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
