package bank

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/scrutineer/scrutineer/corpus/english"
)

func mustDefault(t testing.TB) *Bank {
	t.Helper()
	b, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return b
}

func TestDefaultCoversContract(t *testing.T) {
	b := mustDefault(t)
	if len(ContractIDs) != 23 {
		t.Fatalf("ContractIDs has %d ids, the themes contract has 23", len(ContractIDs))
	}
	for _, id := range ContractIDs {
		if b.Theme(id) == nil {
			t.Errorf("default bank lacks contract theme %q", id)
		}
	}
	// The default bank is in contract order.
	got := b.IDs()
	for i, id := range ContractIDs {
		if i >= len(got) || got[i] != id {
			t.Fatalf("default bank order = %v, want contract order %v", got, ContractIDs)
		}
	}
}

func TestDefaultThemesComplete(t *testing.T) {
	b := mustDefault(t)
	seenLine := map[string]bool{}
	kinds := map[EvidenceKind]int{}
	for _, th := range b.Themes {
		t.Run(th.ID, func(t *testing.T) {
			if th.Title == "" || th.Description == "" {
				t.Errorf("missing title or description")
			}
			if n := len(strings.Fields(th.Description)); n < 40 || n > 130 {
				t.Errorf("description has %d words; want one paragraph of 40-130", n)
			}
			if len(th.Lines) < 4 {
				t.Errorf("%d lines of enquiry, want at least 4", len(th.Lines))
			}
			if n := len(th.Signals); n < 15 || n > 40 {
				t.Errorf("%d signals, want 15-40", n)
			}
			if len(th.Sources) == 0 {
				t.Errorf("no sources")
			}
			for _, s := range th.Sources {
				if !strings.HasSuffix(strings.Fields(s.Doc)[0], ".txt") && !strings.Contains(s.Doc, "(in ") {
					t.Errorf("source doc %q is not a seed file name", s.Doc)
				}
			}
			themeKinds := map[EvidenceKind]bool{}
			for i, l := range th.Lines {
				if !strings.HasPrefix(l.ID, th.ID+"-") {
					t.Errorf("line id %q does not start with the theme id", l.ID)
				}
				if seenLine[l.ID] {
					t.Errorf("line id %q repeated", l.ID)
				}
				seenLine[l.ID] = true
				if !strings.HasSuffix(l.Question, "?") {
					t.Errorf("line %d does not end with '?': %q", i+1, l.Question)
				}
				if n := len(strings.Fields(l.Question)); n > 40 {
					t.Errorf("line %q has %d words; too long to read out", l.ID, n)
				}
				if l.Local {
					t.Errorf("default line %q marked local", l.ID)
				}
				for _, k := range l.Evidence {
					themeKinds[k] = true
					kinds[k]++
				}
			}
			// A theme's lines should ask for more than one kind of
			// evidence, and some line should ask for a figure, comparison
			// or trend.
			if len(themeKinds) < 3 {
				t.Errorf("lines ask for only %d kinds of evidence", len(themeKinds))
			}
			if !themeKinds[Figure] && !themeKinds[Comparison] && !themeKinds[Trend] {
				t.Errorf("no line asks for a figure, comparison or trend")
			}
		})
	}
	for _, k := range EvidenceKinds {
		if kinds[k] == 0 {
			t.Errorf("no line in the bank asks for %q evidence", k)
		}
	}
	t.Logf("evidence kinds across the bank: %v", kinds)
}

// TestGuidanceExpectations checks the bank covers what the guidance asks
// scrutiny to look for across themes: children's own views, comparison
// with similar councils, trends, dated plans and outcomes.
func TestGuidanceExpectations(t *testing.T) {
	b := mustDefault(t)
	for _, th := range b.Themes {
		has := map[EvidenceKind]bool{}
		for _, l := range th.Lines {
			for _, k := range l.Evidence {
				has[k] = true
			}
		}
		if !has[Outcome] && !has[Views] {
			t.Errorf("%s: no line asks about outcomes or views", th.ID)
		}
	}
	count := func(k EvidenceKind) int {
		n := 0
		for _, th := range b.Themes {
			for _, l := range th.Lines {
				for _, e := range l.Evidence {
					if e == k {
						n++
						break
					}
				}
			}
		}
		return n
	}
	for _, k := range EvidenceKinds {
		if n := count(k); n < 10 {
			t.Errorf("only %d lines ask for %q evidence", n, k)
		}
	}
}

