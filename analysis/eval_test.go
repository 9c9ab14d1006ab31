package analysis

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// labels is a labelled pack: the themes of each substantive item and key
// facts of each report, as written by a reader before any tuning.
type labels struct {
	Source string      `json:"source"`
	Items  []labelItem `json:"items"`
}

type labelItem struct {
	Number string      `json:"number"`
	Title  string      `json:"title"`
	Themes []string    `json:"themes"`
	Facts  []labelFact `json:"facts"`
}

type labelFact struct {
	Page int    `json:"page"`
	Text string `json:"text"`
}

func readLabels(t testing.TB, path string) *labels {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read labels: %v", err)
	}
	var l labels
	if err := json.Unmarshal(data, &l); err != nil {
		t.Fatalf("parse labels %s: %v", path, err)
	}
	return &l
}

// itemScore is the evaluation of one labelled item.
type itemScore struct {
	number, title    string
	tp, fp, fn       int
	got, want        []string
	facts, caught    int
	missed           []string
	found, questions int
}

// evalSummary adds up item scores.
type evalSummary struct {
	tp, fp, fn    int
	facts, caught int
}

func (s evalSummary) precision() float64 {
	if s.tp+s.fp == 0 {
		return 0
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s evalSummary) recall() float64 {
	if s.tp+s.fn == 0 {
		return 0
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

func (s evalSummary) factRate() float64 {
	if s.facts == 0 {
		return 0
	}
	return float64(s.caught) / float64(s.facts)
}

func norm(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("“", "", "”", "", "\"", "").Replace(s)), " "))
}

// evaluate compares a brief with labels. An item is matched by agenda
// number; a labelled item the brief does not have counts all its themes
// and facts as missed. A fact is caught when a question's text or an
// evidence quote contains it (white space and case normalised), or it
// contains a quote of at least 40 characters.
func evaluate(r *Report, l *labels) ([]itemScore, evalSummary) {
	byNum := map[string]*ItemReport{}
	for i := range r.Items {
		if _, dup := byNum[r.Items[i].Number]; !dup {
			byNum[r.Items[i].Number] = &r.Items[i]
		}
	}
	var out []itemScore
	var sum evalSummary
	for _, li := range l.Items {
		s := itemScore{number: li.Number, title: li.Title, want: li.Themes, facts: len(li.Facts)}
		it := byNum[li.Number]
		want := map[string]bool{}
		for _, th := range li.Themes {
			want[th] = true
		}
		if it != nil {
			s.found = 1
			s.questions = len(it.Questions)
			for _, th := range it.Themes {
				s.got = append(s.got, th.ID)
				if want[th.ID] {
					s.tp++
				} else {
					s.fp++
				}
			}
		}
		s.fn = len(li.Themes) - s.tp
		for _, f := range li.Facts {
			if it != nil && caught(it, f.Text) {
				s.caught++
			} else {
				s.missed = append(s.missed, f.Text)
			}
		}
		sum.tp += s.tp
		sum.fp += s.fp
		sum.fn += s.fn
		sum.facts += s.facts
		sum.caught += s.caught
		out = append(out, s)
	}
	return out, sum
}

func caught(it *ItemReport, fact string) bool {
	f := norm(fact)
	for _, q := range it.Questions {
		if strings.Contains(norm(q.Text), f) {
			return true
		}
		for _, e := range q.Evidence {
			qq := norm(e.Quote)
			if strings.Contains(qq, f) || (len(qq) >= 40 && strings.Contains(f, qq)) {
				return true
			}
		}
	}
	return false
}

// evalCase is one labelled pack.
type evalCase struct {
	name   string
	path   string // "" when the pack is absent
	labels string
}

