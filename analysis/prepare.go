package analysis

import (
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/findings"
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/scope"
	"github.com/scrutineer/scrutineer/corpus"
)

// prepared is an item read into the stages' inputs.
type prepared struct {
	it     corpus.Item
	all    string
	insp   *inspection.Inspection
	facts  []figures.Fact
	inRecs map[int]bool
	find   *findings.Item
	// cut is the item's word count when the analysis read only the first
	// ItemWords of it, else 0.
	cut int
	// scoped marks a council-wide paper of which only the children's
	// services sections were read.
	scoped bool
}

// prepare reads an item's passages into facts, sentences and figures:
// of a council-wide paper, its children's services sections.
func (a *Analyzer) prepare(doc *corpus.Document, it corpus.Item) *prepared {
	meta := doc.Meta
	p := &prepared{it: it}
	p.it.Passages, p.scoped = scope.Children(it.Passages, doc.Pages)
	p.it.Passages, p.cut = budget(p.it.Passages, ItemWords)
	p.all = joinPassages(p.it.Passages)
	pages := itemPages(doc, p.it, p.scoped)
	p.insp, p.facts, p.inRecs = a.itemFacts(p.it, p.all, pages)
	if p.insp != nil && p.insp.Council == "" {
		p.insp.Council = meta.Council // an officer's report on the inspection
	}
	sentences := figures.Sentences(p.it.Passages)
	tables := itemTables(pages)
	p.find = &findings.Item{
		Number: it.Number, Title: it.Title, Kind: it.Kind,
		Sentences: sentences, Tables: tables,
		Indicators: figures.Read(sentences, tables, meta.Council),
	}
	p.find.Meeting = meetingDate(meta)
	setNational(p.find.Indicators, meta.CouncilCode, paperDate(p.find.Meeting, firstPage(doc)+"\n"+it.Title))
	return p
}

// factKey is how a fact and the sentence it was read from are matched:
// the first words of their text.
func factKey(text string) string {
	const n = 60
	if len(text) > n {
		text = text[:n]
	}
	return text
}

// councilFacts drops the facts read from sentences that are not the
// council's own (a national figure, another council's case study, a
// guide's advice): they are context, never asked about as the council's
// performance.
func councilFacts(facts []figures.Fact, ss []figures.Sentence) []figures.Fact {
	other := map[string]bool{}
	for _, s := range ss {
		if s.Owner != figures.OwnerCouncil {
			other[factKey(s.Text)] = true
		}
	}
	if len(other) == 0 {
		return facts
	}
	out := make([]figures.Fact, 0, len(facts))
	for _, f := range facts {
		if !other[factKey(f.Text)] {
			out = append(out, f)
		}
	}
	return out
}

// meetingDate is the date of the meeting a pack is for; zero when unknown.
func meetingDate(meta corpus.Meta) time.Time {
	t, _ := time.Parse(time.DateOnly, meta.Date)
	return t
}

// packTexts are the texts of a pack, page by page (the front sheet gives
// the next meeting's date), or its items' passages when it has no pages.
func packTexts(doc *corpus.Document, items []corpus.Item) []string {
	var out []string
	for _, pg := range doc.Pages {
		out = append(out, pg.Text)
	}
	if len(out) == 0 {
		for _, it := range items {
			for _, p := range it.Passages {
				out = append(out, p.Text)
			}
		}
	}
	return out
}

// itemTables reads the tables on an item's pages: the file's own pages,
// which keep the layout of its tables, when the document has them and the
// whole item was read; else the item's passages, page by page.
func itemTables(pages []corpus.Page) []figures.Table {
	var out []figures.Table
	for i := range pages {
		out = append(out, figures.PageTables(&pages[i])...)
	}
	return out
}

// itemPages returns an item's pages: the document's own when the item is
// read whole from them, else pages made of its passages (a council-wide
// paper's children's sections, or an item with no document to hand).
func itemPages(doc *corpus.Document, it corpus.Item, scoped bool) []corpus.Page {
	if doc != nil && len(doc.Pages) > 0 && !scoped && it.StartPage >= 1 && it.EndPage <= len(doc.Pages) && it.StartPage <= it.EndPage {
		pages := doc.Pages[it.StartPage-1 : it.EndPage]
		if it.StartOffset == 0 && it.EndOffset == 0 {
			return pages
		}
		// The item starts or stops inside a page: keep only its part.
		pages = append([]corpus.Page(nil), pages...)
		last := &pages[len(pages)-1]
		if it.EndOffset > 0 && it.EndOffset <= len(last.Body) {
			last.Body = last.Body[:it.EndOffset]
			last.Text = last.Body
		}
		if first := &pages[0]; it.StartOffset > 0 && it.StartOffset <= len(first.Body) {
			first.Body = first.Body[it.StartOffset:]
			first.Text = first.Body
		}
		return pages
	}
	// A passage's section heading is printed above its first passage, as
	// on the page.
	var pages []corpus.Page
	heading := ""
	for _, ps := range it.Passages {
		text := ps.Text
		if ps.Heading != "" && ps.Heading != heading && !strings.HasPrefix(text, ps.Heading) {
			text = ps.Heading + "\n\n" + text
		}
		heading = ps.Heading
		if n := len(pages); n > 0 && pages[n-1].Number == ps.Page {
			pages[n-1].Text += "\n\n" + text
			pages[n-1].Body = pages[n-1].Text
			continue
		}
		pages = append(pages, corpus.Page{Number: ps.Page, Printed: ps.PrintedPage, Text: text, Body: text})
	}
	return pages
}

// budget keeps the leading passages that hold at most words words, and
// returns the count of all when it had to cut.
func budget(ps []corpus.Passage, words int) ([]corpus.Passage, int) {
	n := 0
	for i, p := range ps {
		n += strings.Count(p.Text, " ") + 1
		if n > words {
			total := n
			for _, q := range ps[i+1:] {
				total += strings.Count(q.Text, " ") + 1
			}
			return ps[:i], total
		}
	}
	return ps, 0
}

// firstPage is the text of a document's first page ("" when it has none).
func firstPage(doc *corpus.Document) string {
	if len(doc.Pages) == 0 {
		return ""
	}
	return doc.Pages[0].Text
}
