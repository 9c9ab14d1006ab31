package index

import (
	"encoding/json"
	"time"

	"github.com/scrutineer/scrutineer/corpus"
)

// DefaultBatchSize is the number of passages written per batch.
const DefaultBatchSize = 800

// IngestOptions controls an ingest: a backend's IngestPaths and
// IngestDocument (bleveindex.Index.IngestPaths).
type IngestOptions struct {
	// Corpus bounds the reading of each file.
	Corpus corpus.Options
	// Workers is the number of files read at once; 0 means one per CPU.
	Workers int
	// BatchSize is the number of passages written per batch; 0 means
	// DefaultBatchSize. A file's passages always go in one batch.
	BatchSize int
	// Force re-indexes files whose content is unchanged.
	Force bool
	// Themer, when set, gives each passage its themes. It is not part of
	// the options' JSON form (nor is Progress): a process given options
	// as JSON supplies its own.
	Themer Themer `json:"-"`
	// Progress, when set, is called after each file from the calling
	// goroutine.
	Progress func(Progress) `json:"-"`
	// Origins gives, by a file's absolute path, where an ingest's files
	// were downloaded from and their meetings (what fetch knows).
	Origins map[string]Origin `json:"origins,omitempty"`
	// FileTimeout bounds the reading of one file; a file that takes
	// longer is reported in Summary.Skipped and the rest go on. 0 means
	// DefaultFileTimeout; a negative value, no limit.
	FileTimeout time.Duration
}

// DefaultFileTimeout is how long one file may take to read. The largest
// real packs (hundreds of pages) read in seconds; a file still reading
// after this is damaged or hostile.
const DefaultFileTimeout = 2 * time.Minute

// Progress reports how far an ingest has got.
type Progress struct {
	FilesDone, FilesTotal int
	// Pages and Passages count what has been read so far.
	Pages, Passages int
	// File is the path of the file just finished.
	File string
}

// Skipped is a file that was not ingested, and why.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Summary tells what an ingest did.
type Summary struct {
	Files     int `json:"files"`
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	// Merged counts the files whose content was already indexed under
	// another name, folder or address: each is recorded as one more
	// source of that paper, not indexed again.
	Merged int `json:"merged,omitempty"`
	// Pages and Passages count the files added or updated.
	Pages    int       `json:"pages"`
	Passages int       `json:"passages"`
	Skipped  []Skipped `json:"skipped,omitempty"`
	// Warnings are per-file problems that did not stop the file going in,
	// as "source: warning".
	Warnings []string `json:"warnings,omitempty"`
	// Took is how long the ingest took; its JSON is in milliseconds
	// (took_ms), never raw nanoseconds.
	Took time.Duration `json:"-"`
}

// MarshalJSON writes the summary with its duration in milliseconds.
func (s Summary) MarshalJSON() ([]byte, error) {
	type plain Summary
	return json.Marshal(struct {
		plain
		TookMS int64 `json:"took_ms"`
	}{plain(s), s.Took.Milliseconds()})
}
