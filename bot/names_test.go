package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

func TestSafeName(t *testing.T) {
	long := strings.Repeat("é", 150) + ".pdf"
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"pack.pdf", "pack.pdf", true},
		{"  pack.pdf ", "pack.pdf", true},
		{"papers/pack.pdf", "pack.pdf", true},
		{`..\..\windows\pack.pdf`, "pack.pdf", true},
		{"../../etc/passwd", "passwd", true},
		{"pack\x00\n.pdf", "pack__.pdf", true},
		{"", "", false},
		{".", "", false},
		{"..", "", false},
		{"   ", "", false},
		{"papers/", "", false},
		{"a/..", "", false},
		{`a\.`, "", false},
	}
	for _, c := range cases {
		got, ok := safeName(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("safeName(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	got, ok := safeName(long)
	if !ok || len(got) > maxNameBytes || !strings.HasSuffix(got, ".pdf") || !strings.HasPrefix(got, "éé") {
		t.Errorf("safeName(long) = %q (%d bytes), %v", got, len(got), ok)
	}
}

// keep never writes outside its folder, whatever the name.
func TestProjectKeepRefusesNames(t *testing.T) {
	root := t.TempDir()
	p := &Project{Dir: filepath.Join(root, "shared")}
	for _, name := range []string{"", ".", "..", "../x.pdf", "a/b.pdf", `a\b.pdf`} {
		if path, err := p.keep(name, strings.Repeat("a", 64), []byte("%PDF-x")); err == nil {
			t.Errorf("keep(%q) wrote %s", name, path)
		}
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if e.Name() != "shared" {
			t.Errorf("%s written beside the shared folder", e.Name())
		}
	}
}

// A signed request sent twice within the replay window is acknowledged
// both times and acted on once; the same command signed anew acts again.
func TestReplayedRequestActsOnce(t *testing.T) {
	fs := newFakeSlack(t)
	var calls atomic.Int32
	b, logs := newTestBot(t, fs, searchDeps(&calls, nil))
	base := startHTTP(t, b)
	body := slashBody("C1", "public search placement stability")
	h := sign(testSecret, time.Now(), body)
	for i := 0; i < 2; i++ {
		if resp := postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, h); resp.StatusCode != http.StatusOK {
			t.Fatalf("request %d: status %d", i+1, resp.StatusCode)
		}
	}
	fs.waitPostContaining(t, "Search: placement stability")
	postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now().Add(-time.Second), body))
	fs.waitPostContaining(t, "Search: placement stability")
	b.shutdown()
	if n := calls.Load(); n != 2 {
		t.Errorf("search ran %d times, want 2 (the replay dropped)", n)
	}
	if !strings.Contains(logs.String(), "dropped a request already served") {
		t.Errorf("replay not logged:\n%s", logs.String())
	}
}

// The replay memory is bounded: past its size the oldest keys go.
func TestSeenSetBounded(t *testing.T) {
	s := newSeenSet(time.Hour, 3)
	for i := 0; i < 10; i++ {
		if !s.first(fmt.Sprint(i)) {
			t.Fatalf("key %d not new", i)
		}
		time.Sleep(time.Millisecond) // distinct times
	}
	if len(s.seen) != 3 {
		t.Errorf("%d keys kept, want 3", len(s.seen))
	}
	if s.first("9") || !s.first("0") {
		t.Error("the newest key was forgotten, or the oldest remembered")
	}
}

