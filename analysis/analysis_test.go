package analysis

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// smallBank is a bank of three themes written for these tests, so the
// matcher's behaviour can be checked without the default bank's data.
func smallBank() *bank.Bank {
	return &bank.Bank{Themes: []*bank.Theme{
		{ID: "fostering", Title: "Fostering", Signals: []string{"foster carers", "fostering", "connected persons", "kinship care", "deregistration"},
			Lines: []bank.Line{
				{ID: "fostering-1", Question: "How many foster carers did we approve and lose this year, and why did they leave?", Evidence: []bank.EvidenceKind{bank.Figure, bank.Trend}},
				{ID: "fostering-2", Question: "What do foster carers say about the support they get?", Evidence: []bank.EvidenceKind{bank.Views}},
			}},
		{ID: "care-leavers", Title: "Care leavers", Signals: []string{"care leavers", "pathway plan", "personal adviser", "staying put", "NEET"},
			Lines: []bank.Line{
				{ID: "care-leavers-1", Question: "How many care leavers are in education, employment or training compared with similar councils?", Evidence: []bank.EvidenceKind{bank.Figure, bank.Comparison}},
			}},
		{ID: "workforce", Title: "Social work workforce", Signals: []string{"social workers", "agency staff", "caseloads", "vacancies", "turnover"},
			Lines: []bank.Line{
				{ID: "workforce-1", Question: "What is our vacancy rate and how many posts are filled by agency staff?", Evidence: []bank.EvidenceKind{bank.Figure, bank.Comparison}},
			}},
	}}
}

func passages(texts ...string) []corpus.Passage {
	out := make([]corpus.Passage, len(texts))
	for i, t := range texts {
		out[i] = corpus.Passage{Item: "5", Page: i + 1, Text: t}
	}
	return out
}

func TestMatchPicksTheTheme(t *testing.T) {
	m := NewMatcher(smallBank())
	tests := []struct {
		name string
		text []string
		want []string
	}{
		{"fostering", []string{
			"We approved 12 new foster carers and 9 households left through deregistration.",
			"Recruitment of foster carers remains hard; fostering enquiries fell and connected persons assessments rose.",
			"Kinship care arrangements grew to 66 households.",
		}, []string{"fostering"}},
		{"care leavers via jargon", []string{
			"Of our care experienced young people, 61% are NEET and 40% have an up to date pathway plan.",
			"Every care leaver has a personal adviser; staying put arrangements rose to 28.",
		}, []string{"care-leavers"}},
		{"procedural", []string{"Apologies for absence were received from Councillor Smith.", "The minutes were agreed."}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tm := range Select(m.Match(passages(tc.text...))) {
				got = append(got, tm.Theme.ID)
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("themes %v, want %v", got, tc.want)
			}
		})
	}
}

func TestMatchKeepsPassageEvidence(t *testing.T) {
	m := NewMatcher(smallBank())
	ms := m.Match(passages("The budget was agreed.", "Agency staff cover 30% of social workers posts and caseloads are high."))
	if len(ms) == 0 || ms[0].Theme.ID != "workforce" {
		t.Fatalf("want workforce first, got %+v", ms)
	}
	if p := ms[0].Passages[0]; p.Passage != 1 || len(p.Signals) < 2 {
		t.Errorf("want passage 1 with its signals, got %+v", p)
	}
}

func TestCalibrate(t *testing.T) {
	tests := []struct {
		share    float64
		distinct int
		lo, hi   float64
	}{
		{0, 5, 0, 0},
		{halfShare, 100, 0.49, 0.51},
		{1, 100, 0.99, 1},
		{0.5, 1, 0.3, 0.6},
	}
	for _, tc := range tests {
		if got := calibrate(tc.share, tc.distinct); got < tc.lo || got > tc.hi {
			t.Errorf("calibrate(%v, %d) = %v, want in [%v, %v]", tc.share, tc.distinct, got, tc.lo, tc.hi)
		}
	}
}

