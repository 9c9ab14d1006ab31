package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/index"
)

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	b := newProgressBar(&buf, 0)
	for i := 1; i <= 3; i++ {
		b.update(index.Progress{FilesDone: i, FilesTotal: 10, Pages: 4 * i, Passages: 20 * i, File: "/papers/pack.pdf"})
	}
	out := buf.String()
	if !strings.Contains(out, "(3/10)") || !strings.Contains(out, " pages, ") || !strings.Contains(out, " passages") {
		t.Errorf("bar drew %q", out)
	}
	b.done()
	var none *progressBar
	none.done() // no bar when stderr is not a terminal
	if got := shortName("a-very-long-file-name.pdf", 10); got != "a-very-lo…" {
		t.Errorf("shortName = %q", got)
	}
}
