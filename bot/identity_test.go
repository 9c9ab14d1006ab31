package bot

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// console runs lines through the bot's console as user in channel and
// returns what it printed, Block Kit included, links readable.
func console(t *testing.T, b *Bot, channel, user, lines string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := b.RunConsoleAs(context.Background(), strings.NewReader(lines), &buf, ConsoleOptions{Channel: channel, User: user, Blocks: true}); err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(buf.String())
}

// newProject serves the bot from a new real index, keeping packs in a
// temporary folder.
func newProject(t *testing.T) (*bleveindex.Index, *Project) {
	t.Helper()
	idx, err := bleveindex.Open(t.TempDir(), bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	bk, err := bank.Default()
	if err != nil {
		t.Fatal(err)
	}
	return idx, &Project{Index: idx, Analyzer: analysis.New(bk), Dir: filepath.Join(t.TempDir(), "shared")}
}

// Two papers of one file name are two papers to the bot: one shared
// privately stays private while the other is shown, and a hit links to
// its paper's own web address where the index knows it, else to its
// Slack file.
func TestPapersOfOneName(t *testing.T) {
	const (
		name      = "Printed minutes.pdf"
		url       = "https://democracy.example.gov.uk/documents/s60860/Printed%20minutes.pdf"
		permalink = "https://wexcombe.slack.com/files/U1/F9/printed_minutes.pdf"
	)
	srch := fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
		return &index.Results{Total: 2, Hits: []index.Hit{
			{ID: "aaaaaaaaaaaa", Source: name, URL: url, Item: "3", Title: "Minutes", Page: 2, Snippet: "public <mark>placement</mark> minutes"},
			{ID: "bbbbbbbbbbbb", Source: name, Item: "3", Title: "Minutes", Page: 4, Snippet: "private <mark>placement</mark> minutes"},
		}}, nil
	}}
	b, _ := newTestBot(t, nil, Deps{Search: srch}, func(c *Config) { c.BotToken = "" })
	if err := b.access.shared(paperRef{ID: "bbbbbbbbbbbb", Name: name}, "D1", "U1", permalink, false); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		user    string
		private bool
	}{{"U2", false}, {"U1", true}} {
		out := console(t, b, "C1", tc.user, "search placement\n")
		if !strings.Contains(out, "public *placement* minutes") || strings.Contains(out, "private *placement* minutes") != tc.private {
			t.Errorf("%s: private paper shown = %v, want %v:\n%s", tc.user, !tc.private, tc.private, out)
		}
		if !strings.Contains(out, "<"+url+"|open the paper>") {
			t.Errorf("%s: the hit does not link to the paper's address:\n%s", tc.user, out)
		}
		if tc.private && !strings.Contains(out, "<"+permalink+"|open the paper>") {
			t.Errorf("%s: the private paper does not link to its Slack file:\n%s", tc.user, out)
		}
	}
}

// Where two papers share a file name, remove asks which by ID, and
// removes the one named by its ID only.
func TestRemoveOneOfTwoNamed(t *testing.T) {
	ctx := context.Background()
	idx, proj := newProject(t)
	for _, text := range []string{"Minutes\n\nThe panel heard about kinship carers.\n", "Minutes\n\nThe panel heard about the payroll audit.\n"} {
		if err := proj.Add(ctx, "minutes.txt", []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := idx.Documents(ctx)
	if err != nil || len(docs) != 2 {
		t.Fatalf("documents: %+v %v", docs, err)
	}
	b, _ := newTestBot(t, nil, proj.Deps(), func(c *Config) { c.BotToken = ""; c.Officers = []string{"U0OFFICER"} })
	out := console(t, b, "C1", "U0OFFICER", "/scrutineer public remove minutes.txt\n")
	if !strings.Contains(out, "Several papers are named “minutes.txt”") || !strings.Contains(out, "remove "+docs[0].ID) || !strings.Contains(out, "remove "+docs[1].ID) {
		t.Fatalf("remove by the shared name:\n%s", out)
	}
	if n, _ := idx.Passages(); n != 2 {
		t.Errorf("%d passages left after an ambiguous remove", n)
	}
	out = console(t, b, "C1", "U0OFFICER", "/scrutineer public remove "+docs[0].ID+"\n")
	if !strings.Contains(out, "Removed “minutes.txt”") {
		t.Fatalf("remove by ID:\n%s", out)
	}
	left, err := idx.Documents(ctx)
	if err != nil || len(left) != 1 || left[0].ID != docs[1].ID {
		t.Fatalf("left: %+v %v", left, err)
	}
	if out := console(t, b, "C1", "U0OFFICER", "/scrutineer public remove minutes.txt\n"); !strings.Contains(out, "Removed “minutes.txt”") {
		t.Errorf("remove by the name once it is one paper's:\n%s", out)
	}
}

// Asking about one of two papers of a file name reads that paper.
func TestAskOneOfTwoNamed(t *testing.T) {
	ctx := context.Background()
	idx, proj := newProject(t)
	for _, text := range []string{"Fostering report\n\nThe service approved foster carers.\n", "Payroll report\n\nThe audit of the payroll found errors.\n"} {
		if err := proj.Add(ctx, "report.txt", []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	found, err := proj.FindPapers(ctx, "payroll", 3)
	if err != nil || len(found) != 1 || found[0].ID == "" {
		t.Fatalf("find: %+v %v", found, err)
	}
	rec, err := idx.Document(ctx, found[0].ID)
	if err != nil || !strings.Contains(rec.Items[0].Title, "Payroll") {
		t.Fatalf("the paper found: %+v %v", rec, err)
	}
	rep, err := proj.Ask(ctx, found[0])
	if err != nil || rep.Source != filepath.Base(rec.Path) {
		t.Errorf("ask read %v, want %s: %v", rep, filepath.Base(rec.Path), err)
	}
}
