package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
	"github.com/scrutineer/scrutineer/index/watch"
)

func TestSplitCommittee(t *testing.T) {
	for _, tc := range []struct{ in, query, committee string }{
		{"placement stability", "placement stability", ""},
		{`care leavers committee:"Corporate Parenting Panel"`, "care leavers", "Corporate Parenting Panel"},
		{`committee:“Corporate Parenting Panel” care leavers`, "care leavers", "Corporate Parenting Panel"},
		{"reg 44 committee:audit visits", "reg 44 visits", "audit"},
		{"Committee:Audit", "", "Audit"},
	} {
		q, c := splitCommittee(tc.in)
		if q != tc.query || c != tc.committee {
			t.Errorf("splitCommittee(%q) = %q, %q; want %q, %q", tc.in, q, c, tc.query, tc.committee)
		}
	}
}

// slashAs is a /scrutineer command typed by user in channel, whose
// private answers go to the fake Slack's response URL.
func slashAs(fs *fakeSlack, channel, user, text string) string {
	return url.Values{
		"command": {"/scrutineer"}, "text": {text}, "channel_id": {channel}, "user_id": {user},
		"team_id": {"T1"}, "response_url": {fs.srv.GetAPIURL() + "hooks/T1/1/abc"},
	}.Encode()
}

// waitHook returns the text of the next private answer, passing over
// notices that the bot is busy.
func (fs *fakeSlack) waitHook(t *testing.T) string {
	t.Helper()
	for {
		select {
		case m := <-fs.hooks:
			if m["text"] == busyText {
				continue // the answer follows when a job slot is free
			}
			return fmt.Sprint(m["text"], m["blocks"])
		case <-time.After(10 * time.Second):
			t.Fatal("nothing was posted to the response URL")
			return ""
		}
	}
}

// Saved searches from /scrutineer: anyone adds one in a channel the bot
// is in (the channel is told); they are listed; only whoever added one,
// or an officer, removes it; in a channel the bot is not in none is kept.
func TestWatchSlashCommands(t *testing.T) {
	dir, idx := tempIndex(t)
	fs := newFakeSlack(t)
	b, _ := newTestBot(t, fs, Deps{Search: idx}, func(c *Config) { c.Index = dir; c.Officers = []string{"U0OFFICER"} })
	base := startHTTP(t, b)
	slash := func(channel, user, text string) string {
		t.Helper()
		body := slashAs(fs, channel, user, text)
		postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
		return fs.waitHook(t)
	}
	watches := func() []watch.Watch {
		t.Helper()
		l, err := watch.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		return l.Watches
	}

	got := slash("C0CHILDREN", "U1", `watch add placement stability committee:"Corporate Parenting Panel"`)
	if !strings.Contains(got, "Saved search 1: “placement stability” in the papers of Corporate Parenting Panel") {
		t.Errorf("add: %s", got)
	}
	notice := fs.waitPost(t)
	if notice.Get("channel") != "C0CHILDREN" || !strings.Contains(notice.Get("text"), "A saved search was added here: 1 “placement stability”") {
		t.Errorf("the channel was not told: %s %s", notice.Get("channel"), notice.Get("text"))
	}
	if w := watches(); len(w) != 1 || w[0].Channel != "C0CHILDREN" || w[0].Owner != "U1" || w[0].Committee != "Corporate Parenting Panel" || w[0].Query != "placement stability" {
		t.Fatalf("saved: %+v", w)
	}
	slash("C0OTHER", "U2", "watch add care leavers")

	got = slash("C0CHILDREN", "U1", "watch list")
	for _, want := range []string{"1. placement stability", "committee: Corporate Parenting Panel · posts here · added by you", "2. care leavers", "posts to channel C0OTHER"} {
		if !strings.Contains(got, want) {
			t.Errorf("list lacks %q: %s", want, got)
		}
	}

	for _, tc := range []struct {
		name, user, arg, want string
		left                  int
	}{
		{"someone else", "U2", "1", "Only whoever added saved search 1, or an officer", 2},
		{"no number", "U1", "placement", "Which saved search?", 2},
		{"unknown", "U1", "9", "There is no saved search 9.", 2},
		{"whoever added it", "U1", "1", "Removed saved search 1 “placement stability”", 1},
		{"an officer", "U0OFFICER", "#2", "Removed saved search 2 “care leavers”", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := slash("C0CHILDREN", tc.user, "watch rm "+tc.arg); !strings.Contains(got, tc.want) {
				t.Errorf("rm %s by %s: %s", tc.arg, tc.user, got)
			}
			if n := len(watches()); n != tc.left {
				t.Errorf("%d saved searches left, want %d", n, tc.left)
			}
		})
	}

	got = slash("CNOTIN1", "U1", "watch add fostering")
	if !strings.Contains(got, "I am not in this channel") {
		t.Errorf("add where the bot is not: %s", got)
	}
	if w := watches(); len(w) != 0 {
		t.Errorf("a saved search was kept for a channel the bot is not in: %+v", w)
	}
	if got := slash("C0CHILDREN", "U1", "watch add -fostering"); !strings.Contains(got, "I could not read that search") {
		t.Errorf("an unreadable search: %s", got)
	}
	if w := watches(); len(w) != 0 {
		t.Errorf("an unreadable search was kept: %+v", w)
	}
}

