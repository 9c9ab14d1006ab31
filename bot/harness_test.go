package bot

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack/slacktest"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/index"
)

// Fakes for the project services, as structs of funcs.

type fakeSearcher struct {
	search func(ctx context.Context, q index.Query) (*index.Results, error)
}

func (f fakeSearcher) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	return f.search(ctx, q)
}

type fakeLibrary struct {
	find func(ctx context.Context, text string, limit int) ([]Paper, error)
	ask  func(ctx context.Context, p Paper) (*analysis.Report, error)
}

func (f fakeLibrary) FindPapers(ctx context.Context, text string, limit int) ([]Paper, error) {
	return f.find(ctx, text, limit)
}
func (f fakeLibrary) Ask(ctx context.Context, p Paper) (*analysis.Report, error) {
	return f.ask(ctx, p)
}

type fakeBriefer struct {
	brief func(ctx context.Context, name string, data []byte) (*analysis.Report, error)
	add   func(ctx context.Context, name string, data []byte) error
}

func (f fakeBriefer) Brief(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
	return f.brief(ctx, name, data)
}
func (f fakeBriefer) Add(ctx context.Context, name string, data []byte) error {
	return f.add(ctx, name, data)
}

var (
	_ Searcher = fakeSearcher{}
	_ Library  = fakeLibrary{}
	_ Briefer  = fakeBriefer{}
)

// Test material: the project's own words, not copied from any paper.

const (
	testBotToken = "xoxb-test-token-1234"
	testSecret   = "8f742231b10e8888abcd99yyyzzz85a5"
	secretChan   = "CSECRET"
)

var samplePDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

func sampleHits() []index.Hit {
	return []index.Hit{
		{Source: "wexcombe-cyp-2026-10-14.pdf", Item: "5", Title: "Fostering Service Annual Report", Heading: "Placement stability",
			Committee: "Children and Young People Scrutiny", Date: "2026-10-14", Page: 65, PrintedPage: 63, Score: 3.1,
			Snippet: "long-term <mark>placement</mark> <mark>stability</mark> fell to 64% & recovery is planned"},
		{Source: "wexcombe-cyp-2026-10-14.pdf", Item: "9", Title: "Placement of a named child", Page: 120, Score: 2.5,
			Snippet: "the child's <mark>placement</mark> broke down", Exempt: true},
		{Source: "wexcombe-cpp-2026-07-01.pdf", Item: "4", Title: "Sufficiency Strategy", Page: 12, PrintedPage: 12, Score: 1.9,
			Snippet: "<mark>stability</mark> of homes for children in care"},
	}
}

func fosteringReport() *analysis.Report {
	return &analysis.Report{
		Source: "wexcombe-cyp-2026-10-14.pdf",
		Items: []analysis.ItemReport{{
			Number: "5", Title: "Fostering Service Annual Report", StartPage: 61, EndPage: 78,
			Themes: []analysis.ThemeScore{{ID: "fostering", Title: "Fostering", Score: 0.92}, {ID: "sufficiency", Score: 0.41}},
			Questions: []analysis.Question{
				{Text: "What is driving the fall in foster carer approvals, and what is the recruitment target for next year?", Theme: "fostering", Kind: analysis.KindEvidence,
					Evidence: []analysis.Evidence{{Page: 68, PrintedPage: 66, Quote: "approvals fell from 31 to 19"}}},
				{Text: "The report does not say how many children were placed outside the county. How many were, and why?", Theme: "sufficiency", Kind: analysis.KindGap},
			},
		}},
	}
}

