// Package render owns the briefs a councillor takes into a meeting: it turns
// an analysis.Report into plain text for a terminal, paste-ready markdown
// for a briefing note, or one self-contained printable HTML page. All three
// share one view of the report, so an item's questions carry the same
// numbers, labels and page cites in every format.
package render

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// Format names an output format of a brief.
type Format string

// The formats a brief can be written in.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// Formats lists the valid formats, in the order help text shows them.
func Formats() []Format {
	return []Format{FormatText, FormatMarkdown, FormatHTML}
}

// ErrUnknownFormat is returned (wrapped) for a format name that is not one
// of Formats; a command line should treat it as a usage error.
var ErrUnknownFormat = errors.New("unknown format")

// ErrNilReport is returned when there is no report to render.
var ErrNilReport = errors.New("no report to render")

// ParseFormat returns the Format named s ("text", "markdown" or "html").
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("%w %q (want text, markdown or html)", ErrUnknownFormat, s)
}

// Write renders r to w in the named format: "text", "markdown" or "html",
// with the default options (a compact brief).
func Write(w io.Writer, format string, r *analysis.Report) error {
	return WriteWith(w, format, r, Options{})
}

// WriteWith renders r to w in the named format with options.
func WriteWith(w io.Writer, format string, r *analysis.Report, opts Options) error {
	f, err := ParseFormat(format)
	if err != nil {
		return err
	}
	return f.WriteWith(w, r, opts)
}

// Write renders r to w in format f with the default options.
func (f Format) Write(w io.Writer, r *analysis.Report) error { return f.WriteWith(w, r, Options{}) }

// WriteWith renders r to w in format f with options.
func (f Format) WriteWith(w io.Writer, r *analysis.Report, opts Options) error {
	switch f {
	case FormatText:
		return TextWith(w, r, opts)
	case FormatMarkdown:
		return MarkdownWith(w, r, opts)
	case FormatHTML:
		return HTMLWith(w, r, opts)
	}
	return fmt.Errorf("%w %q (want text, markdown or html)", ErrUnknownFormat, string(f))
}

// Options shape a brief. The zero value is the default: a compact brief
// that fits a long pack on a few pages.
type Options struct {
	// Full keeps everything: every question, each with its theme and all
	// its evidence quoted in full.
	Full bool
	// Questions is the most questions an item shows, its lead questions
	// among them (0: DefaultQuestions; ignored with Full). An inspection's
	// improvement points are always shown.
	Questions int
	// Item keeps only the item with this number ("": every item).
	Item string
	// Width is the text brief's width in columns (0: Width).
	Width int
	// Bold marks the text brief's headings and lead questions in bold for
	// a terminal (ANSI); off for a file, a pipe or NO_COLOR.
	Bold bool
}

// DefaultQuestions is how many questions an item shows by default.
const DefaultQuestions = 5

// compactQuote is how long a quote runs in the default brief.
const compactQuote = 180

// ErrNoSuchItem is returned (wrapped) when Options.Item names no item.
var ErrNoSuchItem = errors.New("no such item")

// sameItem reports whether an item numbered number is the one asked for.
func sameItem(number, asked string) bool {
	return number != "" && strings.EqualFold(clean(number), clean(asked))
}

// SelectItem returns a copy of r that holds only the item numbered num
// (compared as printed, ignoring case and spacing), without the requests
// of the last meeting, which belong to the whole pack. It returns
// ErrNoSuchItem, wrapped with the item numbers r has, when none matches.
func SelectItem(r *analysis.Report, num string) (*analysis.Report, error) {
	var nums []string
	for _, it := range r.Items {
		if sameItem(it.Number, num) {
			out := *r
			out.Items = []analysis.ItemReport{it}
			out.SinceLast = nil
			return &out, nil
		}
		if it.Number != "" {
			nums = append(nums, it.Number)
		}
	}
	if len(nums) == 0 {
		return nil, fmt.Errorf("%w %q: %s is read as one report, with no numbered agenda items", ErrNoSuchItem, num, clean(r.Source))
	}
	return nil, fmt.Errorf("%w %q: the brief's items are %s", ErrNoSuchItem, num, strings.Join(nums, ", "))
}

