package bank

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// newTheme is a valid new-theme entry to build test files from.
const newTheme = `
  - id: send-transport
    title: SEND transport
    description: Getting children with SEND to school safely.
    signals: [SEND transport, travel assistance]
    lines:
      - question: "How many children waited for transport?"
        evidence: [figure]
`

func TestParseValid(t *testing.T) {
	ts, err := Parse([]byte("themes:"+newTheme), "ok.yaml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(ts) != 1 || ts[0].ID != "send-transport" || ts[0].Lines[0].ID != "send-transport-1" {
		t.Fatalf("Parse = %+v", ts[0])
	}
	if ts[0].Description != "Getting children with SEND to school safely." {
		t.Errorf("description = %q", ts[0].Description)
	}
}

// TestParseErrors: every bad file gives an error naming the file, the
// entry and what is wrong.
func TestParseErrors(t *testing.T) {
	cases := []struct {
		name string
		yaml string
		want []string // substrings of the error
	}{
		{"empty file", "", []string{"bad.yaml", "file is empty"}},
		{"comment only", "# nothing\n", []string{"bad.yaml", "file is empty"}},
		{"no themes", "themes: []\n", []string{"no themes"}},
		{"not a mapping", "- a\n- b\n", []string{"bad.yaml", "expected a mapping"}},
		{"unknown top-level field", "version: 2\nthemes:" + newTheme, []string{"bad.yaml:1", "field version not found", "at the top level"}},
		{"unknown theme field", "themes:\n  - id: x\n    colour: red\n", []string{"bad.yaml:3", "field colour not found", "in a theme entry"}},
		{"unknown line field", strings.Replace("themes:"+newTheme, "evidence: [figure]", "evidence: [figure]\n        answer: yes", 1),
			[]string{"field answer not found", "in a line of enquiry"}},
		{"unknown source field", "themes:" + newTheme + "    sources:\n      - doc: a.txt\n        page: 3\n", []string{"field page not found", "in a source"}},
		{"bad yaml", "themes: [\n", []string{"bad.yaml"}},
		{"two documents", "themes:" + newTheme + "---\nthemes:" + newTheme, []string{"more than one YAML document"}},
		{"theme without id", "themes:\n  - title: T\n    description: D\n    signals: [s]\n    lines:\n      - {question: \"Q?\", evidence: [figure]}\n",
			[]string{"bad.yaml:2", "theme 1", "needs an id", "extends"}},
		{"bad id", strings.Replace("themes:"+newTheme, "id: send-transport", "id: SEND Transport", 1), []string{`id "SEND Transport" must be lower-case`}},
		{"new theme missing fields", "themes:\n  - id: bare\n", []string{`theme "bare"`, "needs a title", "needs a description", "needs signals", "at least one line"}},
		{"duplicate theme id", "themes:" + newTheme + newTheme, []string{`duplicate theme id "send-transport"`}},
		{"duplicate line id", strings.Replace("themes:"+newTheme, "      - question: \"How many children waited for transport?\"\n        evidence: [figure]\n",
			"      - {id: st-1, question: \"A?\", evidence: [figure]}\n      - {id: st-1, question: \"B?\", evidence: [trend]}\n", 1),
			[]string{`duplicate line id "st-1"`}},
		{"empty question", strings.Replace("themes:"+newTheme, `"How many children waited for transport?"`, `""`, 1), []string{"bad.yaml:7", "line of enquiry 1", "question is empty"}},
		{"question without mark", strings.Replace("themes:"+newTheme, `transport?"`, `transport"`, 1), []string{`question must end with "?"`}},
		{"no evidence", strings.Replace("themes:"+newTheme, "evidence: [figure]", "evidence: []", 1), []string{"evidence is empty"}},
		{"unknown evidence kind", strings.Replace("themes:"+newTheme, "evidence: [figure]", "evidence: [figure, anecdote]", 1),
			[]string{`unknown evidence kind "anecdote"`, "figure, comparison, trend, views, plan, outcome"}},
		{"repeated evidence kind", strings.Replace("themes:"+newTheme, "evidence: [figure]", "evidence: [figure, figure]", 1), []string{`evidence kind "figure" listed twice`}},
		{"empty signal", strings.Replace("themes:"+newTheme, "[SEND transport, travel assistance]", `[SEND transport, ""]`, 1), []string{"signal is empty"}},
		{"repeated signal", strings.Replace("themes:"+newTheme, "travel assistance]", "send  transport]", 1), []string{`signal "send transport" listed twice`}},
		{"source without section", "themes:" + newTheme + "    sources:\n      - doc: a.txt\n", []string{"source 1 needs both doc and section"}},
		{"id and extends", "themes:\n  - id: fostering\n    extends: fostering\n    signals: [x]\n", []string{"set either id", "not both"}},
		{"extends changes title", "themes:\n  - extends: fostering\n    title: New\n    signals: [x]\n", []string{`extends "fostering"`, "cannot change its title, topic"}},
		{"extends adds nothing", "themes:\n  - extends: fostering\n", []string{`extends "fostering" but adds no lines`}},
		{"extends bad id", "themes:\n  - extends: Foster Care\n    signals: [x]\n", []string{`extends "Foster Care" is not a theme id`}},
		{"wrong type", "themes:\n  - id: x\n    lines: lots\n", []string{"into the lines list"}},
		{"null entry", "themes:\n  -\n", []string{"theme 1", "empty entry"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.yaml), "bad.yaml")
			if err == nil {
				t.Fatalf("Parse succeeded, want error containing %q", c.want)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "bank file bad.yaml") {
				t.Errorf("error does not start by naming the file: %q", msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q\ndoes not contain %q", msg, w)
				}
			}
		})
	}
}

