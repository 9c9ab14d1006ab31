package bleveindex

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// writeFile writes a file under dir, making folders.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// paper is a plain-text paper of n paragraphs about topic.
func paper(topic string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Report on %s\n\n", topic)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Paragraph %d. The committee discussed %s and the number of fostering households in the borough, item %d.\n\n", i, topic, i)
	}
	return b.String()
}

func TestIngestPathsIncremental(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	writeFile(t, src, "a.txt", paper("recruitment of foster carers", 5))
	writeFile(t, src, "sub/b.txt", paper("placement stability", 4))
	writeFile(t, src, "sub/._b.txt", "\x00\x05 resource fork")
	writeFile(t, src, ".hidden/c.txt", paper("hidden", 2))
	writeFile(t, src, "notes.md", "not picked up from a folder")
	writeFile(t, src, "bad.pdf", "%PDF-1.7 this is not a real PDF")
	writeFile(t, src, "empty.txt", "")

	x := openTemp(t)
	var progress []Progress
	sum, err := x.IngestPaths(ctx, []string{src, filepath.Join(src, "missing.txt")}, IngestOptions{
		Progress: func(p Progress) { progress = append(progress, p) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 2 || sum.Files != 4 || sum.Updated != 0 || sum.Unchanged != 0 || sum.Passages == 0 || sum.Pages != 2 {
		t.Errorf("first ingest summary = %+v", sum)
	}
	reasons := map[string]string{}
	for _, s := range sum.Skipped {
		reasons[filepath.Base(s.Path)] = s.Reason
	}
	if len(reasons) != 4 || reasons["bad.pdf"] == "" || reasons["empty.txt"] == "" || reasons["missing.txt"] == "" || reasons["notes.md"] == "" {
		t.Errorf("skipped = %+v", sum.Skipped)
	}
	if len(progress) != 4 || progress[3].FilesDone != 4 || progress[3].FilesTotal != 4 {
		t.Errorf("progress = %+v", progress)
	}
	first := sum.Passages
	if n, _ := x.Passages(); n != uint64(first) {
		t.Errorf("index holds %d passages, summary says %d", n, first)
	}

	// Nothing changed: nothing to do.
	sum, err = x.IngestPaths(ctx, []string{src}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Unchanged != 2 || sum.Added != 0 || sum.Updated != 0 || sum.Passages != 0 {
		t.Errorf("second ingest summary = %+v", sum)
	}

	// A changed file replaces its old passages.
	writeFile(t, src, "a.txt", paper("kinship care", 2))
	sum, err = x.IngestPaths(ctx, []string{filepath.Join(src, "a.txt")}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated != 1 {
		t.Errorf("third ingest summary = %+v", sum)
	}
	if r := doSearch(t, x, Query{Text: `"foster carers"`}); len(r.Hits) != 0 {
		t.Errorf("old passages still found: %v", keys(r))
	}
	if r := doSearch(t, x, Query{Text: "kinship"}); len(r.Hits) == 0 {
		t.Errorf("new passages not found")
	}
	docs, err := x.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, d := range docs {
		total += d.Passages
		if d.Path == "" || d.Hash == "" || d.Pages == 0 {
			t.Errorf("record = %+v", d)
		}
	}
	if n, _ := x.Passages(); len(docs) != 2 || n != uint64(total) {
		t.Errorf("%d documents, %d passages recorded, %d indexed", len(docs), total, n)
	}

	// Force re-reads unchanged files.
	sum, err = x.IngestPaths(ctx, []string{src}, IngestOptions{Force: true})
	if err != nil || sum.Updated != 2 {
		t.Errorf("forced ingest = %+v, %v", sum, err)
	}
}

func TestIngestDocumentThemer(t *testing.T) {
	x := openTemp(t)
	ctx := context.Background()
	d := doc("t.txt", "Scrutiny", "2026-01-01", item("1", "Workforce", corpus.KindReport, "Agency social workers.", "Caseloads rose."))
	sum, err := x.IngestDocument(ctx, d, IngestOptions{Themer: func(_ *DocumentInfo, _ *corpus.Item, p *corpus.Passage) []string {
		return []string{"workforce"}
	}})
	if err != nil || sum.Added != 1 || sum.Passages != 2 {
		t.Fatalf("ingest = %+v, %v", sum, err)
	}
	if r := doSearch(t, x, Query{Theme: "workforce", PerItem: 5}); len(r.Hits) != 2 {
		t.Errorf("theme hits = %d", len(r.Hits))
	}
	// The same hash again is unchanged.
	sum, err = x.IngestDocument(ctx, d, IngestOptions{})
	if err != nil || sum.Unchanged != 1 {
		t.Errorf("again = %+v, %v", sum, err)
	}
	if _, err := x.IngestDocument(ctx, &corpus.Document{}, IngestOptions{}); err == nil {
		t.Errorf("a document without a source should be refused")
	}
}

// TestIngestCancelled stops an ingest half way and checks that the index
// reopens, searches, and holds exactly the files it recorded.
func TestIngestCancelled(t *testing.T) {
	src := t.TempDir()
	for i := 0; i < 30; i++ {
		writeFile(t, src, fmt.Sprintf("p%02d.txt", i), paper(fmt.Sprintf("topic %d", i), 30))
	}
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Open(dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	sum, err := x.IngestPaths(ctx, []string{src}, IngestOptions{BatchSize: 40, Workers: 2, Progress: func(p Progress) {
		if p.FilesDone == 10 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want a cancelled ingest, got %+v, %v", sum, err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}

	x, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("reopen after a cancelled ingest: %v", err)
	}
	defer x.Close()
	docs, err := x.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 || len(docs) >= 30 {
		t.Errorf("%d documents after cancelling at 10 of 30", len(docs))
	}
	total := 0
	for _, d := range docs {
		total += d.Passages
		r := doSearch(t, x, Query{Source: d.Source, Limit: 500, PerItem: 500})
		if int(r.Total) != d.Passages {
			t.Errorf("%s: %d passages searchable, %d recorded", d.Source, r.Total, d.Passages)
		}
	}
	if n, _ := x.Passages(); n != uint64(total) {
		t.Errorf("%d passages indexed, %d recorded", n, total)
	}
	if r := doSearch(t, x, Query{Text: "fostering"}); len(r.Hits) == 0 {
		t.Errorf("no hits after reopening")
	}
	// Ingesting again completes the folder.
	sum, err = x.IngestPaths(context.Background(), []string{src}, IngestOptions{})
	if err != nil || sum.Added+sum.Unchanged != 30 {
		t.Errorf("resumed ingest = %+v, %v", sum, err)
	}
}

// TestSearchDuringIngest runs searches while an ingest writes.
func TestSearchDuringIngest(t *testing.T) {
	src := t.TempDir()
	for i := 0; i < 12; i++ {
		writeFile(t, src, fmt.Sprintf("p%02d.txt", i), paper(fmt.Sprintf("topic %d", i), 40))
	}
	x := openTemp(t)
	ingest(t, x, doc("seed.txt", "Scrutiny", "2026-01-01", item("1", "Fostering", corpus.KindReport, "Fostering households fell.")))

	ctx := context.Background()
	done := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				r, err := x.Search(ctx, Query{Text: "fostering households"})
				if err != nil {
					errs <- err
					return
				}
				if len(r.Hits) == 0 {
					errs <- errors.New("no hits during ingest")
					return
				}
				if _, err := x.Documents(ctx); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	_, err := x.IngestPaths(ctx, []string{src}, IngestOptions{BatchSize: 50})
	close(done)
	wg.Wait()
	close(errs)
	if err != nil {
		t.Fatal(err)
	}
	for err := range errs {
		t.Error(err)
	}
}

func TestIngestTextBesideItsPDF(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	pdf, err := os.ReadFile(filepath.Join(corpustest.Root(), corpustest.SamplePDF))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, src, "pack.pdf", string(pdf))
	writeFile(t, src, "pack.txt", paper("the same pack, converted", 3))
	writeFile(t, src, "other.txt", paper("another paper", 3))

	x := openTemp(t)
	sum, err := x.IngestPaths(ctx, []string{src}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 2 || len(sum.Skipped) != 1 || filepath.Base(sum.Skipped[0].Path) != "pack.txt" || !strings.Contains(sum.Skipped[0].Reason, "pack.pdf") {
		t.Errorf("summary = %+v", sum)
	}
	// Later, the text alone: its PDF is indexed already.
	alone := writeFile(t, t.TempDir(), "PACK.txt", paper("the same pack, converted", 3))
	sum, err = x.IngestPaths(ctx, []string{alone}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 0 || len(sum.Skipped) != 1 {
		t.Errorf("text of an indexed PDF: summary = %+v", sum)
	}
}