// Kind labels, in plain words, in the order a brief groups questions.
type kindLabel struct{ kind, label, hint string }

var kindLabels = []kindLabel{
	{analysis.KindEvidence, "From the report", "Questions about what the report says."},
	{analysis.KindGap, "Not in the report", "Questions about what you would expect to see and the report does not say."},
	{analysis.KindFollowup, "Follow-up", "Questions about earlier recommendations, plans or inspection findings."},
}

// howTo is the one-line guide at the top of every brief.
const howTo = "Each item lists the themes it touches and questions you could ask, " +
	"grouped by what prompted them. Page numbers are those printed on the pack, " +
	"with the PDF page in brackets; quotes are the report's own words."

// evidenceCite names the page evidence is on: "≈ p. N" where the
// printed page was worked out, else as Cite.
func evidenceCite(e analysis.Evidence) string {
	if e.PageInferred && e.PrintedPage > 0 {
		return fmt.Sprintf("≈ p. %d", e.PrintedPage)
	}
	return Cite(e.Page, e.PrintedPage)
}

// inferredNote says how a page marked ≈ was worked out.
const inferredNote = "Pages marked ≈ were worked out from the agenda's page ranges and the \"Agenda Item\" stamps on the pages: the file has no page breaks."

// noItems and noQuestions are the empty states.
const (
	noItems     = "No agenda items were found to brief on in this file."
	noQuestions = "No questions were raised for this item."
	noThemes    = "No themes matched."
	exemptNote  = "Exempt item: its report is not public. Ask these questions only " +
		"once the press and public have been excluded."
)

// brief is the format-neutral view of a report every renderer draws from.
type brief struct {
	Heading   string // committee, or a fallback
	Council   string
	Committee string
	Date      string // long form, e.g. "Wednesday 14 October 2026", with the time when known ("at 6.00 pm")
	DateISO   string // YYYY-MM-DD, "" when the date did not parse
	Source    string
	HowTo     string
	NoItems   string
	Items     []itemView
	// NationalNote says where the national figures come from and how old
	// they are, "" when no item uses them.
	NationalNote string
	// SinceLast are the last meeting's requests and what this pack says
	// about each.
	SinceLast []sinceView
}

// sinceView is a request of the last meeting and its answer in this pack.
type sinceView struct {
	Text, Cite string
	// Answer names the item that answers it, or says none does.
	Answer   string
	Answered bool
}

type itemView struct {
	Anchor string // unique HTML id
	Label  string // "Item 5"; "Document" or "Unnumbered" without a number
	Title  string
	Kind   string // "Report", "Minutes", ...
	Pages  string // "pp. 11–28 (PDF pp. 13–30)"
	Facts  string // Kind and Pages as one line: "Report, pp. 11–28 (PDF pp. 13–30)"
	Exempt bool
	Themes []themeView
	Groups []groupView
	// National are the item's measures set against DfE's published
	// figures.
	National []nationalRow
	// Inspection is the inspection an Ofsted report's item is: its dates,
	// grades and strengths; nil for other items.
	Inspection *inspectionView
	// Summary says what the paper is, what it asks and its headline
	// figure.
	Summary string
	// Watch are the indicators off target or getting worse, one row each.
	Watch []watchRow
	// More is how many questions the brief left out (see Options); MoreNote
	// says so.
	More     int
	MoreNote string
	// PagesNote says that pages marked ≈ were worked out, "" when none
	// was.
	PagesNote string
	Count     int // number of questions
	Empty     string
	NoThemes  string
	ExemptMsg string
}

type themeView struct {
	ID, Title, Score string
}

type groupView struct {
	Kind, Label, Hint string
	Questions         []questionView
}

type questionView struct {
	N     int
	Lead  bool
	Text  string
	Theme string // theme title
	// Found names the check whose finding the question asks about
	// ("Missed target"), "" for a question from no finding.
	Found string
	Cites []citeView
}

type citeView struct {
	Cite  string // "p. 14 (PDF p. 16)"
	Quote string
	// Reading is a table row read with its headings, shown instead of
	// the row's run of cells; "" for a quote of prose.
	Reading string
}