// fakeSlack is a slacktest server with handlers for what the bot calls
// and slacktest lacks, capturing posts and uploads.
type fakeSlack struct {
	srv     *slacktest.Server
	posts   chan url.Values
	uploads chan upload
	// hooks receives what is posted to a slash command's response URL.
	hooks chan map[string]any
	// views receives the body of each views.publish.
	views chan []byte
	// rateLimit makes the next n chat.postMessage calls answer 429.
	rateLimit atomic.Int32
	postCalls atomic.Int32
	// uploadFail makes the next n POSTs of a file's bytes answer
	// uploadStatus (429 comes with Retry-After: 1).
	uploadFail   atomic.Int32
	uploadStatus atomic.Int32
	uploadPosts  atomic.Int32

	mu        sync.Mutex
	files     map[string][]byte         // download path -> content
	auth      []string                  // Authorization headers of downloads
	uploaded  map[string][]byte         // file ID -> uploaded content
	names     map[string]string         // file ID -> file name
	listFiles string                    // files.list JSON "files" array
	info      map[string]map[string]any // file ID -> files.info "file"
	infoCalls atomic.Int32
	nextTS    int
	threads   map[string]string // message ts -> its thread's ts
	// members are the members of channels, by ID; a channel whose ID
	// starts "CP" is private (conversations.info).
	members map[string][]string
}

type upload struct {
	Name, Channel, Thread string
	Data                  []byte
}

