package bot

import (
	"bufio"
	"context"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// waitClosed fails the test when ch is not closed within a generous bound
// (it guards against a hang; it measures nothing).
func waitClosed(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s never happened", what)
	}
}

// Cancelling the console returns at once, whether or not the input can be
// interrupted, and a line typed afterwards is never answered. An input
// that takes a read deadline is handed back unread and usable.
func TestConsoleStopsOnCancel(t *testing.T) {
	cases := []struct {
		name string
		pipe func(t *testing.T) (io.Reader, io.WriteCloser)
		// handedBack: the input can be read again after RunConsole returns.
		handedBack bool
	}{
		{"io.Pipe", func(t *testing.T) (io.Reader, io.WriteCloser) {
			r, w := io.Pipe()
			t.Cleanup(func() { r.Close() })
			return r, w
		}, false},
		{"os.Pipe", func(t *testing.T) (io.Reader, io.WriteCloser) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close(); w.Close() })
			return r, w
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var searches atomic.Int32
			b, _ := newTestBot(t, nil, searchDeps(&searches, nil), func(cfg *Config) { cfg.BotToken = "" })
			in, w := c.pipe(t)
			out := &syncBuffer{}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			returned := make(chan struct{})
			go func() {
				defer close(returned)
				if err := b.RunConsole(ctx, in, out); err != nil {
					t.Errorf("run console: %v", err)
				}
			}()
			if _, err := io.WriteString(w, "help\n"); err != nil {
				t.Fatal(err)
			}
			for deadline := time.Now().Add(10 * time.Second); !strings.Contains(out.String(), "What Scrutineer can do"); {
				if time.Now().After(deadline) {
					t.Fatalf("help never answered: %q", out.String())
				}
				time.Sleep(time.Millisecond)
			}
			cancel()
			waitClosed(t, returned, "RunConsole returning after cancel")
			if c.handedBack {
				if _, err := io.WriteString(w, "search placement\n"); err != nil {
					t.Fatal(err)
				}
				line, err := bufio.NewReader(in).ReadString('\n')
				if err != nil || line != "search placement\n" {
					t.Errorf("input after the console stopped: %q, %v", line, err)
				}
			} else {
				// The abandoned reader takes this line and drops it.
				if _, err := io.WriteString(w, "search placement\n"); err != nil {
					t.Fatal(err)
				}
				w.Close()
			}
			if n := searches.Load(); n != 0 || strings.Contains(out.String(), "Search:") {
				t.Errorf("a line typed after cancel was answered (%d searches): %q", n, out.String())
			}
		})
	}
}

// An abandoned reader's goroutine ends: at once for an input that takes a
// read deadline, at the next line or the end of the input otherwise, and
// after "quit" with more lines waiting.
func TestLineReaderEnds(t *testing.T) {
	t.Run("more lines after quit", func(t *testing.T) {
		rd := readLines(strings.NewReader("quit\nsearch never reached\n"))
		if l := <-rd.lines; l != "quit" {
			t.Fatalf("first line %q", l)
		}
		rd.abandon()
		waitClosed(t, rd.done, "the reader ending")
	})
	t.Run("blocked without deadline", func(t *testing.T) {
		r, w := io.Pipe()
		defer r.Close()
		rd := readLines(r)
		rd.abandon()
		select {
		case <-rd.done:
			t.Fatal("reader ended before its read did")
		default:
		}
		if _, err := io.WriteString(w, "late line\n"); err != nil {
			t.Fatal(err)
		}
		waitClosed(t, rd.done, "the reader ending at the next line")
	})
	t.Run("blocked with deadline", func(t *testing.T) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		defer w.Close()
		rd := readLines(r)
		rd.abandon()
		select {
		case <-rd.done:
		default:
			t.Fatal("abandon returned before the reader ended")
		}
	})
	t.Run("read error", func(t *testing.T) {
		r, w := io.Pipe()
		w.CloseWithError(io.ErrUnexpectedEOF)
		rd := readLines(r)
		if _, ok := <-rd.lines; ok || rd.err != io.ErrUnexpectedEOF {
			t.Errorf("lines open %v, err %v", ok, rd.err)
		}
		rd.abandon()
	})
}
