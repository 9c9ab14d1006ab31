package corpustest

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is a testing.TB that keeps the first failure instead of
// failing the test, so Within's own failures can be checked. FailNow ends
// the calling goroutine, as testing.T's does.
type recorder struct {
	testing.TB
	mu  sync.Mutex
	msg string
}

func (r *recorder) Helper() {}

func (r *recorder) Fatal(args ...any) {
	r.fail(strings.TrimSpace(strings.Repeat("%v ", len(args))), args...)
}

func (r *recorder) Fatalf(format string, args ...any) { r.fail(format, args...) }

// Errorf keeps the first failure and carries on, as testing.T's does.
func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	if r.msg == "" {
		r.msg = strings.TrimSpace(fmt.Sprintf(format, args...))
	}
	r.mu.Unlock()
}

func (r *recorder) fail(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

// run calls Within on a recorder in a goroutine of its own (Fatal ends
// it) and returns the failure it recorded, if any.
func run(t *testing.T, d time.Duration, fn func() error) string {
	r := &recorder{TB: t}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		Within(r, d, fn)
	}()
	wg.Wait()
	return r.msg
}

func TestWithin(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	tests := []struct {
		name string
		fn   func() error
		want string // in the failure; "" for none
	}{
		{"returns in time", func() error { return nil }, ""},
		{"returns an error", func() error { return errors.New("wrong page count") }, "wrong page count"},
		{"panics", func() error { panic("bad Td") }, "panic: bad Td"},
		{"hangs", func() error { <-release; return nil }, "did not return within 50ms"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, 50*time.Millisecond, tc.fn)
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("failure %q, want %q", got, tc.want)
			}
		})
	}
}