func newFakeSlack(t testing.TB) *fakeSlack {
	t.Helper()
	fs := &fakeSlack{
		posts:     make(chan url.Values, 100),
		uploads:   make(chan upload, 10),
		hooks:     make(chan map[string]any, 10),
		views:     make(chan []byte, 10),
		files:     map[string][]byte{},
		uploaded:  map[string][]byte{},
		names:     map[string]string{},
		info:      map[string]map[string]any{},
		listFiles: "[]",
		threads:   map[string]string{},
	}
	form := func(r *http.Request) url.Values {
		body, _ := io.ReadAll(r.Body)
		v, _ := url.ParseQuery(string(body))
		return v
	}
	fs.srv = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/conversations.info", func(w http.ResponseWriter, r *http.Request) {
			ch := form(r).Get("channel")
			fmt.Fprintf(w, `{"ok":true,"channel":{"id":%q,"is_private":%t}}`, ch, strings.HasPrefix(ch, "CP"))
		})
		c.Handle("/conversations.members", func(w http.ResponseWriter, r *http.Request) {
			ch := form(r).Get("channel")
			fs.mu.Lock()
			ms, _ := json.Marshal(fs.members[ch])
			fs.mu.Unlock()
			if string(ms) == "null" {
				ms = []byte("[]")
			}
			fmt.Fprintf(w, `{"ok":true,"members":%s,"response_metadata":{"next_cursor":""}}`, ms)
		})
		c.Handle("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
			fs.postCalls.Add(1)
			if fs.rateLimit.Load() > 0 {
				fs.rateLimit.Add(-1)
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			v := form(r)
			if strings.HasPrefix(v.Get("channel"), "CNOTIN") {
				fmt.Fprint(w, `{"ok":false,"error":"not_in_channel"}`)
				return
			}
			fs.mu.Lock()
			fs.nextTS++
			ts := fmt.Sprintf("1800000000.%06d", fs.nextTS)
			fs.threads[ts] = v.Get("thread_ts")
			fs.mu.Unlock()
			v.Set("_ts", ts)
			fs.posts <- v
			fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, v.Get("channel"), ts)
		})
		// chat.update: an update arrives with the posts, marked, in the
		// thread of the message it replaces.
		c.Handle("/chat.update", func(w http.ResponseWriter, r *http.Request) {
			v := form(r)
			v.Set("_update", v.Get("ts"))
			fs.mu.Lock()
			if th := fs.threads[v.Get("ts")]; th != "" {
				v.Set("thread_ts", th)
			}
			fs.mu.Unlock()
			v.Set("_ts", v.Get("ts"))
			fs.posts <- v
			fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, v.Get("channel"), v.Get("ts"))
		})
		c.Handle("/views.publish", func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			fs.views <- body
			fmt.Fprint(w, `{"ok":true,"view":{"id":"V1","type":"home"}}`)
		})
		c.Handle("/files.getUploadURLExternal", func(w http.ResponseWriter, r *http.Request) {
			v := form(r)
			fs.mu.Lock()
			id := fmt.Sprintf("FUP%d", len(fs.names)+1)
			fs.names[id] = v.Get("filename")
			fs.mu.Unlock()
			fmt.Fprintf(w, `{"ok":true,"upload_url":%q,"file_id":%q}`, fs.srv.GetAPIURL()+"upload/"+id, id)
		})
		c.Handle("/upload/", func(w http.ResponseWriter, r *http.Request) {
			fs.uploadPosts.Add(1)
			if fs.uploadFail.Load() > 0 {
				fs.uploadFail.Add(-1)
				_, _ = io.Copy(io.Discard, r.Body)
				status := int(fs.uploadStatus.Load())
				if status == http.StatusTooManyRequests {
					w.Header().Set("Retry-After", "1")
				}
				w.WriteHeader(status)
				return
			}
			f, _, err := r.FormFile("file")
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			data, _ := io.ReadAll(f)
			fs.mu.Lock()
			fs.uploaded[strings.TrimPrefix(r.URL.Path, "/upload/")] = data
			fs.mu.Unlock()
			fmt.Fprint(w, "OK")
		})
		c.Handle("/files.completeUploadExternal", func(w http.ResponseWriter, r *http.Request) {
			v := form(r)
			var files []struct {
				ID    string `json:"id"`
				Title string `json:"title"`
			}
			_ = json.Unmarshal([]byte(v.Get("files")), &files)
			if len(files) != 1 {
				fmt.Fprint(w, `{"ok":false,"error":"invalid_arguments"}`)
				return
			}
			fs.mu.Lock()
			u := upload{Name: fs.names[files[0].ID], Channel: v.Get("channel_id"), Thread: v.Get("thread_ts"), Data: fs.uploaded[files[0].ID]}
			fs.mu.Unlock()
			fs.uploads <- u
			fmt.Fprintf(w, `{"ok":true,"files":[{"id":%q,"title":%q}]}`, files[0].ID, files[0].Title)
		})
		c.Handle("/hooks/", func(w http.ResponseWriter, r *http.Request) {
			var m map[string]any
			_ = json.NewDecoder(r.Body).Decode(&m)
			fs.hooks <- m
			fmt.Fprint(w, "ok")
		})
		c.Handle("/files.list", func(w http.ResponseWriter, r *http.Request) {
			fs.mu.Lock()
			defer fs.mu.Unlock()
			fmt.Fprintf(w, `{"ok":true,"files":%s,"paging":{"count":20,"total":1,"page":1,"pages":1}}`, fs.listFiles)
		})
		// slacktest has no files.info: it answers from the files added.
		c.Handle("/files.info", func(w http.ResponseWriter, r *http.Request) {
			fs.infoCalls.Add(1)
			id := form(r).Get("file")
			fs.mu.Lock()
			f, ok := fs.info[id]
			j, _ := json.Marshal(f)
			fs.mu.Unlock()
			if !ok {
				fmt.Fprint(w, `{"ok":false,"error":"file_not_found"}`)
				return
			}
			fmt.Fprintf(w, `{"ok":true,"file":%s}`, j)
		})
		c.Handle("/files-pri/", func(w http.ResponseWriter, r *http.Request) {
			fs.mu.Lock()
			fs.auth = append(fs.auth, r.Header.Get("Authorization"))
			data, ok := fs.files[r.URL.Path]
			fs.mu.Unlock()
			if !ok {
				http.NotFound(w, r)
				return
			}
			_, _ = w.Write(data)
		})
	})
	fs.srv.Start()
	go func() {
		for range fs.srv.SeenFeed {
		}
	}()
	t.Cleanup(fs.srv.Stop)
	return fs
}

// addFile serves data for download and in files.info, and returns the
// file's JSON as Slack sends it in events.
func (fs *fakeSlack) addFile(id, name string, data []byte) string {
	return fs.addTyped(id, name, "application/pdf", data)
}

