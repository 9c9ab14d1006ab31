package bot

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/render"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/index"
)

// The project's index serves the bot's searches as it stands.
var _ Searcher = (*index.Index)(nil)

// The project's renderer is a Renderer.
var _ Renderer = render.Write

// realLibrary and realBriefer join the bot to the project's index and
// analysis, the way `scrutineer serve` does, for the end-to-end test.
type realLibrary struct {
	idx *index.Index
	an  *analysis.Analyzer
	mu  sync.Mutex
	// paths remembers where each found paper's file is.
	paths map[string]string
}

func (l *realLibrary) FindPapers(ctx context.Context, text string, limit int) ([]Paper, error) {
	res, err := l.idx.Search(ctx, index.Query{Text: text, Limit: 50, IncludeExempt: true, PerItem: 1})
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	seen := map[string]bool{}
	var out []Paper
	for _, h := range res.Hits {
		key := h.Source + "#" + h.Item
		if seen[key] || len(out) == limit {
			continue
		}
		seen[key] = true
		l.paths[h.Source] = h.Path
		out = append(out, Paper{Source: h.Source, Item: h.Item, Title: h.Title, Committee: h.Committee, Date: h.Date, Exempt: h.Exempt})
	}
	return out, nil
}

func (l *realLibrary) Ask(ctx context.Context, p Paper) (*analysis.Report, error) {
	l.mu.Lock()
	path := l.paths[p.Source]
	l.mu.Unlock()
	doc, err := corpus.Open(ctx, path, corpus.Options{})
	if err != nil {
		return nil, err
	}
	for _, it := range doc.Items {
		if it.Number == p.Item {
			return &analysis.Report{Source: doc.Source, Meta: doc.Meta, Items: []analysis.ItemReport{l.an.Item(doc.Meta, it)}}, nil
		}
	}
	return nil, fmt.Errorf("item %q not found in %s", p.Item, p.Source)
}

type realBriefer struct {
	idx *index.Index
	an  *analysis.Analyzer
}

func (r realBriefer) Brief(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
	doc, err := corpus.Read(ctx, name, data, corpus.Options{})
	if err != nil {
		return nil, err
	}
	return r.an.Brief(doc), nil
}

func (r realBriefer) Add(ctx context.Context, name string, data []byte) error {
	doc, err := corpus.Read(ctx, name, data, corpus.Options{})
	if err != nil {
		return err
	}
	_, err = r.idx.IngestDocument(ctx, doc, index.IngestOptions{})
	return err
}

// The console over the project's real index, analysis and renderer, with
// the project's sample agenda pack: brief it (which indexes it), then
// search it and ask about its fostering report.
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
	idx, err := index.Open(t.TempDir(), index.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	out := t.TempDir()
	deps := Deps{
		Search:  idx,
		Library: &realLibrary{idx: idx, an: an, paths: map[string]string{}},
		Briefer: realBriefer{idx: idx, an: an},
		Render:  render.Write,
	}
	b, _ := newTestBot(t, nil, deps, func(c *Config) { c.ConsoleDir = out })
	in := strings.NewReader("brief " + pack + "\nsearch fostering households\n")
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
	// The index keeps the path it read from only for files ingested from
	// disk, so ask about a file ingested by path.
	if _, err := idx.IngestPaths(context.Background(), []string{pack}, index.IngestOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := b.RunConsole(context.Background(), strings.NewReader("what should I ask about the fostering service annual report?\n"), &buf); err != nil {
		t.Fatal(err)
	}
	got = buf.String()
	for _, want := range []string{"I picked “", "Questions: ", "Themes"} {
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
	idx, err := index.Open(t.TempDir(), index.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	fs := newFakeSlack(t)
	fileJSON := fs.addFile("FREAL", "wexcombe-cyp-scrutiny-2026-10-14.pdf", pack)
	deps := Deps{Search: idx, Briefer: realBriefer{idx: idx, an: analysis.New(bk)}, Render: render.Write}
	b, _ := newTestBot(t, fs, deps, func(c *Config) { c.BriefFormat = "html" })
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
	body := slashBody("C1", "search fostering households")
	postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
	found := fs.waitPostContaining(t, "Search: fostering households")
	if !strings.Contains(found.Get("blocks"), "wexcombe-cyp-scrutiny-2026-10-14.pdf") {
		t.Errorf("search after brief: %s", found.Get("blocks"))
	}
}
