package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/slack-go/slack"
)

// fileSource is a file to brief: a Slack file or, in the console, a local
// path.
type fileSource struct {
	// slackID and permalink are the Slack file's ID and link; "" for a
	// local file.
	slackID, permalink string
	name               string
	size               int64
	mimetype           string
	// fetch reads at most max bytes; a larger file is an error.
	fetch func(ctx context.Context, max int64) ([]byte, error)
}

// looksPDF reports whether the file says it is a PDF (name, type); the
// content is checked with isPDF after download.
func (f fileSource) looksPDF() bool {
	return strings.EqualFold(filepath.Ext(f.name), ".pdf") || f.mimetype == "application/pdf"
}

// isPDF reports whether data starts like a PDF: "%PDF-" within the first
// 1024 bytes, where readers look for it.
func isPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// errTooLarge is returned when a file exceeds the size limit.
var errTooLarge = errors.New("file too large")

// limitedBuffer collects at most max bytes and fails beyond that.
type limitedBuffer struct {
	buf bytes.Buffer
	max int64
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if int64(l.buf.Len()+len(p)) > l.max {
		return 0, errTooLarge
	}
	return l.buf.Write(p)
}

// readLimited collects what fill writes, failing with a plain sentence
// once it passes max bytes.
func readLimited(name string, max int64, fill func(w io.Writer) error) ([]byte, error) {
	lb := &limitedBuffer{max: max}
	if err := fill(lb); err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, tooLarge(name, max)
		}
		return nil, err
	}
	return lb.buf.Bytes(), nil
}

// tooLarge says a file is over the size limit.
func tooLarge(name string, max int64) userError {
	return userError(fmt.Sprintf("“%s” is larger than %d MB, which is the most I read. Share the items you need as a smaller PDF.", name, max>>20))
}

// slackFile is a file shared in Slack, downloaded with the bot token.
func (b *Bot) slackFile(f slack.File) fileSource {
	return fileSource{
		slackID:   f.ID,
		permalink: f.Permalink,
		name:      f.Name,
		size:      int64(f.Size),
		mimetype:  f.Mimetype,
		fetch: func(ctx context.Context, max int64) ([]byte, error) {
			u := f.URLPrivateDownload
			if u == "" {
				u = f.URLPrivate
			}
			if u == "" && f.ID != "" {
				// Events may carry a partial file; files.info has the rest.
				full, _, _, err := b.api.GetFileInfoContext(ctx, f.ID, 0, 0)
				if err != nil {
					return nil, fmt.Errorf("files.info %s: %w", f.ID, err)
				}
				u = full.URLPrivateDownload
				if u == "" {
					u = full.URLPrivate
				}
			}
			data, err := readLimited(f.Name, max, func(w io.Writer) error { return b.api.GetFileContext(ctx, u, w) })
			if err != nil {
				return nil, fmt.Errorf("download file %s: %w", f.ID, err)
			}
			return data, nil
		},
	}
}

// localFile is a file on disk, for the console.
func localFile(path string) fileSource {
	fs := fileSource{name: filepath.Base(path)}
	if fi, err := os.Stat(path); err == nil {
		fs.size = fi.Size()
	}
	fs.fetch = func(ctx context.Context, max int64) ([]byte, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, userError("I cannot open " + path + ": " + errors.Unwrap(err).Error() + ".")
		}
		defer f.Close()
		data, err := readLimited(fs.name, max, func(w io.Writer) error { _, err := io.Copy(w, f); return err })
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		return data, nil
	}
	return fs
}