// TestMergeErrors: rules that need the bank, checked when a local file is
// merged.
func TestMergeErrors(t *testing.T) {
	base := mustDefault(t)
	cases := []struct {
		name string
		yaml string
		want []string
	}{
		{"extends unknown theme", "themes:\n  - extends: send-transport\n    signals: [x]\n",
			[]string{"local.yaml:2", `extends unknown theme "send-transport"`, `use "id: send-transport"`}},
		{"new theme reuses contract id", "themes:\n  - id: fostering\n    title: F\n    description: D\n    signals: [x]\n    lines:\n      - {question: \"Q?\", evidence: [figure]}\n",
			[]string{"local.yaml:2", `duplicate theme id "fostering"`, `"extends: fostering"`}},
		{"line id clashes with default", "themes:\n  - extends: adoption\n    lines:\n      - {id: fostering-1, question: \"Q?\", evidence: [figure]}\n",
			[]string{`duplicate line id "fostering-1"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			local, err := Parse([]byte(c.yaml), "local.yaml")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			_, err = base.Merge(local)
			if err == nil {
				t.Fatalf("Merge succeeded, want error containing %q", c.want)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestNewChecksContract(t *testing.T) {
	ts, err := Parse([]byte("themes:"+newTheme), "small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(ts)
	if err == nil || !strings.Contains(err.Error(), "missing contract themes: safeguarding-arrangements") {
		t.Fatalf("New on a partial bank: %v", err)
	}
	ext, err := Parse([]byte("themes:\n  - extends: fostering\n    signals: [x]\n"), "ext.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(ext); err == nil || !strings.Contains(err.Error(), "only a local file merged with Merge") {
		t.Fatalf("New with an extends entry: %v", err)
	}
	if err := (*Bank)(nil).Validate(); err == nil {
		t.Errorf("Validate on nil bank succeeded")
	}
}

// FuzzParse: Parse reads files councils write by hand; it must never
// panic, and whatever it accepts must merge or fail with an error.
func FuzzParse(f *testing.F) {
	f.Add([]byte("themes:" + newTheme))
	f.Add([]byte("themes:\n  - extends: fostering\n    signals: [x]\n"))
	f.Add([]byte("themes: [\n"))
	f.Add([]byte("themes:\n  - &a {id: a}\n  - *a\n"))
	f.Add([]byte("themes:\n  -\n"))
	f.Add([]byte(""))
	for _, p := range []string{"testdata/local-example.yaml", "data/10-safeguarding.yaml"} {
		if data, err := os.ReadFile(filepath.FromSlash(p)); err == nil {
			f.Add(data)
		}
	}
	base, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			ts, err := Parse(data, "fuzz.yaml")
			if err != nil {
				if !strings.HasPrefix(err.Error(), "bank file fuzz.yaml") {
					return fmt.Errorf("error does not name the file: %v", err)
				}
				return nil
			}
			for _, th := range ts {
				for _, l := range th.Lines {
					if l.ID == "" || !strings.HasSuffix(l.Question, "?") {
						return fmt.Errorf("accepted line %+v", l)
					}
				}
			}
			b, err := base.Merge(ts)
			if err == nil && b.Validate() != nil {
				return fmt.Errorf("merged bank does not validate")
			}
			return nil
		})
	})
}
