package analysis

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/findings"
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/questions"
	"github.com/scrutineer/scrutineer/analysis/scope"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus"
)

// Analyzer turns committee papers into themes and challenge questions
// using a bank of key lines of enquiry. It is safe for concurrent use.
type Analyzer struct {
	bank *bank.Bank
	m    *themes.Matcher
	q    *questions.Asker
}

// New returns an Analyzer for a bank (normally bank.Default()).
func New(b *bank.Bank) *Analyzer {
	m := themes.NewMatcher(b)
	return &Analyzer{bank: b, m: m, q: questions.NewAsker(b, m)}
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
	return a.analyse(ctx, doc, []corpus.Item{whole})
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
	return a.analyse(ctx, doc, BriefItems(doc.Items))
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
	return a.analyse(ctx, &corpus.Document{Source: source, Meta: meta}, items)
}

// analyse runs the stages over items of one document: each item's
// sentences, facts and figures first, then the checks (which may look
// across the pack), themes and questions.
func (a *Analyzer) analyse(ctx context.Context, doc *corpus.Document, items []corpus.Item) (*Report, error) {
	r := &Report{Source: doc.Source, Meta: doc.Meta, Items: []ItemReport{}}
	pack := &findings.Pack{}
	preps := make([]*prepared, 0, len(items))
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := a.prepare(doc, it)
		if p.scoped {
			r.Warnings = append(r.Warnings, fmt.Sprintf("item %s covers every service of the council: only its children's services sections were read", itemName(it)))
		}
		if p.cut > 0 {
			r.Warnings = append(r.Warnings, fmt.Sprintf("item %s: only the first %d words of %d were analysed", itemName(it), ItemWords, p.cut))
		}
		preps = append(preps, p)
		pack.Items = append(pack.Items, p.find)
	}
	next := findings.NextMeeting(packTexts(doc, items), meetingDate(doc.Meta))
	for _, p := range preps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p.find.Pack, p.find.NextMeeting = pack, next
		r.Items = append(r.Items, a.finish(p))
	}
	numberFindings(r)
	if len(doc.Pages) > 0 {
		locate(doc, r)
	}
	return r, nil
}

func itemName(it corpus.Item) string {
	if it.Number != "" {
		return it.Number
	}
	return strconv.Quote(it.Title)
}

// locate moves each cited page, of questions and findings, to the page
// whose text holds the quote: a passage that runs over a page break starts
// on one page and may be quoted from the next.
func locate(doc *corpus.Document, r *Report) {
	cleaned := make([]string, len(doc.Pages))
	page := func(n int) string {
		if cleaned[n-1] == "" {
			cleaned[n-1] = figures.Clean(doc.Pages[n-1].Text)
		}
		return cleaned[n-1]
	}
	var all [][]Evidence
	for i := range r.Items {
		for _, q := range r.Items[i].Questions {
			all = append(all, q.Evidence)
		}
		for _, f := range r.Items[i].Findings {
			all = append(all, f.Evidence)
		}
	}
	for _, ev := range all {
		for k := range ev {
			q := figures.Clean(ev[k].Quote)
			if ev[k].Page < 1 || ev[k].Page > len(doc.Pages) || strings.Contains(page(ev[k].Page), q) {
				continue
			}
			found := false
			for n := ev[k].Page + 1; n <= len(doc.Pages) && n <= ev[k].Page+3; n++ {
				if strings.Contains(page(n), q) {
					ev[k].Page, ev[k].PrintedPage = n, doc.Pages[n-1].Printed
					found = true
					break
				}
			}
			if !found {
				// The quote runs over a page break, or the page's text
				// orders the words differently: keep the longest leading
				// part the page holds, when it says enough.
				if pre := onPage(q, page(ev[k].Page)); len(pre) >= 30 {
					ev[k].Quote = pre
				}
			}
		}
	}
}

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

