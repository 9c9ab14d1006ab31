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
	"net/url"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// HTTP paths the bot serves.
const (
	PathEvents      = "/slack/events"
	PathCommands    = "/slack/commands"
	PathInteraction = "/slack/interactivity"
	PathHealth      = "/healthz"
)

// Handler returns the HTTP handler for Slack's Events API, slash commands
// and interactivity, plus a health check. Every Slack request must carry a
// valid signature made with SLACK_SIGNING_SECRET less than five minutes
// ago; otherwise it gets 401 and nothing is done. A request whose
// signature was already served is acknowledged and not acted on again.
// Bodies over limits.max_body_kb get 413. Work is acknowledged at once and
// answered later with chat.postMessage.
func (b *Bot) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+PathEvents, b.serveEvents)
	mux.HandleFunc("POST "+PathCommands, b.serveCommands)
	mux.HandleFunc("POST "+PathInteraction, b.serveInteraction)
	mux.HandleFunc("GET "+PathHealth, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "ok\n")
	})
	return mux
}

// verified reads the body of a Slack request and checks its signature. On
// failure it has already written the response and returns false.
func (b *Bot) verified(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	sv, err := slack.NewSecretsVerifier(r.Header, b.cfg.SigningSecret)
	if err != nil {
		b.log.Warn("refused unsigned or stale request", "path", r.URL.Path, "err", err)
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, b.cfg.maxBodyBytes()))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		} else {
			http.Error(w, "cannot read request", http.StatusBadRequest)
		}
		return nil, false
	}
	_, _ = sv.Write(body)
	if err := sv.Ensure(); err != nil {
		b.log.Warn("refused badly signed request", "path", r.URL.Path)
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return nil, false
	}
	// The same signature is the same request sent again (a replay, or a
	// retry with the same timestamp): acknowledge it and do nothing.
	if !b.replays.first(r.Header.Get("X-Slack-Signature")) {
		b.log.Warn("dropped a request already served", "path", r.URL.Path)
		w.WriteHeader(http.StatusOK)
		return nil, false
	}
	return body, true
}

func (b *Bot) serveEvents(w http.ResponseWriter, r *http.Request) {
	body, ok := b.verified(w, r)
	if !ok {
		return
	}
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		http.Error(w, "cannot parse event", http.StatusBadRequest)
		return
	}
	switch ev.Type {
	case slackevents.URLVerification:
		var ch slackevents.ChallengeResponse
		if err := json.Unmarshal(body, &ch); err != nil {
			http.Error(w, "cannot parse challenge", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, ch.Challenge)
	case slackevents.CallbackEvent:
		b.onEvent(ev)
		w.WriteHeader(http.StatusOK)
	default:
		w.WriteHeader(http.StatusOK)
	}
}

func (b *Bot) serveCommands(w http.ResponseWriter, r *http.Request) {
	body, ok := b.verified(w, r)
	if !ok {
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	sc, err := slack.SlashCommandParse(r)
	if err != nil {
		http.Error(w, "cannot parse command", http.StatusBadRequest)
		return
	}
	b.onCommand(sc)
	w.WriteHeader(http.StatusOK)
}

func (b *Bot) serveInteraction(w http.ResponseWriter, r *http.Request) {
	body, ok := b.verified(w, r)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "cannot parse interaction", http.StatusBadRequest)
		return
	}
	var ic slack.InteractionCallback
	if err := json.Unmarshal([]byte(form.Get("payload")), &ic); err != nil {
		http.Error(w, "cannot parse interaction", http.StatusBadRequest)
		return
	}
	b.onInteraction(ic)
	w.WriteHeader(http.StatusOK)
}

// RunHTTP serves Handler on addr until ctx is cancelled, then stops taking
// requests and finishes (or, after limits.shutdown_wait, abandons) the work
// in flight. It needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.
func (b *Bot) RunHTTP(ctx context.Context, addr string) error {
	if b.cfg.SigningSecret == "" {
		return fmt.Errorf("%w: set %s for the HTTP server, or %s for Socket Mode", ErrNoToken, EnvSigningSecret, EnvAppToken)
	}
	if err := b.connect(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	return b.serve(ctx, ln)
}

// serve runs the HTTP server on ln until ctx is cancelled.
func (b *Bot) serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           b.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	b.log.Info("serving slack over http", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		b.shutdown()
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		b.log.Warn("http shutdown", "err", err)
	}
	b.shutdown()
	b.log.Info("stopped")
	return nil
}
