package bleveindex

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus/corpustest/hostile"
)

// TestIngestHostileFolder ingests a folder of hostile PDFs beside good
// papers, in a child process: it must end within a deadline (a file
// whose read hangs is stopped at its own deadline and reported), with
// the good papers indexed and every hostile file accounted for.
func TestIngestHostileFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	src := t.TempDir()
	writeFile(t, src, "good-a.txt", paper("foster carers", 4))
	writeFile(t, src, "good-b.txt", paper("placement stability", 4))
	var names []string
	for _, f := range hostile.Files() {
		writeFile(t, src, f.Name+".pdf", string(f.Data))
		names = append(names, f.Name+".pdf")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	const fileTimeout, deadline = 2 * time.Second, 60 * time.Second
	start := time.Now()
	cmd, sc := helper(t, "ingest-json", dir, src, "SCRUTINEER_HELPER_TIMEOUT="+fileTimeout.String())
	lines := make(chan string)
	go func() {
		defer close(lines)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var sum Summary
	var result string
	timer := time.NewTimer(deadline)
	defer timer.Stop()
read:
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				break read
			}
			if js, ok := strings.CutPrefix(l, "summary: "); ok {
				if err := json.Unmarshal([]byte(js), &sum); err != nil {
					t.Fatalf("summary %q: %v", js, err)
				}
			}
			if r, ok := strings.CutPrefix(l, "ingest: "); ok {
				result = r
			}
		case <-timer.C:
			t.Fatalf("the ingest did not end within %v", deadline)
		}
	}
	if err := cmd.Wait(); err != nil || result != "<nil>" {
		t.Fatalf("child: %v; ingest: %q", err, result)
	}
	t.Logf("%d hostile files and 2 good ones ingested in %v", len(names), time.Since(start).Round(100*time.Millisecond))

	skipped := map[string]string{}
	for _, s := range sum.Skipped {
		skipped[filepath.Base(s.Path)] = s.Reason
		t.Logf("skipped %s: %.100s", filepath.Base(s.Path), s.Reason)
	}
	if _, ok := skipped["good-a.txt"]; ok {
		t.Errorf("good-a.txt skipped: %s", skipped["good-a.txt"])
	}
	if sum.Added+len(sum.Skipped) != len(names)+2 {
		t.Errorf("added %d and skipped %d of %d files", sum.Added, len(sum.Skipped), len(names)+2)
	}
	for _, f := range hostile.Files() {
		if r, ok := skipped[f.Name+".pdf"]; ok && strings.TrimSpace(r) == "" {
			t.Errorf("%s skipped without a reason", f.Name)
		}
	}

	x, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, q := range []string{"foster carers", "placement stability"} {
		if r := doSearch(t, x, Query{Text: q}); len(r.Hits) == 0 {
			t.Errorf("%q: no hits; the good papers are not indexed", q)
		}
	}
}

// TestIngestFileTimeout gives a file less time than its read takes: it is
// reported as timed out, the ingest returns, and the index is free for
// the next ingest.
func TestIngestFileTimeout(t *testing.T) {
	src := t.TempDir()
	big := writeFile(t, src, "big.txt", strings.Repeat(paper("placement stability", 400), 8))
	small := writeFile(t, src, "small.txt", paper("foster carers", 3))
	x := openTemp(t)
	ctx := context.Background()
	sum, err := x.IngestPaths(ctx, []string{big}, IngestOptions{FileTimeout: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 0 || len(sum.Skipped) != 1 || !strings.HasPrefix(sum.Skipped[0].Reason, "timed out: still reading after 1ms") {
		t.Fatalf("summary = %+v, want big.txt skipped as timed out", sum)
	}
	sum, err = x.IngestPaths(ctx, []string{small}, IngestOptions{})
	if err != nil || sum.Added != 1 {
		t.Errorf("next ingest = %+v, %v", sum, err)
	}
}
