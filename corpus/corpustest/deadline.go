package corpustest

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

// FuzzDeadline is how long one fuzz input may take before the fuzz target
// fails it as a hang. Go's fuzzer has no per-input deadline of its own.
const FuzzDeadline = 5 * time.Second

// Within runs fn in its own goroutine and fails the test when fn has not
// returned within d, naming what was running (the stacks of the running
// goroutines are shown, cut short). An error fn returns fails the test
// too. fn must not call tb.FailNow or tb.Fatal: it reports by returning an
// error. A hung fn's goroutine is left behind; the test has failed.
func Within(tb testing.TB, d time.Duration, fn func() error) {
	tb.Helper()
	done := make(chan error, 1)
	go func() {
		// This goroutine may outlive the test (when fn hangs): it never
		// touches tb, it only sends its outcome.
		var err error
		defer func() {
			if r := recover(); r != nil {
				buf := make([]byte, 16<<10)
				buf = buf[:runtime.Stack(buf, false)]
				err = fmt.Errorf("panic: %v\n%s", r, buf)
			}
			done <- err
		}()
		err = fn()
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			tb.Fatal(err)
		}
	case <-timer.C:
		buf := make([]byte, 64<<10)
		buf = buf[:runtime.Stack(buf, true)]
		tb.Fatalf("did not return within %v (a hang?); goroutines:\n%s", d, buf)
	}
}
