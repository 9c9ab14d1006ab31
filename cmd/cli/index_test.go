package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/index"
)

// samplePack copies the bundled sample pack into a temp folder and returns
// that folder.
func samplePack(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, corpus.SampleName), corpus.SamplePDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestIngestSearchBrief(t *testing.T) {
	papers := samplePack(t)
	// A bad file in the folder is reported and skipped; the rest goes in.
	if err := os.WriteFile(filepath.Join(papers, "broken.pdf"), []byte("%PDF-1.4\ngarbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(t.TempDir(), "index")

	code, out, errs := run(t, "ingest", "--index", idx, papers)
	if code != ExitOK {
		t.Fatalf("ingest exit %d: %s %s", code, out, errs)
	}
	if !strings.Contains(out, "added 1") || !strings.Contains(errs, "broken.pdf") {
		t.Errorf("ingest summary/skip report unexpected:\nstdout: %s\nstderr: %s", out, errs)
	}

	// Re-ingesting an unchanged file is a no-op.
	code, out, _ = run(t, "ingest", "--index", idx, filepath.Join(papers, corpus.SampleName))
	if code != ExitOK || !strings.Contains(out, "unchanged 1") {
		t.Errorf("re-ingest: exit %d, %s", code, out)
	}

	// Officers' words find the report's words, with page cites.
	code, out, errs = run(t, "search", "--index", idx, "--json", "foster carer recruitment")
	if code != ExitOK {
		t.Fatalf("search exit %d: %s", code, errs)
	}
	var res struct {
		Total uint64 `json:"total"`
		Hits  []struct {
			Source  string `json:"source"`
			Item    string `json:"item"`
			Page    int    `json:"page"`
			Printed int    `json:"printed_page"`
			Snippet string `json:"snippet"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search JSON: %v\n%s", err, out)
	}
	if res.Total == 0 || len(res.Hits) == 0 {
		t.Fatalf("no hits: %s", out)
	}
	if h := res.Hits[0]; h.Item != "4" || h.Page < 7 || h.Page > 10 || h.Printed != h.Page-2 || !strings.Contains(h.Snippet, "<mark>") {
		t.Errorf("top hit %+v: want item 4 (fostering), pages 7-10, printed = page-2, highlighted", h)
	}

	// --newest is accepted and still finds the fostering report.
	code, out, errs = run(t, "search", "--index", idx, "--newest", "foster carer recruitment")
	if code != ExitOK || !strings.Contains(out, "Fostering") {
		t.Errorf("--newest: exit %d, %s %s", code, out, errs)
	}

	// A misspelt query that finds nothing as typed says so and shows the
	// near spellings' hits.
	code, out, errs = run(t, "search", "--index", idx, "fosterng")
	if code != ExitOK || !strings.Contains(out, "as typed") || !strings.Contains(out, "Fostering") {
		t.Errorf("near spellings: exit %d, %s %s", code, out, errs)
	}

	// A misspelt word beside a word found as typed is named, and searched
	// by its near spellings alone.
	code, out, errs = run(t, "search", "--index", idx, "fosterng households")
	if code != ExitOK || !strings.Contains(out, `No paper has the word "fosterng"`) || !strings.Contains(out, "Fostering") {
		t.Errorf("respelled word: exit %d, %s %s", code, out, errs)
	}

	// One passage is one.
	code, out, errs = run(t, "search", "--index", idx, "safeguarding")
	if code != ExitOK || !strings.HasPrefix(out, `1 passage matches "safeguarding"`) {
		t.Errorf("one passage: exit %d, %s %s", code, out, errs)
	}

	// Filters: a committee that does not exist finds nothing.
	code, out, _ = run(t, "search", "--index", idx, "--committee", "Planning Committee", "fostering")
	if code != ExitOK || !strings.Contains(out, "No passages match") {
		t.Errorf("committee filter: exit %d, %s", code, out)
	}
	code, _, errs = run(t, "search", "--index", idx, "--from", "14/10/2026", "fostering")
	if code != ExitUsage || !strings.Contains(errs, "YYYY-MM-DD") {
		t.Errorf("bad date: exit %d, %s", code, errs)
	}
	code, _, errs = run(t, "search", "--index", idx, "--theme", "no-such-theme", "fostering")
	if code != ExitUsage || !strings.Contains(errs, "unknown theme") {
		t.Errorf("bad theme: exit %d, %s", code, errs)
	}

	// Brief from the index by meeting date.
	code, out, errs = run(t, "brief", "--index", idx, "--meeting", "2026-10-14", "--json")
	if code != ExitOK {
		t.Fatalf("brief --index exit %d: %s", code, errs)
	}
	var rep struct {
		Items []struct {
			Number    string `json:"number"`
			Questions []any  `json:"questions"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Items) < 5 {
		t.Errorf("brief from index: %d items, want the pack's substantive items", len(rep.Items))
	}
	for _, it := range rep.Items {
		if len(it.Questions) == 0 && it.Number != "9" {
			t.Errorf("item %s has no questions", it.Number)
		}
	}
	code, _, errs = run(t, "brief", "--index", idx, "--meeting", "2020-01-01")
	if code != ExitFailed || !strings.Contains(errs, "no paper for a meeting on 2020-01-01") {
		t.Errorf("brief unknown meeting: exit %d, %s", code, errs)
	}
}

func TestSearchWithoutIndex(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "none")
	code, _, errs := run(t, "search", "--index", idx, "fostering")
	if code != ExitFailed || !strings.Contains(errs, "scrutineer ingest") {
		t.Errorf("exit %d, stderr %q: want a hint to ingest first", code, errs)
	}
}

func TestAskAndBriefFormats(t *testing.T) {
	pack := filepath.Join(samplePack(t), corpus.SampleName)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"brief", "--format", "html", pack}, "<!DOCTYPE html>"},
		{[]string{"brief", "--format", "markdown", pack}, "# "},
		{[]string{"brief", pack}, "Fostering Service Annual Report 2025/26"},
		{[]string{"ask", "--json", pack}, `"questions"`},
	} {
		code, out, errs := run(t, tc.args...)
		if code != ExitOK || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, stderr %s, output lacks %q", tc.args, code, errs, tc.want)
		}
	}
	code, _, errs := run(t, "brief", "--format", "pdf", pack)
	if code != ExitUsage || !strings.Contains(errs, "unknown format") {
		t.Errorf("bad format: exit %d, %s", code, errs)
	}
	bad := writeFile(t, "bank.yaml", "- id: fostering\n  title: again\n")
	code, _, errs = run(t, "ask", "--bank", bad, pack)
	if code != ExitFailed || !strings.Contains(errs, "bank") {
		t.Errorf("bad bank: exit %d, %s", code, errs)
	}
}

