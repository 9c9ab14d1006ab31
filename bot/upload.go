package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/slack-go/slack"
)

// Bounds on retrying the upload of a brief file.
const (
	// uploadAttempts is how many times the file's POST is tried.
	uploadAttempts = 4
	// uploadBackoff is the first wait after a failed POST that Slack gave
	// no Retry-After for; it doubles with each try.
	uploadBackoff = 250 * time.Millisecond
	// maxRetryAfter is the longest Retry-After the upload waits for; a
	// longer one fails the upload at once.
	maxRetryAfter = 2 * time.Minute
)

// uploadFile attaches a file to a channel's thread in Slack's three steps:
// files.getUploadURLExternal, a POST of the bytes to the URL it returns,
// and files.completeUploadExternal. The two Web API calls go through the
// client, which retries them itself; the POST streams its body, so the
// client cannot replay it, and it is retried here: after the Retry-After
// Slack sends with a 429, or after a doubling wait for a 5xx or a dropped
// connection, at most uploadAttempts times in all. Its errors do not name
// the file: they are logged, and the name comes from the user's.
func uploadFile(ctx context.Context, api *slack.Client, f *Attachment, channel, thread string) error {
	if len(f.Data) == 0 {
		return errors.New("upload the brief file: the file is empty")
	}
	u, err := api.GetUploadURLExternalContext(ctx, slack.GetUploadURLExternalParameters{FileName: f.Name, FileSize: len(f.Data)})
	if err != nil {
		return fmt.Errorf("upload the brief file: files.getUploadURLExternal: %w", err)
	}
	for attempt := 1; ; attempt++ {
		err = api.UploadToURL(ctx, slack.UploadToURLParameters{UploadURL: u.UploadURL, Reader: bytes.NewReader(f.Data), Filename: f.Name})
		if err == nil {
			break
		}
		wait, ok := retryWait(err, attempt)
		if !ok || attempt == uploadAttempts {
			return fmt.Errorf("upload the brief file: post the file (try %d of %d): %w", attempt, uploadAttempts, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("upload the brief file: %w", ctx.Err())
		case <-t.C:
		}
	}
	c, err := api.CompleteUploadExternalContext(ctx, slack.CompleteUploadExternalParameters{
		Files:           []slack.FileSummary{{ID: u.FileID, Title: f.Title}},
		Channel:         channel,
		ThreadTimestamp: thread,
	})
	if err != nil {
		return fmt.Errorf("upload the brief file: files.completeUploadExternal: %w", err)
	}
	if len(c.Files) != 1 {
		return fmt.Errorf("upload the brief file: files.completeUploadExternal returned %d files, want 1", len(c.Files))
	}
	return nil
}

// retryWait says whether a failed upload POST is worth trying again, and
// after how long: what Slack's Retry-After asks for on a 429 (up to
// maxRetryAfter), or a wait doubling from uploadBackoff for a 429 without
// it, a 5xx or a connection that failed. A cancelled or timed-out job, or
// any other answer, is not retried.
func retryWait(err error, attempt int) (time.Duration, bool) {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return 0, false
	}
	backoff := uploadBackoff << (attempt - 1)
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		if rl.RetryAfter > maxRetryAfter {
			return 0, false
		}
		return max(rl.RetryAfter, backoff), true
	}
	var sc slack.StatusCodeError
	if errors.As(err, &sc) {
		return backoff, sc.Code == http.StatusTooManyRequests || sc.Code >= http.StatusInternalServerError
	}
	// A dropped or refused connection comes as a *url.Error, a net.Error.
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) {
		return backoff, true
	}
	return 0, false
}
