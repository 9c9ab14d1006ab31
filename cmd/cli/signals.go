package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// DefaultGrace is how long a command may take to stop after the first
// Ctrl-C or SIGTERM before the process is ended.
const DefaultGrace = 10 * time.Second

// Run runs the command line under the process's signals and returns the
// exit code: the first Ctrl-C (SIGINT) or SIGTERM cancels the command's
// context, so it stops at the next safe point and leaves the index
// consistent; a second signal, or DefaultGrace after the first (longer
// for serve, which waits for its work in flight), ends the process at
// once. A run stopped by a signal exits 130 for SIGINT and 143 for
// SIGTERM, as shells do.
func Run(args []string, io Stdio) int {
	return runWithSignals(args, io, DefaultGrace, os.Exit, nil)
}

// runWithSignals is Run with its grace period and exit given; watching,
// when set, is called once the signals are watched.
func runWithSignals(args []string, io Stdio, grace time.Duration, exit func(int), watching func()) int {
	ctx, w := watchSignals(context.Background(), io.Err, grace, exit)
	if watching != nil {
		watching()
	}
	code := Main(ctx, args, io)
	if s := w.stop(); s != nil && code != ExitOK {
		return signalCode(s)
	}
	return code
}

// signalCode is the exit code of a process ended by s: 128 + its number.
func signalCode(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return ExitFailed
}

// signalWatch turns the first SIGINT or SIGTERM into a cancelled context
// and the second, or the end of the grace period, into exit.
type signalWatch struct {
	ch   chan os.Signal
	done chan struct{}
	once sync.Once

	mu    sync.Mutex
	grace time.Duration
	first os.Signal
	// longer is signalled when the grace period is extended.
	longer chan struct{}
}

type signalKey struct{}

// watchSignals starts watching SIGINT and SIGTERM; stop ends it and tells
// which signal came first (nil for none).
func watchSignals(parent context.Context, errw io.Writer, grace time.Duration, exit func(int)) (context.Context, *signalWatch) {
	w := &signalWatch{ch: make(chan os.Signal, 2), done: make(chan struct{}), grace: grace, longer: make(chan struct{}, 1)}
	ctx, cancel := context.WithCancel(context.WithValue(parent, signalKey{}, w))
	signal.Notify(w.ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer cancel()
		var first os.Signal
		select {
		case first = <-w.ch:
		case <-w.done:
			return
		}
		w.mu.Lock()
		w.first = first
		started := time.Now()
		w.mu.Unlock()
		fmt.Fprintf(errw, "\nscrutineer: stopping (%s again to quit at once)\n", again(first))
		cancel()
		for {
			w.mu.Lock()
			left := w.grace - time.Since(started)
			w.mu.Unlock()
			timer := time.NewTimer(left)
			select {
			case s := <-w.ch:
				timer.Stop()
				fmt.Fprintln(errw, "scrutineer: quitting")
				exit(signalCode(s))
				return
			case <-timer.C:
				fmt.Fprintf(errw, "scrutineer: not stopped %v after the signal; quitting\n", w.grace)
				exit(signalCode(first))
				return
			case <-w.longer:
				timer.Stop()
			case <-w.done:
				timer.Stop()
				return
			}
		}
	}()
	return ctx, w
}

// again says how to send the signal again.
func again(s os.Signal) string {
	if s == os.Interrupt {
		return "press Ctrl-C"
	}
	return "send " + s.String()
}

// stop stops watching and returns the first signal received, or nil.
func (w *signalWatch) stop() os.Signal {
	w.once.Do(func() {
		signal.Stop(w.ch)
		close(w.done)
	})
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.first
}

// extendGrace makes the grace period after the first signal at least d,
// for a command that needs longer to stop cleanly (serve waits for work
// in flight). Without a signal watch in ctx it does nothing.
func extendGrace(ctx context.Context, d time.Duration) {
	w, ok := ctx.Value(signalKey{}).(*signalWatch)
	if !ok {
		return
	}
	w.mu.Lock()
	if d > w.grace {
		w.grace = d
	}
	w.mu.Unlock()
	select {
	case w.longer <- struct{}{}:
	default:
	}
}
