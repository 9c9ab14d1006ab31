package bot

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/index"
)

// TestMrkdwn escapes text for Slack once: what a paper says arrives as
// Slack shows it, never as &amp; or as formatting.
func TestMrkdwn(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Children & Families", "Children &amp; Families"},
		{"fewer than <5% of", "fewer than &lt;5% of"},
		{"the <mark>foster</mark> carers", "the *foster* carers"},
		{"rated *Good* and _improving_ ~ stable `code`", "rated ∗Good∗ and _\u200bimproving_\u200b ∼ stable ˋcodeˋ"},
	} {
		if got := mrkdwn(tc.in); got != tc.want {
			t.Errorf("mrkdwn(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A search result's snippet, which the index escapes for HTML, is escaped
// for Slack once: "&" shows as "&", "<" as "<".
func TestSnippetEscapedOnce(t *testing.T) {
	fs := newFakeSlack(t)
	deps := Deps{Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
		return &index.Results{Query: q.Text, Total: 1, Hits: []index.Hit{{Title: "Children & Families", Item: "4",
			Snippet: "Children &amp; <mark>Families</mark>: fewer than &lt;5% *rated*", Page: 3}}}, nil
	}}}
	b, _ := newTestBot(t, fs, deps)
	base := startHTTP(t, b)
	ev := eventBody("EvE", `{"type":"app_mention","user":"U1","text":"<@UBOT> search families","ts":"1800000000.000900","channel":"C1"}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	p := fs.waitPostContaining(t, "Families")
	blocks := strings.ReplaceAll(p.Get("blocks"), `\u0026`, "&")
	if strings.Contains(blocks, "&amp;amp;") || strings.Contains(blocks, "&amp;lt;") {
		t.Errorf("escaped twice: %s", blocks)
	}
	if !strings.Contains(blocks, "Children &amp; *Families*") || !strings.Contains(blocks, "Item 4: Children &amp; Families*") ||
		!strings.Contains(blocks, "&lt;5%") || strings.Contains(blocks, "*rated*") {
		t.Errorf("not escaped for Slack once: %s", blocks)
	}
}

// The console takes the forms its help shows for Slack.
func TestConsoleForms(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/scrutineer search placement", "search placement"},
		{"@scrutineer search placement", "search placement"},
		{"@Scrutineer ask fostering", "ask fostering"},
		{"<@U0BOT> brief", "brief"},
		{"search placement", "search placement"},
		{"/scrutineerx help", "/scrutineerx help"},
		{"/scrutineer", ""},
	} {
		if got := consoleText(tc.in); got != tc.want {
			t.Errorf("consoleText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A slash command's answer is seen only by whoever typed it, unless they
// add "public" or the channel is configured for public answers.
func TestSlashAnswersPrivate(t *testing.T) {
	for _, tc := range []struct {
		name, channel, text string
		publicChannels      []string
		wantPublic          bool
	}{
		{"default", "C1", "search placement", nil, false},
		{"public asked", "C1", "public search placement", nil, true},
		{"public channel", "CPUB1", "search placement", []string{"CPUB1"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFakeSlack(t)
			var calls atomic.Int32
			b, _ := newTestBot(t, fs, searchDeps(&calls, nil), func(c *Config) { c.PublicChannels = tc.publicChannels })
			base := startHTTP(t, b)
			v, _ := url.ParseQuery(slashBody(tc.channel, tc.text))
			v.Set("response_url", fs.srv.GetAPIURL()+"hooks/T1/1/abc")
			body := v.Encode()
			postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
			select {
			case p := <-fs.posts:
				if !tc.wantPublic {
					t.Errorf("a private answer was posted to the channel: %v", p)
				}
			case m := <-fs.hooks:
				if tc.wantPublic {
					t.Errorf("a public answer went to the response URL: %v", m)
				}
				if m["response_type"] != "ephemeral" {
					t.Errorf("response URL message is not ephemeral: %v", m)
				}
				if j, _ := json.Marshal(m); !strings.Contains(string(j), "Fostering Service Annual Report") {
					t.Errorf("the private answer lacks the results: %s", j)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no answer")
			}
		})
	}
}

func TestPublicAsked(t *testing.T) {
	for _, tc := range []struct {
		in, rest string
		public   bool
	}{
		{"public search placement", "search placement", true},
		{"Public brief", "brief", true},
		{"search public health", "search public health", false},
		{"publicity", "publicity", false},
	} {
		rest, public := publicAsked(tc.in)
		if rest != tc.rest || public != tc.public {
			t.Errorf("publicAsked(%q) = %q, %v", tc.in, rest, public)
		}
	}
}

// Long work posts one "working on it" message and replaces it with the
// answer, or with the error when it fails.
func TestProgressReplaced(t *testing.T) {
	fs := newFakeSlack(t)
	fileJSON := fs.addFile("F8", "cabinet-pack.pdf", samplePDF)
	fs.mu.Lock()
	fs.listFiles = "[" + fileJSON + "]"
	fs.mu.Unlock()
	brf := fakeBriefer{
		brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
			return nil, errors.New("the pack's text could not be read")
		},
		add: func(ctx context.Context, name string, data []byte) error { return nil },
	}
	b, _ := newTestBot(t, fs, Deps{Briefer: brf})
	base := startHTTP(t, b)
	body := slashBody("C2", "public brief")
	postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
	first := fs.waitPostContaining(t, "Reading")
	apology := fs.waitPostContaining(t, "Sorry, I could not brief")
	if apology.Get("_update") != first.Get("_ts") {
		t.Errorf("the apology is a new message, not the progress message updated: %v", apology)
	}
}

// Text from Slack is unescaped once, at the edge: a search for "Children
// &amp; Families &lt;5%" (as Slack sends what the user typed) looks for
// what the user typed, in a mention and in a slash command.
func TestIncomingUnescapedOnce(t *testing.T) {
	for _, tc := range []struct{ name, via, text, want string }{
		{"mention", "event", `<@UBOT> search Children &amp; Families &lt;5%`, "Children & Families <5%"},
		{"slash command", "command", `search Children &amp; Families &lt;5%`, "Children & Families <5%"},
		{"escaped entity stays", "event", `<@UBOT> search &amp;lt;b&amp;gt;`, "&lt;b&gt;"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFakeSlack(t)
			var calls atomic.Int32
			got := make(chan index.Query, 1)
			b, _ := newTestBot(t, fs, searchDeps(&calls, got))
			base := startHTTP(t, b)
			if tc.via == "event" {
				text, _ := json.Marshal(tc.text)
				ev := eventBody("EvU"+tc.name, `{"type":"app_mention","user":"U1","text":`+string(text)+`,"ts":"1800000000.000100","channel":"C1"}`)
				postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
			} else {
				body := slashBody("C1", "public "+tc.text)
				postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
			}
			select {
			case q := <-got:
				if q.Text != tc.want {
					t.Errorf("searched for %q, want %q", q.Text, tc.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no search")
			}
		})
	}
}
