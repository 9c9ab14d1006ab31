package share

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
	"github.com/scrutineer/scrutineer/index/indextest"
)

// remote is an index served over its socket as the suite's backend.
type remote struct{ c *Client }

func (r remote) Ingest(ctx context.Context, paths []string, opts index.IngestOptions) (index.Summary, error) {
	return r.c.Ingest(ctx, paths, opts, "")
}
func (r remote) Remove(ctx context.Context, ref string) error {
	_, err := r.c.Remove(ctx, ref, "")
	return err
}
func (r remote) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	return r.c.Search(ctx, q)
}
func (r remote) Documents(ctx context.Context) ([]index.DocumentInfo, error) {
	return r.c.Documents(ctx)
}
func (r remote) Passages(ctx context.Context) (uint64, error) { return r.c.Passages(ctx) }

func (r remote) Pages(ctx context.Context, ref string) ([]corpus.Page, error) {
	return r.c.Pages(ctx, ref)
}

// An index served to other processes over its socket passes the backend
// conformance suite, as the embedded index does: the commands see no
// difference.
func TestConformance(t *testing.T) {
	indextest.Run(t, func(t *testing.T) indextest.Backend {
		dir := filepath.Join(t.TempDir(), "index")
		x, err := bleveindex.Open(dir, bleveindex.Options{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { x.Close() })
		l, err := (&Server{Index: x}).Listen(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
		return remote{mustDial(t, dir)}
	})
}
