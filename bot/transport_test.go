package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/index"
)

// Socket Mode: envelopes are acknowledged and answered in the thread.
func TestSocketMode(t *testing.T) {
	fs := newFakeSlack(t)
	var calls atomic.Int32
	healthAddr := freeAddr(t)
	b, _ := newTestBot(t, fs, searchDeps(&calls, nil), func(c *Config) { c.AppToken, c.HealthAddr = "xapp-test", healthAddr })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	// The client opens the connection through apps.connections.open; the
	// fake server's websocket accepts it. Repeat hello until the bot has
	// answered, as the connection may not be up yet.
	env := `{"envelope_id":"env-1","type":"events_api","payload":{"type":"event_callback","event_id":"EvS1","event":{"type":"app_mention","user":"U1","text":"<@UBOT> search placement","ts":"1800000000.000500","channel":"C5"}}}`
	cmd := `{"envelope_id":"env-2","type":"slash_commands","payload":{"command":"/scrutineer","text":"help","channel_id":"C6","user_id":"U1"}}`
	posted := make(chan struct{})
	go func() {
		for {
			select {
			case <-posted:
				return
			case <-time.After(300 * time.Millisecond):
				fs.srv.SendToWebsocket(`{"type":"hello","num_connections":1}`)
				fs.srv.SendToWebsocket(env)
			}
		}
	}()
	p := fs.waitPost(t)
	close(posted)
	// Connected and answering: the health check says so.
	if code, body := getHealth(t, healthAddr); code != http.StatusOK || body != "ok\n" {
		t.Errorf("health check while connected: %d %q", code, body)
	}
	if p.Get("channel") != "C5" || p.Get("thread_ts") != "1800000000.000500" || !strings.Contains(p.Get("blocks"), "Fostering Service Annual Report") {
		t.Errorf("reply %v", p)
	}
	fs.srv.SendToWebsocket(cmd)
	h := fs.waitPostContaining(t, "What Scrutineer can do")
	if h.Get("channel") != "C6" {
		t.Errorf("help posted to %q", h.Get("channel"))
	}
	// Acks travel on the websocket separately from the posts: wait for
	// both to arrive.
	for deadline := time.Now().Add(10 * time.Second); ; {
		acked := map[string]bool{}
		for _, m := range fs.srv.GetSeenInboundMessages() {
			var a struct {
				EnvelopeID string `json:"envelope_id"`
			}
			if json.Unmarshal([]byte(m), &a) == nil {
				acked[a.EnvelopeID] = true
			}
		}
		if acked["env-1"] && acked["env-2"] {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("envelopes not acknowledged: %v", fs.srv.GetSeenInboundMessages())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("event answered %d times, want 1 (repeats are dropped)", n)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
	if _, err := http.Get("http://" + healthAddr + PathHealth); err == nil {
		t.Error("health check still listening after the bot stopped")
	}
}

// freeAddr returns a local address no one listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func getHealth(t *testing.T, addr string) (int, string) {
	t.Helper()
	res, err := http.Get("http://" + addr + PathHealth)
	if err != nil {
		t.Fatalf("health check: %v", err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// The Socket Mode health check is unhealthy until connected and after a
// dropped connection; a bad address is an error at start-up.
func TestSocketModeHealth(t *testing.T) {
	b, _ := newTestBot(t, nil, Deps{})
	addr := freeAddr(t)
	stop, err := b.listenHealth(context.Background(), addr, &b.health)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	for _, tc := range []struct {
		connected bool
		want      int
	}{{false, http.StatusServiceUnavailable}, {true, http.StatusOK}, {false, http.StatusServiceUnavailable}} {
		b.health.connected.Store(tc.connected)
		if code, _ := getHealth(t, addr); code != tc.want {
			t.Errorf("connected=%v: %d, want %d", tc.connected, code, tc.want)
		}
	}
	if _, err := b.listenHealth(context.Background(), addr, &b.health); err == nil || !strings.Contains(err.Error(), "health check listener") {
		t.Errorf("second listener on %s: %v", addr, err)
	}
}

// The console holds the same conversations as plain text.
func TestConsole(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "wexcombe-cyp-2026-10-14.pdf")
	if err := os.WriteFile(pack, samplePDF, 0o644); err != nil {
		t.Fatal(err)
	}
	notPDF := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notPDF, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	var added atomic.Int32
	deps := Deps{
		Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
			return &index.Results{Total: 3, Hits: sampleHits()}, nil
		}},
		Library: fakeLibrary{
			find: func(ctx context.Context, text string, limit int) ([]Paper, error) {
				return []Paper{{Source: "wexcombe-cyp-2026-10-14.pdf", Item: "5", Title: "Fostering Service Annual Report"}}, nil
			},
			ask: func(ctx context.Context, p Paper) (*analysis.Report, error) { return fosteringReport(), nil },
		},
		Briefer: fakeBriefer{
			brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
				return fosteringReport(), nil
			},
			add: func(ctx context.Context, name string, data []byte) error { added.Add(1); return nil },
		},
		Render: func(w io.Writer, format string, r *analysis.Report) error {
			_, err := w.Write([]byte("# brief\n"))
			return err
		},
	}
	b, _ := newTestBot(t, nil, deps, func(c *Config) { c.BotToken, c.SigningSecret, c.ConsoleDir = "", "", dir })
	in := strings.NewReader("help\nsearch placement stability\n\nask fostering\nbrief " + pack + "\nbrief\nbrief " + notPDF + "\nbrief " + filepath.Join(dir, "missing.pdf") + "\nwhat now\nquit\nsearch never reached\n")
	var out bytes.Buffer
	if err := b.RunConsole(context.Background(), in, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"What Scrutineer can do",
		"Item 5: Fostering Service Annual Report", "(p. 63 (PDF p. 65) · wexcombe-cyp-2026-10-14.pdf", "long-term placement stability fell",
		"I picked “Fostering Service Annual Report”", "1. On what the report says", "p. 66 (PDF p. 68): “approvals fell from 31 to 19”",
		"Briefing: wexcombe-cyp-2026-10-14.pdf", "Saved the file to " + filepath.Join(dir, "wexcombe-cyp-2026-10-14-brief.md"),
		"“notes.txt” is not a PDF",
		"Give the path of a PDF",
		"I cannot open " + filepath.Join(dir, "missing.pdf"),
		"I did not understand that.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("console output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "named child") || strings.Contains(got, "never reached") {
		t.Errorf("console showed an exempt hit or read past quit:\n%s", got)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "wexcombe-cyp-2026-10-14-brief.md")); err != nil || string(data) != "# brief\n" {
		t.Errorf("brief file: %q %v", data, err)
	}
	if added.Load() != 1 {
		t.Errorf("pack added to the index %d times", added.Load())
	}
}