// sharedFile returns the path of rel in the shared material, or "" when
// it is absent (the evaluation runs over whatever packs are present).
func sharedFile(rel string) string {
	dir := os.Getenv("SCRUTINEER_SHARED")
	if dir == "" {
		dir = filepath.Join(corpustest.Root(), "..", "shared")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func evalCases() []evalCase {
	sample := filepath.Join(corpustest.Root(), corpustest.SamplePDF)
	if _, err := os.Stat(sample); err != nil {
		sample = ""
	}
	return []evalCase{
		{"sample", sample, "testdata/labels/sample.json"},
		{"sefton", sharedFile("seeds/packs/sefton-osc-childrens-services-2018-09-25.txt"), "testdata/labels/sefton.json"},
		{"hampshire", sharedFile("seeds/packs/hampshire-corporate-parenting-board-2017-11-27.txt"), "testdata/labels/hampshire.json"},
	}
}

// holdoutCases are the held-out labelled documents (testdata/labels/holdout):
// real papers labelled from the documents alone, kept apart from the
// packs the model's constants were set on, so that the figures on them
// show how the model does on papers it was not tuned to.
func holdoutCases(tb testing.TB) []evalCase {
	files, err := filepath.Glob("testdata/labels/holdout/*.json")
	if err != nil {
		tb.Fatal(err)
	}
	var out []evalCase
	for _, f := range files {
		l := readLabels(tb, f)
		path := ""
		for _, dir := range []string{"council", "ofsted", "other-uk"} {
			if p := sharedFile(filepath.Join("testdata/pdfs/real", dir, l.Source)); p != "" {
				path = p
				break
			}
		}
		out = append(out, evalCase{strings.TrimSuffix(filepath.Base(f), ".json"), path, f})
	}
	return out
}

// evalSet runs the brief over every case present and writes one section
// per case to golden. It returns the summed scores and how many cases ran.
func evalSet(t *testing.T, a *Analyzer, cases []evalCase, golden *strings.Builder) (evalSummary, int) {
	t.Helper()
	var total evalSummary
	ran := 0
	for _, c := range cases {
		if _, err := os.Stat(c.labels); err != nil {
			t.Logf("%s: no labels yet (%s)", c.name, c.labels)
			continue
		}
		if c.path == "" {
			t.Logf("%s: document absent, skipped", c.name)
			continue
		}
		doc, err := corpus.Open(context.Background(), c.path, corpus.Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		l := readLabels(t, c.labels)
		rep, err := a.Brief(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		scores, sum := evaluate(rep, l)
		ran++
		fmt.Fprintf(golden, "## %s\n", c.name)
		for _, s := range scores {
			fmt.Fprintf(golden, "item %-3s tp=%d fp=%d fn=%d facts=%d/%d questions=%d got=%v want=%v\n",
				s.number, s.tp, s.fp, s.fn, s.caught, s.facts, s.questions, s.got, s.want)
			for _, m := range s.missed {
				fmt.Fprintf(golden, "    missed fact: %s\n", m)
			}
		}
		fmt.Fprintf(golden, "precision=%.2f recall=%.2f facts=%.2f\n\n", sum.precision(), sum.recall(), sum.factRate())
		t.Logf("%s: precision %.2f recall %.2f facts caught %.2f", c.name, sum.precision(), sum.recall(), sum.factRate())
		total.tp += sum.tp
		total.fp += sum.fp
		total.fn += sum.fn
		total.facts += sum.facts
		total.caught += sum.caught
	}
	return total, ran
}

// TestEvaluation runs the brief over every labelled pack present and
// checks theme precision and recall (micro-averaged over labelled items),
// and reports the share of labelled facts some question cites. It then reports
// the same figures on the held-out documents. It writes a summary to
// testdata/eval.golden with -update, so changes in quality show up as
// diffs.
func TestEvaluation(t *testing.T) {
	a := New(testbank.Default(t))
	var golden strings.Builder
	total, ran := evalSet(t, a, evalCases(), &golden)
	if ran == 0 {
		t.Skip("no labelled pack present")
	}
	fmt.Fprintf(&golden, "## all\nprecision=%.2f recall=%.2f facts=%.2f\n", total.precision(), total.recall(), total.factRate())
	holdout := holdoutCases(t)
	var hg strings.Builder
	htotal, hran := evalSet(t, a, holdout, &hg)
	if hran > 0 {
		fmt.Fprintf(&golden, "\n# held out\n\n%s## all held out\nprecision=%.2f recall=%.2f facts=%.2f\n",
			hg.String(), htotal.precision(), htotal.recall(), htotal.factRate())
		t.Logf("held out (%d documents): precision %.2f recall %.2f facts caught %.2f", hran, htotal.precision(), htotal.recall(), htotal.factRate())
	}
	t.Log("\n" + golden.String())
	if ran == len(evalCases()) && hran == len(holdout) {
		checkGolden(t, "testdata/eval.golden", golden.String())
	} else {
		t.Logf("golden summary not compared: %d of %d labelled packs and %d of %d held-out documents present",
			ran, len(evalCases()), hran, len(holdout))
	}
	// The targets: precision and recall of at least 0.80 over the
	// labelled packs. The held-out figures are reported and kept in the
	// golden file, not held to the targets. Facts caught (the share of
	// labelled facts some question cites) is reported, not held to a
	// target: the labels list every fact of a report, its proposals and
	// plain figures among them, and questions are now asked only of what
	// deserves challenge (SCORES.md, "Questions from findings");
	// TestPlantedProblems holds the questions to their target.
	const (
		minPrecision = 0.80
		minRecall    = 0.80
	)
	if p := total.precision(); p < minPrecision {
		t.Errorf("theme precision %.2f, want >= %.2f", p, minPrecision)
	}
	if r := total.recall(); r < minRecall {
		t.Errorf("theme recall %.2f, want >= %.2f", r, minRecall)
	}
}

// checkGolden compares got with a golden file, rewriting it with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	corpustest.Golden(t, path, []byte(got), *update)
}
