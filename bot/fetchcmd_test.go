package bot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/index"
)

// fakeIngester records the papers a fetch adds; each pack's brief is the
// fostering report.
type fakeIngester struct {
	mu    sync.Mutex
	added []string
}

func (f *fakeIngester) IngestFile(_ context.Context, path string, _ index.Origin) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.added = append(f.added, filepath.Base(path))
	return nil
}

func (f *fakeIngester) BriefFile(context.Context, string) (*analysis.Report, error) {
	return fosteringReport(), nil
}

func (f *fakeIngester) papers() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.added...)
}

// countingSite is a ModernGov site that answers nothing and counts the
// requests it gets.
func countingSite(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// A fetch that cannot or must not start says why and fetches nothing:
// none configured (and how to configure one), no index, a site asked for
// by name, a fetch already running (scheduled or asked for, which is let
// run).
func TestFetchCommandRefuses(t *testing.T) {
	site, requests := countingSite(t)
	configured := func(c *Config) {
		c.Index = filepath.Join(t.TempDir(), "index")
		c.Fetch = FetchSchedule{Sites: []string{site.URL}, Every: 6 * time.Hour, Delay: time.Millisecond}
	}
	for _, tc := range []struct {
		name, text string
		config     func(*Config)
		ingest     bool
		running    string
		want       []string
	}{
		{name: "none configured", text: "fetch", ingest: true,
			want: []string{"No fetch of the council's website is set up on this bot", "`fetch:` with `sites:`", "SCRUTINEER_FETCH_SITES and SCRUTINEER_FETCH_EVERY"}},
		{name: "no index", text: "fetch", config: func(c *Config) { configured(c); c.Index = "" }, ingest: true,
			want: []string{"it has no index to add the papers to"}},
		{name: "no ingester", text: "fetch", config: configured,
			want: []string{"it has no index to add the papers to"}},
		{name: "another site", text: "fetch democracy.elsewhere.gov.uk", config: configured, ingest: true,
			want: []string{"I fetch only the sites and committees my configuration names"}},
		{name: "scheduled fetch running", text: "fetch now", config: configured, ingest: true, running: fetchBySchedule,
			want: []string{"The scheduled fetch of the council's website is running now, so I have not started another"}},
		{name: "asked fetch running", text: "fetch", config: configured, ingest: true, running: fetchByAsking,
			want: []string{"A fetch of the council's website is already running, so I have not started another"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFakeSlack(t)
			deps := Deps{}
			if tc.ingest {
				deps.Ingest = &fakeIngester{}
			}
			edit := []func(*Config){}
			if tc.config != nil {
				edit = append(edit, tc.config)
			}
			b, _ := newTestBot(t, fs, deps, edit...)
			if tc.running != "" {
				if _, ok := b.sched.claimFetch(tc.running); !ok {
					t.Fatal("could not mark a fetch running")
				}
			}
			base := startHTTP(t, b)
			before := requests.Load()
			body := slashAs(fs, "C0GENERAL", "U1", tc.text)
			postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
			got := fs.waitHook(t)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("answer lacks %q:\n%s", w, got)
				}
			}
			if strings.Contains(got, "Fetching the council's papers now") {
				t.Errorf("a fetch was started:\n%s", got)
			}
			// Nothing more comes, and the site is not asked.
			select {
			case m := <-fs.hooks:
				t.Errorf("another answer: %v", m["text"])
			case <-time.After(300 * time.Millisecond):
			}
			if n := requests.Load() - before; n != 0 {
				t.Errorf("the site got %d requests", n)
			}
			b.sched.fetchMu.Lock()
			running := b.sched.fetching
			b.sched.fetchMu.Unlock()
			if running != tc.running {
				t.Errorf("fetch running after the refusal: %q, want %q", running, tc.running)
			}
		})
	}
}

