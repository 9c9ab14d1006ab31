package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/scrutineer/scrutineer/index"
)

// progressBar draws ingest progress on a terminal, on one line that fits
// its width (github.com/schollz/progressbar): files done of the total,
// pages and passages so far, and the file being read.
type progressBar struct {
	bar   *progressbar.ProgressBar
	width int
	total int
}

// redrawEvery is how often the bar is redrawn at most.
const redrawEvery = 100 * time.Millisecond

// newProgressBar returns a bar drawn on w, a terminal, at most once every
// throttle.
func newProgressBar(w io.Writer, throttle time.Duration) *progressBar {
	return &progressBar{bar: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionFullWidth(),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionThrottle(throttle),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(false),
	), width: terminalWidth(w)}
}

func (b *progressBar) update(p index.Progress) {
	if p.FilesTotal > 0 && p.FilesTotal != b.total {
		b.total = p.FilesTotal
		b.bar.ChangeMax(p.FilesTotal)
	}
	desc := fmt.Sprintf("%d pages, %d passages", p.Pages, p.Passages)
	if name := filepath.Base(p.File); name != "." && b.width >= 100 {
		desc += "  " + shortName(name, 28)
	}
	_ = b.bar.Set(p.FilesDone)
	b.bar.Describe(desc)
}

// done clears the bar.
func (b *progressBar) done() {
	if b != nil {
		_ = b.bar.Finish()
	}
}

// shortName cuts a file name to n runes.
func shortName(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
