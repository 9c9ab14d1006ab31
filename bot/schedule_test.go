package bot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
	"github.com/scrutineer/scrutineer/index/watch"
)

// fakeClock is a Clock a test moves on: each After waits until tick.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	pending chan chan time.Time
	waits   chan time.Duration
}

func newFakeClock(now time.Time) *fakeClock {
	return &fakeClock{now: now, pending: make(chan chan time.Time, 10), waits: make(chan time.Duration, 10)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	c.waits <- d
	c.pending <- ch
	return ch
}

// tick ends the scheduler's wait, moving the clock on by what it waited.
func (c *fakeClock) tick(t *testing.T) time.Duration {
	t.Helper()
	select {
	case ch := <-c.pending:
		d := <-c.waits
		c.mu.Lock()
		c.now = c.now.Add(d)
		now := c.now
		c.mu.Unlock()
		ch <- now
		return d
	case <-time.After(10 * time.Second):
		t.Fatal("the scheduler is not waiting for the clock")
		return 0
	}
}

// wexcombeSite serves the fictional council's ModernGov fixtures, with
// the bundled sample pack as its agenda pack; while down is set every
// request gets 500.
type wexcombeSite struct {
	*httptest.Server
	down atomic.Bool
}

func newWexcombeSite(t *testing.T) *wexcombeSite {
	t.Helper()
	fixtures := filepath.Join(corpustest.Root(), "corpus", "moderngov", "testdata")
	s := &wexcombeSite{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.down.Load() {
			http.Error(w, "the site is down", http.StatusInternalServerError)
			return
		}
		var name string
		switch op := strings.TrimPrefix(r.URL.Path, "/mgWebService.asmx/"); {
		case r.URL.Path == "/documents/g4102/Public reports pack.pdf":
			_, _ = w.Write(corpus.SamplePDF())
			return
		case op == "GetCommittees":
			name = "GetCommittees.xml"
		case op == "GetMeetings":
			name = "GetMeetings-" + r.URL.Query().Get("lCommitteeId") + ".xml"
		case op == "GetMeeting":
			name = "GetMeeting-" + r.URL.Query().Get("lMeetingId") + ".xml"
		default:
			http.NotFound(w, r) // the minutes are not out yet
			return
		}
		data, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(strings.ReplaceAll(string(data), "{{BASE}}", s.URL+"/")))
	}))
	t.Cleanup(s.Close)
	return s
}

// noMorePosts fails when anything was posted to Slack since the last
// post read.
func (fs *fakeSlack) noMorePosts(t *testing.T, when string) {
	t.Helper()
	select {
	case v := <-fs.posts:
		t.Errorf("%s: posted to %s: %s", when, v.Get("channel"), v.Get("text"))
	default:
	}
}

