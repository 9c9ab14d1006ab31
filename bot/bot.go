package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
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
	// abandoned counts jobs given up at their deadline whose work has not
	// returned yet.
	abandoned atomic.Int64
	// jobGrace is how long a job whose context has ended may take to
	// return on its own before it is abandoned.
	jobGrace time.Duration

	// http is the client of every call to Slack, with timeouts.
	http *http.Client
	// events remembers event IDs and messages already answered.
	events *seenSet
	// replays remembers the signatures of the HTTP requests served, so a
	// signed request sent again is not acted on twice.
	replays *seenSet
	// access records who may see the papers shared in Slack.
	access *accessList
	// health is the Socket Mode connection state the health check reports.
	health health
	// chans remembers which channels are private and their members.
	chans channels
	// botUser is the bot's own user ID (from auth.test), so it ignores its
	// own messages.
	botUser atomic.Value
	// sched is the scheduled fetch's and the saved searches' state.
	sched schedState
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
		cfg:      cfg,
		deps:     deps,
		log:      logger,
		sem:      make(chan struct{}, cfg.Limits.Jobs),
		jobGrace: defaultJobGrace,
		http:     newHTTPClient(cfg.Limits.SlackTimeout),
		events:   newSeenSet(10*time.Minute, maxSeen),
		replays:  newSeenSet(replayWindow, maxSeen),
	}
	acc, err := loadAccess(cfg.PacksDir())
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	b.access = acc
	b.jobCtx, b.cancelJobs = context.WithCancel(context.Background())
	b.botUser.Store("")
	if cfg.BotToken != "" {
		b.api = newSlackClient(cfg, b.http)
	}
	return b, nil
}

// defaultJobGrace is how long a job whose deadline has passed may take to
// stop on its own (and say so) before the bot abandons it.
const defaultJobGrace = 2 * time.Second

// maxSeen bounds the keys each seenSet remembers.
const maxSeen = 10000

// replayWindow is how long a request's signature is remembered: Slack's
// signatures are accepted five minutes either side of now.
const replayWindow = 10 * time.Minute

// newHTTPClient returns the client for Slack calls: no call, download or
// upload waits longer than timeout in all, nor longer than
// min(timeout, 30s) for an answer to start.
func newHTTPClient(timeout time.Duration) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	tr.TLSHandshakeTimeout = 10 * time.Second
	tr.ResponseHeaderTimeout = min(timeout, 30*time.Second)
	return &http.Client{Timeout: timeout, Transport: tr}
}

// newSlackClient returns a Web API client that retries rate-limited (429,
// honouring Retry-After), failed-connection and 5xx calls, over hc.
func newSlackClient(cfg Config, hc *http.Client) *slack.Client {
	rc := slack.DefaultRetryConfig()
	rc.MaxRetries = 4
	rc.Handlers = append(slack.AllBuiltinRetryHandlers(rc), slack.NewServerErrorRetryHandler(rc))
	// The retry wrapper goes round the client given before it.
	opts := []slack.Option{slack.OptionHTTPClient(hc), slack.OptionRetryConfig(rc)}
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
	defer b.startSchedule(ctx)()
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

// job is the work of one request: it gets the job's context and the
// responder to reply with. The context ends at Limits.JobTimeout or when
// the bot abandons work at shutdown; work that cannot heed it is
// abandoned all the same (see slot), and its later replies are dropped.
type job func(ctx context.Context, out responder)

// spawn runs fn as a job: at most Limits.Jobs at once (a job that must
// wait says so), each bounded by Limits.JobTimeout. A panic in fn is logged and answered with an apology;
// it never stops the bot. It returns false when the bot is shutting down.
func (b *Bot) spawn(kind string, out responder, fn job) bool {
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

// Replies when a request cannot be answered.
const (
	busyText     = "I am busy with other requests; yours is next in the queue."
	shutdownText = "Sorry, I am shutting down and could not get to this. Please ask again in a minute."
	stoppedText  = "Sorry, I had to stop working on this: I am shutting down. Please ask again in a minute."
)

// noticeWait bounds the "busy" notice, so a slow Slack cannot hold a
// request back from its turn.
const noticeWait = 10 * time.Second

// slot waits for a free job slot (saying so to out when it must wait),
// then runs fn with runJob; the slot is freed when the job ends or is
// abandoned at its deadline. A request still waiting for a slot when
// shutdown abandons the work in flight is told so.
func (b *Bot) slot(kind string, out responder, fn job) {
	select {
	case b.sem <- struct{}{}:
	default:
		// Every slot is taken: say so, then wait for one.
		nctx, cancel := context.WithTimeout(b.jobCtx, noticeWait)
		b.say(nctx, out, Reply{Parts: []Part{{Text: busyText}}})
		cancel()
		select {
		case b.sem <- struct{}{}:
		case <-b.jobCtx.Done():
			// Shutdown gave up on the work in flight before a slot came.
			b.say(b.jobCtx, out, Reply{Parts: []Part{{Text: shutdownText}}})
			return
		}
	}
	defer func() { <-b.sem }()
	b.runJob(b.jobCtx, kind, out, fn)
}

// runJob runs fn under guard with Limits.JobTimeout, within parent. When
// the job's context ends and fn has not returned within jobGrace, the job
// is abandoned: the user is told, runJob returns, and fn's later replies
// are dropped, even though fn itself may run on.
func (b *Bot) runJob(parent context.Context, kind string, out responder, fn job) {
	ctx, cancel := context.WithTimeout(parent, b.cfg.Limits.JobTimeout)
	defer cancel()
	g := &gate{out: out}
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.guard(ctx, kind, g, fn)
	}()
	select {
	case <-done:
		return
	case <-ctx.Done():
	}
	// The job's time is up: give it a moment to stop and say why itself.
	grace := time.NewTimer(b.jobGrace)
	defer grace.Stop()
	select {
	case <-done:
		return
	case <-grace.C:
	}
	g.close()
	n := b.abandoned.Add(1)
	go func() { <-done; b.abandoned.Add(-1) }()
	msg := stoppedText
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		msg = fmt.Sprintf("Sorry, I had to stop working on this: it took longer than %s. If it was a PDF, it may be damaged; a re-saved or smaller copy may work.", wordsFor(b.cfg.Limits.JobTimeout))
	}
	b.log.Warn("job abandoned", "job", kind, "reason", ctx.Err().Error(), "abandoned_running", n)
	b.say(ctx, out, Reply{Parts: []Part{{Text: msg}}})
}

