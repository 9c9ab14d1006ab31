package bot

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/render"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// The project's index serves the bot's searches as it stands.
var (
	_ Searcher = (*bleveindex.Index)(nil)
	_ Store    = (*bleveindex.Index)(nil)
)

// The project's renderer is a Renderer.
var _ Renderer = render.Write

// The console over the project's real index, analysis and renderer, with
// the project's sample agenda pack: brief it (which keeps and indexes it),
// then search it and ask about its fostering report.
func TestConsoleWithRealComponents(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and indexes a whole pack")
	}
	pack := filepath.Join(corpustest.Root(), corpustest.SamplePDF)
	bk, err := bank.Default()
	if err != nil {
		t.Fatal(err)
	}
	an := analysis.New(bk)
	idx, err := bleveindex.Open(t.TempDir(), bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	out := t.TempDir()
	proj := &Project{Index: idx, Analyzer: an, Dir: filepath.Join(t.TempDir(), "shared")}
	b, _ := newTestBot(t, nil, proj.Deps(), func(c *Config) { c.ConsoleDir = out })
	in := strings.NewReader("brief " + pack + "\nsearch fostering households\nwhat should I ask about the fostering service annual report?\n")
	var buf bytes.Buffer
	if err := b.RunConsole(context.Background(), in, &buf); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{
		"Briefing: wexcombe-cyp-scrutiny-2026-10-14.pdf",
		"Fostering Service Annual Report",
		"Saved the file to " + filepath.Join(out, "wexcombe-cyp-scrutiny-2026-10-14-brief.md"),
		"Added to the index",
		"Search: fostering households",
		"wexcombe-cyp-scrutiny-2026-10-14.pdf",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("console output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Nothing in the papers matches") {
		t.Errorf("search found nothing in the pack it just indexed:\n%s", got)
	}
	for _, want := range []string{"I picked “Fostering Service Annual Report", "Questions: Fostering Service Annual Report", "Themes"} {
		if !strings.Contains(got, want) {
			t.Errorf("ask output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "more questions are in the file below") && !strings.Contains(got, "-questions.md") {
		t.Errorf("questions cut short but no file saved:\n%s", got)
	}
	t.Logf("console session:\n%s", got)
}

// A pack shared with the bot in Slack is briefed by the real analysis; the
// uploaded file is the real rendered brief.
func TestSlackBriefWithRealComponents(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and indexes a whole pack")
	}
	pack, err := os.ReadFile(filepath.Join(corpustest.Root(), corpustest.SamplePDF))
	if err != nil {
		t.Skipf("sample pack: %v", err)
	}
	bk, err := bank.Default()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleveindex.Open(t.TempDir(), bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	fs := newFakeSlack(t)
	fileJSON := fs.addFile("FREAL", "wexcombe-cyp-scrutiny-2026-10-14.pdf", pack)
	proj := &Project{Index: idx, Analyzer: analysis.New(bk), Dir: filepath.Join(t.TempDir(), "shared")}
	b, _ := newTestBot(t, fs, proj.Deps(), func(c *Config) { c.BriefFormat = "html" })
	base := startHTTP(t, b)
	ev := eventBody("EvReal", `{"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"","ts":"1800000000.002000","channel":"D9","files":[`+fileJSON+`]}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	briefing := fs.waitPostContaining(t, "Briefing: wexcombe-cyp-scrutiny-2026-10-14.pdf")
	if !strings.Contains(blocksOf(t, briefing), "Fostering Service Annual Report") || briefing.Get("thread_ts") != "1800000000.002000" {
		t.Errorf("briefing %v", briefing)
	}
	up := fs.waitUpload(t)
	if up.Name != "wexcombe-cyp-scrutiny-2026-10-14-brief.html" || !bytes.Contains(up.Data, []byte("<html")) || !bytes.Contains(up.Data, []byte("Fostering Service Annual Report")) {
		t.Errorf("uploaded %s (%d bytes)", up.Name, len(up.Data))
	}
	// The pack is now in the index: a search in Slack finds it.
	body := slashBody("C1", "public search fostering households")
	postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
	found := fs.waitPostContaining(t, "Search: fostering households")
	if !strings.Contains(found.Get("blocks"), "wexcombe-cyp-scrutiny-2026-10-14.pdf") {
		t.Errorf("search after brief: %s", found.Get("blocks"))
	}
}

func TestTitleQuery(t *testing.T) {
	cases := []struct{ in, want string }{
		{"fostering report", "title:fostering^3 fostering title:report^3 report"},
		{"SEND inspection?", "title:send^3 send title:inspection^3 inspection"},
		{`"x" +y -z title:a^9 (b)`, "title:title^3 title"},
		{"a", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := titleQuery(c.in); got != c.want {
			t.Errorf("titleQuery(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A shared pack is kept under its own name; a different pack with the
// same name is kept beside it, not over it.
func TestProjectKeep(t *testing.T) {
	p := &Project{Dir: filepath.Join(t.TempDir(), "shared")}
	a, err := p.keep("pack.pdf", strings.Repeat("a", 64), []byte("%PDF-a"))
	if err != nil {
		t.Fatal(err)
	}
	again, err := p.keep("pack.pdf", hashOf([]byte("%PDF-a")), []byte("%PDF-a"))
	if err != nil || again != a {
		t.Errorf("same pack kept again at %s (%v), want %s", again, err, a)
	}
	other, err := p.keep("pack.pdf", strings.Repeat("b", 64), []byte("%PDF-b"))
	if err != nil || other == a || filepath.Base(other) != "pack-bbbbbbbb.pdf" {
		t.Errorf("different pack kept at %s (%v)", other, err)
	}
	if data, _ := os.ReadFile(a); string(data) != "%PDF-a" {
		t.Errorf("first pack overwritten: %q", data)
	}
}

// A search that cannot be read gets a message saying what is wrong with
// it, and punctuation in plain words is text.
func TestConsoleQueryErrors(t *testing.T) {
	idx, err := bleveindex.Open(t.TempDir(), bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	bk, err := bank.Default()
	if err != nil {
		t.Fatal(err)
	}
	proj := &Project{Index: idx, Analyzer: analysis.New(bk), Dir: filepath.Join(t.TempDir(), "shared")}
	b, _ := newTestBot(t, nil, proj.Deps())
	var buf bytes.Buffer
	in := strings.NewReader("search \"requires improvement\nsearch Reg 44?\n")
	if err := b.RunConsole(context.Background(), in, &buf); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	if !strings.Contains(got, "I could not read that search: the quote before") || strings.Contains(got, "try again later") {
		t.Errorf("an unclosed quote:\n%s", got)
	}
	if strings.Contains(got, "could not search") {
		t.Errorf("a plain query with a question mark failed:\n%s", got)
	}
}
