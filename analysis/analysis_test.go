package analysis

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/analysis/questions"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// TestItemQuotesAreOnTheirPages checks on the sample pack that every quote
// appears on the page it cites, that each substantive item gets 5 to 12
// questions, and that no question runs on.
func TestItemQuotesAreOnTheirPages(t *testing.T) {
	doc, err := corpus.Open(context.Background(), corpustest.Sample(t), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(testbank.Default(t)).Brief(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Items) == 0 {
		t.Fatal("no items")
	}
	for _, it := range r.Items {
		if len(it.Themes) > themes.MaxThemes {
			t.Errorf("item %s: %d themes", it.Number, len(it.Themes))
		}
		limit := questions.MaxQuestions
		if it.Inspection != nil {
			// Every improvement point is asked, then at most the reactive
			// questions, three concerns and two findings.
			limit = len(it.Inspection.Improvements) + 4 + 3 + 2
		}
		if len(it.Questions) > limit {
			t.Errorf("item %s: %d questions, want at most %d", it.Number, len(it.Questions), limit)
		}
		for _, q := range it.Questions {
			if n := len(strings.Fields(q.Text)); n > 70 {
				t.Errorf("item %s: question of %d words: %s", it.Number, n, q.Text)
			}
			for _, e := range q.Evidence {
				page := figures.Clean(doc.Pages[e.Page-1].Text)
				if len(e.Quote) > figures.MaxQuote+10 || !strings.Contains(page, figures.Clean(e.Quote)) {
					t.Errorf("item %s: quote %q not on page %d", it.Number, e.Quote, e.Page)
				}
			}
		}
	}
}

// TestAskGolden keeps the questions for the sample pack's fostering report
// and for an Ofsted inspection report, so that changes show as diffs.
func TestAskGolden(t *testing.T) {
	a := New(testbank.Default(t))
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
		r, err := a.Ask(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "testdata/golden/ask-sample-fostering.json", r)
	})
	t.Run("ofsted-ilacs", func(t *testing.T) {
		p := corpustest.SharedFile(t, filepath.Join("testdata", "pdfs", "real", "ofsted", "ofsted-ilacs-kent-2026-02.pdf"))
		doc, err := corpus.Open(context.Background(), p, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := a.Ask(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
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

func TestNoFiguresAskedOf(t *testing.T) {
	a := New(testbank.Default(t))
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
		it := corpus.Item{Number: "8", Title: tc.title, Kind: corpus.KindReport, Passages: testbank.Passages(tc.texts...)}
		rep, err := a.Items(context.Background(), "test", corpus.Meta{}, []corpus.Item{it})
		if err != nil {
			t.Fatal(err)
		}
		r := rep.Items[0]
		for _, q := range r.Questions {
			for _, e := range q.Evidence {
				if q.Kind == KindEvidence && strings.Contains(e.Quote, tc.figure) {
					t.Errorf("%s: a figure was asked about: %s", tc.title, q.Text)
				}
			}
		}
	}
}
