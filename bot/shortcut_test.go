package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
)

// The message shortcut "Ask Scrutineer about this file" briefs the
// message's PDF in its thread; on a message without one it says so to
// whoever used it, privately.
func TestMessageShortcut(t *testing.T) {
	for _, tc := range []struct {
		name     string
		withPDF  bool
		wantText string
	}{
		{"a PDF", true, "Briefing: cyp-pack.pdf"},
		{"no PDF", false, "That message has no PDF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFakeSlack(t)
			files := "[]"
			if tc.withPDF {
				files = "[" + fs.addFile("F5", "cyp-pack.pdf", samplePDF) + "]"
			}
			brf := fakeBriefer{
				brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
					return fosteringReport(), nil
				},
				add: func(ctx context.Context, name string, data []byte) error { return nil },
			}
			b, _ := newTestBot(t, fs, Deps{Briefer: brf})
			base := startHTTP(t, b)
			payload, _ := json.Marshal(map[string]any{
				"type":         "message_action",
				"callback_id":  shortcutBrief,
				"user":         map[string]any{"id": "U1"},
				"channel":      map[string]any{"id": "C1"},
				"message":      map[string]any{"ts": "1800000000.000500", "files": json.RawMessage(files)},
				"response_url": fs.srv.GetAPIURL() + "hooks/T1/2/abc",
			})
			form := url.Values{"payload": {string(payload)}}.Encode()
			if resp := postSigned(t, base, PathInteraction, "application/x-www-form-urlencoded", form, sign(testSecret, time.Now(), form)); resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d", resp.StatusCode)
			}
			if tc.withPDF {
				p := fs.waitPostContaining(t, tc.wantText)
				if p.Get("channel") != "C1" || p.Get("thread_ts") != "1800000000.000500" {
					t.Errorf("briefing in %q thread %q, want the message's thread", p.Get("channel"), p.Get("thread_ts"))
				}
				return
			}
			select {
			case m := <-fs.hooks:
				if j, _ := json.Marshal(m); m["response_type"] != "ephemeral" || !strings.Contains(string(j), tc.wantText) {
					t.Errorf("reply %s", j)
				}
			case p := <-fs.posts:
				t.Errorf("posted to the channel: %v", p)
			case <-time.After(10 * time.Second):
				t.Fatal("no reply")
			}
		})
	}
}
