package analysis

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/findings"
	"github.com/scrutineer/scrutineer/analysis/questions"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus"
)

// Analyzer turns committee papers into themes and challenge questions
// using a bank of key lines of enquiry. It is safe for concurrent use.
type Analyzer struct {
	m *themes.Matcher
	q *questions.Asker
}

// New returns an Analyzer for a bank (normally bank.Default()).
func New(b *bank.Bank) *Analyzer {
	m := themes.NewMatcher(b)
	return &Analyzer{m: m, q: questions.NewAsker(m)}
}

// Matcher returns the analyzer's theme matcher.
func (a *Analyzer) Matcher() *themes.Matcher { return a.m }

// ItemWords is the most words of one item the analysis reads: about a
// 400-page report. The rest of a longer item is left unread, and the
// report says so.
const ItemWords = 150_000

// Ask analyses a whole file as one item: every passage of every item, for
// `ask` on a single report. It stops with ctx's error when ctx ends.
func (a *Analyzer) Ask(ctx context.Context, doc *corpus.Document) (*Report, error) {
	r := &Report{Items: []ItemReport{}}
	if doc == nil {
		return r, nil
	}
	whole := corpus.Item{Title: doc.Source, Kind: corpus.KindReport, StartPage: 1, EndPage: len(doc.Pages)}
	for _, it := range doc.Items {
		whole.Passages = append(whole.Passages, it.Passages...)
		whole.Exempt = whole.Exempt || it.Exempt
	}
	if len(doc.Items) == 0 {
		whole.Passages = pagePassages(doc.Pages)
	}
	if len(doc.Items) == 1 {
		one := doc.Items[0]
		whole.Number, whole.Title, whole.Kind = one.Number, one.Title, one.Kind
		whole.PrintedStart, whole.PrintedEnd = one.PrintedStart, one.PrintedEnd
		whole.StartPage, whole.EndPage = one.StartPage, one.EndPage
	}
	if whole.Title == "" {
		whole.Title = doc.Source
	}
	return a.analyse(ctx, doc.Source, doc.Meta, []Paper{{Doc: doc, Items: []corpus.Item{whole}}})
}

// AskItem analyses one agenda item of a pack, as Brief would within the
// pack (the pack's other items are there for checks across items).
func (a *Analyzer) AskItem(ctx context.Context, doc *corpus.Document, number string) (*Report, error) {
	r, err := a.Brief(ctx, doc)
	if err != nil {
		return nil, err
	}
	for _, it := range r.Items {
		if it.Number == number {
			r.Items = []ItemReport{it}
			return r, nil
		}
	}
	return nil, fmt.Errorf("item %s is not in %s", number, doc.Source)
}

// Brief analyses every substantive item of a pack. The agenda itself and
// procedural items (apologies, declarations of interest, urgent business,
// exclusion of the press and public) are skipped; minutes and reports are
// kept. An appendix that follows its report under the same item number is
// analysed with that report, so its figures count as the report's.
func (a *Analyzer) Brief(ctx context.Context, doc *corpus.Document) (*Report, error) {
	if doc == nil {
		return &Report{Items: []ItemReport{}}, nil
	}
	return a.analyse(ctx, doc.Source, doc.Meta, []Paper{{Doc: doc, Items: BriefItems(doc.Items)}})
}

// BriefItems returns the items of a pack that Brief analyses: substantive
// items, each appendix folded into its report.
func BriefItems(items []corpus.Item) []corpus.Item {
	var out []corpus.Item
	for _, it := range mergeAppendices(items) {
		if Substantive(it) {
			out = append(out, it)
		}
	}
	return out
}

// Items analyses items read back from the search index (no pages: quotes
// are cited as the passages give them) as Brief analyses a pack's items.
func (a *Analyzer) Items(ctx context.Context, source string, meta corpus.Meta, items []corpus.Item) (*Report, error) {
	return a.analyse(ctx, source, meta, []Paper{{Doc: &corpus.Document{Source: source, Meta: meta}, Items: items}})
}

// Paper is one paper of a meeting and the items of it to analyse (as
// BriefItems gives them). Doc gives its pages when they are known: read
// from its file or kept by the search index (without them, quotes are
// cited as the passages give them and tables on whole pages are missed).
type Paper struct {
	Doc   *corpus.Document
	Items []corpus.Item
}

// Meeting analyses the items of a meeting's papers as one pack, so that
// what one paper asks for can be found answered in another: each item
// with its own paper's pages, when it has them, for the tables on them.
// source and meta name the meeting in the report.
func (a *Analyzer) Meeting(ctx context.Context, source string, meta corpus.Meta, papers []Paper) (*Report, error) {
	return a.analyse(ctx, source, meta, papers)
}

