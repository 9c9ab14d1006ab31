package bleveindex

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/scrutineer/scrutineer/index"
)

// Internal keys stored beside the documents.
const (
	keyVersion = "scrutineer/version"
	keyPapers  = "scrutineer/papers"
	keyPaper   = "scrutineer/paper/" // + paper ID
	// keyFiles and keyFile are the file list and records of an index made
	// before papers were known by content; Open moves them to the keys
	// above (see migrate).
	keyFiles = "scrutineer/files"
	keyFile  = "scrutineer/file/" // + file name
)

// DefaultLockTimeout is how long Open waits for another holder of the index
// before giving up with index.ErrInUse.
const DefaultLockTimeout = 2 * time.Second

// Options controls Open.
type Options struct {
	// Create makes a new index when dir holds none.
	Create bool
	// LockTimeout bounds the wait for another holder; 0 means
	// DefaultLockTimeout.
	LockTimeout time.Duration

	// analyzer replaces the project analyzer (relevance comparisons only).
	analyzer string
}

// Index is an open search index. Its methods are safe for concurrent use;
// searches run while an ingest writes.
type Index struct {
	dir string
	bi  bleve.Index

	// mu serialises writers (ingest, themes, delete) and guards the file
	// records; searches do not take it.
	mu     sync.Mutex
	closed bool
	// papers is the paper list as last written, for searches to name
	// hits' papers without reading the list each time.
	papers atomic.Pointer[paperSet]
	// facets holds the passages' facet terms for counting them.
	facets facetTable
}

type versionRecord struct {
	Version  string `json:"version"`
	Analyzer string `json:"analyzer"`
}

// Open opens the index in dir, creating it when opts.Create is set. It
// returns index.ErrInUse when another process holds the index, index.ErrVersion when
// the index was built with another analysis chain and index.ErrNoIndex when dir
// holds no index and Create is not set.
//
// A new index is built beside dir and renamed into place once its version
// record is written, so a process killed while creating it leaves either no
// index or a whole one. A half-created index left by an earlier program (no
// version record and nothing in it, or an empty index_meta.json) counts as
// no index: Create makes it again.
func Open(dir string, opts Options) (*Index, error) {
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = DefaultLockTimeout
	}
	analyzer := opts.analyzer
	if analyzer == "" {
		analyzer = AnalyzerName
	}
	want := versionRecord{Version: AnalysisVersion, Analyzer: analyzer}
	cfg := map[string]interface{}{"bolt_timeout": opts.LockTimeout.String()}

	if !hasMeta(dir) {
		if !opts.Create {
			return nil, fmt.Errorf("open index %s: %w", dir, index.ErrNoIndex)
		}
		if err := create(dir, analyzer, want, cfg); err != nil {
			return nil, err
		}
	}
	x, err := openExisting(dir, want, cfg)
	if errors.Is(err, errHalfMade) {
		if !opts.Create {
			return nil, fmt.Errorf("open index %s: %w (its creation was interrupted; ingest again to make it)", dir, index.ErrNoIndex)
		}
		if err := discard(dir); err != nil {
			return nil, err
		}
		if err := create(dir, analyzer, want, cfg); err != nil {
			return nil, err
		}
		x, err = openExisting(dir, want, cfg)
	}
	return x, err
}

// openExisting opens the index in dir and checks its version record. It
// returns errHalfMade for an index whose creation never finished.
func openExisting(dir string, want versionRecord, cfg map[string]interface{}) (*Index, error) {
	meta, err := os.ReadFile(filepath.Join(dir, "index_meta.json"))
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if !json.Valid(meta) {
		return nil, errHalfMade
	}
	bi, err := bleve.OpenUsing(dir, cfg)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, lockErr(dir, err))
	}
	data, err := bi.GetInternal([]byte(keyVersion))
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("open index %s: read version: %w", dir, err)
	}
	if len(data) == 0 && empty(bi) {
		bi.Close()
		return nil, errHalfMade
	}
	var got versionRecord
	if len(data) > 0 {
		_ = json.Unmarshal(data, &got)
	}
	if got != want {
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w (index %q, this program %q): remove the folder and ingest again",
			dir, index.ErrVersion, got.Version+"/"+got.Analyzer, want.Version+"/"+want.Analyzer)
	}
	x := &Index{dir: dir, bi: bi}
	if err := x.migrate(); err != nil {
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w (to rebuild it, remove the folder and ingest the papers again)", dir, err)
	}
	papers, err := x.readPapers()
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	x.papers.Store(&papers)
	return x, nil
}

// empty reports whether bi holds no passage and no file record.
func empty(bi bleve.Index) bool {
	n, err := bi.DocCount()
	if err != nil || n > 0 {
		return false
	}
	for _, k := range []string{keyFiles, keyPapers} {
		if files, err := bi.GetInternal([]byte(k)); err != nil || len(files) > 0 {
			return false
		}
	}
	return true
}

// lockErr turns bbolt's lock timeout into index.ErrInUse.
func lockErr(dir string, err error) error {
	if err != nil && strings.Contains(err.Error(), "timeout") {
		return fmt.Errorf("index %s is %w", dir, index.ErrInUse)
	}
	return err
}

// Dir returns the folder the index lives in.
func (x *Index) Dir() string { return x.dir }

// Close releases the index. Calls after Close return index.ErrClosed.
func (x *Index) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return nil
	}
	x.closed = true
	x.facets.close()
	if err := x.bi.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", x.dir, err)
	}
	return nil
}

// Passages returns how many passages the index holds.
func (x *Index) Passages() (uint64, error) {
	n, err := x.bi.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count passages in %s: %w", x.dir, err)
	}
	return n, nil
}