// The scheduled fetch of the fictional council's site: a run while the
// site is down is logged and changes nothing; the next run downloads the
// new agenda pack, indexes it, posts its brief (with the pack's address)
// in the papers channel once, and tells a saved search's channel of its
// new passages, with the paper's address; the run after finds nothing new
// and posts nothing.
func TestScheduledFetch(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and indexes a whole pack")
	}
	b, logs, fs, site, idx := wexcombeBot(t)
	run := scheduleRuns(t, b, wexcombeMeetingWeek)

	// The site is down: the run fails, is logged, and the bot carries on.
	site.down.Store(true)
	if err := run(); err == nil {
		t.Fatal("a fetch of a site that is down did not fail")
	}
	if !strings.Contains(logs.String(), "scheduled fetch failed; it is tried again at the next interval") {
		t.Errorf("the failed fetch is not logged:\n%s", logs.String())
	}
	fs.noMorePosts(t, "after a failed fetch")

	// Back up: the new pack is fetched, briefed in the papers channel and
	// indexed; the saved search is told of it.
	site.down.Store(false)
	if err := run(); err != nil {
		t.Fatalf("fetch after the site came back: %v", err)
	}
	packURL := site.URL + "/documents/g4102/Public%20reports%20pack.pdf"
	brief, alert := fs.waitBriefAndAlert(t)
	text := blocksOf(t, brief)
	for _, want := range []string{"A new agenda pack is published on the council's website: Children and Young People Scrutiny Committee, Wednesday 14 October 2026 at 6.00 pm",
		"Briefing: 2026-10-14 Children and Young People Scrutiny Committee", "Fostering", "<" + packURL + "|open the paper>"} {
		if !strings.Contains(text, want) {
			t.Errorf("the brief lacks %q:\n%s", want, text)
		}
	}
	if u := fs.waitUpload(t); u.Channel != "C0PAPERS" || !strings.HasSuffix(u.Name, "-brief.md") {
		t.Errorf("brief file: %s in %s", u.Name, u.Channel)
	}
	fs.waitUpload(t) // and the HTML
	text = blocksOf(t, alert)
	for _, want := range []string{"New for saved search 1: foster carers", "saved search 1 “foster carers”", "<" + packURL + "|open the paper>", "/scrutineer watch rm 1 stops these."} {
		if !strings.Contains(text, want) {
			t.Errorf("the alert lacks %q:\n%s", want, text)
		}
	}
	res, err := idx.Search(context.Background(), index.Query{Text: "foster carers", Limit: 1, NoFacets: true})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("the fetched pack is not searchable: %v", err)
	}

	// Nothing new: nothing is posted.
	if err := run(); err != nil {
		t.Fatalf("third fetch: %v", err)
	}
	fs.noMorePosts(t, "a fetch with nothing new")
}

// wexcombeBot is a bot with a real index and the analysis, set to fetch
// the fictional council's children's committee, to brief new packs in
// C0PAPERS, and with a saved search for "foster carers" posting in
// C0CHILDREN. Its clock is a week before the committee's meeting.
func wexcombeBot(t *testing.T) (*Bot, *syncBuffer, *fakeSlack, *wexcombeSite, *bleveindex.Index) {
	t.Helper()
	bk, err := bank.Default()
	if err != nil {
		t.Fatal(err)
	}
	site := newWexcombeSite(t)
	dir, idx := tempIndex(t)
	saveWatches(t, dir, idx, watch.Watch{Query: "foster carers", Channel: "C0CHILDREN", Owner: "U1"})
	fs := newFakeSlack(t)
	proj := &Project{Index: idx, Analyzer: analysis.New(bk), Dir: filepath.Join(dir, "shared")}
	b, logs := newTestBot(t, fs, proj.Deps(), func(c *Config) {
		c.Index = dir
		c.Fetch = FetchSchedule{Sites: []string{site.URL}, Committees: []string{"children and young people"}, Every: 6 * time.Hour, Channel: "C0PAPERS", Delay: time.Millisecond}
	})
	b.sched.clock = newFakeClock(wexcombeMeetingWeek)
	return b, logs, fs, site, idx
}

// wexcombeMeetingWeek is a week before the fictional council's meeting of
// 14 October 2026, when its pack is out.
var wexcombeMeetingWeek = time.Date(2026, 10, 7, 9, 0, 0, 0, time.UTC)

// scheduleRuns starts b's schedule on a fake clock set at now, and
// returns run, which ends the schedule's wait and returns the outcome of
// the fetch that follows (errFetchRunning when it was skipped).
func scheduleRuns(t *testing.T, b *Bot, now time.Time) (run func() error) {
	t.Helper()
	clock := newFakeClock(now)
	runs := make(chan error, 10)
	b.sched.clock, b.sched.ran = clock, func(err error) { runs <- err }
	ctx, cancel := context.WithCancel(context.Background())
	stop := b.startSchedule(ctx)
	t.Cleanup(func() { cancel(); stop() })
	return func() error {
		t.Helper()
		clock.tick(t)
		select {
		case err := <-runs:
			return err
		case <-time.After(60 * time.Second):
			t.Fatal("the scheduled fetch did not end")
			return nil
		}
	}
}

