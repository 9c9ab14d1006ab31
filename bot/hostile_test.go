package bot

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/corpus/corpustest/hostile"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// TestHostilePDFs runs TestHostilePDFsChild in a child process, so that
// reads the bot abandons end with it, and checks it passed in time.
func TestHostilePDFs(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	const deadline = 2 * time.Minute
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostilePDFsChild$", "-test.v")
	cmd.Env = append(os.Environ(), "SCRUTINEER_BOT_HOSTILE=1")
	done := make(chan struct{})
	var out []byte
	var err error
	go func() { out, err = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(deadline):
		cmd.Process.Kill()
		<-done
		t.Fatalf("the bot did not get through the hostile PDFs within %v:\n%s", deadline, out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS: TestHostilePDFsChild") {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, "hostile_test.go") {
			t.Log(strings.TrimSpace(l))
		}
	}
}

// TestHostilePDFsChild shares every hostile PDF with the bot at once, with
// the real reader, analysis and index behind it: each thread gets a
// briefing or a plain apology, and a search sent after them is answered.
func TestHostilePDFsChild(t *testing.T) {
	if os.Getenv("SCRUTINEER_BOT_HOSTILE") == "" {
		t.Skip("run by TestHostilePDFs in a child process")
	}
	bk, err := bank.Default()
	if err != nil {
		t.Fatal(err)
	}
	idx, err := bleveindex.Open(filepath.Join(t.TempDir(), "idx"), bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	fs := newFakeSlack(t)
	proj := &Project{Index: idx, Analyzer: analysis.New(bk), Dir: filepath.Join(t.TempDir(), "shared")}
	deps := proj.Deps()
	deps.Search = searchDeps(new(atomic.Int32), nil).Search
	b, _ := newTestBot(t, fs, deps, func(c *Config) { c.Limits.JobTimeout = 1500 * time.Millisecond })
	b.jobGrace = 500 * time.Millisecond
	base := startHTTP(t, b)
	start := time.Now()
	threads := map[string]string{}
	for i, f := range hostile.Files() {
		ts := fmt.Sprintf("1800000100.%06d", i)
		threads[ts] = f.Name
		fileJSON := fs.addFile(fmt.Sprintf("FH%d", i), f.Name+".pdf", f.Data)
		ev := eventBody("EvH"+fmt.Sprint(i), `{"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"","ts":"`+ts+`","channel":"D1","files":[`+fileJSON+`]}`)
		postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	}
	body := slashBody("C1", "public search placement")
	postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
	finals := []string{"Briefing:", "Sorry", "cannot", "has no text"}
	searched := false
	for len(threads) > 0 || !searched {
		p := fs.waitPost(t)
		text := p.Get("blocks") + p.Get("text")
		if strings.Contains(text, "Search: placement") {
			searched = true
			t.Logf("search answered after %v", time.Since(start).Round(100*time.Millisecond))
			continue
		}
		name, ok := threads[p.Get("thread_ts")]
		if !ok {
			continue
		}
		for _, f := range finals {
			if strings.Contains(p.Get("text"), f) {
				t.Logf("%s: %.90s (%v)", name, p.Get("text"), time.Since(start).Round(100*time.Millisecond))
				delete(threads, p.Get("thread_ts"))
				break
			}
		}
	}
}