// view builds the shared view of r.
func view(r *analysis.Report, opts Options) (*brief, error) {
	if r == nil {
		return nil, ErrNilReport
	}
	b := &brief{
		Council:   clean(r.Meta.Council),
		Committee: clean(r.Meta.Committee),
		Date:      clean(r.Meta.Date),
		Source:    clean(r.Source),
		HowTo:     howTo,
		NoItems:   noItems,
	}
	if t, err := time.Parse("2006-01-02", b.Date); err == nil {
		b.DateISO, b.Date = b.Date, t.Format("Monday 2 January 2006")
		if c, err := time.Parse("15:04", r.Meta.Time); err == nil {
			b.Date += " at " + c.Format("3.04 pm")
		}
	}
	if len(r.Items) == 1 && r.Items[0].Inspection != nil && b.Committee == "" {
		// An inspection report on its own is not a meeting's pack: its
		// dates are the inspection's, shown with its grades.
		b.Date, b.DateISO = "", ""
		if b.Council == "" {
			b.Council = clean(r.Items[0].Inspection.Council)
		}
	}
	b.Heading = b.Committee
	if b.Heading == "" {
		b.Heading = "Scrutiny brief"
	}
	seen := map[string]int{}
	if opts.Item != "" {
		if _, err := SelectItem(r, opts.Item); err != nil {
			return nil, err
		}
	}
	var kept []analysis.ItemReport
	for i, it := range r.Items {
		if opts.Item != "" && !sameItem(it.Number, opts.Item) {
			continue
		}
		kept = append(kept, it)
		b.Items = append(b.Items, itemOf(i, len(r.Items) == 1, it, seen, opts))
		if opts.Item != "" {
			break // the first of that number, as SelectItem picks
		}
	}
	b.NationalNote = nationalNote(kept)
	if opts.Item == "" {
		for _, rq := range r.SinceLast {
			sv := sinceView{Text: shorten(clean(rq.Text), compactQuote), Cite: evidenceCite(rq.Evidence), Answer: "not answered in this pack"}
			if rq.Item != "" {
				sv.Answer, sv.Answered = "item "+clean(rq.Item)+", "+clean(rq.Title), true
			}
			b.SinceLast = append(b.SinceLast, sv)
		}
	}
	return b, nil
}

