package bot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/index"
)

// stuckSearch is a search that heeds no context: it returns only when
// release is closed, as an analysis stuck in a parser would not.
func stuckSearch(release <-chan struct{}, started chan<- string) Deps {
	return Deps{Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
		started <- q.Text
		if strings.HasPrefix(q.Text, "stuck") {
			<-release
		}
		return &index.Results{Query: q.Text, Total: 1, Hits: sampleHits()[:1]}, nil
	}}}
}

// waitFor polls cond for up to ten seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// Jobs that never return are abandoned at their deadline: their users are
// told, their slots are freed and others are answered; what the stuck
// work says later is not posted.
func TestStuckJobsFreeTheirSlots(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	started := make(chan string, 10)
	b, logs := newTestBot(t, nil, stuckSearch(release, started), func(c *Config) {
		c.Limits.Jobs = 2
		c.Limits.JobTimeout = 300 * time.Millisecond
	})
	b.jobGrace = 50 * time.Millisecond
	stuck1, stuck2, later := &syncRecorder{}, &syncRecorder{}, &syncRecorder{}
	b.run("test", request{cmd: command{Verb: verbSearch, Arg: "stuck one"}}, stuck1)
	b.run("test", request{cmd: command{Verb: verbSearch, Arg: "stuck two"}}, stuck2)
	<-started
	<-started
	// Both slots are taken by work that will not return.
	b.run("test", request{cmd: command{Verb: verbSearch, Arg: "placement"}}, later)
	waitFor(t, "the later request to be answered", func() bool { return strings.Contains(later.String(), "Search: placement") })
	if !strings.Contains(later.String(), busyText) {
		t.Errorf("the later request was not told it waited: %q", later.String())
	}
	// A stuck request is told when its slot is freed, which may land a
	// moment after the later request's answer.
	for _, r := range []*syncRecorder{stuck1, stuck2} {
		waitFor(t, "the stuck request to be told it was stopped", func() bool { return strings.Contains(r.String(), "it took longer than 300ms") })
	}
	if !strings.Contains(logs.String(), "job abandoned") {
		t.Errorf("abandoned jobs not logged:\n%s", logs.String())
	}
	// The stuck work returns at last: nothing more reaches its thread.
	release <- struct{}{}
	waitFor(t, "the stuck work to return", func() bool { return b.abandoned.Load() == 1 })
	if got := stuck1.String() + stuck2.String(); strings.Contains(got, "Fostering") {
		t.Errorf("an abandoned job posted its late result: %q", got)
	}
}

// The console's jobs are bounded by the same deadline.
func TestConsoleStuckJobEnds(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	started := make(chan string, 10)
	b, _ := newTestBot(t, nil, stuckSearch(release, started), func(c *Config) { c.Limits.JobTimeout = 200 * time.Millisecond })
	b.jobGrace = 50 * time.Millisecond
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- b.RunConsole(context.Background(), strings.NewReader("search stuck\nsearch placement\n"), out)
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the console did not get past a stuck request")
	}
	if got := out.String(); !strings.Contains(got, "it took longer than 200ms") || !strings.Contains(got, "Search: placement") {
		t.Errorf("console output:\n%s", got)
	}
}

// Requests waiting for a slot when shutdown gives up on the work in flight
// are told, in their threads.
func TestShutdownTellsWaitingRequests(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	started := make(chan string, 10)
	b, _ := newTestBot(t, nil, stuckSearch(release, started), func(c *Config) {
		c.Limits.Jobs = 1
		c.Limits.ShutdownWait = 100 * time.Millisecond
	})
	b.jobGrace = 50 * time.Millisecond
	stuck, waiting := &syncRecorder{}, &syncRecorder{}
	b.run("test", request{cmd: command{Verb: verbSearch, Arg: "stuck"}}, stuck)
	<-started
	b.run("test", request{cmd: command{Verb: verbSearch, Arg: "placement"}}, waiting)
	waitFor(t, "the second request to queue", func() bool { return strings.Contains(waiting.String(), busyText) })
	done := make(chan struct{})
	go func() { b.shutdown(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("shutdown did not end")
	}
	if !strings.Contains(waiting.String(), shutdownText) {
		t.Errorf("waiting request not told of the shutdown: %q", waiting.String())
	}
	if !strings.Contains(stuck.String(), stoppedText) {
		t.Errorf("stuck request not told it was stopped: %q", stuck.String())
	}
}

// A Slack that accepts connections and never answers cannot hold the bot:
// auth.test at start-up fails within limits.slack_timeout (and its
// retries), and so does a reply.
func TestSlackCallsTimeOut(t *testing.T) {
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(hang)
	b, _ := newTestBot(t, nil, Deps{}, func(c *Config) {
		c.APIURL = srv.URL + "/api/"
		c.Limits.SlackTimeout = 200 * time.Millisecond
	})
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- b.connect(context.Background()) }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("auth.test against a Slack that never answers succeeded")
		}
	case <-time.After(60 * time.Second):
		t.Fatal("auth.test did not give up")
	}
	t.Logf("auth.test gave up after %v", time.Since(start).Round(10*time.Millisecond))

	out := &slackOut{api: b.api, hc: b.http, channel: "C1", responseURL: srv.URL + "/hooks/x", private: true}
	sent := make(chan error, 1)
	go func() { sent <- out.say(context.Background(), Reply{Parts: []Part{{Text: busyText}}}) }()
	select {
	case err := <-sent:
		if err == nil {
			t.Error("a reply to a Slack that never answers succeeded")
		}
	case <-time.After(60 * time.Second):
		t.Fatal("a reply did not give up")
	}
}