// addTyped is addFile for a file of any MIME type.
func (fs *fakeSlack) addTyped(id, name, mimetype string, data []byte) string {
	p := "/files-pri/T1-" + id + "/" + name
	f := map[string]any{
		"id": id, "name": name, "title": name, "mimetype": mimetype, "filetype": path.Ext(name),
		"size": len(data), "url_private_download": strings.TrimSuffix(fs.srv.GetAPIURL(), "/") + p,
		"permalink": "https://wexcombe.slack.com/files/U1/" + id + "/" + name,
	}
	j, _ := json.Marshal(f)
	fs.mu.Lock()
	fs.files[p] = data
	fs.info[id] = f
	fs.mu.Unlock()
	return string(j)
}

// share records in files.info that file id was shared in channel by the
// message at ts, inside thread (or "" for none).
func (fs *fakeSlack) share(id, channel, ts, thread string) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	kind := "public"
	if strings.HasPrefix(channel, "D") || strings.HasPrefix(channel, "G") {
		kind = "private"
	}
	fs.info[id]["shares"] = map[string]any{kind: map[string]any{channel: []map[string]any{{"ts": ts, "thread_ts": thread}}}}
}

// waitPost returns the next message posted to the fake Slack.
func (fs *fakeSlack) waitPost(t testing.TB) url.Values {
	t.Helper()
	select {
	case v := <-fs.posts:
		return v
	case <-time.After(10 * time.Second):
		t.Fatal("no message was posted to Slack")
		return nil
	}
}

// waitPostContaining skips posts until one whose blocks or text contain s.
func (fs *fakeSlack) waitPostContaining(t testing.TB, s string) url.Values {
	t.Helper()
	for {
		v := fs.waitPost(t)
		if strings.Contains(v.Get("blocks")+v.Get("text"), s) {
			return v
		}
	}
}

func (fs *fakeSlack) waitUpload(t testing.TB) upload {
	t.Helper()
	select {
	case u := <-fs.uploads:
		return u
	case <-time.After(10 * time.Second):
		t.Fatal("no file was uploaded to Slack")
		return upload{}
	}
}

// syncBuffer is a log sink tests read back.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newTestBot returns a bot talking to fs (which may be nil), with its
// logs captured in the returned buffer. It is shut down when the test ends.
func newTestBot(t testing.TB, fs *fakeSlack, deps Deps, edit ...func(*Config)) (*Bot, *syncBuffer) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.BotToken = testBotToken
	cfg.SigningSecret = testSecret
	cfg.ExemptChannels = []string{secretChan}
	cfg.Limits.ShutdownWait = 5 * time.Second
	if fs != nil {
		cfg.APIURL = fs.srv.GetAPIURL()
	}
	for _, e := range edit {
		e(&cfg)
	}
	logs := &syncBuffer{}
	b, err := New(cfg, deps, slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.shutdown)
	return b, logs
}

// sign returns Slack's signature headers for body at time ts.
func sign(secret string, ts time.Time, body string) http.Header {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return h
}

// postSigned posts body to the bot's HTTP server, signed with secret.
func postSigned(t testing.TB, base, path, contentType, body string, h http.Header) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range h {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func slashBody(channel, text string) string {
	return url.Values{
		"command": {"/scrutineer"}, "text": {text}, "channel_id": {channel}, "user_id": {"U1"},
		"team_id": {"T1"}, "response_url": {"https://hooks.slack.com/commands/T1/1/x"},
	}.Encode()
}

func eventBody(eventID, inner string) string {
	return fmt.Sprintf(`{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":%q,"event_time":1800000000,"event":%s}`, eventID, inner)
}

// startHTTP serves the bot's handler on a real HTTP server.
func startHTTP(t testing.TB, b *Bot) string {
	t.Helper()
	srv := httptest.NewServer(b.Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

// blocksOf decodes a post's Block Kit JSON to text for assertions.
func blocksOf(t testing.TB, v url.Values) string {
	t.Helper()
	var blocks []map[string]any
	if err := json.Unmarshal([]byte(v.Get("blocks")), &blocks); err != nil {
		t.Fatalf("post has no valid blocks: %v (%q)", err, v.Get("blocks"))
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(blocks); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
