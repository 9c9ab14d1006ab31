package bot

import (
	"os"
	"path/filepath"
	"testing"

	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// A relative path an earlier version recorded is found beside the index
// folder (where ingest ran for an index at ./index), whatever folder the
// bot runs in; one that is nowhere is not found.
func TestLocateBesideTheIndex(t *testing.T) {
	root := t.TempDir()
	paper := filepath.Join(root, "papers", "a.pdf")
	if err := os.MkdirAll(filepath.Dir(paper), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(paper, []byte("%PDF-x"), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := bleveindex.Open(filepath.Join(root, "index"), bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	t.Chdir(t.TempDir())
	p := &Project{Index: x}
	if got, ok := p.locate("papers/a.pdf"); !ok || got != paper {
		t.Errorf("locate beside the index = %q, %v; want %q", got, ok, paper)
	}
	if got, ok := p.locate("papers/b.pdf"); ok {
		t.Errorf("locate a missing file = %q, true", got)
	}
}
