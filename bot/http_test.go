package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/index"
)

func searchDeps(calls *atomic.Int32, got chan<- index.Query) Deps {
	return Deps{Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
		calls.Add(1)
		if got != nil {
			got <- q
		}
		return &index.Results{Query: q.Text, Total: 12, Hits: sampleHits()}, nil
	}}}
}

// Requests that are not signed with the secret, or signed too long ago,
// get 401 and do nothing.
func TestHTTPRefusesBadSignatures(t *testing.T) {
	fs := newFakeSlack(t)
	var calls atomic.Int32
	b, _ := newTestBot(t, fs, searchDeps(&calls, nil), func(c *Config) { c.Limits.MaxBodyKB = 1 })
	base := startHTTP(t, b)
	body := slashBody("C1", "public search placement stability")
	now := time.Now()
	tampered := sign(testSecret, now, body)
	cases := []struct {
		name string
		path string
		body string
		h    http.Header
		want int
	}{
		{"unsigned", PathCommands, body, http.Header{}, http.StatusUnauthorized},
		{"wrong secret", PathCommands, body, sign("another-secret", now, body), http.StatusUnauthorized},
		{"stale", PathCommands, body, sign(testSecret, now.Add(-10*time.Minute), body), http.StatusUnauthorized},
		{"future", PathCommands, body, sign(testSecret, now.Add(10*time.Minute), body), http.StatusUnauthorized},
		{"tampered body", PathCommands, strings.Replace(body, "placement", "adoption", 1), tampered, http.StatusUnauthorized},
		{"bad signature format", PathCommands, body, http.Header{"X-Slack-Request-Timestamp": {tampered.Get("X-Slack-Request-Timestamp")}, "X-Slack-Signature": {"v1=abc"}}, http.StatusUnauthorized},
		{"unsigned event", PathEvents, eventBody("Ev1", `{"type":"app_mention","user":"U1","text":"<@UBOT> search x","ts":"1.1","channel":"C1"}`), http.Header{}, http.StatusUnauthorized},
		{"unsigned interaction", PathInteraction, "payload=%7B%7D", http.Header{}, http.StatusUnauthorized},
		{"too large", PathCommands, body + "&x=" + strings.Repeat("a", 2048), sign(testSecret, now, body+"&x="+strings.Repeat("a", 2048)), http.StatusRequestEntityTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := postSigned(t, base, c.path, "application/x-www-form-urlencoded", c.body, c.h)
			if resp.StatusCode != c.want {
				t.Errorf("status %d, want %d", resp.StatusCode, c.want)
			}
		})
	}
	// A correctly signed command still works, and is the only one that ran.
	resp := postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, now, body))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("signed command: status %d", resp.StatusCode)
	}
	fs.waitPost(t)
	if n := calls.Load(); n != 1 {
		t.Errorf("search ran %d times, want 1 (only the signed request)", n)
	}
}

func TestHTTPWithoutSecretRefusesEverything(t *testing.T) {
	var calls atomic.Int32
	b, _ := newTestBot(t, nil, searchDeps(&calls, nil), func(c *Config) { c.SigningSecret = "" })
	base := startHTTP(t, b)
	body := slashBody("C1", "public search x")
	resp := postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign("", time.Now(), body))
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("status %d, want 401", resp.StatusCode)
	}
	if err := b.RunHTTP(context.Background(), "127.0.0.1:0"); err == nil {
		t.Error("RunHTTP without a signing secret: no error")
	}
}

