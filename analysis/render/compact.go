package render

import (
	"strings"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// trimQuestions keeps the questions an item shows: all with Full, else
// its lead questions and the next ones up to the limit, an inspection's
// improvement points always. It returns them in their order and how many
// it left out.
func trimQuestions(qs []analysis.Question, opts Options) ([]analysis.Question, int) {
	if opts.Full {
		return qs, 0
	}
	limit := opts.Questions
	if limit <= 0 {
		limit = DefaultQuestions
	}
	var out []analysis.Question
	others := 0
	for _, q := range qs {
		switch {
		case q.Improvement > 0:
			out = append(out, q)
		case others < limit:
			out = append(out, q)
			others++
		}
	}
	return out, len(qs) - len(out)
}

// watchRow is an indicator off target or getting worse, as a brief's
// small table shows it.
type watchRow struct {
	Measure string
	// Latest is its latest value with its period ("38% in Q2").
	Latest string
	Target string
	// Trend is its last values, oldest first ("163 → 156 → 142").
	Trend string
	RAG   string
}

// watchKinds are the findings that put an indicator on the watch table.
var watchKinds = map[string]bool{
	"missed-target": true, "worsening-trend": true, "rag-misrated": true, "red-unmentioned": true,
	"worse-than-comparators": true, // worse than national has its own table
}

// maxWatch is the most rows the watch table has.
const maxWatch = 8

// watchRows lists an item's indicators that its findings show off target
// or getting worse, most serious first, one row each.
func watchRows(fs []report.Finding) []watchRow {
	var out []watchRow
	seen := map[string]bool{}
	for _, f := range fs {
		ind := f.Indicator
		if ind == nil || !watchKinds[f.Kind] || len(ind.Values) == 0 || seen[ind.Name] || len(out) == maxWatch {
			continue
		}
		seen[ind.Name] = true
		last := ind.Values[len(ind.Values)-1]
		row := watchRow{Measure: shorten(clean(ind.Name), 70), Latest: withUnit(last.Value, unitShown(ind.Unit)), RAG: strings.ToUpper(ind.RAG)}
		if p := clean(last.Period); p != "" && len(ind.Values) == 1 {
			row.Latest += " (" + p + ")"
		}
		if ind.Target != nil {
			row.Target = withUnit(*ind.Target, unitShown(ind.Unit))
		}
		// One measure read twice (its table row and a sentence about it)
		// is one row: the first, which has the longer story.
		if k := row.Latest + "\x00" + row.Target; row.Target != "" && seen[k] {
			continue
		} else {
			seen[k] = true
		}
		if n := len(ind.Values); n > 1 {
			var vs []string
			for _, v := range ind.Values[max(0, n-3):] {
				vs = append(vs, withUnit(v.Value, unitShown(ind.Unit)))
			}
			row.Trend = strings.Join(vs, " → ")
		}
		out = append(out, row)
	}
	return out
}

// unitShown is an indicator's unit as a table shows it beside a number.
func unitShown(u string) string {
	switch u {
	case "%":
		return "%"
	case "£":
		return ""
	}
	return u
}
