package analysis

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/corpus"
)

var reProcedural = regexp.MustCompile(`(?i)^\s*(?:apologies|declarations? of (?:interest|pecuniary)|disclosures? of interest|deputations|chair(?:man|person)?'?s? announcements|urgent (?:business|items?)|any other (?:urgent )?business|exclusion of the (?:press|public)|(?:date|dates) of (?:the )?next meeting|public questions|questions from (?:the )?public|welcome and introductions|substitut)`)

// Substantive reports whether an item is worth analysing: not the agenda,
// not a procedural item, and with some text.
func Substantive(it corpus.Item) bool {
	if it.Kind == corpus.KindAgenda || len(it.Passages) == 0 {
		return false
	}
	if reProcedural.MatchString(it.Title) {
		return false
	}
	return true
}

// mergeAppendices folds each appendix item into the item before it when
// both carry the same agenda number (or the appendix has none).
func mergeAppendices(items []corpus.Item) []corpus.Item {
	var out []corpus.Item
	for _, it := range items {
		if n := len(out); n > 0 && it.Kind == corpus.KindAppendix && out[n-1].Kind != corpus.KindAgenda &&
			(it.Number == "" || sameNumber(it.Number, out[n-1].Number)) {
			prev := &out[n-1]
			prev.Passages = append(append([]corpus.Passage(nil), prev.Passages...), it.Passages...)
			if it.EndPage > prev.EndPage {
				prev.EndPage = it.EndPage
			}
			if it.PrintedEnd > prev.PrintedEnd {
				prev.PrintedEnd = it.PrintedEnd
			}
			continue
		}
		out = append(out, it)
	}
	return out
}

// sameNumber reports whether two agenda numbers name the same item ("5"
// and "5a" do).
func sameNumber(a, b string) bool {
	trim := func(s string) string { return strings.TrimRight(strings.ToLower(s), "abcdefghijklmnopqrstuvwxyz()") }
	return a != "" && trim(a) == trim(b)
}

// pagePassages cuts pages into paragraph passages, for a document that
// has not been split into items.
func pagePassages(pages []corpus.Page) []corpus.Passage {
	var out []corpus.Passage
	for _, pg := range pages {
		body := pg.Body
		if body == "" {
			body = pg.Text
		}
		for _, para := range strings.Split(body, "\n\n") {
			if t := strings.TrimSpace(para); t != "" {
				out = append(out, corpus.Passage{Page: pg.Number, PrintedPage: pg.Printed, Text: t})
			}
		}
	}
	return out
}

func pageRange(ps []corpus.Passage) (int, int) {
	lo, hi := 0, 0
	for _, p := range ps {
		if lo == 0 || p.Page < lo {
			lo = p.Page
		}
		if p.Page > hi {
			hi = p.Page
		}
	}
	return lo, hi
}

// joinPassages joins an item's passages, a blank line apart.
func joinPassages(ps []corpus.Passage) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
		b.WriteString("\n\n")
	}
	return b.String()
}