func TestURLVerificationAndHealth(t *testing.T) {
	b, _ := newTestBot(t, nil, Deps{})
	base := startHTTP(t, b)
	body := `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	resp := postSigned(t, base, PathEvents, "application/json", body, sign(testSecret, time.Now(), body))
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || string(got) != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("challenge: status %d body %q", resp.StatusCode, got)
	}
	h, err := http.Get(base + PathHealth)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Body.Close()
	if h.StatusCode != http.StatusOK {
		t.Errorf("healthz: %d", h.StatusCode)
	}
}

// A signed slash command searches and the reply lands in the command's
// channel, as Block Kit with item, printed page first and file name.
func TestSlashSearchEndToEnd(t *testing.T) {
	fs := newFakeSlack(t)
	var calls atomic.Int32
	queries := make(chan index.Query, 1)
	b, logs := newTestBot(t, fs, searchDeps(&calls, queries))
	base := startHTTP(t, b)
	body := slashBody("C1", "public search placement stability")
	resp := postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	q := <-queries
	if q.Text != "placement stability" || q.IncludeExempt || q.Limit != 5 || q.PerItem != 2 {
		t.Errorf("query %+v", q)
	}
	post := fs.waitPost(t)
	if post.Get("channel") != "C1" || post.Get("thread_ts") != "" {
		t.Errorf("posted to channel %q thread %q, want C1 and a new thread", post.Get("channel"), post.Get("thread_ts"))
	}
	blocks := blocksOf(t, post)
	for _, want := range []string{
		"Item 5: Fostering Service Annual Report", "p. 63 (PDF p. 65)", "wexcombe-cyp-2026-10-14.pdf",
		"*placement* *stability*", "64% &amp; recovery", "Sufficiency Strategy", "p. 12",
	} {
		if !strings.Contains(blocks, want) {
			t.Errorf("reply lacks %q:\n%s", want, blocks)
		}
	}
	if strings.Contains(blocks, "named child") {
		t.Errorf("exempt hit shown in an ordinary channel:\n%s", blocks)
	}
	if l := logs.String(); strings.Contains(l, testBotToken) || strings.Contains(l, "placement stability") {
		t.Errorf("logs carry the token or the message text:\n%s", l)
	}
}

// "What should I ask about the fostering report?" picks a paper, says which,
// offers the others as buttons, and replies in the mention's thread. A
// retried event is answered once.
func TestMentionAskByTitle(t *testing.T) {
	fs := newFakeSlack(t)
	topics := make(chan string, 4)
	asked := make(chan Paper, 4)
	papers := []Paper{
		{Source: "wexcombe-cyp-2026-10-14.pdf", Item: "5", Title: "Fostering Service Annual Report", Date: "2026-10-14"},
		{Source: "wexcombe-cyp-2025-10-15.pdf", Item: "6", Title: "Fostering Service Annual Report 2024-25"},
		{Source: "wexcombe-cyp-2026-10-14.pdf", Item: "9", Title: "Foster carer allowance (exempt)", Exempt: true},
		{Source: "wexcombe-cpp-2026-07-01.pdf", Item: "4", Title: "Fostering recruitment campaign"},
	}
	lib := fakeLibrary{
		find: func(ctx context.Context, text string, limit int) ([]Paper, error) { topics <- text; return papers, nil },
		ask: func(ctx context.Context, p Paper) (*analysis.Report, error) {
			asked <- p
			return fosteringReport(), nil
		},
	}
	b, _ := newTestBot(t, fs, Deps{Library: lib})
	base := startHTTP(t, b)
	ev := eventBody("Ev100", `{"type":"app_mention","user":"U1","text":"<@UBOT> what should I ask about the fostering report?","ts":"1800000000.000100","channel":"C1"}`)
	for range 2 { // Slack retries; the second delivery is dropped
		resp := postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d", resp.StatusCode)
		}
	}
	if got := <-topics; got != "fostering report" {
		t.Errorf("looked for %q, want %q", got, "fostering report")
	}
	picked := fs.waitPost(t)
	answer := fs.waitPost(t)
	for _, p := range []url.Values{picked, answer} {
		if p.Get("channel") != "C1" || p.Get("thread_ts") != "1800000000.000100" {
			t.Errorf("reply in %q thread %q, want the mention's thread", p.Get("channel"), p.Get("thread_ts"))
		}
	}
	pb := blocksOf(t, picked)
	if !strings.Contains(pb, "I picked “Fostering Service Annual Report” (wexcombe-cyp-2026-10-14.pdf, item 5, 2026-10-14)") {
		t.Errorf("does not say which paper it picked:\n%s", pb)
	}
	if !strings.Contains(pb, "Fostering Service Annual Report 2024-25") || !strings.Contains(pb, "Fostering recruitment campaign") {
		t.Errorf("does not offer the next candidates:\n%s", pb)
	}
	if strings.Contains(pb, "allowance") {
		t.Errorf("offers an exempt paper in an ordinary channel:\n%s", pb)
	}
	// The questions take the place of the "working on it" message, still
	// saying which paper was picked and offering the others.
	if answer.Get("_update") == "" || answer.Get("_update") != picked.Get("_ts") {
		t.Errorf("the answer is a new message (update of %q), not the picked message %q updated", answer.Get("_update"), picked.Get("_ts"))
	}
	ab := blocksOf(t, answer)
	if !strings.Contains(ab, "I picked “Fostering Service Annual Report”") || !strings.Contains(ab, "Fostering recruitment campaign") {
		t.Errorf("the answer does not say which paper it picked or offer the others:\n%s", ab)
	}
	for _, want := range []string{"Fostering (92%)", "foster carer approvals", "p. 66 (PDF p. 68)", "approvals fell from 31 to 19", "On what the report does not say"} {
		if !strings.Contains(ab, want) {
			t.Errorf("answer lacks %q:\n%s", want, ab)
		}
	}
	if p := <-asked; p.Item != "5" {
		t.Errorf("asked about %+v", p)
	}
	select {
	case v := <-fs.posts:
		t.Errorf("retried event answered twice: %v", v)
	case <-time.After(200 * time.Millisecond):
	}

	// Choosing a candidate button asks about exactly that paper, in the
	// same thread.
	var blocks []struct {
		Type     string `json:"type"`
		Elements []struct {
			ActionID string          `json:"action_id"`
			Value    string          `json:"value"`
			Text     json.RawMessage `json:"text"`
		} `json:"elements"`
	}
	if err := json.Unmarshal([]byte(picked.Get("blocks")), &blocks); err != nil {
		t.Fatal(err)
	}
	var actionID, value string
	for _, bl := range blocks {
		for _, el := range bl.Elements {
			// Candidates come newest first; choose the 2024-25 report.
			if bl.Type == "actions" && strings.Contains(string(el.Text), "2024-25") {
				actionID, value = el.ActionID, el.Value
			}
		}
	}
	payload, _ := json.Marshal(map[string]any{
		"type":      "block_actions",
		"user":      map[string]any{"id": "U1"},
		"channel":   map[string]any{"id": "C1"},
		"container": map[string]any{"type": "message", "message_ts": picked.Get("_ts"), "thread_ts": "1800000000.000100", "channel_id": "C1"},
		"message":   map[string]any{"ts": picked.Get("_ts"), "thread_ts": "1800000000.000100", "blocks": json.RawMessage(picked.Get("blocks"))},
		"actions":   []map[string]any{{"type": "button", "action_id": actionID, "block_id": "choices", "value": value}},
	})
	form := url.Values{"payload": {string(payload)}}.Encode()
	resp := postSigned(t, base, PathInteraction, "application/x-www-form-urlencoded", form, sign(testSecret, time.Now(), form))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("interaction status %d", resp.StatusCode)
	}
	if p := <-asked; p.Source != "wexcombe-cyp-2025-10-15.pdf" || p.Item != "6" {
		t.Errorf("button asked about %+v, want the 2025 report", p)
	}
	// The buttons are replaced by the choice made; the answer goes in the
	// same thread.
	replaced := false
	for _, p := range []url.Values{fs.waitPost(t), fs.waitPost(t), fs.waitPost(t)} {
		if p.Get("_update") == picked.Get("_ts") {
			replaced = !strings.Contains(p.Get("blocks"), `"actions"`) && strings.Contains(p.Get("blocks"), "Chosen:")
			continue
		}
		if p.Get("thread_ts") != "1800000000.000100" {
			t.Errorf("button reply in thread %q", p.Get("thread_ts"))
		}
	}
	if !replaced {
		t.Error("the buttons were not replaced by the choice made")
	}
}

// A PDF sent to the bot is downloaded with the bot token, briefed in the
// thread with the brief attached through the upload flow, and indexed.
func TestSharedPDFBrief(t *testing.T) {
	pack, err := os.ReadFile(filepath.Join(corpustest.Root(), corpustest.SamplePDF))
	if err != nil {
		t.Skipf("sample pack: %v", err)
	}
	fs := newFakeSlack(t)
	fileJSON := fs.addFile("F9", "wexcombe-cyp-2026-10-14.pdf", pack)
	added := make(chan string, 1)
	got := make(chan []byte, 1)
	rep := fosteringReport()
	rep.Meta.Council, rep.Meta.Committee, rep.Meta.Date = "Wexcombe Council", "Children and Young People Scrutiny", "2026-10-14"
	rep.Items = append(rep.Items, analysis.ItemReport{Number: "9", Title: "Residential placement of a named child", StartPage: 120, EndPage: 124, Exempt: true,
		Questions: []analysis.Question{{Text: "Is the placement meeting the child's needs?"}}})
	brf := fakeBriefer{
		brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
			got <- data
			return rep, nil
		},
		add: func(ctx context.Context, name string, data []byte) error { added <- name; return nil },
	}
	render := func(w io.Writer, format string, r *analysis.Report) error {
		_, err := io.WriteString(w, "# Briefing "+format+"\n")
		for _, it := range r.Items {
			_, _ = io.WriteString(w, "## "+it.Title+"\n")
		}
		return err
	}
	b, _ := newTestBot(t, fs, Deps{Briefer: brf, Render: render})
	base := startHTTP(t, b)
	ev := eventBody("Ev200", `{"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"","ts":"1800000000.000200","channel":"D1","files":[`+fileJSON+`]}`)
	resp := postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	working := fs.waitPost(t)
	if !strings.Contains(working.Get("blocks"), "Reading") || working.Get("thread_ts") != "1800000000.000200" {
		t.Errorf("no working message in the thread: %v", working)
	}
	if data := <-got; !bytes.Equal(data, pack) {
		t.Errorf("briefed %d bytes, want the %d bytes of the shared pack", len(data), len(pack))
	}
	fs.mu.Lock()
	auth := fs.auth
	fs.mu.Unlock()
	if len(auth) != 1 || auth[0] != "Bearer "+testBotToken {
		t.Errorf("download authorization %q", auth)
	}
	briefing := fs.waitPost(t)
	bb := blocksOf(t, briefing)
	for _, want := range []string{"Briefing: wexcombe-cyp-2026-10-14.pdf", "Wexcombe Council", "Item 5: Fostering Service Annual Report", "PDF pp. 61–78", "— p. 66 (PDF p. 68)", "1 item is exempt or confidential", "Added to the index"} {
		if !strings.Contains(bb, want) {
			t.Errorf("briefing lacks %q:\n%s", want, bb)
		}
	}
	if strings.Contains(bb, "named child") {
		t.Errorf("exempt item shown in a DM not on the allowed list:\n%s", bb)
	}
	up := fs.waitUpload(t)
	if up.Name != "wexcombe-cyp-2026-10-14-brief.md" || up.Channel != "D1" || up.Thread != "1800000000.000200" {
		t.Errorf("upload %q to %q thread %q", up.Name, up.Channel, up.Thread)
	}
	if want := "# Briefing markdown\n## Fostering Service Annual Report\n"; string(up.Data) != want {
		t.Errorf("uploaded %q, want %q", up.Data, want)
	}
	// The brief comes as HTML to print as well, in the same thread.
	if up := fs.waitUpload(t); up.Name != "wexcombe-cyp-2026-10-14-brief.html" || up.Thread != "1800000000.000200" || string(up.Data) != "# Briefing html\n## Fostering Service Annual Report\n" {
		t.Errorf("second upload %q to thread %q: %q", up.Name, up.Thread, up.Data)
	}
	if n := <-added; n != "wexcombe-cyp-2026-10-14.pdf" {
		t.Errorf("added %q to the index", n)
	}
}

// Files that are not PDFs inside, or too large, are refused in a plain
// sentence and never analysed.
func TestSharedFileRefused(t *testing.T) {
	cases := []struct {
		name, file string
		data       []byte
		maxMB      int
		want       string
	}{
		{"not a pdf inside", "minutes.pdf", []byte("<html>sign in</html>"), 50, "is not a PDF inside"},
		{"too large", "huge.pdf", append([]byte("%PDF-1.7\n"), make([]byte, 1<<20)...), 1, "larger than 1 MB"},
		// The event understates the size: the download itself is cut off.
		{"too large on download", "huge2.pdf", append([]byte("%PDF-1.7\n"), make([]byte, 1<<20)...), 1, "larger than 1 MB"},
		// Names that leave nothing to keep the file under.
		{"named ..", "..", samplePDF, 50, "I cannot brief a file named “..”"},
		{"named .", ".", samplePDF, 50, "I cannot brief a file named “.”"},
		{"no name", "", samplePDF, 50, "I cannot brief a file named “”"},
		{"only a folder", "papers/", samplePDF, 50, "I cannot brief a file named “papers/”"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := newFakeSlack(t)
			fileJSON := fs.addFile(fmt.Sprintf("F%d", i), c.file, c.data)
			if strings.HasSuffix(c.name, "on download") {
				fileJSON = strings.Replace(fileJSON, fmt.Sprintf(`"size":%d`, len(c.data)), `"size":10`, 1)
			}
			var briefs atomic.Int32
			brf := fakeBriefer{
				brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
					briefs.Add(1)
					return fosteringReport(), nil
				},
				add: func(ctx context.Context, name string, data []byte) error { return nil },
			}
			b, _ := newTestBot(t, fs, Deps{Briefer: brf}, func(cfg *Config) { cfg.Limits.MaxFileMB = c.maxMB })
			base := startHTTP(t, b)
			ev := eventBody("Ev3"+string(rune('0'+i)), `{"type":"app_mention","user":"U1","text":"<@UBOT> brief this","ts":"1800000000.000300","channel":"C1","files":[`+fileJSON+`]}`)
			postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
			p := fs.waitPostContaining(t, c.want)
			if p.Get("thread_ts") != "1800000000.000300" {
				t.Errorf("refusal not in thread: %v", p)
			}
			b.shutdown()
			if n := briefs.Load(); n != 0 {
				t.Errorf("analysed a refused file %d times", n)
			}
		})
	}
}

