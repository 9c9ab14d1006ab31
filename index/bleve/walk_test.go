package bleveindex

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

// symlink makes a symbolic link at dir/name pointing to target.
func symlink(t *testing.T, target, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	return p
}

// TestIngestFolderReportsEveryFile ingests a folder of links, loops and
// odd files: valid links are followed once, and every file not indexed
// is in Skipped with why.
func TestIngestFolderReportsEveryFile(t *testing.T) {
	outside := t.TempDir()
	linked := writeFile(t, outside, "linked.txt", paper("kinship care", 3))
	writeFile(t, outside, "more/other.txt", paper("care leavers", 3))

	src := t.TempDir()
	writeFile(t, src, "a.txt", paper("foster carers", 3))
	writeFile(t, src, "big.txt", paper("a long report", 200))
	writeFile(t, src, "slides.pptx", "not a paper")
	symlink(t, linked, src, "link.txt")                                // a valid link to a file: indexed
	symlink(t, filepath.Join(outside, "more"), src, "more")            // a link to a folder: read
	symlink(t, filepath.Join(outside, "more"), src, "again")           // the same folder again: once
	symlink(t, src, src, "sub/up")                                     // back to the top: a loop
	symlink(t, filepath.Join(src, "loop-b.pdf"), src, "loop-a.pdf")    // a link cycle
	symlink(t, filepath.Join(src, "loop-a.pdf"), src, "loop-b.pdf")    //
	symlink(t, filepath.Join(outside, "gone.pdf"), src, "broken.pdf")  // points at nothing
	symlink(t, filepath.Join(src, "a.txt"), src, "sub/alias-of-a.txt") // a file read already
	if err := syscall.Mkfifo(filepath.Join(src, "pipe.txt"), 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}

	x := openTemp(t)
	sum, err := x.IngestPaths(context.Background(), []string{src}, IngestOptions{Corpus: corpus.Options{MaxBytes: 8 << 10}})
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, s := range sum.Skipped {
		if !filepath.IsAbs(s.Path) {
			t.Errorf("skipped path %q is not absolute", s.Path)
		}
		rel, _ := filepath.Rel(src, s.Path)
		reasons[rel] = s.Reason
	}
	want := map[string]string{
		"big.txt":            "too large",
		"slides.pptx":        "not a .pdf or .txt file",
		"sub/up":             "symlink loop",
		"loop-a.pdf":         "symlink loop",
		"loop-b.pdf":         "symlink loop",
		"broken.pdf":         "broken symlink",
		"sub/alias-of-a.txt": "the same file as",
		"pipe.txt":           "not a regular file (a named pipe)",
	}
	// Of the two links to one folder, the first read is indexed and the
	// other reported.
	if strings.Contains(reasons["more"], "the same folder as") == strings.Contains(reasons["again"], "the same folder as") {
		t.Errorf("links to one folder: again %q, more %q; want one read and the other reported", reasons["again"], reasons["more"])
	}
	delete(reasons, "more")
	delete(reasons, "again")
	for name, phrase := range want {
		if !strings.Contains(reasons[name], phrase) {
			t.Errorf("%s: reason %q, want one saying %q", name, reasons[name], phrase)
		}
	}
	if len(reasons) != len(want) {
		t.Errorf("skipped %v, want the %d above", reasons, len(want))
	}
	if sum.Added != 3 {
		t.Errorf("added %d files, want a.txt, link.txt and more/other.txt: %+v", sum.Added, sum)
	}
	docs, err := x.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if !filepath.IsAbs(d.Path) {
			t.Errorf("%s is stored under %q, not an absolute path", d.Source, d.Path)
		}
	}
}

// TestIngestStoresAbsolutePaths ingests by relative paths: the index
// keeps absolute ones, so the files can be read again from elsewhere.
func TestIngestStoresAbsolutePaths(t *testing.T) {
	src := t.TempDir()
	writeFile(t, src, "papers/a.txt", paper("foster carers", 3))
	writeFile(t, src, "b.txt", paper("adoption", 3))
	t.Chdir(src)
	x := openTemp(t)
	ctx := context.Background()
	if _, err := x.IngestPaths(ctx, []string{"papers"}, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	d, err := corpus.Open(ctx, "b.txt", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := x.IngestDocument(ctx, d, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	docs, err := x.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.txt": filepath.Join(src, "papers", "a.txt"), "b.txt": filepath.Join(src, "b.txt")}
	for _, d := range docs {
		if d.Path != want[d.Source] {
			t.Errorf("%s stored under %q, want %q", d.Source, d.Path, want[d.Source])
		}
	}
	if len(docs) != 2 {
		t.Errorf("%d documents, want 2", len(docs))
	}
}