// normSignal folds a signal to lower-case words so that "Step-up" and
// "step up" compare equal.
func normSignal(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '&'
	})
	return strings.Join(f, " ")
}

func TestSignalsThemeSpecific(t *testing.T) {
	b := mustDefault(t)
	owners := map[string][]string{}
	for _, th := range b.Themes {
		seen := map[string]bool{}
		for _, s := range th.Signals {
			n := normSignal(s)
			if n == "" {
				t.Errorf("%s: signal %q has no words", th.ID, s)
				continue
			}
			if seen[n] {
				continue
			}
			seen[n] = true
			owners[n] = append(owners[n], th.ID)
		}
	}
	generic := []string{"children", "child", "council", "report", "service", "services", "young people", "family", "families", "school", "schools", "data", "plan", "meeting", "committee"}
	for _, g := range generic {
		if o, ok := owners[g]; ok {
			t.Errorf("generic signal %q in %v", g, o)
		}
	}
	var shared []string
	for s, o := range owners {
		if len(o) > 1 {
			shared = append(shared, s+" "+strings.Join(o, ","))
		}
		if len(o) > 2 {
			t.Errorf("signal %q is in %d themes %v; keep signals specific", s, len(o), o)
		}
	}
	sort.Strings(shared)
	for _, s := range shared {
		t.Logf("shared signal: %s", s)
	}
	for _, th := range b.Themes {
		n, sh := 0, 0
		seen := map[string]bool{}
		for _, s := range th.Signals {
			k := normSignal(s)
			if seen[k] {
				continue
			}
			seen[k] = true
			n++
			if len(owners[k]) > 1 {
				sh++
			}
		}
		if sh*5 > n { // more than 20% shared
			t.Errorf("%s: %d of %d signals are shared with other themes", th.ID, sh, n)
		}
	}
	t.Logf("%d distinct signals, %d shared between themes", len(owners), len(shared))
}

func TestLineLookup(t *testing.T) {
	b := mustDefault(t)
	th, l := b.Line("fostering-1")
	if th == nil || l == nil || th.ID != "fostering" || l.ID != "fostering-1" {
		t.Fatalf("Line(fostering-1) = %v, %v", th, l)
	}
	if th, l := b.Line("no-such-line"); th != nil || l != nil {
		t.Errorf("Line(no-such-line) = %v, %v; want nils", th, l)
	}
	var nb *Bank
	if nb.Theme("fostering") != nil || nb.IDs() != nil {
		t.Errorf("nil bank lookups should return nothing")
	}
}

func TestLocalExampleMerge(t *testing.T) {
	base := mustDefault(t)
	nBase := len(base.Themes)
	fosterLines := len(base.Theme("fostering").Lines)
	fosterSignals := len(base.Theme("fostering").Signals)

	b, err := WithLocal(filepath.Join("testdata", "local-example.yaml"))
	if err != nil {
		t.Fatalf("WithLocal: %v", err)
	}
	if len(b.Themes) != nBase+1 {
		t.Fatalf("merged bank has %d themes, want %d", len(b.Themes), nBase+1)
	}
	st := b.Theme("send-transport")
	if st == nil || !st.Local || len(st.Lines) != 4 {
		t.Fatalf("send-transport theme = %+v", st)
	}
	for i, l := range st.Lines {
		if !l.Local || l.ID == "" {
			t.Errorf("send-transport line %d: id %q local %v", i, l.ID, l.Local)
		}
	}
	if st.Lines[0].ID != "send-transport-1" {
		t.Errorf("first local line id = %q, want send-transport-1", st.Lines[0].ID)
	}
	f := b.Theme("fostering")
	if len(f.Lines) != fosterLines+1 || !f.Lines[len(f.Lines)-1].Local || f.Local {
		t.Errorf("fostering after merge: %d lines (want %d), last local %v, theme local %v",
			len(f.Lines), fosterLines+1, f.Lines[len(f.Lines)-1].Local, f.Local)
	}
	if len(f.Signals) != fosterSignals+1 {
		t.Errorf("fostering signals = %d, want %d", len(f.Signals), fosterSignals+1)
	}
	if th, _ := b.Line("fostering-local-hub"); th != f {
		t.Errorf("Line(fostering-local-hub) not found in merged bank")
	}
	// The shared default bank is untouched.
	again := mustDefault(t)
	if len(again.Themes) != nBase || len(again.Theme("fostering").Lines) != fosterLines ||
		len(again.Theme("fostering").Signals) != fosterSignals {
		t.Errorf("Merge changed the default bank")
	}
}