// onPage returns the longest run of q's leading words that page holds.
func onPage(q, page string) string {
	words := strings.Fields(q)
	for n := len(words) - 1; n > 0; n-- {
		pre := strings.Join(words[:n], " ")
		if strings.Contains(page, pre) {
			return strings.TrimRight(pre, ",;:")
		}
	}
	return ""
}

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
	p.insp, p.facts, p.inRecs = a.itemFacts(p.it, p.all)
	sentences := figures.Sentences(p.it.Passages)
	figures.SetOwners(sentences, meta.Council)
	tables := itemTables(doc, p.it, p.scoped)
	p.find = &findings.Item{
		Number: it.Number, Title: it.Title, Kind: it.Kind,
		Sentences: sentences, Tables: tables,
		Indicators: figures.Read(sentences, tables),
	}
	p.find.Meeting = meetingDate(meta)
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
func itemTables(doc *corpus.Document, it corpus.Item, scoped bool) []figures.Table {
	var pages []corpus.Page
	if len(doc.Pages) > 0 && !scoped && it.StartPage >= 1 && it.EndPage <= len(doc.Pages) && it.StartPage <= it.EndPage {
		pages = doc.Pages[it.StartPage-1 : it.EndPage]
	} else {
		for _, ps := range it.Passages {
			if n := len(pages); n > 0 && pages[n-1].Number == ps.Page {
				pages[n-1].Text += "\n\n" + ps.Text
				continue
			}
			pages = append(pages, corpus.Page{Number: ps.Page, Printed: ps.PrintedPage, Text: ps.Text})
		}
	}
	var out []figures.Table
	for i := range pages {
		out = append(out, figures.PageTables(&pages[i])...)
	}
	return out
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

// finish finds an item's themes, runs the checks and words its questions.
func (a *Analyzer) finish(p *prepared) ItemReport {
	it := p.it
	ir := ItemReport{
		Number: it.Number, Title: it.Title, Kind: it.Kind,
		StartPage: it.StartPage, EndPage: it.EndPage,
		PrintedStart: it.PrintedStart, PrintedEnd: it.PrintedEnd,
		Exempt: it.Exempt, Themes: []ThemeScore{}, Questions: []Question{},
	}
	if len(it.Passages) == 0 {
		return ir
	}
	if ir.StartPage == 0 {
		ir.StartPage, ir.EndPage = pageRange(it.Passages)
	}
	ms := a.itemThemes(it, p.all, p.insp, p.facts)
	for _, tm := range ms {
		ir.Themes = append(ir.Themes, ThemeScore{ID: tm.Theme.ID, Title: tm.Theme.Title, Score: tm.Score})
	}
	found := findings.Find(p.find)
	minutes := it.Kind == corpus.KindMinutes || strings.Contains(strings.ToLower(it.Title), "minutes")
	// A case review's numbers are one case's ages and days; a work
	// programme's or forward plan's are its own rules ("5 clear days").
	noFigures := reCaseReview.MatchString(lead(it)) || reProgramme.MatchString(it.Title)
	qs, fs := a.q.Build(questions.Input{Passages: it.Passages, Themes: ms, Minutes: minutes, NoFigures: noFigures, All: p.all, Insp: p.insp, Facts: councilFacts(p.facts, p.find.Sentences), InRecs: p.inRecs, Findings: found})
	if qs != nil {
		ir.Questions = qs
	}
	ir.Findings = fs
	for i := range ir.Questions {
		if ti, ok := a.m.Index(ir.Questions[i].Theme); ok {
			ir.Questions[i].ThemeTitle = a.m.Themes()[ti].Title
		}
	}
	return ir
}

// reCaseReview names a review of one child's or one family's case.
var reCaseReview = regexp.MustCompile(`(?i)\b(?:serious case review|child safeguarding practice review|local child safeguarding practice review|rapid review|learning review|domestic homicide review|SCR|CSPR|LCSPR)\b`)

// reProgramme names a committee's work programme or the executive's
// forward plan.
var reProgramme = regexp.MustCompile(`(?i)\b(?:work programme|forward plan|key decisions? (?:forward )?plan)\b`)

// lead returns an item's title and the section headings of its first
// passages, one per line: where a report names itself ("Area SEND
// inspection of ...") when the extraction took its title for a heading.
func lead(it corpus.Item) string {
	var b strings.Builder
	b.WriteString(it.Title)
	b.WriteByte('\n')
	last := ""
	for _, p := range it.Passages[:min(len(it.Passages), 5)] {
		if p.Heading != "" && p.Heading != last {
			b.WriteString(p.Heading)
			b.WriteByte('\n')
			last = p.Heading
		}
	}
	return b.String()
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

// promote puts a theme first with at least inspectionFloor: an Ofsted
// inspection report is about the response to that inspection whatever
// else it covers.
func promote(ms []themes.ThemeMatch, id string, m *themes.Matcher) []themes.ThemeMatch {
	ti, ok := m.Index(id)
	if !ok {
		return ms
	}
	top := inspectionFloor
	if len(ms) > 0 && ms[0].Score > top {
		top = ms[0].Score
	}
	out := []themes.ThemeMatch{{Theme: m.Themes()[ti], Score: top}}
	for _, tm := range ms {
		if tm.Theme.ID == id {
			out[0].Share, out[0].Distinct, out[0].Passages = tm.Share, tm.Distinct, tm.Passages
			continue
		}
		out = append(out, tm)
	}
	return out
}

// inspectionFloor is the least score the inspection-response theme has on
// an inspection report.
const inspectionFloor = 0.6

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

// PassageThemes returns the ids of the themes one passage is about, best
// first (at most three), for the search index's theme field.
func (a *Analyzer) PassageThemes(p corpus.Passage) []string {
	return a.m.PassageThemes(p.Text)
}

// ItemMatches returns an item's per-theme evidence for the themes it is
// about (the themes Item reports): which passages engage each theme and
// with which signals.
func (a *Analyzer) ItemMatches(it corpus.Item) []themes.ThemeMatch {
	if len(it.Passages) == 0 {
		return nil
	}
	it.Passages, _ = budget(it.Passages, ItemWords)
	all := joinPassages(it.Passages)
	insp, facts, _ := a.itemFacts(it, all)
	return a.itemThemes(it, all, insp, facts)
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

// itemFacts recognises an inspection report and finds an item's facts:
// figures, trends, targets, concerns and, in an inspection report, each
// point of what needs to improve. It also returns the passages in a
// "what needs to improve" or "recommendations" section.
func (a *Analyzer) itemFacts(it corpus.Item, all string) (*inspection.Inspection, []figures.Fact, map[int]bool) {
	texts := make([]string, len(it.Passages))
	for i, p := range it.Passages {
		texts[i] = p.Text
	}
	facts := figures.FindFacts(texts)
	insp := inspection.Detect(lead(it) + all)
	inRecs := figures.RecommendationPassages(it.Passages)
	if insp != nil {
		facts = append(facts, figures.RecommendationFacts(it.Passages, inRecs, facts)...)
	}
	return insp, facts, inRecs
}

// itemThemes selects an item's themes: the themes its text and its facts
// are about (MatchTitled, withFacts), with an inspection report's response
// to the inspection first.
func (a *Analyzer) itemThemes(it corpus.Item, all string, insp *inspection.Inspection, facts []figures.Fact) []themes.ThemeMatch {
	counts, n := a.m.FactThemes(facts)
	ms := a.m.WithFacts(a.m.MatchTitled(it.Title, it.Passages), counts, n)
	if insp != nil && (len(insp.Judgements) > 0 || len(all) > 5000) {
		ms = promote(ms, "inspection-response", a.m)
	}
	return themes.Select(ms)
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