// /scrutineer brief finds the latest PDF shared in the channel.
func TestSlashBriefLatestPDF(t *testing.T) {
	fs := newFakeSlack(t)
	fileJSON := fs.addFile("F7", "cabinet-pack.pdf", samplePDF)
	fs.mu.Lock()
	fs.listFiles = "[" + fileJSON + "]"
	fs.mu.Unlock()
	names := make(chan string, 1)
	brf := fakeBriefer{
		brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
			names <- name
			return fosteringReport(), nil
		},
		add: func(ctx context.Context, name string, data []byte) error { return nil },
	}
	b, _ := newTestBot(t, fs, Deps{Briefer: brf})
	base := startHTTP(t, b)
	body := slashBody("C2", "public brief cabinet")
	postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
	if n := <-names; n != "cabinet-pack.pdf" {
		t.Errorf("briefed %q", n)
	}
	first := fs.waitPost(t)
	second := fs.waitPostContaining(t, "Briefing: cabinet-pack.pdf")
	// The "working on it" message becomes the briefing: Slack updates it.
	if first.Get("channel") != "C2" || second.Get("_update") != first.Get("_ts") {
		t.Errorf("briefing does not replace the first reply: first %v second updates %q", first.Get("_ts"), second.Get("_update"))
	}
}

// A 429 from Slack is retried after Retry-After and the reply still lands.
func TestRateLimitRetried(t *testing.T) {
	fs := newFakeSlack(t)
	fs.rateLimit.Store(1)
	var calls atomic.Int32
	b, _ := newTestBot(t, fs, searchDeps(&calls, nil))
	base := startHTTP(t, b)
	body := slashBody("C1", "public search placement")
	postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
	fs.waitPost(t)
	if n := fs.postCalls.Load(); n != 2 {
		t.Errorf("chat.postMessage called %d times, want 2 (429 then success)", n)
	}
}

