package bot

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/scrutineer/scrutineer/corpus/moderngov"
)

// FetchSchedule is when and from where the running bot fetches the
// council's papers (the fetch block of the configuration file; in the
// environment SCRUTINEER_FETCH_SITES, SCRUTINEER_FETCH_EVERY...). With no
// sites the bot fetches nothing.
type FetchSchedule struct {
	// Sites are the councils' ModernGov sites ("democracy.example.gov.uk"
	// or a full address), as `scrutineer fetch SITE` takes them.
	Sites []string `yaml:"sites"`
	// Committees are names a committee's title must contain to be
	// fetched; none fetches every current committee.
	Committees []string `yaml:"committees"`
	// Every is the time between two fetches ("6h"); each is moved by up
	// to a tenth either way, so bots do not call a site on the hour.
	Every time.Duration `yaml:"every"`
	// Channel is the papers channel where the brief of each new agenda
	// pack is posted, unasked; "" posts none (the papers are still
	// fetched, indexed and matched against the saved searches).
	Channel string `yaml:"channel"`
	// Delay is the pause between two requests to a site (default one
	// second).
	Delay time.Duration `yaml:"delay"`
}

// minFetchEvery is the shortest interval between two scheduled fetches: a
// council's site is not to be polled.
const minFetchEvery = 15 * time.Minute

// validate reports a schedule that cannot work.
func (s FetchSchedule) validate() error {
	if len(s.Sites) == 0 {
		if s.Every != 0 || len(s.Committees) > 0 || s.Channel != "" {
			return errors.New("fetch.every, fetch.committees and fetch.channel need fetch.sites")
		}
		return nil
	}
	var errs []error
	if s.Every < minFetchEvery {
		errs = append(errs, fmt.Errorf("fetch.every must be at least %s, got %v", minFetchEvery, s.Every))
	}
	if s.Delay < 0 {
		errs = append(errs, fmt.Errorf("fetch.delay must not be negative, got %v", s.Delay))
	}
	for _, site := range s.Sites {
		if _, err := moderngov.NewClient(site); err != nil {
			errs = append(errs, fmt.Errorf("fetch.sites: %w", err))
		}
	}
	return errors.Join(errs...)
}