// Exempt material is shown only in channels the configuration allows.
func TestExemptOnlyInAllowedChannels(t *testing.T) {
	exemptReport := &analysis.Report{Items: []analysis.ItemReport{
		{Number: "9", Title: "Placement of a named child", Exempt: true, Questions: []analysis.Question{{Text: "Is the placement meeting the child's needs?", Kind: analysis.KindEvidence}}},
	}}
	cases := []struct {
		channel string
		verb    string
		shown   bool
	}{
		{"C1", "search", false},
		{secretChan, "search", true},
		{"C1", "ask", false},
		{secretChan, "ask", true},
		{ConsoleChannel, "search", false},
	}
	for _, c := range cases {
		t.Run(c.channel+"/"+c.verb, func(t *testing.T) {
			var include atomic.Bool
			deps := Deps{
				Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
					include.Store(q.IncludeExempt)
					return &index.Results{Total: 3, Hits: sampleHits()}, nil
				}},
				Library: fakeLibrary{
					find: func(ctx context.Context, text string, limit int) ([]Paper, error) {
						return []Paper{{Source: "p.pdf", Item: "9", Title: "Placement of a named child", Exempt: true}}, nil
					},
					ask: func(ctx context.Context, p Paper) (*analysis.Report, error) { return exemptReport, nil },
				},
			}
			b, _ := newTestBot(t, nil, deps)
			out := &recorder{}
			b.handle(context.Background(), request{channel: c.channel, cmd: command{Verb: c.verb, Arg: "placement"}}, out)
			got := out.String()
			if shown := strings.Contains(got, "named child"); shown != c.shown {
				t.Errorf("exempt material shown=%v, want %v:\n%s", shown, c.shown, got)
			}
			if c.verb == "search" && include.Load() != c.shown {
				t.Errorf("query IncludeExempt=%v, want %v", include.Load(), c.shown)
			}
			if c.verb == "ask" && !c.shown && !strings.Contains(got, "I could not find a paper") {
				t.Errorf("no plain answer when the only match is exempt:\n%s", got)
			}
		})
	}
}