// /scrutineer fetch runs the configured fetch now: the asker is told
// privately that it started and then what came (new, changed, unchanged,
// the papers the site could not give and why); the new agenda pack is
// briefed in the papers channel and the saved search told, as for a
// scheduled fetch. The same words in a direct message fetch again, and
// find nothing new.
func TestFetchCommandFetches(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and indexes a whole pack")
	}
	b, logs, fs, site, idx := wexcombeBot(t)
	base := startHTTP(t, b)
	host := strings.TrimPrefix(site.URL, "http://")

	body := slashAs(fs, "C0GENERAL", "U1", "fetch")
	postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
	if got := fs.waitHook(t); !strings.Contains(got, "Fetching the council's papers now from "+host+" (committees whose name contains children and young people)") {
		t.Errorf("the start is not told:\n%s", got)
	}
	brief, alert := fs.waitBriefAndAlert(t)
	if !strings.Contains(blocksOf(t, brief), "A new agenda pack is published on the council's website") || !strings.Contains(blocksOf(t, alert), "New for saved search 1: foster carers") {
		t.Errorf("want the pack's brief in the papers channel and the saved search's alert; got\nbrief: %s\nalert: %s", blocksOf(t, brief), blocksOf(t, alert))
	}
	fs.waitUpload(t)
	fs.waitUpload(t)
	report := fs.waitHook(t)
	for _, want := range []string{
		"Fetched from the council's website", host,
		"1 new paper, 0 changed, 0 unchanged. 1 added to the index",
		"The brief of 1 new agenda pack was posted in the papers channel",
		"Not fetched from " + host + " (1)", "Printed minutes", "404 Not Found",
		"Saved searches are told of their new passages",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
	if res, err := idx.Search(context.Background(), index.Query{Text: "foster carers", Limit: 1, NoFacets: true}); err != nil || len(res.Hits) == 0 {
		t.Fatalf("the fetched pack is not searchable: %v", err)
	}
	if !strings.Contains(logs.String(), `"msg":"fetch asked for"`) {
		t.Errorf("the fetch asked for is not logged:\n%s", logs.String())
	}

	// In a direct message: the same, in its thread; nothing new.
	ev := eventBody("EvFetchDM", `{"type":"message","channel_type":"im","user":"U1","text":"fetch","ts":"1800000000.000900","channel":"D1"}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	started := fs.waitPost(t)
	if started.Get("channel") != "D1" || started.Get("thread_ts") != "1800000000.000900" || !strings.Contains(started.Get("text"), "Fetching the council's papers now") {
		t.Errorf("the start is not told in the message's thread: %s in %s (%s)", started.Get("text"), started.Get("channel"), started.Get("thread_ts"))
	}
	done := fs.waitPost(t)
	if text := blocksOf(t, done); done.Get("channel") != "D1" || !strings.Contains(text, "No new papers, 0 changed, 1 unchanged.") || strings.Contains(text, "added to the index") {
		t.Errorf("the second fetch's report in %s:\n%s", done.Get("channel"), text)
	}
	fs.noMorePosts(t, "a fetch with nothing new")
}

// One fetch at a time: while one asked for is running, asking again is
// told so, and the schedule lets it be; once it ends the schedule fetches
// again. The pack is added once.
func TestFetchOneAtATime(t *testing.T) {
	site := newWexcombeSite(t)
	release := make(chan struct{})
	held := make(chan struct{}, 100)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		held <- struct{}{}
		<-release
		site.Config.Handler.ServeHTTP(w, r)
	}))
	t.Cleanup(slow.Close)
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	t.Cleanup(free)

	fs := newFakeSlack(t)
	ing := &fakeIngester{}
	b, logs := newTestBot(t, fs, Deps{Ingest: ing}, func(c *Config) {
		c.Index = filepath.Join(t.TempDir(), "index")
		c.Fetch = FetchSchedule{Sites: []string{slow.URL}, Every: 6 * time.Hour, Delay: time.Millisecond}
	})
	run := scheduleRuns(t, b, wexcombeMeetingWeek)
	t.Cleanup(free) // before the schedule stops
	base := startHTTP(t, b)
	slash := func(text string) string {
		t.Helper()
		body := slashAs(fs, "C0GENERAL", "U1", text)
		postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
		return fs.waitHook(t)
	}
	if got := slash("fetch"); !strings.Contains(got, "Fetching the council's papers now") {
		t.Fatalf("the fetch did not start:\n%s", got)
	}
	select {
	case <-held:
	case <-time.After(10 * time.Second):
		t.Fatal("the fetch asked for did not reach the site")
	}
	// (Other words: the same signed request twice is acted on once.)
	if got := slash("fetch now"); !strings.Contains(got, "A fetch of the council's website is already running, so I have not started another") {
		t.Errorf("a second fetch was not refused:\n%s", got)
	}
	if err := run(); err != errFetchRunning {
		t.Errorf("the scheduled fetch during one asked for: %v, want it skipped", err)
	}
	if !strings.Contains(logs.String(), "scheduled fetch skipped: a fetch is already running") {
		t.Errorf("the skipped scheduled fetch is not logged:\n%s", logs.String())
	}

	free()
	if got := fs.waitHook(t); !strings.Contains(got, "1 new paper, 0 changed, 0 unchanged. 1 added to the index") {
		t.Errorf("the report of the fetch asked for:\n%s", got)
	}
	// The fetch has ended: the schedule fetches again, and finds nothing new.
	if err := run(); err != nil {
		t.Errorf("the next scheduled fetch: %v", err)
	}
	if got := ing.papers(); len(got) != 1 || !strings.Contains(got[0], "Public reports pack") {
		t.Errorf("papers added %q, want the pack once", got)
	}
}

// The console's fetch answers before the next line: it says it started,
// shows the pack's brief as posted in the papers channel, then what came;
// with no fetch configured it says how to configure one.
func TestConsoleFetch(t *testing.T) {
	site := newWexcombeSite(t)
	for _, tc := range []struct {
		name      string
		fetch     FetchSchedule
		lines     string
		want, not []string
	}{
		{name: "none configured", lines: "fetch\n", want: []string{"No fetch of the council's website is set up on this bot"}, not: []string{"Fetching"}},
		{name: "fetch twice", lines: "/scrutineer fetch\n@scrutineer fetch\n",
			fetch: FetchSchedule{Sites: []string{site.URL}, Every: 6 * time.Hour, Channel: "C0PAPERS", Delay: time.Millisecond},
			want: []string{
				"[only you can see this]\n  Fetching the council's papers now from " + strings.TrimPrefix(site.URL, "http://") + ".",
				"→ posted in channel C0PAPERS\n", "A new agenda pack is published on the council's website: Children and Young People Scrutiny Committee",
				"[only you can see this]\nFetched from the council's website",
				"1 new paper, 0 changed, 0 unchanged. 1 added to the index: searches find them from now on. The brief of 1 new agenda pack was posted",
				"Not fetched from " + strings.TrimPrefix(site.URL, "http://") + " (2)", "Printed minutes: get ", "404 Not Found",
				"↳ thread\n  │   Fetching the council's papers now",
				"  │   No new papers, 0 changed, 1 unchanged.",
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			b, _ := newTestBot(t, nil, Deps{Ingest: &fakeIngester{}}, func(c *Config) {
				c.BotToken = ""
				c.Index = filepath.Join(dir, "index")
				c.Fetch = tc.fetch
			})
			b.sched.clock = newFakeClock(wexcombeMeetingWeek)
			out := &syncBuffer{}
			if err := b.RunConsoleAs(context.Background(), strings.NewReader(tc.lines), out, ConsoleOptions{Channel: "C1"}); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			last := -1
			for _, w := range tc.want {
				i := strings.Index(got, w)
				if i < 0 {
					t.Errorf("output lacks %q:\n%s", w, got)
					continue
				}
				if i < last {
					t.Errorf("%q comes before what should precede it:\n%s", w, got)
				}
				last = i
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("output has %q:\n%s", n, got)
				}
			}
		})
	}
}
