package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/index"
)

// Every error a user sees says what is wrong and what to do, and none
// says "try again later".
func TestErrorsSayWhatToDo(t *testing.T) {
	failing := func(err error, wait bool) Deps {
		return Deps{Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
			if wait {
				<-ctx.Done()
			}
			return nil, err
		}}}
	}
	for _, tc := range []struct {
		name string
		deps Deps
		cmd  command
		want []string
	}{
		{"service failed", failing(errors.New("read meta: unexpected EOF"), false), command{Verb: verbSearch, Arg: "placement"},
			[]string{"Sorry, I could not search the papers: something went wrong on my side", "tell whoever runs Scrutineer"}},
		{"took too long", failing(errors.New("interrupted"), true), command{Verb: verbSearch, Arg: "placement"},
			[]string{"it took too long", "will be quicker"}},
		{"no index", Deps{}, command{Verb: verbSearch, Arg: "placement"}, []string{"has no index", "scrutineer serve --index DIR"}},
		{"no library", Deps{}, command{Verb: verbAsk, Arg: "fostering"}, []string{"no index of papers", "scrutineer serve --index DIR"}},
		{"what to search", Deps{}, command{Verb: verbSearch}, []string{"What should I search for? For example"}},
		{"not understood", Deps{}, command{Verb: verbUnknown, Arg: "hello"}, []string{"Type `help` for examples"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _ := newTestBot(t, nil, tc.deps, func(c *Config) { c.Limits.JobTimeout = 50 * time.Millisecond })
			out := &syncRecorder{}
			b.run("test", request{channel: "C1", cmd: tc.cmd}, out)
			b.shutdown()
			got := out.String()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("reply lacks %q: %q", w, got)
				}
			}
			if strings.Contains(strings.ToLower(got), "try again later") || strings.Contains(got, "unexpected EOF") {
				t.Errorf("reply %q", got)
			}
		})
	}
}
