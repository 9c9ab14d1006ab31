package bleveindex

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// errHalfMade marks an index whose creation never finished: Open with
// Create makes it again, Open without it reports index.ErrNoIndex.
var errHalfMade = errors.New("index creation was interrupted")

// metaFile is the file bleve writes first when it creates an index; the
// index is taken to exist when it does.
const metaFile = "index_meta.json"

// storeDir is the folder bleve keeps the index data in.
const storeDir = "store"

// staleTemp is the age after which a temporary folder left by an
// interrupted creation is removed.
const staleTemp = 10 * time.Minute

// createHook, when set (by tests), is called at each stage of create, so a
// test can stop the process there.
var createHook func(stage string)

func stage(name string) {
	if createHook != nil {
		createHook(name)
	}
}

// hasMeta reports whether dir holds bleve's index_meta.json.
func hasMeta(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, metaFile))
	return err == nil
}

// create builds a new, empty index with its version record in a temporary
// folder beside dir and renames it into place. dir must be missing or
// empty (a store folder left by an interrupted creation is removed). When
// another process creates dir first, create leaves that index alone.
func create(dir, analyzer string, want versionRecord, cfg map[string]interface{}) error {
	clean := filepath.Clean(dir)
	parent, base := filepath.Dir(clean), filepath.Base(clean)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	for _, e := range entries {
		if e.Name() != storeDir {
			return fmt.Errorf("create index %s: folder is not empty and holds no index", dir)
		}
	}
	removeStaleTemps(parent, base)

	tmp, err := os.MkdirTemp(parent, tempPrefix(base))
	if err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp)
	built := filepath.Join(tmp, "index") // bleve makes the folder itself
	// bleve writes the store's path into the config it is given: give it
	// a copy, so that the caller's opens the index where it ends up.
	bi, err := bleve.NewUsing(built, newMapping(analyzer), scorch.Name, scorch.Name, maps.Clone(cfg))
	if err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	stage("created")
	data, _ := json.Marshal(want)
	if err := bi.SetInternal([]byte(keyVersion), data); err != nil {
		bi.Close()
		return fmt.Errorf("create index %s: write version: %w", dir, err)
	}
	stage("versioned")
	if err := bi.Close(); err != nil {
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	stage("closed")

	if len(entries) > 0 {
		// Only the store of an interrupted creation is left (checked above).
		if err := os.RemoveAll(filepath.Join(dir, storeDir)); err != nil {
			return fmt.Errorf("create index %s: remove the remains of an interrupted creation: %w", dir, err)
		}
	}
	_ = os.Remove(dir) // an empty folder is replaced
	if err := os.Rename(built, dir); err != nil {
		if hasMeta(dir) {
			return nil // another process made it first
		}
		return fmt.Errorf("create index %s: %w", dir, err)
	}
	syncDir(parent)
	stage("renamed")
	return nil
}

// tempPrefix names the temporary folders in which an index called base is
// built.
func tempPrefix(base string) string { return "." + base + ".new-" }

// removeStaleTemps removes temporary folders beside the index that a
// killed creation left behind. Recent ones may belong to a creation in
// progress and are kept.
func removeStaleTemps(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tempPrefix(base)) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleTemp {
			_ = os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// discard removes a half-created index from dir: its index_meta.json
// first, so that it no longer counts as an index, then its store. Other
// files in dir are left alone.
func discard(dir string) error {
	if err := os.Remove(filepath.Join(dir, metaFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove half-created index %s: %w", dir, err)
	}
	if err := os.RemoveAll(filepath.Join(dir, storeDir)); err != nil {
		return fmt.Errorf("remove half-created index %s: %w", dir, err)
	}
	return nil
}

// syncDir flushes a folder's entries (a rename) to disk where the system
// allows it.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}
