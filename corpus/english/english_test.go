package english

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

func TestStemsMeet(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"fostering", "fostered"},
		{"fostering", "foster"},
		{"carers", "carer"},
		{"children's", "child"},
		{"children", "child"},
		{"placements", "placement"},
		{"reviewing", "reviews"},
	} {
		ta, tb := Terms(tc.a), Terms(tc.b)
		if len(ta) != 1 || len(tb) != 1 || ta[0] != tb[0] {
			t.Errorf("%q -> %v and %q -> %v do not meet", tc.a, ta, tc.b, tb)
		}
	}
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The foster carers' views", []string{"foster", "carer", "view"}},
		{"Children’s social care", []string{"child", "social", "care"}},
		{"step-down to early help", []string{"step", "earli", "help"}},
		{"12% of CLA had 3 moves", []string{"12", "cla", "3", "move"}},
		{"", []string{}},
	}
	for _, tc := range tests {
		got := Terms(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Terms(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	text := "Looked-after children’s PEPs"
	for _, tok := range Analyze(text) {
		if s := text[tok.Start:tok.End]; strings.TrimSpace(s) == "" {
			t.Errorf("token %+v has empty surface", tok)
		}
	}
}

func TestJargonMeets(t *testing.T) {
	key := func(s string) []string {
		var keys []string
		for _, tok := range Expand(Analyze(s)) {
			if strings.HasPrefix(tok.Term, "syn_") {
				keys = append(keys, tok.Term)
			}
		}
		return keys
	}
	groups := [][]string{
		{"looked-after children", "LAC", "CLA", "children in care", "CiC"},
		{"personal education plan", "PEP"},
		{"independent reviewing officer", "IRO"},
		{"special guardianship order", "SGO"},
		{"regulation 44", "reg 44"},
		{"care leavers", "care experienced"},
		{"MASH", "multi-agency safeguarding hub"},
		{"EHCP", "education, health and care plan"},
		{"UASC", "unaccompanied asylum-seeking children"},
		{"NEET", "not in education, employment or training"},
	}
	for _, g := range groups {
		want := key(g[0])
		if len(want) != 1 {
			t.Fatalf("%q: want one jargon key, got %v", g[0], want)
		}
		for _, s := range g[1:] {
			if got := key("the " + s + " team"); !reflect.DeepEqual(got, want) {
				t.Errorf("%q -> %v, want %v", s, got, want)
			}
		}
	}
}

func TestExpandKeepsTerms(t *testing.T) {
	toks := Expand(Analyze("Our CLA and care leavers"))
	var terms []string
	for _, tk := range toks {
		terms = append(terms, tk.Term)
	}
	want := []string{"cla", "syn_look_child", "care", "leaver", "syn_care_leaver"}
	if !reflect.DeepEqual(terms, want) {
		t.Errorf("got %v, want %v", terms, want)
	}
}

func TestParseJargonErrors(t *testing.T) {
	for _, in := range []string{"only one", "a | | b", "the | LAC"} {
		if _, err := ParseJargon(in); err == nil {
			t.Errorf("ParseJargon(%q): want error", in)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("Looked-after children’s PEPs and carers' views")
	f.Add("'''’’s")
	f.Fuzz(func(t *testing.T, s string) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			for _, tok := range Expand(Analyze(s)) {
				if tok.Start < 0 || tok.End > len(s) || tok.Start > tok.End {
					return fmt.Errorf("bad offsets %+v for %q", tok, s)
				}
			}
			return nil
		})
	})
}

func BenchmarkAnalyze(b *testing.B) {
	text := strings.Repeat("The fostering service approved 31 new foster carers while 45 households were deregistered; children in care placed with in-house carers fell to 38%. ", 20)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Expand(Analyze(text))
	}
}

func TestEverydayWordsAreNotJargon(t *testing.T) {
	for _, s := range []string{"we will send a letter", "the CPP met in March"} {
		for _, tok := range Expand(Analyze(s)) {
			if strings.HasPrefix(tok.Term, "syn_") {
				t.Errorf("%q: unexpected jargon key %s", s, tok.Term)
			}
		}
	}
}