// itemOf builds the view of the i-th item; only is true when it is the
// report's one item (an `ask` of a single report).
func itemOf(i int, only bool, it analysis.ItemReport, seen map[string]int, opts Options) itemView {
	v := itemView{
		Title:     clean(it.Title),
		Kind:      kindWord(it.Kind),
		Pages:     PageRange(it.StartPage, it.EndPage, it.PrintedStart, it.PrintedEnd),
		Exempt:    it.Exempt,
		Empty:     noQuestions,
		NoThemes:  noThemes,
		ExemptMsg: exemptNote,
	}
	var facts []string
	for _, f := range []string{v.Kind, v.Pages} {
		if f != "" {
			facts = append(facts, f)
		}
	}
	v.Facts = strings.Join(facts, ", ")
	num := clean(it.Number)
	if num != "" {
		v.Label = "Item " + num
	} else if only {
		v.Label = "Document"
	} else {
		v.Label = "Unnumbered"
	}
	if v.Title == "" {
		v.Title = "Untitled"
	}
	v.Anchor = anchor(num, i, seen)
	v.National = nationalRows(it.Indicators)
	v.Summary = clean(it.Summary)
	v.Watch = watchRows(it.Findings)
	it.Questions, v.More = trimQuestions(it.Questions, opts)
	inferred := false
	if v.More > 0 {
		noun := "questions"
		if v.More == 1 {
			noun = "question"
		}
		v.MoreNote = fmt.Sprintf("%d more %s in the full brief (--full).", v.More, noun)
	}
	titles := map[string]string{}
	for _, t := range it.Themes {
		tv := themeView{ID: clean(t.ID), Title: clean(t.Title), Score: score(t.Score)}
		if tv.Title == "" {
			tv.Title = tv.ID
		}
		titles[t.ID] = tv.Title
		v.Themes = append(v.Themes, tv)
	}
	found := map[string]string{}
	for _, f := range it.Findings {
		found[f.ID] = findingLabel(f)
	}
	// Group by kind, the group of the most important question first (the
	// report lists them most important first); unknown kinds come last.
	// An inspection's questions are grouped as a panel takes them: the
	// improvement points, the questions after every inspection, the
	// concerns of the findings, then the rest.
	n := 0
	add := func(kind, label, hint string, match func(analysis.Question) bool) {
		g := groupView{Kind: kind, Label: label, Hint: hint}
		for _, q := range it.Questions {
			if !match(q) {
				continue
			}
			n++
			qv := questionView{N: n, Lead: q.Lead, Text: clean(q.Text), Theme: titles[q.Theme], Found: found[q.Finding]}
			if qv.Theme == "" {
				qv.Theme = clean(q.ThemeTitle)
			}
			if qv.Theme == "" {
				qv.Theme = clean(q.Theme)
			}
			quote := maxQuote
			if !opts.Full {
				if _, listed := titles[q.Theme]; listed {
					qv.Theme = "" // the item's themes are listed once above
				}
				quote = compactQuote
			}
			for k, e := range q.Evidence {
				if k > 0 && !opts.Full && len(q.Evidence) > 2 {
					break // the default shows a question's first two sources
				}
				c := citeView{Cite: evidenceCite(e), Quote: shorten(clean(e.Quote), quote)}
				inferred = inferred || e.PageInferred && e.PrintedPage > 0
				if q.Improvement > 0 {
					c.Quote = clean(e.Quote) // a point is quoted whole
				}
				if r := clean(e.Reading); r != "" {
					c.Quote, c.Reading = "", shorten(r, maxQuote)
				}
				if quotedIn(qv.Text, c.Quote, q.Improvement == 0) {
					c.Quote = "" // the question already quotes it
				}
				qv.Cites = append(qv.Cites, c)
			}
			g.Questions = append(g.Questions, qv)
		}
		if len(g.Questions) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	taken := func(analysis.Question) bool { return false }
	if slices.ContainsFunc(it.Questions, func(q analysis.Question) bool { return q.Lead }) && it.Inspection == nil {
		add("lead", "Lead questions", "The most serious findings: ask these first.", func(q analysis.Question) bool { return q.Lead })
		taken = func(q analysis.Question) bool { return q.Lead }
	}
	if it.Inspection != nil {
		v.Inspection = inspectionOf(it.Inspection)
		for _, g := range inspectionGroups {
			add(g.kind, g.label, g.hint, g.match)
		}
		taken = func(q analysis.Question) bool {
			return slices.ContainsFunc(inspectionGroups, func(g inspectionGroup) bool { return g.match(q) })
		}
	}
	known := map[string]bool{}
	labels := slices.Clone(kindLabels)
	first := func(kind string) int {
		if i := slices.IndexFunc(it.Questions, func(q analysis.Question) bool { return q.Kind == kind }); i >= 0 {
			return i
		}
		return len(it.Questions)
	}
	slices.SortStableFunc(labels, func(a, b kindLabel) int { return first(a.kind) - first(b.kind) })
	for _, k := range labels {
		known[k.kind] = true
		add(k.kind, k.label, k.hint, func(q analysis.Question) bool { return q.Kind == k.kind && !taken(q) })
	}
	add("other", "Other questions", "", func(q analysis.Question) bool { return !known[q.Kind] && !taken(q) })
	v.Count = n
	if inferred {
		v.PagesNote = inferredNote
	}
	return v
}

// findingLabel names the check behind a finding in words ("missed-target"
// reads "Missed target"), marking a strength.
func findingLabel(f report.Finding) string {
	s := strings.ReplaceAll(clean(f.Kind), "-", " ")
	if s == "" {
		return ""
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if f.Strength && f.Kind != "strength" {
		s += " (a strength)"
	}
	return s
}

// anchor returns a unique HTML id for an item.
func anchor(num string, i int, seen map[string]int) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(num) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			sb.WriteRune(r)
		}
	}
	id := "item-" + sb.String()
	if sb.Len() == 0 {
		id = "item-" + strconv.Itoa(i+1)
	}
	seen[id]++
	if c := seen[id]; c > 1 {
		id += "-" + strconv.Itoa(c)
		seen[id]++
	}
	return id
}

