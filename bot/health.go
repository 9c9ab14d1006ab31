package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// health is what the health check reports in Socket Mode: whether the
// bot holds a live connection to Slack.
type health struct {
	connected atomic.Bool
}

// ServeHTTP answers 200 "ok" while connected to Slack and 503 otherwise
// (starting, or reconnecting after a dropped connection).
func (h *health) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if !h.connected.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "not connected to slack\n")
		return
	}
	_, _ = io.WriteString(w, "ok\n")
}

// listenHealth serves PathHealth on addr until ctx ends. It returns once
// the listener is open, so a bad address is an error at start-up; the
// returned function stops the listener.
func (b *Bot) listenHealth(ctx context.Context, addr string, h http.Handler) (stop func(), err error) {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("health check listener %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET "+PathHealth, h)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			b.log.Warn("health check listener stopped", "err", err)
		}
	}()
	b.log.Info("health check listening", "addr", ln.Addr().String(), "path", PathHealth)
	return func() {
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		<-done
	}, nil
}
