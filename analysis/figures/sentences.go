package figures

import (
	"strings"

	"github.com/scrutineer/scrutineer/corpus"
)

// Sentences splits an item's passages into sentences, bullets and table
// rows (Spans), each with its page, printed page and section heading.
// Text is the span's own words with white space collapsed, so it can be
// quoted as it stands on the page; list numbering before it is dropped.
// Owner is OwnerCouncil until the owner is read (Owners).
func Sentences(passages []corpus.Passage) []Sentence {
	var out []Sentence
	for _, p := range passages {
		for _, sp := range Spans(p.Text) {
			text := Clean(p.Text[sp.Start:sp.End])
			if sp.Table && !sp.Spaced {
				text = CleanRow(text)
			}
			text = strings.TrimSpace(text[len(ReLeadNumber.FindString(text)):])
			if text == "" {
				continue
			}
			out = append(out, Sentence{
				Text: text, Page: p.Page, Printed: p.PrintedPage,
				Heading: p.Heading, Table: sp.Table || sp.Row,
			})
		}
	}
	return out
}
