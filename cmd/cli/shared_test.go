package cli

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"github.com/scrutineer/scrutineer/bot"
	"github.com/scrutineer/scrutineer/index/share"
)

// lockedBuffer is a buffer written by one goroutine and read by another.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

const testSigningSecret = "f0c1d2e3b4a5968778695a4b3c2d1e0f"

// runningBot is `scrutineer serve` over HTTP on an index, talking to a
// fake Slack.
type runningBot struct {
	base  string
	posts chan url.Values
	logs  *lockedBuffer
	stop  func() int
}

// startServe runs `scrutineer serve` in HTTP mode on idx, against a
// slacktest Slack, and waits until both the bot and the index socket
// answer.
func startServe(t *testing.T, idx string) *runningBot {
	t.Helper()
	rb := &runningBot{posts: make(chan url.Values, 20), logs: &lockedBuffer{}}
	slack := slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			v, _ := url.ParseQuery(string(body))
			rb.posts <- v
			fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1800000000.000001"}`, v.Get("channel"))
		})
	})
	slack.Start()
	t.Cleanup(slack.Stop)
	t.Setenv(bot.EnvBotToken, "xoxb-shared-index-test")
	t.Setenv(bot.EnvSigningSecret, testSigningSecret)
	t.Setenv(bot.EnvAPIURL, slack.GetAPIURL())
	t.Setenv(bot.EnvAppToken, "")

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	rb.base = "http://" + addr

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"serve", "--index", idx, "--addr", addr}, Stdio{In: strings.NewReader(""), Out: rb.logs, Err: rb.logs})
	}()
	var once sync.Once
	code := -1
	rb.stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(30 * time.Second):
				t.Error("serve did not stop within 30s")
			}
		})
		return code
	}
	t.Cleanup(func() { rb.stop() })

	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := share.Dial(t.Context(), idx)
		if err == nil {
			c.Close()
			if resp, err := http.Get(rb.base + bot.PathHealth); err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return rb
				}
			}
		}
		select {
		case code := <-done:
			t.Fatalf("serve stopped (exit %d): %s", code, rb.logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve not answering after 20s: %s", rb.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// slash sends a signed /scrutineer command to the bot and returns the
// blocks of the message it posts in reply.
func (rb *runningBot) slash(t *testing.T, text string) string {
	t.Helper()
	body := url.Values{
		"command": {"/scrutineer"}, "text": {text}, "channel_id": {"C0CHILDREN"}, "user_id": {"U0CLERK"},
		"team_id": {"T1"}, "response_url": {"https://hooks.slack.com/commands/T1/1/x"},
		// Each command is its own request, not a replay of the last.
		"trigger_id": {strconv.FormatInt(time.Now().UnixNano(), 10)},
	}.Encode()
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(testSigningSecret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	req, err := http.NewRequest(http.MethodPost, rb.base+bot.PathCommands, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("slash command: status %d", resp.StatusCode)
	}
	select {
	case v := <-rb.posts:
		return v.Get("blocks")
	case <-time.After(20 * time.Second):
		t.Fatalf("the bot posted no answer to %q: %s", text, rb.logs.String())
	}
	return ""
}

// While `scrutineer serve` runs on an index, the command line searches
// it, adds a paper the running bot then finds without a restart, lists
// and removes papers, several commands at once; the output is the same as
// when the command line opens the index itself. When the bot stops, its
// socket goes and the commands open the index again.
func TestCommandsShareTheBotsIndex(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "index")
	if code, _, errs := run(t, "ingest", "--index", idx, samplePack(t)); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	rb := startServe(t, idx)

	code, searched, errs := run(t, "search", "--index", idx, "foster carers")
	if code != ExitOK || !strings.Contains(searched, "match \"foster carers\"") {
		t.Fatalf("search while the bot runs: exit %d\n%s%s", code, searched, errs)
	}
	code, listed, errs := run(t, "papers", "--index", idx)
	if code != ExitOK || !strings.Contains(listed, "1 paper in index") {
		t.Fatalf("papers while the bot runs: exit %d\n%s%s", code, listed, errs)
	}

	// A clerk adds tonight's pack, while others search. Nothing in it
	// matches the searches, so each gives the same answer whether it runs
	// before or after the pack is in.
	pack := filepath.Join(t.TempDir(), "wexcombe-cyp-2026-12-01.txt")
	if err := os.WriteFile(pack, []byte("Special guardianship support\n\nThe panel reviewed special guardianship allowances paid to kinship families and the backlog of assessments.\n\nSpecial guardianship orders rose by a fifth; support plans were late for most of them.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	outs := make([]string, 6)
	codes := make([]int, 6)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := []string{"search", "--index", idx, "foster carers"}
			if i == 0 {
				args = []string{"ingest", "--index", idx, pack}
			}
			var out, errb strings.Builder
			codes[i] = Main(t.Context(), args, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb})
			outs[i] = out.String() + errb.String()
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != ExitOK {
			t.Errorf("command %d at once with others: exit %d: %s", i, c, outs[i])
		}
	}
	if !strings.Contains(outs[0], "added 1, updated 0, unchanged 0, skipped 0") {
		t.Errorf("ingest through the bot:\n%s", outs[0])
	}
	for _, o := range outs[1:] {
		if o != searched {
			t.Errorf("a search at the same time as others differs:\n%s\nwant\n%s", o, searched)
		}
	}

	// The running bot finds the new paper.
	if blocks := rb.slash(t, "public search special guardianship"); !strings.Contains(blocks, "wexcombe-cyp-2026-12-01.txt") {
		t.Errorf("the bot's search does not find the paper added while it runs:\n%s", blocks)
	}
	code, statusOut, errs := run(t, "status", "--index", idx)
	if code != ExitOK || !strings.Contains(statusOut, "2 papers") {
		t.Errorf("status while the bot runs: exit %d\n%s%s", code, statusOut, errs)
	}
	code, papersJSON, _ := run(t, "papers", "--index", idx, "--json")
	var papers []PaperInfo
	if err := json.Unmarshal([]byte(papersJSON), &papers); code != ExitOK || err != nil || len(papers) != 2 || papers[0].Path != pack || papers[0].Passages == 0 {
		t.Errorf("papers --json while the bot runs: exit %d, %v\n%s", code, err, papersJSON)
	}
	code, out, errs := run(t, "remove", "--index", idx, "wexcombe-cyp-2026-12-01.txt")
	// Remove names the paper it took out by its name and ID, as when run
	// without the bot.
	if code != ExitOK || !strings.HasPrefix(out, "removed wexcombe-cyp-2026-12-01.txt [") {
		t.Errorf("remove while the bot runs: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = run(t, "remove", "--index", idx, "wexcombe-cyp-2026-12-01.txt")
	if code != ExitFailed || !strings.Contains(errs, `no paper named "wexcombe-cyp-2026-12-01.txt"`) {
		t.Errorf("second remove while the bot runs: exit %d\n%s", code, errs)
	}
	code, _, errs = run(t, "search", "--index", idx, "-everything")
	if code != ExitUsage {
		t.Errorf("a query of only exclusions, through the bot: exit %d, want %d (usage)\n%s", code, ExitUsage, errs)
	}
	if blocks := rb.slash(t, "public search special guardianship"); strings.Contains(blocks, "wexcombe-cyp-2026-12-01.txt") {
		t.Errorf("the bot still finds the paper removed:\n%s", blocks)
	}

	if code, out, errs := run(t, "watch", "add", "--index", idx, "special guardianship"); code != ExitOK || !strings.Contains(out, "Watch 1") {
		t.Errorf("watch add while the bot runs: exit %d\n%s%s", code, out, errs)
	}
	// A paper added from the command line reaches a saved search's
	// channel through the running bot.
	if code, out, errs := run(t, "watch", "add", "--index", idx, "--channel", "C0ALERTS", "kinship allowances"); code != ExitOK || !strings.Contains(out, "Watch 2") {
		t.Fatalf("watch add --channel while the bot runs: exit %d\n%s%s", code, out, errs)
	}
	later := filepath.Join(t.TempDir(), "wexcombe-cyp-2027-01-12.txt")
	if err := os.WriteFile(later, []byte("Kinship care update\n\nKinship allowances were reviewed and raised for 40 families.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "ingest", "--index", idx, later); code != ExitOK {
		t.Fatalf("second ingest while the bot runs: %s", errs)
	}
	select {
	case v := <-rb.posts:
		if v.Get("channel") != "C0ALERTS" || !strings.Contains(v.Get("blocks"), "wexcombe-cyp-2027-01-12.txt") {
			t.Errorf("alert posted to %s: %s", v.Get("channel"), v.Get("blocks"))
		}
	case <-time.After(20 * time.Second):
		t.Errorf("no alert for the paper added from the command line: %s", rb.logs.String())
	}
	if code, _, errs := run(t, "remove", "--index", idx, "wexcombe-cyp-2027-01-12.txt"); code != ExitOK {
		t.Errorf("remove the second paper: %s", errs)
	}
	// A brief of a paper in the index reads it through the bot.
	code, briefed, errs := run(t, "brief", "--index", idx, "--source", "wexcombe-cyp-scrutiny-2026-10-14.pdf")
	if code != ExitOK || !strings.Contains(briefed, "Fostering Service Annual Report") {
		t.Errorf("brief --index while the bot runs: exit %d\n%s%s", code, briefed, errs)
	}

	if code := rb.stop(); code != ExitOK {
		t.Fatalf("serve exit %d: %s", code, rb.logs.String())
	}
	if _, err := os.Lstat(share.SocketPath(idx)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the socket is still there after the bot stopped: %v", err)
	}
	// The same commands, the index opened here: the same output.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "--index", idx, "foster carers"}, searched},
		{[]string{"papers", "--index", idx}, listed},
		{[]string{"brief", "--index", idx, "--source", "wexcombe-cyp-scrutiny-2026-10-14.pdf"}, briefed},
	} {
		code, out, errs := run(t, c.args...)
		if code != ExitOK || out != c.want {
			t.Errorf("%s without the bot: exit %d\n%s%s\nwant\n%s", c.args[0], code, out, errs, c.want)
		}
	}
}

// An index at a path too long for a socket in its folder is still shared:
// while the bot runs, the commands search it and add to it through the
// bot (the bot holds the index, so they could not open it), and when the
// bot stops they open it themselves again.
func TestCommandsShareALongIndexPath(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	idx := filepath.Join(t.TempDir(), strings.Repeat("d", 60), strings.Repeat("e", 60), "index")
	if code, _, errs := run(t, "ingest", "--index", idx, samplePack(t)); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	rb := startServe(t, idx)
	if code, out, errs := run(t, "search", "--index", idx, "foster carers"); code != ExitOK || !strings.Contains(out, "match \"foster carers\"") {
		t.Fatalf("search while the bot runs: exit %d\n%s%s", code, out, errs)
	}
	pack := filepath.Join(t.TempDir(), "wexcombe-cyp-2026-12-01.txt")
	if err := os.WriteFile(pack, []byte("Special guardianship support\n\nThe panel reviewed special guardianship allowances paid to kinship families.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := run(t, "ingest", "--index", idx, pack); code != ExitOK || !strings.Contains(out+errs, "added 1") {
		t.Fatalf("ingest while the bot runs: exit %d\n%s%s", code, out, errs)
	}
	if blocks := rb.slash(t, "public search special guardianship"); !strings.Contains(blocks, "wexcombe-cyp-2026-12-01.txt") {
		t.Errorf("the bot does not find the paper added through it:\n%s", blocks)
	}
	if code := rb.stop(); code != ExitOK {
		t.Fatalf("serve exit %d: %s", code, rb.logs.String())
	}
	if _, err := os.Lstat(filepath.Join(idx, share.PointerName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the pointer to the socket is left after the bot stopped: %v", err)
	}
	if code, out, errs := run(t, "status", "--index", idx); code != ExitOK || !strings.Contains(out, "2 papers") {
		t.Errorf("status after the bot stopped: exit %d\n%s%s", code, out, errs)
	}
}

// A socket left by a bot that was killed does not stop the commands: they
// open the index, and remove the socket.
func TestCommandsIgnoreAStaleSocket(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "index")
	if code, _, errs := run(t, "ingest", "--index", idx, samplePack(t)); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: share.SocketPath(idx), Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	ln.Close()
	code, out, errs := run(t, "search", "--index", idx, "foster carers")
	if code != ExitOK || !strings.Contains(out, "match \"foster carers\"") {
		t.Fatalf("search beside a stale socket: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Lstat(share.SocketPath(idx)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale socket left after the command held the index: %v", err)
	}
	// And a bot starts over one.
	ln, err = net.ListenUnix("unix", &net.UnixAddr{Name: share.SocketPath(idx), Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	ln.Close()
	startServe(t, idx)
	if code, out, errs := run(t, "status", "--index", idx); code != ExitOK || !strings.Contains(out, "1 paper") {
		t.Errorf("status through a bot started over a stale socket: exit %d\n%s%s", code, out, errs)
	}
}

// papers lists what the index holds, and says how to add some to an
// empty one.
func TestPapers(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "index")
	pack := samplePack(t)
	if code, _, errs := run(t, "ingest", "--index", idx, pack); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	code, out, errs := run(t, "papers", "--index", idx)
	if strings.Contains(out, "pages not kept") {
		t.Errorf("papers: a paper just ingested has its pages kept\n%s", out)
	}
	for _, want := range []string{"1 paper in index " + idx, "meeting ", " pages, ", " passages", "added ", filepath.Join(pack, "")} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("papers: exit %d, lacks %q\n%s%s", code, want, out, errs)
		}
	}
	code, out, _ = run(t, "papers", "--index", idx, "--json")
	var papers []PaperInfo
	if err := json.Unmarshal([]byte(out), &papers); code != ExitOK || err != nil || len(papers) != 1 || papers[0].Pages == 0 || papers[0].IngestedAt == "" || !filepath.IsAbs(papers[0].Path) || !papers[0].PagesKept {
		t.Errorf("papers --json: exit %d, %v\n%s", code, err, out)
	}
	if code, _, _ := run(t, "remove", "--index", idx, papers[0].Name); code != ExitOK {
		t.Fatal("remove failed")
	}
	if code, out, _ := run(t, "papers", "--index", idx); code != ExitOK || !strings.Contains(out, "No papers in index") {
		t.Errorf("papers of an empty index: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, "papers", "--index", filepath.Join(t.TempDir(), "none")); code != ExitFailed {
		t.Errorf("papers of no index: exit %d, want %d", code, ExitFailed)
	}
}
