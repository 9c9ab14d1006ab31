package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/scrutineer/scrutineer/index"
)

// timeoutFlag adds --timeout, the deadline for reading a file.
func timeoutFlag(fs *flag.FlagSet) {
	fs.Duration("timeout", index.DefaultFileTimeout, "stop reading a file that takes longer than this (a damaged or hostile file)")
}

func flagDuration(fs *flag.FlagSet, name string) time.Duration {
	return fs.Lookup(name).Value.(flag.Getter).Get().(time.Duration)
}

// within runs read on its own goroutine and returns what it returns, or
// an error as soon as ctx ends (Ctrl-C) or timeout passes (0: none). A
// read stuck inside a parser that does not heed its context is left
// behind; the command ends soon after.
func within[T any](ctx context.Context, timeout time.Duration, what string, read func(ctx context.Context) (T, error)) (T, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := read(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return zero, fmt.Errorf("%s: timed out: still reading after %v, so it was stopped (the file may be damaged; --timeout gives it longer)", what, timeout)
		}
		return zero, fmt.Errorf("%s: interrupted", what)
	}
}
