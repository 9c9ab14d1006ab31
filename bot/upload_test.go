package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

// The POST of a brief file's bytes is retried on a 429 (after its
// Retry-After), a 5xx, up to uploadAttempts times; other failures are not
// retried, and the user is told the file is missing.
func TestUploadRetried(t *testing.T) {
	cases := []struct {
		name     string
		status   int
		fail     int32
		posts    int32
		uploaded bool
	}{
		{"429 once", http.StatusTooManyRequests, 1, 2, true},
		{"503 once", http.StatusServiceUnavailable, 1, 2, true},
		{"500 every time", http.StatusInternalServerError, 100, uploadAttempts, false},
		{"403 not retried", http.StatusForbidden, 1, 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := newFakeSlack(t)
			fs.uploadStatus.Store(int32(c.status))
			fs.uploadFail.Store(c.fail)
			b, _ := newTestBot(t, fs, Deps{})
			out := &slackOut{api: b.api, channel: "C1", thread: "1800000000.000100"}
			data := []byte("# Briefing\n")
			err := out.say(context.Background(), Reply{Parts: []Part{{Text: "Here is the brief."}}, File: &Attachment{Name: "pack-brief.md", Title: "Scrutineer: pack.pdf", Data: data}})
			if n := fs.uploadPosts.Load(); n != c.posts {
				t.Errorf("file posted %d times, want %d", n, c.posts)
			}
			fs.waitPostContaining(t, "Here is the brief.")
			if c.uploaded {
				if err != nil {
					t.Fatalf("say: %v", err)
				}
				up := fs.waitUpload(t)
				if up.Name != "pack-brief.md" || up.Channel != "C1" || up.Thread != "1800000000.000100" || string(up.Data) != string(data) {
					t.Errorf("upload %+v", up)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), fmt.Sprint(c.status)) {
				t.Errorf("say: %v, want the upload's %d", err, c.status)
			}
			note := fs.waitPostContaining(t, "I could not attach")
			if note.Get("thread_ts") != "1800000000.000100" {
				t.Errorf("note not in the thread: %v", note)
			}
			if len(fs.uploads) != 0 {
				t.Error("a failed upload was completed")
			}
		})
	}
}

// retryWait retries what may pass on a second try and nothing else.
func TestRetryWait(t *testing.T) {
	connRefused := &url.Error{Op: "Post", URL: "https://files.slack.com/upload/v1/x", Err: &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}}
	cases := []struct {
		name    string
		err     error
		attempt int
		wait    time.Duration
		retry   bool
	}{
		{"retry-after", &slack.RateLimitedError{RetryAfter: 3 * time.Second}, 1, 3 * time.Second, true},
		{"retry-after zero", &slack.RateLimitedError{}, 2, 2 * uploadBackoff, true},
		{"retry-after too long", &slack.RateLimitedError{RetryAfter: time.Hour}, 1, 0, false},
		{"429 without retry-after", slack.StatusCodeError{Code: 429}, 1, uploadBackoff, true},
		{"502", fmt.Errorf("wrapped: %w", slack.StatusCodeError{Code: 502}), 3, 4 * uploadBackoff, true},
		{"404", slack.StatusCodeError{Code: 404}, 1, uploadBackoff, false},
		{"connection refused", connRefused, 1, uploadBackoff, true},
		{"cancelled", &url.Error{Op: "Post", URL: "x", Err: context.Canceled}, 1, 0, false},
		{"slack error", slack.SlackErrorResponse{Err: "invalid_auth"}, 1, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wait, retry := retryWait(c.err, c.attempt)
			if retry != c.retry || (retry && wait != c.wait) {
				t.Errorf("retryWait = %v, %v; want %v, %v", wait, retry, c.wait, c.retry)
			}
		})
	}
}