func TestMergeTwiceIsIndependent(t *testing.T) {
	base := mustDefault(t)
	local, err := LoadFile(filepath.Join("testdata", "local-example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := base.Merge(local)
	if err != nil {
		t.Fatal(err)
	}
	// Merging the same file into the merged bank adds send-transport twice.
	if _, err := a.Merge(local); err == nil || !strings.Contains(err.Error(), `duplicate theme id "send-transport"`) {
		t.Fatalf("second merge error = %v, want duplicate theme id", err)
	}
	a.Theme("fostering").Lines[0].Question = "changed?"
	if base.Theme("fostering").Lines[0].Question == "changed?" {
		t.Errorf("merged bank shares lines with the default bank")
	}
}

func TestLoadFileErrors(t *testing.T) {
	if _, err := LoadFile(filepath.Join("testdata", "no-such-file.yaml")); err == nil || !strings.Contains(err.Error(), "open bank file") {
		t.Errorf("missing file error = %v", err)
	}
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, []byte("themes: []\n"+strings.Repeat("#", MaxFileSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("big file error = %v", err)
	}
}

// TestSignalsAnalysedOverlap analyses every signal the way the matcher
// does (corpus/english) and reports signals whose terms sit inside a
// signal of another theme: a passage matching the longer one also matches
// the shorter. A few are inherent ("fostering" in "fostering for
// adoption"); a signal inside many themes' signals, or one that analyses
// to nothing, is a mistake.
func TestSignalsAnalysedOverlap(t *testing.T) {
	b := mustDefault(t)
	type sig struct {
		theme, text, terms string
	}
	var all []sig
	for _, th := range b.Themes {
		for _, s := range th.Signals {
			terms := english.Terms(s)
			if len(terms) == 0 {
				t.Errorf("%s: signal %q has no terms after analysis (only stop words)", th.ID, s)
				continue
			}
			all = append(all, sig{th.ID, s, " " + strings.Join(terms, " ") + " "})
		}
	}
	inside := map[string]map[string]bool{} // "theme: signal" -> themes whose signals contain it
	pairs := 0
	for _, x := range all {
		for _, y := range all {
			if x.theme == y.theme || !strings.Contains(y.terms, x.terms) {
				continue
			}
			k := x.theme + ": " + x.text
			if inside[k] == nil {
				inside[k] = map[string]bool{}
			}
			inside[k][y.theme] = true
			pairs++
			t.Logf("%s %q is inside %s %q", x.theme, x.text, y.theme, y.text)
		}
	}
	for k, ths := range inside {
		if len(ths) > 3 {
			t.Errorf("signal %s is inside signals of %d other themes", k, len(ths))
		}
	}
	if len(inside) > 12 {
		t.Errorf("%d signals sit inside another theme's signals; keep them theme-specific", len(inside))
	}
	t.Logf("%d signals, %d contained in another theme's signal (%d pairs)", len(all), len(inside), pairs)
}

func TestTopicName(t *testing.T) {
	b := mustDefault(t)
	for _, th := range b.Themes {
		if th.Topic == "" {
			t.Errorf("%s: default theme has no topic", th.ID)
		}
	}
	if got := b.Theme("lac-health").TopicName(); got != "the health of children in care" {
		t.Errorf("TopicName = %q", got)
	}
	if got := (&Theme{Title: "SEND Transport"}).TopicName(); got != "send transport" {
		t.Errorf("TopicName fallback = %q", got)
	}
}