// A PDF shared in a channel is indexed, and the saved search it matches
// is told in its own channel, once, with the Slack file's link; a second
// paper that does not match tells nothing.
func TestWatchAlertAfterSharedPDF(t *testing.T) {
	dir, idx := tempIndex(t)
	texts := map[string]string{
		"october.pdf": "Placement Sufficiency Report\n\nNine foster carers left the service in the autumn, mostly retiring.\n",
		"budget.pdf":  "Budget Monitoring\n\nThe directorate forecasts an overspend on home to school transport.\n",
	}
	briefer := fakeBriefer{
		brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
			return fosteringReport(), nil
		},
		add: func(ctx context.Context, name string, data []byte) error {
			doc, err := corpus.Read(ctx, "paper.txt", []byte(texts[name]), corpus.Options{})
			if err != nil {
				return err
			}
			// The paper is known by the content shared, as the real
			// project knows it.
			doc.Source, doc.Hash = name, hashOf(data)
			_, err = idx.IngestDocument(ctx, doc, index.IngestOptions{})
			return err
		},
	}
	saveWatches(t, dir, idx, watch.Watch{Query: "foster carers", Channel: "C0CHILDREN"},
		watch.Watch{Query: "foster carers"}) // told on the command line only
	fs := newFakeSlack(t)
	b, _ := newTestBot(t, fs, Deps{Search: idx, Briefer: briefer}, func(c *Config) { c.Index = dir })
	base := startHTTP(t, b)
	share := func(id, name, ts string) {
		t.Helper()
		file := fs.addFile(id, name, samplePDF)
		ev := eventBody("Ev"+id, `{"type":"app_mention","user":"U1","channel":"C1","ts":"`+ts+`","text":"<@UBOT> brief this","files":[`+file+`]}`)
		postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	}

	share("F1", "october.pdf", "1800000001.000100")
	alert := fs.waitPostContaining(t, "New for saved search 1")
	if alert.Get("channel") != "C0CHILDREN" {
		t.Errorf("the alert went to %s", alert.Get("channel"))
	}
	text := blocksOf(t, alert)
	for _, want := range []string{"A new passage matches saved search 1 “foster carers”", "left the service in the autumn", "october.pdf", "<https://wexcombe.slack.com/files/U1/F1/october.pdf|open the paper>"} {
		if !strings.Contains(text, want) {
			t.Errorf("the alert lacks %q:\n%s", want, text)
		}
	}

	share("F2", "budget.pdf", "1800000002.000100")
	fs.waitPostContaining(t, "Added to the index")
	// Let the check after the second paper finish before looking.
	b.shutdown()
	for {
		select {
		case v := <-fs.posts:
			if strings.Contains(v.Get("text"), "saved search") {
				t.Errorf("told again: %s %s", v.Get("channel"), v.Get("text"))
			}
			continue
		default:
		}
		break
	}
	l, err := watch.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Watches[1].Seen) != 0 {
		t.Errorf("the bot marked passages seen for a watch with no channel: %v", l.Watches[1].Seen)
	}
}