// A slash command in a channel the bot is not in is answered privately
// through the response URL, with a hint to invite the bot.
func TestSlashCommandOutsideChannel(t *testing.T) {
	fs := newFakeSlack(t)
	var calls atomic.Int32
	b, _ := newTestBot(t, fs, searchDeps(&calls, nil))
	base := startHTTP(t, b)
	v, _ := url.ParseQuery(slashBody("CNOTIN1", "public search placement"))
	v.Set("response_url", fs.srv.GetAPIURL()+"hooks/T1/1/abc")
	body := v.Encode()
	postSigned(t, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
	var all []byte
	for range 2 {
		select {
		case m := <-fs.hooks:
			if m["response_type"] != "ephemeral" {
				t.Errorf("response URL message is not ephemeral: %v", m)
			}
			j, _ := json.Marshal(m)
			all = append(all, j...)
		case <-time.After(10 * time.Second):
			t.Fatal("nothing posted to the response URL")
		}
	}
	if !strings.Contains(string(all), "Fostering Service Annual Report") || !strings.Contains(string(all), "Invite @scrutineer") {
		t.Errorf("response URL got %s", all)
	}
}

// A mention with a picture attached still answers the words; a file that
// is not a PDF, shared on its own, is refused.
func TestMentionWithOtherFiles(t *testing.T) {
	fs := newFakeSlack(t)
	var calls atomic.Int32
	deps := searchDeps(&calls, nil)
	deps.Briefer = fakeBriefer{
		brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
			t.Error("briefed a picture")
			return nil, nil
		},
		add: func(ctx context.Context, name string, data []byte) error { return nil },
	}
	b, _ := newTestBot(t, fs, deps)
	base := startHTTP(t, b)
	img := `{"id":"FIMG","name":"chart.png","mimetype":"image/png","filetype":"png","size":10,"url_private_download":"https://files.slack.com/x/chart.png"}`
	ev := eventBody("EvI1", `{"type":"app_mention","user":"U1","text":"<@UBOT> search placement","ts":"1800000000.000800","channel":"C1","files":[`+img+`]}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	fs.waitPostContaining(t, "Search: placement")
	ev = eventBody("EvI2", `{"type":"app_mention","user":"U1","text":"<@UBOT>","ts":"1800000000.000900","channel":"C1","files":[`+img+`]}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	fs.waitPostContaining(t, "“chart.png” is not a PDF")
}

// An event may carry only the file's ID and name; the download URL then
// comes from files.info.
func TestSharedFileNeedsFileInfo(t *testing.T) {
	fs := newFakeSlack(t)
	fs.addFile("F5", "pack.pdf", samplePDF)
	got := make(chan []byte, 1)
	deps := Deps{Briefer: fakeBriefer{
		brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
			got <- data
			return fosteringReport(), nil
		},
		add: func(ctx context.Context, name string, data []byte) error { return nil },
	}}
	b, _ := newTestBot(t, fs, deps)
	base := startHTTP(t, b)
	partial := `{"id":"F5","name":"pack.pdf","mimetype":"application/pdf","file_access":"check_file_info"}`
	ev := eventBody("EvF5", `{"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"","ts":"1800000000.001000","channel":"D1","files":[`+partial+`]}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	select {
	case data := <-got:
		if !bytes.Equal(data, samplePDF) {
			t.Errorf("briefed %q", data)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("file never briefed")
	}
	fs.waitPostContaining(t, "Briefing: pack.pdf")
}
