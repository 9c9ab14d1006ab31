package moderngov

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// StateFile is the file in a download folder that remembers what was
// fetched, so a fetch resumes where it stopped and never downloads an
// unchanged paper twice.
const StateFile = ".scrutineer-fetch.json"

// State is what a download folder holds, by paper URL.
type State struct {
	Papers map[string]Saved `json:"papers"`
}

// Saved is a downloaded paper: where it is, what the site said of its
// version, and its content's hash.
type Saved struct {
	File         string `json:"file"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	SHA256       string `json:"sha256"`
	Committee    string `json:"committee,omitempty"`
	Meeting      string `json:"meeting,omitempty"` // YYYY-MM-DD
	Item         string `json:"item,omitempty"`
	Fetched      string `json:"fetched"` // RFC 3339
}

// LoadState reads a folder's state; an empty state when it has none.
func LoadState(dir string) (*State, error) {
	s := &State{Papers: map[string]Saved{}}
	data, err := os.ReadFile(filepath.Join(dir, StateFile))
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read fetch state in %s: %w", dir, err)
	}
	if err := json.Unmarshal(data, s); err != nil {
		return nil, fmt.Errorf("read fetch state in %s: %w", dir, err)
	}
	if s.Papers == nil {
		s.Papers = map[string]Saved{}
	}
	return s, nil
}

// Save writes the state, whole or not at all.
func (s *State) Save(dir string) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("write fetch state: %w", err)
	}
	tmp := filepath.Join(dir, StateFile+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write fetch state in %s: %w", dir, err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, StateFile)); err != nil {
		return fmt.Errorf("write fetch state in %s: %w", dir, err)
	}
	return nil
}

// Outcome says what a download did.
type Outcome int

// What a download can do.
const (
	// Unchanged: the site says the paper has not changed (or it has the
	// content already): nothing was written.
	Unchanged Outcome = iota
	// New: the paper was downloaded for the first time.
	New
	// Changed: the paper at a known address changed and replaced the old
	// file.
	Changed
)

// Download fetches a meeting's paper into dir unless the state says it
// has it and the site says it has not changed (a conditional request with
// the ETag and Last-Modified it gave). The file is named by the meeting's
// date, committee, item and title, with the paper's id so two papers of
// the same name stay two files. It returns the file's path and what it
// did; the caller saves the state.
func (c *Client) Download(ctx context.Context, m Meeting, p Paper, dir string, st *State) (string, Outcome, error) {
	old, known := st.Papers[p.URL]
	h := http.Header{}
	if known {
		if _, err := os.Stat(filepath.Join(dir, old.File)); err == nil {
			if old.ETag != "" {
				h.Set("If-None-Match", old.ETag)
			}
			if old.LastModified != "" {
				h.Set("If-Modified-Since", old.LastModified)
			}
		} else {
			known = false // the file was removed: fetch it again
		}
	}
	resp, err := c.get(ctx, p.URL, h)
	if err != nil {
		return "", Unchanged, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified && known {
		return filepath.Join(dir, old.File), Unchanged, nil
	}
	body, err := c.read(resp, p.URL)
	if err != nil {
		return "", Unchanged, err
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	name := fileName(m, p)
	if known && old.SHA256 == hash {
		return filepath.Join(dir, old.File), Unchanged, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", Unchanged, fmt.Errorf("make %s: %w", dir, err)
	}
	path := filepath.Join(dir, name)
	tmp := path + ".part"
	if err := os.WriteFile(tmp, body, 0o644); err != nil {
		return "", Unchanged, fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", Unchanged, fmt.Errorf("write %s: %w", path, err)
	}
	if known && old.File != name {
		os.Remove(filepath.Join(dir, old.File))
	}
	st.Papers[p.URL] = Saved{File: name, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), SHA256: hash,
		Committee: m.Committee, Meeting: m.Date.Format("2006-01-02"), Item: p.Item, Fetched: time.Now().UTC().Format(time.RFC3339)}
	if known {
		return path, Changed, nil
	}
	return path, New, nil
}

// reUnsafe are characters a file name should not hold.
var reUnsafe = regexp.MustCompile(`[^\pL\pN .,()&'’_-]+`)

// fileName names a paper's file: "2026-02-10 Audit Committee - 5 Work
// Programme (60860).pdf".
func fileName(m Meeting, p Paper) string {
	title := p.Title
	if title == "" {
		title = p.ItemTitle
	}
	parts := []string{m.Date.Format("2006-01-02"), m.Committee, "-"}
	if p.Item != "" {
		parts = append(parts, p.Item)
	}
	parts = append(parts, title)
	s := strings.Join(strings.Fields(reUnsafe.ReplaceAllString(strings.Join(parts, " "), " ")), " ")
	if r := []rune(s); len(r) > 150 {
		s = string(r[:150])
	}
	return fmt.Sprintf("%s (%d).pdf", strings.TrimSpace(s), p.ID)
}