// waitBriefAndAlert waits for the brief of a fetched pack in C0PAPERS and
// the saved search's alert in C0CHILDREN, in either order.
func (fs *fakeSlack) waitBriefAndAlert(t *testing.T) (brief, alert url.Values) {
	t.Helper()
	for range 2 {
		v := fs.waitPost(t)
		switch v.Get("channel") {
		case "C0PAPERS":
			brief = v
		case "C0CHILDREN":
			alert = v
		default:
			t.Errorf("posted in %s: %s", v.Get("channel"), v.Get("text"))
		}
	}
	if brief == nil || alert == nil {
		t.Fatalf("want a brief in the papers channel and an alert in the saved search's channel; got brief %v, alert %v", brief != nil, alert != nil)
	}
	return brief, alert
}

// The schedule waits about its interval between fetches (a tenth either
// way), and the first fetch comes soon after the start.
func TestScheduleWaits(t *testing.T) {
	b, _ := newTestBot(t, nil, Deps{}, func(c *Config) {
		c.Index = filepath.Join(t.TempDir(), "index")
		c.Fetch = FetchSchedule{Sites: []string{"http://127.0.0.1:1/"}, Every: 6 * time.Hour, Delay: time.Millisecond}
	})
	clock := newFakeClock(time.Date(2026, 10, 7, 9, 0, 0, 0, time.UTC))
	runs := make(chan error, 10)
	b.sched.clock, b.sched.ran = clock, func(err error) { runs <- err }
	ctx, cancel := context.WithCancel(context.Background())
	stop := b.startSchedule(ctx)
	if d := clock.tick(t); d < 0 || d > firstFetchWithin {
		t.Errorf("first fetch after %v, want within %v", d, firstFetchWithin)
	}
	if err := <-runs; err == nil {
		t.Error("a fetch from a site that does not answer did not fail")
	}
	for range 3 {
		if d := clock.tick(t); d < 6*time.Hour*9/10 || d > 6*time.Hour*11/10 {
			t.Errorf("waited %v between fetches, want 6h ± 36m", d)
		}
		<-runs
	}
	// Stopping ends the schedule while it waits.
	cancel()
	done := make(chan struct{})
	go func() { stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the schedule did not stop")
	}
}

// The fetch settings are read from the configuration file and checked.
func TestFetchScheduleConfig(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, wantErr string
		want                FetchSchedule
	}{
		{name: "none", yaml: "papers_channels: [C1]\n"},
		{name: "set", yaml: "fetch:\n  sites: [democracy.wexcombe.gov.uk]\n  committees: [children]\n  every: 6h\n  channel: C0PAPERS\n",
			want: FetchSchedule{Sites: []string{"democracy.wexcombe.gov.uk"}, Committees: []string{"children"}, Every: 6 * time.Hour, Channel: "C0PAPERS"}},
		{name: "too often", yaml: "fetch:\n  sites: [democracy.wexcombe.gov.uk]\n  every: 1m\n", wantErr: "fetch.every must be at least 15m0s"},
		{name: "no interval", yaml: "fetch:\n  sites: [democracy.wexcombe.gov.uk]\n", wantErr: "fetch.every must be at least"},
		{name: "no site", yaml: "fetch:\n  every: 6h\n", wantErr: "need fetch.sites"},
		{name: "bad site", yaml: "fetch:\n  sites: ['ftp://x']\n  every: 6h\n", wantErr: "fetch.sites: site"},
		{name: "misspelt", yaml: "fetch:\n  evry: 6h\n", wantErr: "field evry not found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bot.yaml")
			if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := LoadConfig(path)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Fetch; strings.Join(got.Sites, ",") != strings.Join(tc.want.Sites, ",") || strings.Join(got.Committees, ",") != strings.Join(tc.want.Committees, ",") ||
				got.Every != tc.want.Every || got.Channel != tc.want.Channel {
				t.Errorf("fetch settings %+v, want %+v", got, tc.want)
			}
		})
	}
}
