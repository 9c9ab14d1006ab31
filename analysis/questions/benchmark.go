package questions

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// An indicator sheet compares one council with its statistical
// neighbours and England on one indicator, year by year: the layout the
// DfE's Local Authority Interactive Tool exports and councils append to
// performance reports. Its figures are rows of a table whose gaps the
// extraction closed up, so the sentence-based fact finder cannot read
// them; benchmarkQuestions does.
//
//	West Sussex - Statistical Neighbour View
//	Children in Need rate per 10,000
//	- - 2009 2010 2011 2012 2013 2014 2015 -
//	938 West Sussex - - 78.00 313.00 331.30 215.60 233.80 298.20 282.30 - -15.90
//	Statistical Neighbours - - 213.00 292.32 312.50 290.41 294.41 309.90 305.54 - -4.36
//	970 England - - 276.00 341.30 346.20 325.70 332.20 346.40 337.30 - -9.10

var (
	// reView names the council and says the sheet compares it ("West
	// Sussex - Statistical Neighbour View").
	reView = regexp.MustCompile(`(?i)^(.+?)\s+[-–]\s+statistical neighbou?r view$`)
	// reYears is a header of year columns, placeholders between.
	reYears = regexp.MustCompile(`^(?:(?:-|(?:19|20)\d\d(?:[-/]\d\d)?)\s+){3,}(?:-|(?:19|20)\d\d(?:[-/]\d\d)?)$`)
	// reValueRow is a named row of figures: an optional code, a name,
	// then figures with decimals or placeholders. The extraction may run
	// several rows into one line, so rows are found anywhere in a line.
	reValueRow = regexp.MustCompile(`(?:\b\d{3}\s+)?\b([A-Z][A-Za-z.'’&-]*(?:\s+[A-Za-z.'’&-]+)*?)\s+((?:(?:-?\d+\.\d+|-)\s+){3,}(?:-?\d+\.\d+|-))(?:\s|$)`)
	// reIndicatorName is a line naming a measure ("Children in Need
	// rate per 10,000"), when no line names the sheet's view.
	reIndicatorName = regexp.MustCompile(`(?i)^[a-z][^.:]*\b(?:rate per|per 10,000|per 1,000|percentage of|proportion of|number of)\b[^.:]*$`)
	// reUpdated is when the sheet's data were last updated.
	reUpdated = regexp.MustCompile(`(?i)\blast updated:?\s+((?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})`)
)

// sheetLine is one line of an item (a heading or a line of a passage's
// text) with the passage it is in.
type sheetLine struct {
	text    string
	passage int
}

// valueRow is a named row of an indicator table.
type valueRow struct {
	name   string
	values []string
	quote  string
	line   sheetLine
}

