package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Sentinel errors callers can test with errors.Is.
var (
	// ErrInUse is returned when another process (or another Open in this
	// one) holds the index.
	ErrInUse = errors.New("in use by another process")
	// ErrVersion is returned for an index built with a different analysis
	// chain; it must be rebuilt (remove the folder and ingest again).
	ErrVersion = errors.New("index was built with a different analysis version")
	// ErrNoIndex is returned by Open without Create when there is no index.
	ErrNoIndex = errors.New("no index")
	// ErrNotFound is returned when a file or item is not in the index.
	ErrNotFound = errors.New("not found")
	// ErrClosed is returned by calls on a closed index.
	ErrClosed = errors.New("index is closed")
)

// Internal keys stored beside the documents.
const (
	keyVersion = "scrutineer/version"
	keyFiles   = "scrutineer/files"
	keyFile    = "scrutineer/file/" // + source
)

// DefaultLockTimeout is how long Open waits for another holder of the index
// before giving up with ErrInUse.
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
}

type versionRecord struct {
	Version  string `json:"version"`
	Analyzer string `json:"analyzer"`
}

// Open opens the index in dir, creating it when opts.Create is set. It
// returns ErrInUse when another process holds the index, ErrVersion when
// the index was built with another analysis chain and ErrNoIndex when dir
// holds no index and Create is not set.
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

	_, statErr := os.Stat(filepath.Join(dir, "index_meta.json"))
	if statErr != nil {
		if !opts.Create {
			return nil, fmt.Errorf("open index %s: %w", dir, ErrNoIndex)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
			return nil, fmt.Errorf("create index %s: folder is not empty and holds no index", dir)
		}
		_ = os.Remove(dir) // bleve wants to create the folder itself
		bi, err := bleve.NewUsing(dir, newMapping(analyzer), scorch.Name, scorch.Name, cfg)
		if err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, lockErr(dir, err))
		}
		data, _ := json.Marshal(want)
		if err := bi.SetInternal([]byte(keyVersion), data); err != nil {
			bi.Close()
			return nil, fmt.Errorf("create index %s: write version: %w", dir, err)
		}
		return &Index{dir: dir, bi: bi}, nil
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
	var got versionRecord
	if len(data) > 0 {
		_ = json.Unmarshal(data, &got)
	}
	if got != want {
		bi.Close()
		return nil, fmt.Errorf("open index %s: %w (index %q, this program %q): remove the folder and ingest again",
			dir, ErrVersion, got.Version+"/"+got.Analyzer, want.Version+"/"+want.Analyzer)
	}
	return &Index{dir: dir, bi: bi}, nil
}

// lockErr turns bbolt's lock timeout into ErrInUse.
func lockErr(dir string, err error) error {
	if err != nil && strings.Contains(err.Error(), "timeout") {
		return fmt.Errorf("index %s is %w", dir, ErrInUse)
	}
	return err
}

// Dir returns the folder the index lives in.
func (x *Index) Dir() string { return x.dir }

// Close releases the index. Calls after Close return ErrClosed.
func (x *Index) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return nil
	}
	x.closed = true
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
