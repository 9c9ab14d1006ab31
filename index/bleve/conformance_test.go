package bleveindex_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
	"github.com/scrutineer/scrutineer/index/indextest"
)

// local is the embedded bleve index as the suite's backend.
type local struct{ x *bleveindex.Index }

func (l local) Ingest(ctx context.Context, paths []string, opts index.IngestOptions) (index.Summary, error) {
	return l.x.IngestPaths(ctx, paths, opts)
}
func (l local) Remove(ctx context.Context, ref string) error { return l.x.Delete(ctx, ref) }
func (l local) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	return l.x.Search(ctx, q)
}
func (l local) Documents(ctx context.Context) ([]index.DocumentInfo, error) {
	return l.x.Documents(ctx)
}
func (l local) Passages(context.Context) (uint64, error) { return l.x.Passages() }

func (l local) Pages(ctx context.Context, ref string) ([]corpus.Page, error) {
	return l.x.Pages(ctx, ref)
}

// The embedded bleve index passes the backend conformance suite.
func TestConformance(t *testing.T) {
	indextest.Run(t, func(t *testing.T) indextest.Backend {
		x, err := bleveindex.Open(filepath.Join(t.TempDir(), "index"), bleveindex.Options{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { x.Close() })
		return local{x}
	})
}