func TestSelect(t *testing.T) {
	th := func(id string) *bank.Theme { return &bank.Theme{ID: id} }
	ms := []ThemeMatch{{Theme: th("a"), Score: 0.9}, {Theme: th("b"), Score: 0.5}, {Theme: th("c"), Score: 0.32}, {Theme: th("d"), Score: 0.31}, {Theme: th("e"), Score: 0.3}, {Theme: th("f"), Score: 0.3}, {Theme: th("g"), Score: 0.3}}
	got := Select(ms)
	if len(got) > maxThemes || got[0].Theme.ID != "a" {
		t.Errorf("Select kept %d themes starting %s", len(got), got[0].Theme.ID)
	}
	for _, g := range got {
		if g.Score < relTheme*0.9 {
			t.Errorf("kept %s at %v below the relative cut", g.Theme.ID, g.Score)
		}
	}
	if got := Select([]ThemeMatch{{Theme: th("a"), Score: 0.1}}); got != nil {
		t.Errorf("weak theme kept: %+v", got)
	}
	// When one theme clears the bar, the runner-up is kept from
	// secondTheme; a third theme at that level is not.
	tests := []struct {
		name string
		ms   []ThemeMatch
		want []string
	}{
		{"runner-up kept", []ThemeMatch{{Theme: th("a"), Score: 0.9}, {Theme: th("b"), Score: 0.31}, {Theme: th("c"), Score: 0.31}}, []string{"a", "b"}},
		{"runner-up too weak", []ThemeMatch{{Theme: th("a"), Score: 0.9}, {Theme: th("b"), Score: 0.25}}, []string{"a"}},
		{"runner-up below the relative cut", []ThemeMatch{{Theme: th("a"), Score: 1.2}, {Theme: th("b"), Score: 0.33}}, []string{"a"}},
		{"two themes already", []ThemeMatch{{Theme: th("a"), Score: 0.9}, {Theme: th("b"), Score: 0.4}, {Theme: th("c"), Score: 0.34}}, []string{"a", "b"}},
		{"best theme just short of minTheme", []ThemeMatch{{Theme: th("a"), Score: 0.33}, {Theme: th("b"), Score: 0.31}, {Theme: th("c"), Score: 0.3}}, []string{"a", "b"}},
	}
	for _, tc := range tests {
		var got []string
		for _, tm := range Select(tc.ms) {
			got = append(got, tm.Theme.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: Select = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestWithFacts(t *testing.T) {
	m := NewMatcher(smallBank())
	fostering, workforce := m.themes[0], m.themes[2]
	ms := []ThemeMatch{{Theme: fostering, Score: 0.6, Distinct: 4}, {Theme: workforce, Score: 0.2, Distinct: 3}}
	tests := []struct {
		name   string
		counts []int // per theme of smallBank: fostering, care-leavers, workforce
		n      int
		want   []string
		raised bool // workforce's score raised
	}{
		{"facts keep coming back to the workforce", []int{2, 0, 4}, 8, []string{"workforce", "fostering"}, true},
		{"too few facts to count", []int{2, 0, 2}, 4, []string{"fostering", "workforce"}, false},
		{"a small share of many facts", []int{40, 0, 3}, 60, []string{"fostering", "workforce"}, false},
		{"no facts", []int{0, 0, 0}, 0, []string{"fostering", "workforce"}, false},
	}
	for _, tc := range tests {
		got := m.withFacts(ms, tc.counts, tc.n)
		var ids []string
		for _, tm := range got {
			ids = append(ids, tm.Theme.ID)
		}
		if !slices.Equal(ids, tc.want) {
			t.Errorf("%s: order %v, want %v", tc.name, ids, tc.want)
		}
		for _, tm := range got {
			if tm.Theme == workforce && (tm.Score > 0.2) != tc.raised {
				t.Errorf("%s: workforce scores %.3f, raised %v", tc.name, tm.Score, tc.raised)
			}
			if tm.Theme == fostering && tm.Score < 0.6 {
				t.Errorf("%s: fostering lowered to %.3f", tc.name, tm.Score)
			}
		}
	}
	if ms[1].Score != 0.2 {
		t.Errorf("withFacts changed its argument")
	}
	// A theme with almost no text of its own is not raised by facts.
	weak := []ThemeMatch{{Theme: fostering, Score: 0.6, Distinct: 4}, {Theme: workforce, Score: factFloor / 2, Distinct: 1}}
	if got := m.withFacts(weak, []int{0, 0, 5}, 6); got[1].Score != factFloor/2 {
		t.Errorf("weak theme raised to %.3f", got[1].Score)
	}
}

func TestFactThemes(t *testing.T) {
	m := NewMatcher(smallBank())
	facts := []fact{
		{text: "Caseloads rose to 24 and agency staff filled 23% of posts.", quote: "Caseloads rose to 24 and agency staff filled 23% of posts."},
		{text: "We approved 31 new foster carers and had 45 deregistrations.", quote: "We approved 31 new foster carers and had 45 deregistrations."},
		{text: "The meeting closed at 8.12 pm on the day.", quote: "The meeting closed at 8.12 pm on the day."},
		{text: "Too short.", quote: "Too short."},
	}
	counts, n := m.factThemes(facts)
	if n != 3 {
		t.Errorf("counted %d facts, want 3 (one too short to quote)", n)
	}
	if want := []int{1, 0, 1}; !slices.Equal(counts, want) {
		t.Errorf("counts = %v, want %v", counts, want)
	}
}

func TestPassageThemes(t *testing.T) {
	a := New(smallBank())
	got := a.PassageThemes(corpus.Passage{Text: "Foster carers told us fostering support improved; 12 foster carers were approved."})
	if len(got) == 0 || got[0] != "fostering" {
		t.Errorf("PassageThemes = %v", got)
	}
	if got := a.PassageThemes(corpus.Passage{Text: "The meeting closed at 8pm."}); len(got) != 0 {
		t.Errorf("PassageThemes of nothing = %v", got)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Numbers rose to 5.5% this year. Approvals fell.", []string{"Numbers rose to 5.5% this year.", "Approvals fell."}},
		{"See e.g. the plan. It is late.", []string{"See e.g. the plan.", "It is late."}},
		{"- first point\n- second point", []string{"- first point", "- second point"}},
		{"| Measure | 74% | 90% | Red |\n|---|---|---|---|\n| Other | 1 | 2 | Green |", []string{"| Measure | 74% | 90% | Red |", "| Other | 1 | 2 | Green |"}},
		{"Cllr. Smith asked a question. The answer came.", []string{"Cllr. Smith asked a question.", "The answer came."}},
		// Table rows laid out as lines, then a paragraph: one span per row,
		// then the paragraph's sentences.
		{"Children in care 42 11 8\nFostering and adoption 18 3 2\nTotal 178 41 32\n2.2 The vacancy rate was 18% (32 posts), and 23% were agency staff. Most vacancies are covered by agency staff.",
			[]string{"Children in care 42 11 8", "Fostering and adoption 18 3 2", "Total 178 41 32", "2.2 The vacancy rate was 18% (32 posts), and 23% were agency staff.", "Most vacancies are covered by agency staff."}},
	}
	for _, tc := range tests {
		var got []string
		for _, sp := range sentences(tc.in) {
			got = append(got, strings.TrimSpace(tc.in[sp.start:sp.end]))
		}
		if strings.Join(got, "\x00") != strings.Join(tc.want, "\x00") {
			t.Errorf("sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		sent  string
		table bool
		want  factKind
	}{
		{"Placement moves fell to 9%, down from 12% last year.", false, factTrend},
		{"Pathway plans up to date | 74% | 90% | Red", true, factRAG},
		{"Performance was 74% against a target of 90% for the year.", false, factTarget},
		{"The placements budget is forecast to overspend by £2.9 million.", false, factCost},
		{"Agency staff fill 19% of social worker posts.", false, factWorkforce},
		{"This compares with 71 per 10,000 for statistical neighbours and 70 for England.", false, factComparison},
		{"Initial health assessments were delayed for 14 children.", false, factDelay},
		{"Wexcombe currently has 89 mainstream fostering households.", false, factFigure},
		{"Data is not always robust and sometimes contradictory.", false, factConcern},
		{"We recommend that the council strengthens its oversight of caseloads.", false, factRecommendation},
		// What inspection reports say in words rather than figures.
		{"Wexcombe Borough Council is currently subject to an intervention notice.", false, factConcern},
		{"The service for care leavers falls well short of acceptable standards.", false, factConcern},
		{"Care leavers currently receive an unsatisfactory service.", false, factConcern},
		{"Leaders know the weaknesses, but corporately, the response has been slow.", false, factConcern},
		{"The council has faced unparalleled numbers of unaccompanied asylum-seeking children.", false, factTrend},
	}
	for _, tc := range tests {
		fs := classify(tc.sent, tc.table)
		found := false
		for _, f := range fs {
			if f.kind == tc.want {
				found = true
				if !strings.Contains(tc.sent, f.quote) {
					t.Errorf("%q: quote %q is not verbatim", tc.sent, f.quote)
				}
			}
		}
		if !found {
			t.Errorf("classify(%q) kinds %v, want %v", tc.sent, kinds(fs), tc.want)
		}
	}
	for _, s := range []string{"The meeting was held on 14 October 2026 in Room 3.", "Tel: 0151 934 2254", "We aim to avoid unnecessary delay for children."} {
		for _, f := range classify(s, false) {
			if f.kind == factFigure || f.kind == factDelay {
				t.Errorf("classify(%q) found %v", s, f.kind)
			}
		}
	}
}

func kinds(fs []fact) []factKind {
	var out []factKind
	for _, f := range fs {
		out = append(out, f.kind)
	}
	return out
}

func TestQuoteAround(t *testing.T) {
	long := strings.Repeat("the service continued to develop its offer, ", 8) + "and 23 children moved after a placement breakdown, which is more than last year; the team is reviewing every case."
	at := strings.Index(long, "23 children")
	q := quoteAround(long, at, at+11)
	if len(q) > maxQuote || !strings.Contains(q, "23 children") || !strings.Contains(clean(long), q) {
		t.Errorf("quote %q (len %d)", q, len(q))
	}
	if q := quoteAround("Short sentence.", 0, 0); q != "Short sentence." {
		t.Errorf("short quote %q", q)
	}
	// A quote starts at a clause, never inside a word's brackets.
	rec := "Recommendation(s) That the committee: (a) notes the outcome of the inspection; (b) comments on the improvement plan at Appendix A; and (c) agrees to receive a progress report on the plan at each meeting."
	for _, m := range []string{"notes the outcome", "agrees to receive"} {
		at := strings.Index(rec, m)
		if q := quoteAround(rec, at, at+len(m)); strings.HasPrefix(q, "s)") || !strings.Contains(q, m) || !strings.Contains(clean(rec), q) {
			t.Errorf("quote %q", q)
		}
	}
}

// TestItemQuotesAreOnTheirPages checks on the sample pack that every quote
// appears on the page it cites, that each substantive item gets 5 to 12
// questions, and that no question runs on.
func TestItemQuotesAreOnTheirPages(t *testing.T) {
	doc, err := corpus.Open(context.Background(), corpustest.Sample(t), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := New(testBank(t)).Brief(doc)
	if len(r.Items) == 0 {
		t.Fatal("no items")
	}
	for _, it := range r.Items {
		if len(it.Themes) > maxThemes {
			t.Errorf("item %s: %d themes", it.Number, len(it.Themes))
		}
		if len(it.Themes) > 0 && (len(it.Questions) < minQuestions || len(it.Questions) > maxQuestions) {
			t.Errorf("item %s: %d questions", it.Number, len(it.Questions))
		}
		for _, q := range it.Questions {
			if n := len(strings.Fields(q.Text)); n > 70 {
				t.Errorf("item %s: question of %d words: %s", it.Number, n, q.Text)
			}
			for _, e := range q.Evidence {
				page := clean(doc.Pages[e.Page-1].Text)
				if len(e.Quote) > maxQuote+10 || !strings.Contains(page, clean(e.Quote)) {
					t.Errorf("item %s: quote %q not on page %d", it.Number, e.Quote, e.Page)
				}
			}
		}
	}
}

// TestAskGolden keeps the questions for the sample pack's fostering report
// and for an Ofsted inspection report, so that changes show as diffs.
func TestAskGolden(t *testing.T) {
	a := New(testBank(t))
	t.Run("sample-fostering", func(t *testing.T) {
		doc, err := corpus.Open(context.Background(), corpustest.Sample(t), corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var one *corpus.Item
		for i := range doc.Items {
			if strings.Contains(strings.ToLower(doc.Items[i].Title), "fostering") {
				one = &doc.Items[i]
				break
			}
		}
		if one == nil {
			t.Fatal("no fostering report in the sample pack")
		}
		doc.Items = []corpus.Item{*one}
		golden(t, "testdata/golden/ask-sample-fostering.json", a.Ask(doc))
	})
	t.Run("ofsted-ilacs", func(t *testing.T) {
		p := corpustest.SharedFile(t, filepath.Join("testdata", "pdfs", "real", "ofsted", "ofsted-ilacs-kent-2026-02.pdf"))
		doc, err := corpus.Open(context.Background(), p, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := a.Ask(doc)
		if len(r.Items) != 1 || len(r.Items[0].Themes) == 0 || r.Items[0].Themes[0].ID != "inspection-response" {
			t.Errorf("inspection report not led by inspection-response: %+v", r.Items[0].Themes)
		}
		// The report is shared material, not the project's: its golden keeps
		// its themes, and each question's kind, theme and pages, and a fingerprint of
		// each question's words, so the report's text is not copied here.
		golden(t, "testdata/golden/ask-ofsted-ilacs-kent-2026.json", fingerprinted(r))
	})
}

func golden(t *testing.T, path string, r *Report) {
	t.Helper()
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, path, string(data)+"\n")
}

func FuzzFacts(f *testing.F) {
	f.Add("Placement moves fell to 9%, down from 12% last year. Approvals | 10 | 15 | Red")
	f.Add("- 1.1 (a) £2.9m overspend; ◼ What needs to improve?\n| a | b |")
	f.Add("...??!!||||\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, sp := range sentences(s) {
			if sp.start < 0 || sp.end > len(s) || sp.start > sp.end {
				t.Fatalf("bad span %+v", sp)
			}
		}
		for _, fc := range findFacts([]string{s}) {
			if len(fc.quote) > maxQuote {
				t.Fatalf("quote too long: %d", len(fc.quote))
			}
		}
	})
}

// fingerprinted returns a copy of r with question texts and quotes replaced
// by their word count and a short hash.
func fingerprinted(r *Report) *Report {
	out := *r
	out.Items = make([]ItemReport, len(r.Items))
	fp := func(s string) string {
		return fmt.Sprintf("%d words %s", len(strings.Fields(s)), corpustest.Fingerprint(s))
	}
	for i, it := range r.Items {
		it.Questions = append([]Question(nil), it.Questions...)
		for j, q := range it.Questions {
			q.Text = fp(q.Text)
			q.Evidence = append([]Evidence(nil), q.Evidence...)
			for k := range q.Evidence {
				q.Evidence[k].Quote = fp(q.Evidence[k].Quote)
			}
			it.Questions[j] = q
		}
		out.Items[i] = it
	}
	return &out
}

func TestTrendPresent(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"table 2: workforce indicators at 31 august, 2024 to 2026", true},
		{"indicator  2024  2025  2026\nvacancy rate  21%  19%  18%", true},
		{"placements  2024/25  2025/26", true},
		{"down from 156 a year earlier", true},
		{"the strategy was agreed in march 2025. it runs to 2028.", false},
		{"142 households at 31 march 2026", false},
	} {
		if got := present(bank.Trend, tc.text); got != tc.want {
			t.Errorf("present(Trend, %q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestViewsMeansChildrensViews(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"the annual survey of foster carers: 58% said that fees were fair", false},
		{"the local offer was written with the care leavers forum", true},
		{"young people told us they wanted more help with money", true},
		{"the children in care council met the director", true},
	} {
		if got := present(bank.Views, tc.text); got != tc.want {
			t.Errorf("present(Views, %q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestNotesAreNoFacts(t *testing.T) {
	for _, text := range []string{
		"Outstanding (Grade 1) A service that significantly exceeds minimum requirements\nGood (Grade 2) A service that exceeds minimum requirements\nInadequate (Grade 4) A service that does not meet minimum requirements",
		"In order to ensure confidentiality, all numbers have been rounded to the nearest 100 if they exceed 1,000, and to the nearest 10 otherwise.",
		"Where data does not exist for an authority it is excluded from the mean calculation of the 10 neighbours.",
		"24 [Local Authorities (Overview and Scrutiny) Bill 2009–10](#) gave 12 councils new powers.",
		"| The Fostering Service Looking ahead 2018/19 | 10 |",
		"T 0300 123 1231 Textphone 0161 618 8524 enquiries@ofsted.gov.uk www.gov.uk/ofsted term",
		"Call 01632 960418 for the 24 hour duty team.",
	} {
		if fs := findFacts([]string{text}); len(fs) != 0 {
			t.Errorf("%.40q gave facts: %v", text, kinds(fs))
		}
	}
}

func TestDetectInspection(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
		judgements int
	}{
		{"ILACS", "Inspection of Wexcombe Borough Council children's services\nOverall effectiveness Requires improvement to be good", true, 1},
		{"looked after children, 2013 framework", "Inspection of looked after children services\nKent County Council\nOverall effectiveness of services for looked after children: adequate", true, 0},
		{"2013 framework judgements in sentences", "Inspection of looked after children services\n11. The overall effectiveness of services for looked after children and young people in Wexcombe is adequate. 13. The capacity to improve services is good.", true, 2},
		{"area SEND", "Area SEND inspection of Medway Local\nArea Partnership\nInspection dates: 5 to 9 February 2024", true, 0},
		{"focused visit", "Focused visit to Kent County Council local authority children's services", true, 0},
		{"monitoring visit", "Monitoring visit to Wexcombe children's services", true, 0},
		{"paper mentioning an inspection", "The report on the Ofsted inspection of children's homes will be published in July.", false, 0},
		{"graded judgements alone", "Judgement\nOverall effectiveness Good\nThe experiences and progress of children in care Outstanding", true, 2},
	}
	for _, tc := range tests {
		got := detectInspection(tc.text)
		if (got != nil) != tc.want {
			t.Errorf("%s: detected %v, want %v", tc.name, got != nil, tc.want)
			continue
		}
		if got != nil && len(got.judgements) != tc.judgements {
			t.Errorf("%s: %d judgements, want %d", tc.name, len(got.judgements), tc.judgements)
		}
	}
}

func TestRankInspectionFollowups(t *testing.T) {
	points := []string{"caseloads of social workers", "accommodation for care leavers", "visits during school hours", "homeless sixteen year olds", "health partners at strategy meetings", "information sharing with police"}
	figures := []string{"adoption", "fostering", "placements", "health", "education", "exclusions", "budget", "complaints"}
	cands := func() []candidate {
		var out []candidate
		for i, tp := range points {
			out = append(out, candidate{q: Question{Kind: KindFollowup, Theme: "inspection-response",
				Text:     "Inspectors asked for improvement in " + tp + ". What has been done?",
				Evidence: []Evidence{{Page: i + 1, Quote: "Improve " + tp}}}, priority: float64(20 - i)})
		}
		for i, tp := range figures {
			out = append(out, candidate{q: Question{Kind: KindEvidence, Theme: "inspection-response",
				Text:     "The report gives a figure on " + tp + ". How do we compare?",
				Evidence: []Evidence{{Page: i + 1, Quote: "A figure on " + tp}}}, priority: float64(10 - i)})
		}
		return out
	}
	followups := func(qs []Question) int {
		n := 0
		for _, q := range qs {
			if q.Kind == KindFollowup {
				n++
			}
		}
		return n
	}
	if got := followups(rank(cands(), false)); got != maxFollowupQs {
		t.Errorf("paper: %d follow-ups, want %d", got, maxFollowupQs)
	}
	if got := followups(rank(cands(), true)); got != len(points) {
		t.Errorf("inspection report: %d follow-ups, want all %d points", got, len(points))
	}
}

func TestShortFact(t *testing.T) {
	long := "Contacts to the Multi-Agency Safeguarding Hub (MASH) had risen by 9% on the previous year, and 21% of referrals were re-referrals within twelve months, against a target of 18%, which the service has missed for the third quarter running despite the new screening arrangements."
	tests := []struct {
		name, quote, match, want string
	}{
		{"short quote whole", "Only 47% of initial health assessments were on time.", "47%", "“Only 47% of initial health assessments were on time”"},
		{"a little over the limit, whole", "The proportion of children in care in Wexcombe who have a statement of special educational needs has fluctuated between 30 and 40%, and has consistently been higher than the national figure.", "national figure",
			"“The proportion of children in care in Wexcombe who have a statement of special educational needs has fluctuated between 30 and 40%, and has consistently been higher than the national figure”"},
		{"cut after the clause holding the fact", long, "had risen by 9%",
			"“Contacts to the Multi-Agency Safeguarding Hub (MASH) had risen by 9% on the previous year, and 21% of referrals were re-referrals within twelve months …”"},
		{"begin at the clause holding the fact", long, "against a target of 18%",
			"“… and 21% of referrals were re-referrals within twelve months, against a target of 18% …”"},
	}
	for _, tc := range tests {
		got := shortFact(fact{quote: tc.quote, match: tc.match})
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
		if n := len(strings.Fields(strings.Trim(got, "“”… "))); n > maxFactWords+factRunOn {
			t.Errorf("%s: %d words, want at most %d", tc.name, n, maxFactWords+factRunOn)
		}
	}
}

func TestLineFor(t *testing.T) {
	b := &bank.Bank{Themes: []*bank.Theme{{ID: "child-protection", Title: "Child protection", Signals: []string{"child protection"},
		Lines: []bank.Line{
			{ID: "cp-1", Question: "What share of initial child protection conferences happen within 15 working days of the strategy discussion?"},
			{ID: "cp-2", Question: "How many children have been on a child protection plan for two years or more, and why?"},
			{ID: "cp-3", Question: "How many children became subject to a plan for a second or later time?"},
		}}}}
	a := New(b)
	th := b.Themes[0]
	tests := []struct {
		sentence, want string
	}{
		{"Members noted that 96% of child protection visits were within timescale.", ""},
		{"Nine children became subject to a child protection plan for a second or later time.", "cp-3"},
		{"Initial conferences were held within 15 working days for 81% of children.", "cp-1"},
	}
	for _, tc := range tests {
		got := ""
		if ln := a.lineFor(th, tc.sentence); ln != nil {
			got = ln.ID
		}
		if got != tc.want {
			t.Errorf("lineFor(%q) = %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

func TestPhraseDelay(t *testing.T) {
	th := &bank.Theme{ID: "lac-health", Title: "Health of children in care"}
	tests := []struct {
		quote, match, want string
	}{
		{"Children waited an average of 19 weeks for CAMHS.", "waited", "How long will children be waiting"},
		{"The review of the neglect strategy is overdue.", "overdue", "slipped"},
		{"Waiting times for CAMHS rose to 23 weeks.", "Waiting times", "How long will children be waiting"},
	}
	for _, tc := range tests {
		got := phrase(fact{kind: factDelay, quote: tc.quote, text: tc.quote, match: tc.match}, false, false, th, 1)
		if !strings.Contains(got, tc.want) {
			t.Errorf("phrase for %q = %q, want it to contain %q", tc.quote, got, tc.want)
		}
	}
}

func TestClassifyNot(t *testing.T) {
	tests := []struct {
		sent string
		not  factKind
	}{
		// One family's story: a case's delays and figures, not a service's.
		{"Throughout this time, her weight remained around the 0.4th centile and her motor skills were found to be delayed.", factDelay},
		{"He was seen by the health visitor 3 times in 6 weeks.", factFigure},
		// A concern said to be absent.
		{"The social worker had no concerns about the children at the visit.", factConcern},
		// A title is not a person.
		{"Her Majesty's Inspectors found that 14 assessments were delayed.", -1},
	}
	for _, tc := range tests {
		fs := classify(tc.sent, false)
		for _, f := range fs {
			if f.kind == tc.not {
				t.Errorf("classify(%q) gave kind %v", tc.sent, tc.not)
			}
		}
		if tc.not == -1 && len(fs) == 0 {
			t.Errorf("classify(%q) gave no fact", tc.sent)
		}
	}
}

func TestNoFiguresAskedOf(t *testing.T) {
	a := New(testBank(t))
	tests := []struct {
		title  string
		texts  []string
		figure string // a quote no evidence question may cite
	}{
		{"Serious Case Review", []string{
			"The review found that the risk of harm to the children was not effectively assessed by child protection services.",
			"The SCR involved 3 siblings under the age of 5 years who were found to have suffered severe neglect in the family home.",
			"A child protection strategy meeting was set for a date 12 days after the police referral, a delay the review criticised.",
		}, "3 siblings"},
		{"Work Programme Key Decision Forward Plan", []string{
			"The overview and scrutiny committee sets its own work programme; the work programme for 2026/27 and its recommendations tracker are attached.",
			"The Forward Plan is published at least 28 days before the start of each month and lists 14 key decisions for children's services.",
			"The committee is asked to agree to the establishment of a joint working group on post-19 provision for children with SEND.",
			"A six-monthly monitoring report on the recommendations will be submitted to the committee in January 2019.",
		}, "28 days"},
	}
	for _, tc := range tests {
		it := corpus.Item{Number: "8", Title: tc.title, Kind: corpus.KindReport, Passages: passages(tc.texts...)}
		r := a.Item(corpus.Meta{}, it)
		if len(r.Questions) == 0 {
			t.Errorf("%s: no questions", tc.title)
		}
		for _, q := range r.Questions {
			for _, e := range q.Evidence {
				if q.Kind == KindEvidence && strings.Contains(e.Quote, tc.figure) {
					t.Errorf("%s: a figure was asked about: %s", tc.title, q.Text)
				}
			}
		}
	}
}

func TestGapTextReadsAloud(t *testing.T) {
	b := testBank(t)
	doubled := func(s string) bool {
		ws := strings.Fields(strings.ToLower(s))
		for i := 1; i < len(ws); i++ {
			if strings.Trim(ws[i], ".,?") == strings.Trim(ws[i-1], ".,?") {
				return true
			}
		}
		return false
	}
	for _, g := range gaps {
		for _, tmpl := range g.texts {
			for _, th := range b.Themes {
				text := gapText(tmpl, topic(th))
				if strings.Contains(text, "%") || doubled(text) || strings.Contains(text, "work on this committee's work") {
					t.Errorf("%s: %q", th.ID, text)
				}
			}
		}
	}
}

func TestDropRecHeading(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Areas for improvement Leaders across the partnership should ensure that they identify key performance indicators.", "Leaders across the partnership should ensure that they identify key performance indicators."},
		{"What needs to improve in this area of social work practice?", "What needs to improve in this area of social work practice?"},
		{"Areas for improvement", "Areas for improvement"},
		{"The council should improve its recording.", "The council should improve its recording."},
	}
	for _, tc := range tests {
		if got := dropRecHeading(tc.in); got != tc.want {
			t.Errorf("dropRecHeading(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTrackerStatus(t *testing.T) {
	tests := []struct {
		rows   string
		action bool // a tracker row whose status is not done
	}{
		{"8 July 2026 Corporate Parenting Panel to consider IRO Head of Service Outstanding\n8 July 2026 Report on agency staff Director In progress\n15 April 2026 CAMHS waits Assistant Director Completed", true},
		{"i. Evaluation of any outstanding actions from the strategy meeting; and\nii. Review of the chronology with the family\niii. Audit of the case records", false},
	}
	for _, tc := range tests {
		got := false
		for _, f := range findFacts([]string{tc.rows}) {
			if f.kind == factAction && strings.Contains(strings.ToLower(f.match), "outstanding") {
				got = true
			}
		}
		if got != tc.action {
			t.Errorf("%.40q: outstanding status %v, want %v", tc.rows, got, tc.action)
		}
	}
}
