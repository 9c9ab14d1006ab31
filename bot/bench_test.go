package bot

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func BenchmarkParseCommand(b *testing.B) {
	for b.Loop() {
		parseCommand("<@U0BOT> what should I ask about the fostering service annual report?")
	}
}

func BenchmarkSearchReplyBlocks(b *testing.B) {
	hits := append(sampleHits(), sampleHits()...)[:5]
	for b.Loop() {
		if _, err := json.Marshal(searchReply("placement stability", 40, hits).blockMessages()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignedRequest measures the signature check and parse of a
// Slack request in process (url_verification does no further work).
func BenchmarkSignedRequest(b *testing.B) {
	bot, err := New(func() Config { c := DefaultConfig(); c.SigningSecret = testSecret; return c }(), Deps{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	h := bot.Handler()
	body := `{"token":"x","challenge":"abc","type":"url_verification"}`
	hdr := sign(testSecret, time.Now(), body)
	for b.Loop() {
		r := httptest.NewRequest(http.MethodPost, PathEvents, strings.NewReader(body))
		r.Header = hdr.Clone()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkSlashSearchRoundTrip measures a signed slash command from the
// HTTP request to the reply posted on the fake Slack, over real sockets.
func BenchmarkSlashSearchRoundTrip(b *testing.B) {
	fs := newFakeSlack(b)
	var calls atomic.Int32
	bot, _ := newTestBot(b, fs, searchDeps(&calls, nil))
	base := startHTTP(b, bot)
	body := slashBody("C1", "public search placement stability")
	for b.Loop() {
		resp := postSigned(b, base, PathCommands, "application/x-www-form-urlencoded", body, sign(testSecret, time.Now(), body))
		if resp.StatusCode != http.StatusOK {
			b.Fatal(resp.StatusCode)
		}
		<-fs.posts
	}
}
