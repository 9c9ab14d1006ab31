package bot

import (
	"context"
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
)

// The console answers each form the Slack help shows as Slack would in
// the channel it plays: a mention in a thread, a slash command privately
// unless "public" is added or the channel answers publicly, exempt items
// only where allowed; "blocks" prints the last answer's Block Kit JSON.
func TestConsolePlaysChannel(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		opts       ConsoleOptions
		want, not  []string
	}{
		{"mention in a thread", "@scrutineer search placement", ConsoleOptions{},
			[]string{"↳ thread\n  │ Search: placement", "  │ Item 5: Fostering Service Annual Report"}, []string{"only you", "named child"}},
		{"slash private", "/scrutineer search placement", ConsoleOptions{Channel: "C1"},
			[]string{"(as user console in channel C1)", "[only you can see this]\nSearch: placement"}, []string{"↳ thread"}},
		{"slash public", "/scrutineer public search placement", ConsoleOptions{Channel: "C1", User: "U7"},
			[]string{"(as user U7 in channel C1)", "\nSearch: placement"}, []string{"only you", "↳ thread"}},
		{"public channel", "/scrutineer search placement", ConsoleOptions{Channel: "CPUB"},
			[]string{"\nSearch: placement"}, []string{"only you"}},
		{"exempt channel", "search placement", ConsoleOptions{Channel: "CEXEMPT"},
			[]string{"\nSearch: placement", "Placement of a named child"}, []string{"↳ thread"}},
		{"plain", "search placement", ConsoleOptions{},
			[]string{"\nSearch: placement"}, []string{"only you", "↳ thread", "named child", `"type": "header"`}},
		{"blocks on request", "search placement\nblocks", ConsoleOptions{},
			[]string{`"type": "header"`, `"text": "Search: placement"`}, nil},
		{"blocks always", "search placement", ConsoleOptions{Blocks: true},
			[]string{`"type": "header"`, `"text": "Search: placement"`}, nil},
		{"blocks before any answer", "blocks", ConsoleOptions{},
			[]string{"No answer yet"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			b, _ := newTestBot(t, nil, searchDeps(&calls, nil), func(c *Config) {
				c.BotToken = ""
				c.PublicChannels = []string{"CPUB"}
				c.ExemptChannels = []string{"CEXEMPT"}
			})
			out := &syncBuffer{}
			if err := b.RunConsoleAs(context.Background(), strings.NewReader(tc.line+"\n"), out, tc.opts); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("output has %q:\n%s", n, got)
				}
			}
			if i := strings.Index(got, "[\n  ["); i >= 0 {
				var msgs [][]json.RawMessage
				if err := json.NewDecoder(strings.NewReader(got[i:])).Decode(&msgs); err != nil || len(msgs) != 1 {
					t.Errorf("Block Kit JSON does not parse as one message: %v\n%s", err, got[i:])
				}
			}
		})
	}
}