// The console adds, lists and removes saved searches, and shows what the
// bot posts unasked.
func TestWatchConsole(t *testing.T) {
	dir, idx := tempIndex(t)
	b, _ := newTestBot(t, nil, Deps{Search: idx}, func(c *Config) { c.BotToken = ""; c.Index = dir })
	var buf bytes.Buffer
	in := strings.NewReader("/scrutineer watch add foster carers\n@scrutineer watch list\nwatch rm 1\nwatch list\n")
	if err := b.RunConsoleAs(context.Background(), in, &buf, ConsoleOptions{Channel: "C0CHILDREN"}); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{"[only you can see this]\n  Saved search 1: “foster carers”", "1. foster carers", "posts here · added at the console or the command line", "Removed saved search 1", "No saved searches yet"} {
		if !strings.Contains(got, want) {
			t.Errorf("console lacks %q:\n%s", want, got)
		}
	}
	buf.Reset()
	if err := b.post(context.Background(), "C0CHILDREN", alertReply(watch.Watch{ID: 4, Query: "foster carers"}, []index.Hit{{Source: "october.pdf", Title: "Sufficiency", Page: 3, Snippet: "nine <mark>foster carers</mark> left"}})); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); !strings.Contains(got, "→ posted in channel C0CHILDREN\n  │ New for saved search 4: foster carers") {
		t.Errorf("a post in the console:\n%s", got)
	}
}

// The App Home offers whoever added a saved search a button to remove
// it; pressing it removes the search and draws the tab again without it.
func TestHomeRemovesWatch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	saveWatches(t, dir, nil, watch.Watch{Query: "placement stability", Channel: "C0CHILDREN", Owner: "U1"})
	fs := newFakeSlack(t)
	b, _ := newTestBot(t, fs, Deps{}, func(c *Config) { c.Index = dir })
	if got := b.homeReply("U2").Choices; len(got) != 0 {
		t.Errorf("another user is offered %+v", got)
	}
	choices := b.homeReply("U1").Choices
	if len(choices) != 1 || choices[0].Label != "Remove 1: placement stability" {
		t.Fatalf("whoever added it is offered %+v", choices)
	}
	base := startHTTP(t, b)
	payload, _ := json.Marshal(map[string]any{
		"type":      "block_actions",
		"user":      map[string]any{"id": "U1"},
		"container": map[string]any{"type": "view", "view_id": "V1"},
		"view":      map[string]any{"id": "V1", "type": "home"},
		"actions":   []map[string]any{{"type": "button", "action_id": actionChoose + "_0", "block_id": "choices", "value": choices[0].value()}},
	})
	form := url.Values{"payload": {string(payload)}}.Encode()
	if resp := postSigned(t, base, PathInteraction, "application/x-www-form-urlencoded", form, sign(testSecret, time.Now(), form)); resp.StatusCode != http.StatusOK {
		t.Fatalf("interaction status %d", resp.StatusCode)
	}
	select {
	case v := <-fs.views:
		if strings.Contains(string(v), `"text":"placement stability"`) || strings.Contains(string(v), "Remove 1") || !strings.Contains(string(v), "None yet. Add one in the channel") {
			t.Errorf("the tab drawn again still lists the search:\n%s", v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the App Home was not drawn again")
	}
	if l, _ := watch.Load(dir); len(l.Watches) != 0 {
		t.Errorf("not removed: %+v", l.Watches)
	}
}

// tempIndex opens a new index in a temporary folder, closed when the
// test ends.
func tempIndex(t *testing.T) (string, *bleveindex.Index) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	idx, err := bleveindex.Open(dir, bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return dir, idx
}

// saveWatches saves watches beside the index folder dir, what s finds
// now marked seen (s may be nil).
func saveWatches(t *testing.T, dir string, s watch.Searcher, ws ...watch.Watch) {
	t.Helper()
	l, err := watch.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		if _, err := l.AddWatch(context.Background(), s, w); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Save(); err != nil {
		t.Fatal(err)
	}
}