// analyse runs the stages over the items of a pack's papers: each item's
// sentences, facts and figures first, then the checks (which may look
// across the pack), themes and questions.
func (a *Analyzer) analyse(ctx context.Context, source string, meta corpus.Meta, papers []Paper) (*Report, error) {
	r := &Report{SchemaVersion: report.SchemaVersion, Source: source, Meta: meta, Items: []ItemReport{}}
	var items []corpus.Item
	for _, pp := range papers {
		items = append(items, pp.Items...)
	}
	for _, pp := range papers {
		if r.Meta.CouncilCode = councilCode(pp.Doc, pp.Items); r.Meta.CouncilCode != "" {
			break
		}
	}
	pack := &findings.Pack{}
	preps := make([]*prepared, 0, len(items))
	var texts []string
	for _, pp := range papers {
		d := *pp.Doc // the caller's document is left as it was
		d.Meta.CouncilCode = r.Meta.CouncilCode
		for _, it := range pp.Items {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			p := a.prepare(&d, it)
			fromOutcomes(p.insp, r.Meta.CouncilCode)
			if p.scoped {
				r.Warnings = append(r.Warnings, fmt.Sprintf("item %s covers every service of the council: only its children's services sections were read", itemName(it)))
			}
			if p.cut > 0 {
				r.Warnings = append(r.Warnings, fmt.Sprintf("item %s: only the first %d words of %d were analysed", itemName(it), ItemWords, p.cut))
			}
			preps = append(preps, p)
			pack.Items = append(pack.Items, p.find)
		}
		texts = append(texts, packTexts(pp.Doc, pp.Items)...)
	}
	next := findings.NextMeeting(texts, meetingDate(meta))
	for _, p := range preps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p.find.Pack, p.find.NextMeeting = pack, next
		r.Items = append(r.Items, a.finish(p))
	}
	numberFindings(r)
	for _, p := range preps {
		for _, rq := range findings.Requests(p.find) {
			out := report.Request{Text: rq.Claim, Evidence: rq.Evidence}
			if rq.Answer != nil {
				out.Item, out.Title = rq.Answer.Number, rq.Answer.Title
			}
			r.SinceLast = append(r.SinceLast, out)
		}
	}
	from := 0
	for _, pp := range papers {
		// Each paper's quotes are found on its own pages.
		if n := len(pp.Items); len(pp.Doc.Pages) > 0 {
			locate(pp.Doc, &Report{Items: r.Items[from : from+n]})
		}
		from += len(pp.Items)
	}
	markInferred(r, items)
	return r, nil
}

func itemName(it corpus.Item) string {
	if it.Number != "" {
		return it.Number
	}
	return strconv.Quote(it.Title)
}

// numberFindings makes finding IDs unique in a report: each item's
// findings are numbered from 1, and get the item's number in front ("5-2";
// "f-2" for an item without one), as do the questions that cite them.
func numberFindings(r *Report) {
	for i := range r.Items {
		it := &r.Items[i]
		prefix := it.Number
		if prefix == "" {
			prefix = "f"
		}
		for j := range it.Findings {
			it.Findings[j].ID = prefix + "-" + it.Findings[j].ID
		}
		for j := range it.Questions {
			if q := &it.Questions[j]; q.Finding != "" {
				q.Finding = prefix + "-" + q.Finding
			}
		}
	}
}

// markInferred marks the evidence whose printed page was worked out: in
// an item whose passages' printed pages are inferred (a text pack with no
// page breaks), every cited printed page is. Evidence read from the item's
// one long page (a table row) gets the printed page of the passage that
// holds it.
func markInferred(r *Report, items []corpus.Item) {
	inferred := map[string][]corpus.Passage{}
	for _, it := range items {
		for _, p := range it.Passages {
			if p.PageInferred {
				inferred[it.Number+"\x00"+it.Title] = it.Passages
				break
			}
		}
	}
	for i := range r.Items {
		it := &r.Items[i]
		ps, ok := inferred[it.Number+"\x00"+it.Title]
		if !ok {
			continue
		}
		mark := func(ev []Evidence) {
			for k := range ev {
				if ev[k].PrintedPage == 0 {
					ev[k].PrintedPage = printedPageOf(ev[k].Quote, ps)
				}
				ev[k].PageInferred = ev[k].PrintedPage > 0
			}
		}
		for q := range it.Questions {
			mark(it.Questions[q].Evidence)
		}
		for f := range it.Findings {
			mark(it.Findings[f].Evidence)
		}
	}
	// The requests of the last meeting are quoted from its minutes, an
	// item of the same pack.
	if len(inferred) > 0 {
		for i := range r.SinceLast {
			ev := &r.SinceLast[i].Evidence
			ev.PageInferred = ev.PrintedPage > 0
		}
	}
}

// printedPageOf is the printed page of the first passage that holds
// quote, read without table bars and spacing; 0 when none does.
func printedPageOf(quote string, ps []corpus.Passage) int {
	flat := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "|", " ")), " ") }
	q := flat(quote)
	if len(q) < 8 {
		return 0
	}
	for _, p := range ps {
		if p.PrintedPage > 0 && strings.Contains(flat(p.Text), q) {
			return p.PrintedPage
		}
	}
	return 0
}
