package bot

import (
	"context"
	"io"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
)

// briefCounter is a Briefer that counts what it briefs and adds.
type briefCounter struct {
	mu     sync.Mutex
	briefs []string
	adds   []string
}

func (c *briefCounter) deps() Deps {
	return Deps{
		Briefer: fakeBriefer{
			brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
				c.mu.Lock()
				defer c.mu.Unlock()
				c.briefs = append(c.briefs, name)
				return fosteringReport(), nil
			},
			add: func(ctx context.Context, name string, data []byte) error {
				c.mu.Lock()
				defer c.mu.Unlock()
				c.adds = append(c.adds, name)
				return nil
			},
		},
		Render: func(w io.Writer, format string, r *analysis.Report) error {
			_, err := io.WriteString(w, "# Briefing\n")
			return err
		},
	}
}

func (c *briefCounter) counts() (briefs, adds []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.briefs...), append([]string(nil), c.adds...)
}

func fileSharedBody(eventID, channel, user, fileID string) string {
	return eventBody(eventID, `{"type":"file_shared","channel_id":"`+channel+`","file_id":"`+fileID+`","user_id":"`+user+`","file":{"id":"`+fileID+`"},"event_ts":"1800000000.002000"}`)
}

// drain returns every post the fake Slack has received so far.
func drain(fs *fakeSlack) []url.Values {
	var all []url.Values
	for len(fs.posts) > 0 {
		all = append(all, <-fs.posts)
	}
	return all
}

// A PDF shared with file_shared is briefed unasked in a direct message and
// in a papers channel, in the thread of the message that shared it, with
// the brief attached and the pack indexed; elsewhere, and for files that
// are not PDFs or that the bot uploaded itself, nothing is said.
func TestFileShared(t *testing.T) {
	cases := []struct {
		name, channel, user, file, mimetype string
		// ts and thread of the sharing message, as files.info reports.
		ts, thread string
		briefed    bool
		replyIn    string
		// lookedUp: files.info is called (the channel is one the bot
		// briefs in unasked).
		lookedUp bool
	}{
		{"direct message", "D1", "U1", "pack.pdf", "application/pdf", "1800000000.000100", "", true, "1800000000.000100", true},
		{"papers channel, in a thread", "CPAPERS", "U1", "pack.pdf", "application/pdf", "1800000000.000300", "1800000000.000200", true, "1800000000.000200", true},
		{"papers channel, no share info", "CPAPERS", "U1", "pack.pdf", "application/pdf", "", "", true, "", true},
		{"ordinary channel", "C1", "U1", "pack.pdf", "application/pdf", "1800000000.000100", "", false, "", false},
		{"picture in a direct message", "D1", "U1", "chart.png", "image/png", "1800000000.000100", "", false, "", true},
		{"the bot's own upload", "CPAPERS", "UBOT", "pack-brief.md", "text/markdown", "1800000000.000100", "", false, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := newFakeSlack(t)
			data := samplePDF
			if !strings.HasSuffix(c.file, ".pdf") {
				data = []byte("not a pdf")
			}
			fs.addTyped("F1", c.file, c.mimetype, data)
			if c.ts != "" {
				fs.share("F1", c.channel, c.ts, c.thread)
			}
			bc := &briefCounter{}
			b, _ := newTestBot(t, fs, bc.deps(), func(cfg *Config) { cfg.PapersChannels = []string{"CPAPERS"} })
			b.botUser.Store("UBOT")
			base := startHTTP(t, b)
			ev := fileSharedBody("EvFS", c.channel, c.user, "F1")
			postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
			if c.briefed {
				p := fs.waitPostContaining(t, "Briefing: "+c.file)
				if p.Get("channel") != c.channel {
					t.Errorf("briefing posted to %q", p.Get("channel"))
				}
				if c.replyIn != "" && p.Get("thread_ts") != c.replyIn {
					t.Errorf("briefing in thread %q, want %q", p.Get("thread_ts"), c.replyIn)
				}
				up := fs.waitUpload(t)
				if up.Channel != c.channel || up.Thread != firstNonEmpty(c.replyIn, p.Get("thread_ts"), p.Get("_ts")) || up.Name != "pack-brief.md" {
					t.Errorf("upload %q to %q thread %q", up.Name, up.Channel, up.Thread)
				}
			}
			b.shutdown() // every job has ended
			briefs, adds := bc.counts()
			if want := map[bool]int{true: 1, false: 0}[c.briefed]; len(briefs) != want || len(adds) != want {
				t.Errorf("briefed %v, indexed %v; want %d of each", briefs, adds, want)
			}
			if got := fs.infoCalls.Load() > 0; got != c.lookedUp {
				t.Errorf("files.info called: %v, want %v", got, c.lookedUp)
			}
			if !c.briefed {
				if posts := drain(fs); len(posts) != 0 {
					t.Errorf("the bot spoke unasked: %v", posts)
				}
			}
		})
	}
}

