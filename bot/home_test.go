package bot

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/index/watch"
)

// Opening the App Home tab publishes what the bot can do and the recent
// briefs the user may see: another user's private paper is not listed.
func TestAppHomePublished(t *testing.T) {
	for _, tc := range []struct {
		user      string
		wantShown bool
	}{{"U2", false}, {"U1", true}} {
		t.Run(tc.user, func(t *testing.T) {
			fs := newFakeSlack(t)
			dir := filepath.Join(t.TempDir(), "index")
			l, err := watch.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			var calls atomic.Int32
			if _, err := l.Add(context.Background(), searchDeps(&calls, nil).Search, "placement stability", "", "C0CHILDREN"); err != nil {
				t.Fatal(err)
			}
			if err := l.Save(); err != nil {
				t.Fatal(err)
			}
			b, _ := newTestBot(t, fs, Deps{}, func(c *Config) { c.Index = dir })
			if err := b.access.shared(paperRef{ID: "9a8b7c6d5e4f", Name: "private-pack.pdf"}, "D1", "U1", "https://wexcombe.slack.com/files/U1/F7/private-pack.pdf", false); err != nil {
				t.Fatal(err)
			}
			if err := b.access.shared(paperRef{ID: "1a2b3c4d5e6f", Name: "children & families.pdf"}, "C1", "U3", "", false); err != nil {
				t.Fatal(err)
			}
			base := startHTTP(t, b)
			ev := eventBody("EvHome"+tc.user, `{"type":"app_home_opened","user":"`+tc.user+`","channel":"D9","tab":"home","event_ts":"1800000000.000100"}`)
			postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
			var body string
			select {
			case v := <-fs.views:
				body = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(v))
			case <-time.After(10 * time.Second):
				t.Fatal("views.publish never called")
			}
			for _, want := range []string{`"user_id":"` + tc.user + `"`, `"type":"home"`, "Search past papers", "Recent briefs in this workspace", "children &amp; families.pdf",
				"Saved searches", "placement stability", "new matches are posted to channel C0CHILDREN"} {
				if !strings.Contains(body, want) {
					t.Errorf("home view lacks %q:\n%s", want, body)
				}
			}
			if got := strings.Contains(body, "private-pack.pdf"); got != tc.wantShown {
				t.Errorf("private paper listed = %v, want %v:\n%s", got, tc.wantShown, body)
			}
			if tc.wantShown && !strings.Contains(body, "only you can find it · <https://wexcombe.slack.com/files/U1/F7/private-pack.pdf|open the paper>") {
				t.Errorf("private paper not marked or linked:\n%s", body)
			}
		})
	}
}