// recorder collects replies as console text.
type recorder struct{ bytes.Buffer }

func (r *recorder) say(_ context.Context, rep Reply) error {
	r.WriteString(rep.text())
	if rep.File != nil {
		r.WriteString("[file " + rep.File.Name + "]\n")
	}
	return nil
}

// A panic while analysing one file is answered with an apology and the
// bot keeps answering; errors are plain sentences.
func TestFailuresAreContained(t *testing.T) {
	fs := newFakeSlack(t)
	fileJSON := fs.addFile("F1", "broken.pdf", samplePDF)
	deps := Deps{
		Briefer: fakeBriefer{
			brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
				var m map[string]int
				m["boom"]++ // a bug in the analysis
				return nil, nil
			},
			add: func(ctx context.Context, name string, data []byte) error { return nil },
		},
		Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
			return nil, fmt.Errorf("search %q: open index /var/idx: read meta: unexpected EOF", q.Text)
		}},
	}
	b, logs := newTestBot(t, fs, deps)
	base := startHTTP(t, b)
	ev := eventBody("EvP", `{"type":"app_mention","user":"U1","text":"<@UBOT>","ts":"1800000000.000600","channel":"C1","files":[`+fileJSON+`]}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	p := fs.waitPostContaining(t, "Sorry, something went wrong on my side")
	if p.Get("thread_ts") != "1800000000.000600" {
		t.Errorf("apology not in thread: %v", p)
	}
	ev = eventBody("EvQ", `{"type":"app_mention","user":"U1","text":"<@UBOT> search placement","ts":"1800000000.000700","channel":"C1"}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	p = fs.waitPostContaining(t, "Sorry, I could not search the papers: something went wrong on my side")
	if strings.Contains(p.Get("blocks"), "unexpected EOF") || strings.Contains(p.Get("blocks"), "goroutine") {
		t.Errorf("error details shown to the user: %s", p.Get("blocks"))
	}
	if !strings.Contains(logs.String(), "assignment to entry in nil map") || !strings.Contains(logs.String(), "unexpected EOF") {
		t.Errorf("panic or search failure not logged:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "placement") {
		t.Errorf("the user's words reached the logs through an error:\n%s", logs.String())
	}
}

// Shutdown finishes work that ends within the wait, abandons work that
// does not, and refuses new work.
func TestShutdown(t *testing.T) {
	cases := []struct {
		name   string
		wait   time.Duration
		stuck  bool
		posted bool
	}{
		{"finishes", 10 * time.Second, false, true},
		{"abandons", 50 * time.Millisecond, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := newFakeSlack(t)
			started := make(chan struct{}, 1)
			ended := make(chan error, 1)
			release := make(chan struct{})
			deps := Deps{Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
				started <- struct{}{}
				if c.stuck {
					<-ctx.Done()
				} else {
					<-release
				}
				ended <- ctx.Err()
				return &index.Results{Total: 1, Hits: sampleHits()[:1]}, ctx.Err()
			}}}
			b, _ := newTestBot(t, fs, deps, func(cfg *Config) { cfg.Limits.ShutdownWait = c.wait })
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			served := make(chan error, 1)
			go func() { served <- b.serve(ctx, ln) }()
			body := slashBody("C1", "public search placement")
			postSigned(t, "http://"+ln.Addr().String(), PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
			<-started
			cancel()
			close(release)
			if err := <-served; err != nil {
				t.Errorf("serve: %v", err)
			}
			// serve has returned: the job has ended one way or the other.
			err = <-ended
			if c.stuck != errors.Is(err, context.Canceled) {
				t.Errorf("job ended with %v; abandoned is %v", err, c.stuck)
			}
			posted, told := false, false
			for len(fs.posts) > 0 {
				blocks := (<-fs.posts).Get("blocks")
				posted = posted || strings.Contains(blocks, "Fostering")
				told = told || strings.Contains(blocks, "I am shutting down")
			}
			if posted != c.posted || told != c.stuck {
				t.Errorf("result posted=%v, want %v; told of shutdown=%v, want %v", posted, c.posted, told, c.stuck)
			}
			if b.spawn("late", &recorder{}, func(context.Context, responder) { t.Error("work started after shutdown") }) {
				t.Error("spawn accepted work after shutdown")
			}
		})
	}
}

