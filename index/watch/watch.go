// Package watch keeps saved searches and tells what is new for each: after
// an ingest or a fetch, the passages that match a watch and that it has
// never reported before. Watches live in one JSON file beside the index.
package watch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/index"
)

// File is the name of the watch list beside an index.
const File = "watches.json"

// Watch is a saved search.
type Watch struct {
	ID        int    `json:"id"`
	Query     string `json:"query"`
	Committee string `json:"committee,omitempty"`
	// Channel is the Slack channel the running bot posts new matches to,
	// "" for none.
	Channel string `json:"channel,omitempty"`
	// Owner is the Slack user who saved the watch from Slack, "" for one
	// saved from the command line.
	Owner   string `json:"owner,omitempty"`
	Created string `json:"created"`
	// Seen are the keys of the passages already reported.
	Seen []string `json:"seen,omitempty"`
}

// List is the watches of one index.
type List struct {
	path    string
	Watches []Watch `json:"watches"`
	Next    int     `json:"next"`
}

// Searcher runs a search: the index, or anything that searches like it.
type Searcher interface {
	Search(ctx context.Context, q index.Query) (*index.Results, error)
}

// Load reads the watch list beside the index folder dir; an empty list
// when there is none yet.
func Load(dir string) (*List, error) {
	l := &List{path: filepath.Join(filepath.Dir(filepath.Clean(dir)), filepath.Base(dir)+"-"+File), Next: 1}
	data, err := os.ReadFile(l.path)
	if errors.Is(err, os.ErrNotExist) {
		return l, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read watches %s: %w", l.path, err)
	}
	if err := json.Unmarshal(data, l); err != nil {
		return nil, fmt.Errorf("read watches %s: %w", l.path, err)
	}
	if l.Next < 1 {
		l.Next = 1
	}
	return l, nil
}

// Path is where the list is kept.
func (l *List) Path() string { return l.path }

// Save writes the list, whole or not at all.
func (l *List) Save() error {
	data, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return fmt.Errorf("write watches: %w", err)
	}
	tmp := l.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write watches %s: %w", l.path, err)
	}
	if err := os.Rename(tmp, l.path); err != nil {
		return fmt.Errorf("write watches %s: %w", l.path, err)
	}
	return nil
}

// ErrNoWatch is returned (wrapped) for a watch number not in the list.
var ErrNoWatch = errors.New("no such watch")

// Add saves a new watch and returns it. What already matches is marked
// seen (its Check reports only what comes after), when s is given.
func (l *List) Add(ctx context.Context, s Searcher, query, committee, channel string) (Watch, error) {
	return l.AddWatch(ctx, s, Watch{Query: query, Committee: committee, Channel: channel})
}

// AddWatch is Add for a watch given whole: its Query, Committee, Channel
// and Owner are kept; its ID, Created and Seen are set here.
func (l *List) AddWatch(ctx context.Context, s Searcher, w Watch) (Watch, error) {
	w.Query = strings.TrimSpace(w.Query)
	if w.Query == "" {
		return Watch{}, errors.New("a watch needs words to look for")
	}
	w.ID, w.Created, w.Seen = l.Next, time.Now().UTC().Format(time.RFC3339), nil
	w.Committee, w.Channel, w.Owner = strings.TrimSpace(w.Committee), strings.TrimSpace(w.Channel), strings.TrimSpace(w.Owner)
	if s != nil {
		hits, err := matches(ctx, s, w)
		if err != nil {
			return Watch{}, err
		}
		for _, h := range hits {
			w.Seen = append(w.Seen, Key(h))
		}
	}
	l.Next++
	l.Watches = append(l.Watches, w)
	return w, nil
}

// Find returns the watch numbered id.
func (l *List) Find(id int) (Watch, bool) {
	i := slices.IndexFunc(l.Watches, func(w Watch) bool { return w.ID == id })
	if i < 0 {
		return Watch{}, false
	}
	return l.Watches[i], true
}

// Remove takes a watch out by its number.
func (l *List) Remove(id int) error {
	i := slices.IndexFunc(l.Watches, func(w Watch) bool { return w.ID == id })
	if i < 0 {
		return fmt.Errorf("%w: %d", ErrNoWatch, id)
	}
	l.Watches = slices.Delete(l.Watches, i, i+1)
	return nil
}

// New is a watch's passages never reported before.
type New struct {
	Watch Watch
	Hits  []index.Hit
}

// maxMatches is how many passages a check of one watch reads.
const maxMatches = 200

// Check runs every watch and returns, for each with something new, the
// passages it has not reported before; they are marked seen (the caller
// saves the list).
func (l *List) Check(ctx context.Context, s Searcher) ([]New, error) {
	return l.CheckWhere(ctx, s, nil)
}

// CheckWhere is Check for the watches want accepts (all when want is
// nil); the others are left as they are, their new passages still to
// tell.
func (l *List) CheckWhere(ctx context.Context, s Searcher, want func(Watch) bool) ([]New, error) {
	var out []New
	for i := range l.Watches {
		w := &l.Watches[i]
		if want != nil && !want(*w) {
			continue
		}
		hits, err := matches(ctx, s, *w)
		if err != nil {
			return out, fmt.Errorf("watch %d %q: %w", w.ID, w.Query, err)
		}
		seen := map[string]bool{}
		legacy := false
		for _, k := range w.Seen {
			seen[k] = true
			legacy = legacy || !strings.HasPrefix(k, "id:")
		}
		var fresh []index.Hit
		for _, h := range hits {
			k := Key(h)
			if legacy && seen[legacyKey(h)] {
				// Reported before passages were named by paper ID.
				seen[k] = true
			}
			if !seen[k] {
				seen[k] = true
				fresh = append(fresh, h)
				w.Seen = append(w.Seen, k)
			}
		}
		if len(fresh) > 0 {
			out = append(out, New{Watch: *w, Hits: fresh})
		}
	}
	return out, nil
}

func matches(ctx context.Context, s Searcher, w Watch) ([]index.Hit, error) {
	res, err := s.Search(ctx, index.Query{Text: w.Query, Committee: w.Committee, Limit: maxMatches, PerItem: maxMatches, NoFacets: true})
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

// Key names a passage for a watch: its paper's ID, item, page and words.
// Two papers of one file name are two papers.
func Key(h index.Hit) string {
	return "id:" + h.ID + "|" + h.Item + "|" + strconv.Itoa(h.Page) + "|" + words(h)
}

// legacyKey is how passages were named before papers were known by
// content (by file name), so that watches saved then do not report again
// what they reported.
func legacyKey(h index.Hit) string {
	return h.Source + "|" + h.Item + "|" + strconv.Itoa(h.Page) + "|" + words(h)
}

// words is a short hash of a hit's snippet without its highlights.
func words(h index.Hit) string {
	sum := sha256.Sum256([]byte(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(h.Snippet)))
	return hex.EncodeToString(sum[:6])
}