// benchmarkQuestions reads an indicator sheet in an item: the council's
// latest figure against its statistical neighbours' and England's, and
// how old the data are. It returns nothing for an item without one.
func benchmarkQuestions(it Input, theme string) []candidate {
	if !mentionsNeighbours(it.Passages) {
		return nil // no sheet: spare the patterns
	}
	var lines []sheetLine
	lastHeading := ""
	for pi, p := range it.Passages {
		if p.Heading != "" && p.Heading != lastHeading {
			lines = append(lines, sheetLine{strings.Join(strings.Fields(p.Heading), " "), pi})
			lastHeading = p.Heading
		}
		for _, l := range strings.Split(p.Text, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				lines = append(lines, sheetLine{l, pi})
			}
		}
	}
	council, indicator := "", ""
	var years []string
	var updated *sheetLine
	when := ""
	rows := map[string]valueRow{}
	for i, l := range lines {
		if m := reView.FindStringSubmatch(l.text); m != nil && council == "" {
			council = m[1]
			if i+1 < len(lines) && !reValueRow.MatchString(lines[i+1].text) {
				indicator = lines[i+1].text
			}
			continue
		}
		if years == nil && reYears.MatchString(l.text) {
			years = strings.Fields(l.text)
			continue
		}
		if m := reUpdated.FindStringSubmatch(l.text); m != nil && updated == nil {
			u := l
			updated, when = &u, m[1]
		}
		for _, m := range reValueRow.FindAllStringSubmatch(l.text, -1) {
			name := strings.ToLower(m[1])
			if _, seen := rows[name]; !seen {
				rows[name] = valueRow{name: m[1], values: strings.Fields(m[2]), quote: strings.TrimSpace(m[0]), line: l}
			}
		}
	}
	if council == "" {
		council = ownRow(rows, lines)
	}
	if indicator == "" {
		for _, l := range lines {
			if len(l.text) <= 80 && reIndicatorName.MatchString(l.text) && !reValueRow.MatchString(l.text) {
				indicator = l.text
				break
			}
		}
	}
	own, okOwn := rows[strings.ToLower(council)]
	neighbours, okN := rows["statistical neighbours"]
	england, okE := rows["england"]
	if council == "" || years == nil || !okOwn || !okN || !okE {
		return nil
	}
	// The latest year all three rows give a figure for.
	col := -1
	for j := len(years) - 1; j >= 0 && col < 0; j-- {
		if years[j] == "-" || j >= len(own.values) || j >= len(neighbours.values) || j >= len(england.values) {
			continue
		}
		if own.values[j] != "-" && neighbours.values[j] != "-" && england.values[j] != "-" {
			col = j
		}
	}
	if col < 0 {
		return nil
	}
	what := "the indicator"
	if indicator != "" {
		what = indicator
		if !strings.HasPrefix(strings.ToLower(what), "the ") {
			what = "the " + what
		}
	}
	cite := func(l sheetLine, quote string) report.Evidence {
		p := it.Passages[l.passage]
		return report.Evidence{Page: p.Page, PrintedPage: p.PrintedPage, Quote: quote}
	}
	out := []candidate{{
		q: report.Question{Kind: report.KindEvidence, Theme: theme, Text: fmt.Sprintf(
			"The table gives %s for %s as %s in %s, against %s for its statistical neighbours and %s for England. What explains the difference, and is that where we want to be?",
			what, own.name, own.values[col], years[col], neighbours.values[col], england.values[col]),
			Evidence: []report.Evidence{cite(own.line, own.quote), cite(neighbours.line, neighbours.quote), cite(england.line, england.quote)}},
		priority: 9,
		passage:  own.line.passage,
	}}
	if updated != nil {
		out = append(out, candidate{
			q: report.Question{Kind: report.KindEvidence, Theme: theme, Text: fmt.Sprintf(
				"The figures were last updated in %s. Are there more recent ones, and do they tell the same story?", when),
				Evidence: []report.Evidence{cite(*updated, reUpdated.FindString(updated.text))}},
			priority: 5,
			passage:  updated.passage,
		})
	}
	return out
}

// ownRow names the council a sheet is about when no line says so: the one
// row, other than the neighbours' and England's, that the sheet names
// again outside its table (a summary of the change and rank, a chart's
// legend).
func ownRow(rows map[string]valueRow, lines []sheetLine) string {
	found := ""
	for key, r := range rows {
		if key == "statistical neighbours" || key == "england" {
			continue
		}
		n := 0
		for _, l := range lines {
			if strings.Contains(strings.ToLower(l.text), key) {
				n++
			}
		}
		if n >= 2 {
			if found != "" {
				return "" // two candidates: not sure which
			}
			found = r.name
		}
	}
	return found
}

// mentionsNeighbours reports whether any passage names statistical
// neighbours, as every indicator sheet does.
func mentionsNeighbours(ps []corpus.Passage) bool {
	for _, p := range ps {
		if strings.Contains(strings.ToLower(p.Text), "statistical neighbo") || strings.Contains(strings.ToLower(p.Heading), "statistical neighbo") {
			return true
		}
	}
	return false
}
