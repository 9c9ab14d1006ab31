package findings

import (
	"math"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// FuzzFind runs every check over an item made of one fuzzed sentence, a
// fuzzed table and a fuzzed indicator named from the sentence: no check
// may panic, and every finding must have a severity in [0, 1], a summary
// and evidence.
func FuzzFind(f *testing.F) {
	seeds := []string{
		"Agency use has stabilised.", "Almost all children were seen within timescale (82%).",
		"Our rate of 24% is in line with the England average of 21%.", "The strategy will be published by September 2026.",
		"Officers to bring a report on placement sufficiency to the next meeting.", "A forecast overspend of £4.2m.",
		"The grant ends in March 2027.", "[insert number] xx% TBC", "All children (93%) were seen.", "",
	}
	for i, s := range seeds {
		f.Add(s, float64(i), float64(i*3), 10.0, uint8(i%3), "Improving")
	}
	f.Fuzz(func(t *testing.T, text string, a, b, target float64, pol uint8, dir string) {
		ind := figures.Indicator{
			Name: text, Unit: []string{"%", "", "days"}[pol%3], Polarity: figures.Polarity(pol % 3),
			Target: target, HasTarget: pol&4 == 0, RAG: []figures.RAG{figures.Red, figures.Amber, figures.Green, ""}[pol%4],
			Values:      []figures.Value{{Period: "Q1", Value: a}, {Period: "Q2", Value: b}, {Period: text, Value: a - b}},
			Comparators: []figures.Comparator{{Name: "England", Value: b}, {Name: text, Value: math.NaN()}},
			Rule:        &figures.RAGRule{AmberWithin: b, Relative: pol&8 == 0}, Direction: dir, Table: true,
			Evidence: report.Evidence{Page: 2, Quote: text},
		}
		it := &Item{
			Kind:       []corpus.Kind{corpus.KindReport, corpus.KindMinutes}[pol%2],
			Sentences:  []figures.Sentence{{Text: text, Page: 1}, {Text: text, Page: 2, Table: true}, {Text: dir, Page: 3}},
			Tables:     []figures.Table{table(4, []string{"Action", "Status", "Evidence", "Target date"}, []string{text, dir, text, text}, []string{text})},
			Indicators: []figures.Indicator{ind, ind},
			Meeting:    meeting, NextMeeting: nextMtg,
		}
		it.Pack = &Pack{Items: []*Item{it, {Title: text, Sentences: it.Sentences}}}
		for _, fd := range Find(it) {
			if !(fd.Severity >= 0 && fd.Severity <= 1) || fd.Summary == "" || len(fd.Evidence) == 0 {
				t.Fatalf("bad finding %+v", fd)
			}
		}
	})
}
