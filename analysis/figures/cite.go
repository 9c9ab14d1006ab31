package figures

import "github.com/scrutineer/scrutineer/analysis/report"

// Cite cites where an indicator was read: the words as printed on the
// page (the table row, or the sentence) and, for a table row, the row read
// with its headings for a reader.
func (ind *Indicator) Cite() report.Evidence {
	if ind.Row.Quote == "" {
		return ind.Evidence
	}
	e := ind.Row
	if ind.Table && ind.Evidence.Quote != ind.Row.Quote {
		e.Reading = ind.Evidence.Quote
	}
	return e
}