// Clock tells the time and waits: the real one, or a test's.
type Clock interface {
	Now() time.Time
	// After sends the time on the channel once d has passed.
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// schedState is the bot's state for scheduled work and for what it posts
// unasked.
type schedState struct {
	// clock drives the schedule (nil: the real clock).
	clock Clock
	// watchMu serialises reading and writing the saved searches.
	watchMu sync.Mutex
	// poster, when set, posts in a channel instead of Slack (the console).
	poster func(ctx context.Context, channel string, r Reply) error
	// ran, when set, is told the outcome of each scheduled fetch (tests):
	// errFetchRunning when it was skipped.
	ran func(error)

	// fetchMu guards fetching and serving.
	fetchMu sync.Mutex
	// fetching says who started the fetch in progress (fetchBySchedule
	// or fetchByAsking), "" when none is: one fetch runs at a time.
	fetching string
	// serving ends when the bot stops serving (nil before it starts): a
	// fetch asked for stops downloading then, as a scheduled one does.
	serving context.Context
}

// Who started a fetch.
const (
	fetchBySchedule = "the schedule"
	fetchByAsking   = "asked for"
)

// errFetchRunning is the outcome of a scheduled fetch skipped because
// another was running.
var errFetchRunning = errors.New("a fetch is already running")

// claimFetch marks a fetch started by by as running. When one is running
// already it returns false and who started that one.
func (s *schedState) claimFetch(by string) (running string, ok bool) {
	s.fetchMu.Lock()
	defer s.fetchMu.Unlock()
	if s.fetching != "" {
		return s.fetching, false
	}
	s.fetching = by
	return by, true
}

// releaseFetch marks the running fetch ended.
func (s *schedState) releaseFetch() {
	s.fetchMu.Lock()
	defer s.fetchMu.Unlock()
	s.fetching = ""
}

// setServing records the context that ends when the bot stops serving.
func (s *schedState) setServing(ctx context.Context) {
	s.fetchMu.Lock()
	defer s.fetchMu.Unlock()
	s.serving = ctx
}

// servingOr returns the context that ends when the bot stops serving, or
// fallback when none was recorded.
func (s *schedState) servingOr(fallback context.Context) context.Context {
	s.fetchMu.Lock()
	defer s.fetchMu.Unlock()
	if s.serving == nil {
		return fallback
	}
	return s.serving
}

// told tells the test hook the outcome of a scheduled fetch.
func (s *schedState) told(err error) {
	if s.ran != nil {
		s.ran(err)
	}
}

func (s *schedState) now() time.Time { return s.clockOrReal().Now() }

func (s *schedState) clockOrReal() Clock {
	if s.clock == nil {
		return realClock{}
	}
	return s.clock
}

// firstFetchWithin bounds the wait before the first scheduled fetch.
const firstFetchWithin = 2 * time.Minute

// jitter moves d by up to a tenth either way.
func jitter(d time.Duration) time.Duration {
	span := int64(d / 10)
	if span <= 0 {
		return d
	}
	return d + time.Duration(rand.Int64N(2*span+1)-span)
}

// startSchedule fetches the configured sites on the schedule until ctx
// ends or the bot shuts down: the first fetch soon after the start, then
// one each interval, one at a time. A failed fetch is logged and tried
// again at the next interval; it never stops the bot. A fetch asked for
// (the fetch command) still running when one is due is let be, and the
// schedule waits for the next interval.
//
// The returned function stops the schedule and waits for a fetch in
// progress to end (its downloads stop at once; adding what was downloaded
// to the index goes on). It also ends the downloads of a fetch asked for.
func (b *Bot) startSchedule(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	b.sched.setServing(ctx)
	if len(b.cfg.Fetch.Sites) == 0 {
		return cancel
	}
	ended := make(chan struct{})
	b.log.Info("scheduled fetch", "sites", len(b.cfg.Fetch.Sites), "every", b.cfg.Fetch.Every)
	go func() {
		defer close(ended)
		clock := b.sched.clockOrReal()
		wait := rand.N(min(b.cfg.Fetch.Every/10, firstFetchWithin) + 1)
		for {
			select {
			case <-ctx.Done():
				return
			case <-b.jobCtx.Done():
				return
			case <-clock.After(wait):
			}
			wait = jitter(b.cfg.Fetch.Every)
			if by, ok := b.sched.claimFetch(fetchBySchedule); !ok {
				b.log.Info("scheduled fetch skipped: a fetch is already running; the next comes at the next interval", "started_by", by)
				b.sched.told(errFetchRunning)
				continue
			}
			done := make(chan struct{})
			if !b.track("fetch", func() { defer close(done); defer b.sched.releaseFetch(); b.scheduledFetch(ctx) }) {
				b.sched.releaseFetch()
				return // shutting down
			}
			<-done
		}
	}()
	return func() { cancel(); <-ended }
}

// scheduledFetch is one scheduled fetch: its failure is logged, to be
// tried again at the next interval.
func (b *Bot) scheduledFetch(ctx context.Context) {
	err := b.fetchRun(ctx).err()
	if err != nil {
		b.log.Error("scheduled fetch failed; it is tried again at the next interval", "err", err)
	}
	b.sched.told(err)
}

// fetchRun is one fetch of every configured site, then the saved
// searches' alerts, and what it did. The fetch itself stops when ctx
// ends; adding what was downloaded to the index and posting about it go
// on until the bot abandons its work at shutdown. The caller holds the
// fetch (claimFetch).
func (b *Bot) fetchRun(ctx context.Context) fetchReport {
	fctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(b.jobCtx, cancel)()
	var rep fetchReport
	for _, site := range b.cfg.Fetch.Sites {
		rep.sites = append(rep.sites, b.fetchSite(fctx, site))
	}
	b.alertWatches(b.jobCtx)
	return rep
}