// A shared file whose briefing fails is named in the logs by its
// reference, never by its name, which may say what an exempt report is.
func TestLogsDoNotNameFiles(t *testing.T) {
	const name = "Exempt-placement-of-child-AB.pdf"
	fs := newFakeSlack(t)
	fileJSON := fs.addFile("FEX", name, samplePDF)
	brf := fakeBriefer{
		brief: func(ctx context.Context, n string, data []byte) (*analysis.Report, error) {
			return nil, fmt.Errorf("read /srv/shared/%s: %w", n, errors.New("malformed PDF"))
		},
		add: func(ctx context.Context, n string, data []byte) error { return nil },
	}
	b, logs := newTestBot(t, fs, Deps{Briefer: brf})
	base := startHTTP(t, b)
	ev := eventBody("EvEx", `{"type":"app_mention","user":"U1","text":"<@UBOT>","ts":"1800000000.000900","channel":"C1","files":[`+fileJSON+`]}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	fs.waitPostContaining(t, "Sorry, I could not brief")
	b.shutdown()
	got := logs.String()
	if strings.Contains(got, "Exempt-placement") || strings.Contains(got, "child-AB") {
		t.Errorf("the file's name reached the logs:\n%s", got)
	}
	if !strings.Contains(got, fileRef(name)) || !strings.Contains(got, "malformed PDF") {
		t.Errorf("the failure is not logged with the file's reference:\n%s", got)
	}
}

// "ask" reads a paper's file again from the index's record: it works when
// the papers were ingested by a relative path from another folder than
// the bot runs in, reads the paper back from the index when the file is
// gone, and says plainly when the paper is gone too.
func TestAskFindsFilesFromAnotherFolder(t *testing.T) {
	ctx := context.Background()
	papers := t.TempDir()
	text := "Fostering Service Annual Report\n\nWe approved 31 new foster carers this year, against a target of 40.\n"
	if err := os.WriteFile(filepath.Join(papers, "fostering.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	idx, err := bleveindex.Open(filepath.Join(t.TempDir(), "idx"), bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	t.Chdir(papers)
	if _, err := idx.IngestPaths(ctx, []string{"fostering.txt"}, index.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // the bot runs elsewhere
	bk, err := bank.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := &Project{Index: idx, Analyzer: analysis.New(bk)}
	rep, err := p.Ask(ctx, Paper{Source: "fostering.txt"})
	if err != nil || len(rep.Items) == 0 {
		t.Fatalf("ask from another folder: %v", err)
	}
	if err := os.Remove(filepath.Join(papers, "fostering.txt")); err != nil {
		t.Fatal(err)
	}
	// The file gone, the paper is read back from what the index kept.
	again, err := p.Ask(ctx, Paper{Source: "fostering.txt"})
	if err != nil || !reflect.DeepEqual(again, rep) {
		t.Errorf("ask about a removed file: %v\n%+v\nwant\n%+v", err, again, rep)
	}
	// Taken out of the index too, it is gone.
	if err := idx.Delete(ctx, "fostering.txt"); err != nil {
		t.Fatal(err)
	}
	_, err = p.Ask(ctx, Paper{Source: "fostering.txt"})
	var ue userError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "I no longer have the file") {
		t.Errorf("ask about a removed paper: %v", err)
	}
}

// An index record from an earlier version may hold a relative path: it is
// looked for from here, then among the kept packs.
func TestLocateRelativePaths(t *testing.T) {
	root := t.TempDir()
	kept := filepath.Join(root, "shared")
	for _, p := range []string{filepath.Join(root, "papers", "a.pdf"), filepath.Join(kept, "b.pdf")} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("%PDF-x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(root)
	p := &Project{Dir: kept}
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"papers/a.pdf", filepath.Join(root, "papers", "a.pdf"), true},
		{"elsewhere/b.pdf", filepath.Join(kept, "b.pdf"), true},
		{"elsewhere/c.pdf", "", false},
		{"/abs/d.pdf", "/abs/d.pdf", true},
	}
	for _, c := range cases {
		got, ok := p.locate(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("locate(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// FuzzSafeName feeds shared file names, which come from users: what is
// kept is a plain name inside the folder, or refused.
func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"pack.pdf", "", ".", "..", "a/../..", `..\`, "/", "a\x00b.pdf", strings.Repeat("x", 300) + ".pdf", "\xff\xfe.pdf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			name, ok := safeName(s)
			switch {
			case !ok:
				return nil
			case name == "" || name == "." || name == "..":
				return fmt.Errorf("safeName(%q) kept %q", s, name)
			case strings.ContainsAny(name, `/\`) || !filepath.IsLocal(name):
				return fmt.Errorf("safeName(%q) = %q, not a plain name", s, name)
			case len(name) > maxNameBytes || !utf8.ValidString(name):
				return fmt.Errorf("safeName(%q) = %q: too long or not UTF-8", s, name)
			}
			return nil
		})
	})
}
