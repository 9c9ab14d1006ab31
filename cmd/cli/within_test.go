package cli

import (
	"context"
	"strings"
	"testing"
	"time"
)

// within returns when its read does not: at the timeout, or when the
// command's context is cancelled (Ctrl-C), with an error that says which.
func TestWithin(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	stuck := func(context.Context) (int, error) { <-block; return 1, nil }
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	cases := []struct {
		name    string
		ctx     context.Context
		timeout time.Duration
		read    func(context.Context) (int, error)
		want    string
	}{
		{"read ends", context.Background(), time.Minute, func(context.Context) (int, error) { return 7, nil }, ""},
		{"read stuck", context.Background(), 50 * time.Millisecond, stuck, "pack.pdf: timed out: still reading after 50ms"},
		{"interrupted", cancelled, time.Minute, stuck, "pack.pdf: interrupted"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, err := within(c.ctx, c.timeout, "pack.pdf", c.read)
			switch {
			case c.want == "" && (err != nil || v != 7):
				t.Errorf("got %d, %v", v, err)
			case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
				t.Errorf("error %v, want one starting %q", err, c.want)
			}
		})
	}
}
