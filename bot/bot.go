package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
)

// ErrNoToken is returned by the Slack transports when SLACK_BOT_TOKEN (or,
// for the HTTP server, SLACK_SIGNING_SECRET) is not set.
var ErrNoToken = errors.New("slack token not set")

// Bot holds the conversations and the work in flight. Create it with New
// and start one transport: Run, RunSocketMode, RunHTTP or RunConsole.
type Bot struct {
	cfg  Config
	deps Deps
	log  *slog.Logger
	// api is nil when no bot token is set (console only).
	api *slack.Client

	sem        chan struct{}
	jobs       sync.WaitGroup
	inFlight   atomic.Int64
	jobCtx     context.Context
	cancelJobs context.CancelFunc
	mu         sync.Mutex
	closing    bool

	// events remembers event IDs and messages already answered.
	events *seenSet
	// botUser is the bot's own user ID (from auth.test), so it ignores its
	// own messages.
	botUser atomic.Value
}

// New returns a bot with the given settings and services. logger may be
// nil (logs are discarded). It makes no network calls.
func New(cfg Config, deps Deps, logger *slog.Logger) (*Bot, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("bot config: %w", err)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	b := &Bot{
		cfg:    cfg,
		deps:   deps,
		log:    logger,
		sem:    make(chan struct{}, cfg.Limits.Jobs),
		events: newSeenSet(10 * time.Minute),
	}
	b.jobCtx, b.cancelJobs = context.WithCancel(context.Background())
	b.botUser.Store("")
	if cfg.BotToken != "" {
		b.api = newSlackClient(cfg)
	}
	return b, nil
}

// newSlackClient returns a Web API client that retries rate-limited (429,
// honouring Retry-After), failed-connection and 5xx calls.
func newSlackClient(cfg Config) *slack.Client {
	rc := slack.DefaultRetryConfig()
	rc.MaxRetries = 4
	rc.Handlers = append(slack.AllBuiltinRetryHandlers(rc), slack.NewServerErrorRetryHandler(rc))
	opts := []slack.Option{slack.OptionRetryConfig(rc)}
	if cfg.APIURL != "" {
		u := cfg.APIURL
		if !strings.HasSuffix(u, "/") {
			u += "/"
		}
		opts = append(opts, slack.OptionAPIURL(u))
	}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	return slack.New(cfg.BotToken, opts...)
}

// Run serves Slack until ctx is cancelled: over Socket Mode when
// SLACK_APP_TOKEN is set, otherwise as an HTTP server on cfg.Addr.
func (b *Bot) Run(ctx context.Context) error {
	if b.cfg.AppToken != "" {
		return b.RunSocketMode(ctx)
	}
	return b.RunHTTP(ctx, b.cfg.Addr)
}

// connect checks the bot token with auth.test and learns the bot's user ID.
func (b *Bot) connect(ctx context.Context) error {
	if b.api == nil {
		return fmt.Errorf("%w: set %s", ErrNoToken, EnvBotToken)
	}
	who, err := b.api.AuthTestContext(ctx)
	if err != nil {
		return fmt.Errorf("slack auth.test (check %s): %w", EnvBotToken, err)
	}
	b.botUser.Store(who.UserID)
	b.log.Info("connected to slack", "team", who.TeamID, "bot_user", who.UserID)
	return nil
}

func (b *Bot) isSelf(user, botID string) bool {
	return botID != "" || (user != "" && user == b.botUser.Load().(string))
}

// spawn runs fn as a job: at most Limits.Jobs at once (a job that must
// wait says so), each bounded by Limits.JobTimeout. A panic in fn is logged and answered with an apology;
// it never stops the bot. It returns false when the bot is shutting down.
func (b *Bot) spawn(kind string, out responder, fn func(ctx context.Context)) bool {
	return b.track(kind, func() { b.slot(kind, out, fn) })
}

// track runs fn on its own goroutine as work in flight, which shutdown
// waits for (and a panic in fn is logged). It returns false, and does not
// run fn, when the bot is shutting down.
func (b *Bot) track(kind string, fn func()) bool {
	b.mu.Lock()
	if b.closing {
		b.mu.Unlock()
		return false
	}
	b.jobs.Add(1)
	b.inFlight.Add(1)
	b.mu.Unlock()
	go func() {
		defer b.jobs.Done()
		defer b.inFlight.Add(-1)
		defer func() {
			if r := recover(); r != nil {
				b.log.Error("job failed", "job", kind, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			}
		}()
		fn()
	}()
	return true
}

// slot waits for a free job slot (saying so to out when it must wait),
// then runs fn under guard with Limits.JobTimeout.
func (b *Bot) slot(kind string, out responder, fn func(ctx context.Context)) {
	select {
	case b.sem <- struct{}{}:
	default:
		// Every slot is taken: say so, then wait for one.
		b.say(b.jobCtx, out, Reply{Parts: []Part{{Text: "I am busy with other requests; yours is next in the queue."}}})
		select {
		case b.sem <- struct{}{}:
		case <-b.jobCtx.Done():
			return
		}
	}
	defer func() { <-b.sem }()
	ctx, cancel := context.WithTimeout(b.jobCtx, b.cfg.Limits.JobTimeout)
	defer cancel()
	b.guard(ctx, kind, out, fn)
}

// guard runs fn, turning a panic into a log line and a plain apology.
func (b *Bot) guard(ctx context.Context, kind string, out responder, fn func(ctx context.Context)) {
	defer func() {
		if r := recover(); r != nil {
			b.log.Error("job failed", "job", kind, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			b.say(ctx, out, Reply{Parts: []Part{{Text: "Sorry, something went wrong on my side and I had to stop. Please try again, or tell whoever runs Scrutineer."}}})
		}
	}()
	fn(ctx)
}

// shutdown stops new work, waits up to Limits.ShutdownWait for jobs in
// flight, then abandons the rest (their contexts are cancelled, so they
// stop at the next Slack or analysis call).
func (b *Bot) shutdown() {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() { b.jobs.Wait(); close(done) }()
	n := b.inFlight.Load()
	if n > 0 {
		b.log.Info("waiting for work in flight", "jobs", n, "wait", b.cfg.Limits.ShutdownWait)
	}
	t := time.NewTimer(b.cfg.Limits.ShutdownWait)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		b.log.Warn("abandoning work in flight", "jobs", b.inFlight.Load())
		b.cancelJobs()
		select {
		case <-done:
		case <-time.After(abandonWait):
			b.log.Warn("work in flight did not stop; leaving it", "jobs", b.inFlight.Load())
		}
	}
	b.cancelJobs()
}

// abandonWait is how long shutdown waits for cancelled jobs to return.
const abandonWait = 5 * time.Second

// seenSet remembers keys for a while, to drop Slack's retries of an event
// and a message announced by two events.
type seenSet struct {
	mu   sync.Mutex
	ttl  time.Duration
	seen map[string]time.Time
}

func newSeenSet(ttl time.Duration) *seenSet {
	return &seenSet{ttl: ttl, seen: map[string]time.Time{}}
}

// first records key and reports whether it was new. Empty keys are always
// new.
func (s *seenSet) first(key string) bool {
	if key == "" {
		return true
	}
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.seen[key]; ok && now.Sub(t) < s.ttl {
		return false
	}
	if len(s.seen) > 10000 {
		for k, t := range s.seen {
			if now.Sub(t) >= s.ttl {
				delete(s.seen, k)
			}
		}
	}
	s.seen[key] = now
	return true
}