// maxQuote is the most of a quote a brief shows, in runes: enough for a
// sentence or two a councillor can read out. The JSON report keeps it whole.
const maxQuote = 320

// shorten cuts s to at most n runes, at the end of a sentence when one
// ends in the second half of the limit, else at a word boundary, marking
// the cut with an ellipsis. What is kept is still the report's own words.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n])
	if i := strings.LastIndexAny(cut, ".?!;"); i >= len(cut)/2 {
		return cut[:i+1] + " …"
	}
	if r[n] != ' ' { // the cut fell inside a word: drop its start
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, " ,:") + " …"
}

// Cite renders a page cite as councillors speak of it: the number printed
// on the page first, with the file's own (PDF) page in brackets when the
// two differ, or the PDF page alone when no printed number is known, as in
// "p. 63 (PDF p. 65)", "p. 12" or "PDF p. 7". Numbers below 1 count as
// unknown; with neither known it returns "page unknown".
func Cite(page, printed int) string {
	switch {
	case printed > 0 && page > 0 && printed != page:
		return fmt.Sprintf("p. %d (PDF p. %d)", printed, page)
	case printed > 0:
		return fmt.Sprintf("p. %d", printed)
	case page > 0:
		return fmt.Sprintf("PDF p. %d", page)
	}
	return "page unknown"
}

// PageRange renders an item's pages the same way: the printed range first,
// with the PDF range in brackets when they differ ("pp. 11–28 (PDF pp.
// 13–30)"), or the PDF range alone ("PDF p. 5"). start and end are PDF
// pages, pstart and pend printed ones; a start below 1 is unknown and an
// end not after its start gives a single page. With neither range known it
// returns "".
func PageRange(start, end, pstart, pend int) string {
	phys := span(start, end)
	printed := span(pstart, pend)
	if start > 0 && start == end && pend > pstart {
		phys = "" // many printed pages on one page of the file: a text pack without page breaks
	}
	switch {
	case printed != "" && phys != "" && printed != phys:
		return fmt.Sprintf("%s (PDF %s)", printed, phys)
	case printed != "":
		return printed
	case phys != "":
		return "PDF " + phys
	}
	return ""
}

func span(a, b int) string {
	switch {
	case a <= 0:
		return ""
	case b <= a:
		return fmt.Sprintf("p. %d", a)
	}
	return fmt.Sprintf("pp. %d–%d", a, b)
}

// score renders a theme score in [0, 1] with two decimals.
func score(s float64) string {
	if s != s { // NaN
		s = 0
	}
	if s < 0 {
		s = 0
	}
	if s > 1 {
		s = 1
	}
	return strconv.FormatFloat(s, 'f', 2, 64)
}

func kindWord(k corpus.Kind) string {
	switch k {
	case corpus.KindAgenda:
		return "Agenda"
	case corpus.KindMinutes:
		return "Minutes"
	case corpus.KindReport:
		return "Report"
	case corpus.KindAppendix:
		return "Appendix"
	case "":
		return ""
	}
	return "Other"
}

// clean collapses runs of white space (PDF text keeps line breaks and
// double spaces) and drops control characters.
func clean(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == 0x85 || r == 0xA0 || r == 0x2028 || r == 0x2029:
			space = true
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// control characters carry nothing a reader needs
		default:
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// quotedIn reports whether a question's text already quotes a quote: the
// whole of it, or (with part) its first words when the question quotes a
// part of it. An inspection's point is shown whole unless the question
// quotes it whole.
func quotedIn(text, quote string, part bool) bool {
	q := strings.TrimRight(strings.TrimSuffix(quote, " …"), ". ")
	if len(q) <= 20 {
		return false
	}
	if strings.Contains(text, q) {
		return true
	}
	if !part {
		return false
	}
	const lead = 60 // bytes of the quote's start that identify it
	if len(q) > lead {
		head := q[:lead]
		for len(head) > 0 && !utf8.RuneStart(head[len(head)-1]) {
			head = head[:len(head)-1]
		}
		return strings.Contains(text, head)
	}
	return false
}
