package bleveindex

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/blevesearch/bleve/v2"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// keyPages holds a paper's pages, gzipped JSON (+ paper ID): the paper
// can be briefed again, tables and all, when its file has moved or gone.
const keyPages = "scrutineer/pages/"

// putPages writes the pages of paper id into b.
func putPages(b *bleve.Batch, id string, pages []corpus.Page) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(index.PageTexts(pages)); err != nil {
		return fmt.Errorf("pages of %s: %w", id, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("pages of %s: %w", id, err)
	}
	b.SetInternal([]byte(keyPages+id), buf.Bytes())
	return nil
}

// Pages returns the pages of the paper ref names (as Resolve reads it),
// as ingest read them. The error wraps index.ErrNotFound when there is no
// such paper, or when it was ingested before the index kept pages.
func (x *Index) Pages(ctx context.Context, ref string) ([]corpus.Page, error) {
	d, err := x.Resolve(ctx, ref)
	if err != nil {
		return nil, err
	}
	data, err := x.bi.GetInternal([]byte(keyPages + d.ID))
	if err != nil {
		return nil, fmt.Errorf("read the pages of %s: %w", d.Source, err)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("the index has no pages of %s (ingested before it kept them; ingest it again with --force): %w", d.Source, index.ErrNotFound)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read the pages of %s: %w", d.Source, err)
	}
	var ps []index.PageText
	if err := json.NewDecoder(zr).Decode(&ps); err != nil {
		return nil, fmt.Errorf("read the pages of %s: %w", d.Source, err)
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return nil, fmt.Errorf("read the pages of %s: %w", d.Source, err)
	}
	return index.Pages(ps), nil
}