// wordsFor says a duration as a person would: "5 minutes", "30 seconds".
func wordsFor(d time.Duration) string {
	switch {
	case d >= time.Minute && d%time.Minute == 0:
		if d == time.Minute {
			return "a minute"
		}
		return fmt.Sprintf("%d minutes", d/time.Minute)
	case d >= time.Second && d%time.Second == 0:
		if d == time.Second {
			return "a second"
		}
		return fmt.Sprintf("%d seconds", d/time.Second)
	}
	return d.String()
}

// gate passes replies to out until it is closed; then it drops them, so
// an abandoned job cannot post after the user was told it stopped.
type gate struct {
	out    responder
	mu     sync.Mutex
	closed bool
}

// errAbandoned is returned for a reply from a job that was abandoned.
var errAbandoned = errors.New("job abandoned")

func (g *gate) say(ctx context.Context, r Reply) error {
	g.mu.Lock()
	closed := g.closed
	g.mu.Unlock()
	if closed {
		return errAbandoned
	}
	return g.out.say(ctx, r)
}

func (g *gate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}

// guard runs fn, turning a panic into a log line and a plain apology.
func (b *Bot) guard(ctx context.Context, kind string, out responder, fn job) {
	defer func() {
		if r := recover(); r != nil {
			b.log.Error("job failed", "job", kind, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			b.say(ctx, out, Reply{Parts: []Part{{Text: "Sorry, something went wrong on my side and I had to stop. It is logged: tell whoever runs Scrutineer, and meanwhile ask in other words or share the file again."}}})
		}
	}()
	fn(ctx, out)
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

// seenSet remembers keys for a while, to drop Slack's retries of an event,
// a message announced by two events and a signed request sent twice. It
// holds at most max keys: when full, expired keys go first, then the
// oldest.
type seenSet struct {
	mu   sync.Mutex
	ttl  time.Duration
	max  int
	seen map[string]time.Time
}

func newSeenSet(ttl time.Duration, max int) *seenSet {
	return &seenSet{ttl: ttl, max: max, seen: map[string]time.Time{}}
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
	if len(s.seen) >= s.max {
		for k, t := range s.seen {
			if now.Sub(t) >= s.ttl {
				delete(s.seen, k)
			}
		}
	}
	for len(s.seen) >= s.max {
		oldest, at := "", now
		for k, t := range s.seen {
			if !t.After(at) {
				oldest, at = k, t
			}
		}
		delete(s.seen, oldest)
	}
	s.seen[key] = now
	return true
}