// A PDF in a direct message arrives both as a message and as file_shared:
// it is briefed once, in whichever order the two come, and the message's
// words are not answered with help or a puzzled reply. A question sent with
// a PDF is answered, and the PDF briefed all the same.
func TestFileSharedAndMessageBriefOnce(t *testing.T) {
	cases := []struct {
		name, text  string
		sharedFirst bool
		answer      string
	}{
		{"message first", "", false, ""},
		{"file_shared first", "", true, ""},
		{"message with other words first", "here is the pack for Tuesday", false, ""},
		{"file_shared first, other words", "here is the pack for Tuesday", true, ""},
		{"a question with the pack", "search placement", false, "Search: placement"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := newFakeSlack(t)
			fileJSON := fs.addFile("F2", "pack.pdf", samplePDF)
			fs.share("F2", "D1", "1800000000.000400", "")
			bc := &briefCounter{}
			deps := bc.deps()
			var calls atomic.Int32
			deps.Search = searchDeps(&calls, nil).Search
			b, _ := newTestBot(t, fs, deps)
			base := startHTTP(t, b)
			msg := eventBody("EvM"+string(rune('a'+i)), `{"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"`+c.text+`","ts":"1800000000.000400","channel":"D1","files":[`+fileJSON+`]}`)
			shared := fileSharedBody("EvS"+string(rune('a'+i)), "D1", "U1", "F2")
			send := func(ev string) {
				postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
			}
			if c.sharedFirst {
				// The briefing from file_shared is under way before the
				// message arrives.
				send(shared)
				fs.waitPostContaining(t, "Briefing: pack.pdf")
				send(msg)
			} else {
				send(msg)
				send(shared)
				fs.waitPostContaining(t, "Briefing: pack.pdf")
			}
			b.shutdown()
			posts := drain(fs)
			briefs, _ := bc.counts()
			if len(briefs) != 1 {
				t.Errorf("briefed %d times, want once", len(briefs))
			}
			var all strings.Builder
			for _, p := range posts {
				all.WriteString(p.Get("blocks"))
				if p.Get("thread_ts") != "1800000000.000400" {
					t.Errorf("reply outside the thread: %v", p)
				}
			}
			for _, unwanted := range []string{"What Scrutineer can do", "I did not understand", "Briefing: pack.pdf"} {
				if strings.Contains(all.String(), unwanted) {
					t.Errorf("also said %q: %s", unwanted, all.String())
				}
			}
			if c.answer != "" && calls.Load() != 1 {
				t.Errorf("the question was answered %d times, want once", calls.Load())
			}
		})
	}
}

// The same PDF shared again later is a new request: it is briefed again,
// under the new message.
func TestFileSharedAgain(t *testing.T) {
	fs := newFakeSlack(t)
	fileJSON := fs.addFile("F3", "pack.pdf", samplePDF)
	bc := &briefCounter{}
	b, _ := newTestBot(t, fs, bc.deps())
	base := startHTTP(t, b)
	for i, ts := range []string{"1800000000.000500", "1800000000.000600"} {
		fs.share("F3", "D1", ts, "")
		for _, ev := range []string{
			eventBody("EvAgainM"+ts, `{"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"","ts":"`+ts+`","channel":"D1","files":[`+fileJSON+`]}`),
			fileSharedBody("EvAgainS"+ts, "D1", "U1", "F3"),
		} {
			postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
		}
		p := fs.waitPostContaining(t, "Briefing: pack.pdf")
		if p.Get("thread_ts") != ts {
			t.Errorf("share %d briefed in thread %q, want %q", i+1, p.Get("thread_ts"), ts)
		}
	}
	b.shutdown()
	if briefs, _ := bc.counts(); len(briefs) != 2 {
		t.Errorf("briefed %d times, want once per share", len(briefs))
	}
}