func TestAskOnSeedPack(t *testing.T) {
	packs := corpustest.SeedPacks(t)
	code, out, errs := run(t, "brief", "--json", packs[0])
	if code != ExitOK || !strings.Contains(out, `"items"`) {
		t.Errorf("brief %s: exit %d, %s", packs[0], code, errs)
	}
}

func TestDemo(t *testing.T) {
	code, out, errs := run(t, "demo")
	if code != ExitOK {
		t.Fatalf("demo exit %d: %s", code, errs)
	}
	for _, want := range []string{"Indexed the sample pack", "placement stability", "Fostering Service Annual Report"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	// Piped, highlights are plain text: no markers for a terminal to show.
	for _, bad := range []string{"**", "<mark>", "\x1b["} {
		if strings.Contains(out, bad) {
			t.Errorf("demo output piped has %q", bad)
		}
	}
}

func TestSnippetText(t *testing.T) {
	s := "the <mark>foster</mark> carers &amp; <mark>families</mark>"
	if got := snippetText(s, false); got != "the foster carers & families" {
		t.Errorf("plain: %q", got)
	}
	if got := snippetText(s, true); got != "the \x1b[1mfoster\x1b[0m carers & \x1b[1mfamilies\x1b[0m" {
		t.Errorf("bold: %q", got)
	}
}

func TestServeConsole(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "index")
	if code, _, errs := run(t, "ingest", "--index", idx, samplePack(t)); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	// The console saves brief files in the working folder, as the bot
	// attaches them in Slack.
	t.Chdir(t.TempDir())
	var out, errb strings.Builder
	code := Main(t.Context(), []string{"serve", "--console", "--index", idx},
		Stdio{In: strings.NewReader("help\nsearch foster carers\nask fostering\n"), Out: &out, Err: &errb})
	if code != ExitOK {
		t.Fatalf("serve --console exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"search", "Fostering Service Annual Report"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("console output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestStatus(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	paper := writeFile(t, "paper.txt", "Fostering Service Annual Report\n\nThe service approved 14 new fostering households in 2025/26, against a target of 25.\n")
	if code, _, errs := run(t, "ingest", "--index", idx, paper); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	// Named relative to the current folder, the index is reported by its
	// absolute path.
	t.Chdir(filepath.Dir(idx))
	code, out, errs := run(t, "status", "--index", "idx", "--json")
	if code != ExitOK {
		t.Fatalf("status: exit %d: %s", code, errs)
	}
	var st Status
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Index != idx {
		t.Errorf("status index %q, want %q", st.Index, idx)
	}
	if st.Papers != 1 || st.Passages == 0 || st.LastIngest == "" || st.SizeBytes == 0 || st.Version == "" || st.NoPages != 0 {
		t.Errorf("status %+v", st)
	}
	if code, out, _ := run(t, "status", "--index", idx); code != ExitOK || !strings.Contains(out, "1 paper,") {
		t.Errorf("status text: exit %d, %q", code, out)
	}
	if code, _, errs := run(t, "status", "--index", filepath.Join(t.TempDir(), "none")); code != ExitFailed || !strings.Contains(errs, "no index") {
		t.Errorf("status of no index: exit %d, %q", code, errs)
	}
}

func TestSearchPlainWords(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	paper := writeFile(t, "reg44.txt", "Regulation 44 Visits\n\nReg 44 visits to our children's homes found children & staff settled.\n")
	if code, _, errs := run(t, "ingest", "--index", idx, paper); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	if code, out, errs := run(t, "search", "--index", idx, "Reg 44?"); code != ExitOK || !strings.Contains(out, "reg44.txt") {
		t.Errorf(`"Reg 44?": exit %d\n%s%s`, code, out, errs)
	}
	code, _, errs := run(t, "search", "--index", idx, `"reg 44`)
	if code != ExitUsage || !strings.Contains(errs, "is not closed") || strings.Contains(errs, "try again") {
		t.Errorf("an unclosed quote: exit %d, %q", code, errs)
	}
}

func TestWatchCommand(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "idx")
	first := writeFile(t, "june.txt", "Fostering Service Report\n\nThe service approved 14 new foster carers in the year.\n")
	if code, _, errs := run(t, "ingest", "--index", idx, first); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	code, out, errs := run(t, "watch", "add", "--index", idx, "foster", "carers")
	if code != ExitOK || !strings.Contains(out, "Watch 1") {
		t.Fatalf("watch add: exit %d %s %s", code, out, errs)
	}
	if code, out, _ := run(t, "watch", "list", "--index", idx); code != ExitOK || !strings.Contains(out, `1  "foster carers"`) {
		t.Errorf("watch list: %q", out)
	}
	second := writeFile(t, "october.txt", "Placement Sufficiency Report\n\nNine foster carers left the service in the autumn, mostly retiring.\n")
	code, out, _ = run(t, "ingest", "--index", idx, second)
	if code != ExitOK || !strings.Contains(out, `New for watch 1 "foster carers": 1 passage`) || !strings.Contains(out, "october.txt") || strings.Contains(out, "june.txt") {
		t.Errorf("ingest did not tell the watch's new passage once:\n%s", out)
	}
	third := writeFile(t, "budget.txt", "Budget Monitoring\n\nThe service forecasts an overspend of 2 million pounds.\n")
	if code, out, _ := run(t, "ingest", "--index", idx, third); code != ExitOK || strings.Contains(out, "New for watch") {
		t.Errorf("a paper that does not match was told:\n%s", out)
	}
	if code, _, _ := run(t, "watch", "rm", "--index", idx, "1"); code != ExitOK {
		t.Errorf("watch rm: exit %d", code)
	}
	if code, _, errs := run(t, "watch", "rm", "--index", idx, "1"); code != ExitFailed || !strings.Contains(errs, "no such watch") {
		t.Errorf("removing it again: exit %d %q", code, errs)
	}
}

// Search results show an item's passages under one heading: the paper
// once, a page line only where it changes.
func TestPrintHitsGroupsItems(t *testing.T) {
	hit := func(item string, page int, heading, words string) index.Hit {
		return index.Hit{ID: "0123456789ab", Source: "pack.pdf", Item: item, Title: "Report " + item, Committee: "Scrutiny", Date: "2026-10-14", Page: page, Heading: heading, Snippet: words}
	}
	res := &index.Results{Query: "foster", Total: 9, Hits: []index.Hit{
		hit("4", 7, "Carers", "first <mark>foster</mark> words"),
		hit("4", 7, "Carers", "second words"),
		hit("4", 8, "", "third words"),
		hit("5", 9, "", "other item"),
	}}
	var b strings.Builder
	printHits(&b, res, false)
	want := `9 passages match "foster"; showing 4 from 2 items.

1. Item 4: Report 4
   pack.pdf · Scrutiny · 2026-10-14
   PDF page 7 · under “Carers”
   first foster words
   second words
   PDF page 8
   third words

2. Item 5: Report 5
   pack.pdf · Scrutiny · 2026-10-14 · PDF page 9
   other item
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