// Run without an app token serves HTTP, checks the token with auth.test
// first, and returns cleanly when cancelled.
func TestRunHTTPStops(t *testing.T) {
	fs := newFakeSlack(t)
	b, logs := newTestBot(t, fs, Deps{}, func(c *Config) { c.Addr = "127.0.0.1:0" })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(logs.String(), "serving slack over http"); {
		if time.Now().After(deadline) {
			t.Fatalf("server never started:\n%s", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
	if b.botUser.Load().(string) == "" {
		t.Error("bot user not learnt from auth.test")
	}
}

// Without a bot token the Slack transports refuse to start.
func TestSlackNeedsTokens(t *testing.T) {
	b, _ := newTestBot(t, nil, Deps{}, func(c *Config) { c.BotToken = ""; c.AppToken = "xapp-1" })
	if err := b.Run(context.Background()); !errors.Is(err, ErrNoToken) {
		t.Errorf("socket mode without bot token: %v", err)
	}
	b, _ = newTestBot(t, nil, Deps{}, func(c *Config) { c.BotToken = "" })
	if err := b.RunHTTP(context.Background(), "127.0.0.1:0"); !errors.Is(err, ErrNoToken) {
		t.Errorf("http without bot token: %v", err)
	}
}

// A request that outlives limits.job_timeout is stopped and the user told.
func TestJobTimeout(t *testing.T) {
	deps := Deps{Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
		<-ctx.Done()
		return nil, errors.New("search interrupted")
	}}}
	b, _ := newTestBot(t, nil, deps, func(c *Config) { c.Limits.JobTimeout = 20 * time.Millisecond })
	out := &syncRecorder{}
	b.run("test", request{channel: "C1", cmd: command{Verb: verbSearch, Arg: "placement"}}, out)
	b.shutdown() // waits for the job
	if got := out.String(); !strings.Contains(got, "Sorry, I could not search the papers: it took too long, so I stopped.") {
		t.Errorf("reply %q", got)
	}
}

// syncRecorder is a recorder safe to read after a job wrote to it.
type syncRecorder struct {
	mu sync.Mutex
	r  recorder
}

func (s *syncRecorder) say(ctx context.Context, rep Reply) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.r.say(ctx, rep)
}

func (s *syncRecorder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.r.String()
}

// With every job slot taken, a new request says it is queued, then runs.
func TestQueuedRequestIsTold(t *testing.T) {
	release := make(chan struct{})
	started := make(chan string, 2)
	deps := Deps{Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
		started <- q.Text
		if q.Text == "first" {
			<-release
		}
		return &index.Results{}, nil
	}}}
	b, _ := newTestBot(t, nil, deps, func(c *Config) { c.Limits.Jobs = 1 })
	first, second := &syncRecorder{}, &syncRecorder{}
	b.run("test", request{cmd: command{Verb: verbSearch, Arg: "first"}}, first)
	if got := <-started; got != "first" {
		t.Fatalf("started %q", got)
	}
	b.run("test", request{cmd: command{Verb: verbSearch, Arg: "second"}}, second)
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(second.String(), "yours is next in the queue"); {
		if time.Now().After(deadline) {
			t.Fatalf("queued request not told: %q", second.String())
		}
		time.Sleep(time.Millisecond)
	}
	close(release)
	b.shutdown()
	if !strings.Contains(second.String(), "Nothing in the papers matches") || strings.Contains(first.String(), "queue") {
		t.Errorf("first %q, second %q", first.String(), second.String())
	}
}
