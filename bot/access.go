package bot

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// accessFile is the file, in the packs folder, that records who may see
// each paper shared with the bot in Slack.
const accessFile = "access.json"

// paperAccess is who may see one paper shared in Slack.
type paperAccess struct {
	// Private marks a paper briefed in a direct message and never shared
	// in a channel: only Owner finds it.
	Private bool   `json:"private,omitempty"`
	Owner   string `json:"owner,omitempty"`
	// Permalink is the Slack file's link, to cite the paper by.
	Permalink string `json:"permalink,omitempty"`
	// Added is when the paper was last briefed in Slack.
	Added time.Time `json:"added"`
}

// accessList records, by file name as the index knows it, who may see the
// papers shared with the bot in Slack. Papers it does not know (ingested
// from the command line, fetched from the council's website) are seen by
// everyone. It is kept in a JSON file when the bot has a packs folder,
// otherwise in memory only.
type accessList struct {
	path string
	mu   sync.Mutex
	m    map[string]paperAccess
}

// loadAccess reads the access list kept in dir ("" keeps it in memory).
// A missing file is an empty list.
func loadAccess(dir string) (*accessList, error) {
	a := &accessList{m: map[string]paperAccess{}}
	if dir == "" {
		return a, nil
	}
	a.path = filepath.Join(dir, accessFile)
	data, err := os.ReadFile(a.path)
	if errors.Is(err, fs.ErrNotExist) {
		return a, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read access list: %w", err)
	}
	if err := json.Unmarshal(data, &a.m); err != nil {
		return nil, fmt.Errorf("read access list %s: %w", a.path, err)
	}
	if a.m == nil {
		a.m = map[string]paperAccess{}
	}
	return a, nil
}

// isDM reports whether a Slack channel ID is a direct message.
func isDM(channel string) bool {
	return strings.HasPrefix(channel, "D")
}

// shared records that user shared the paper source in channel: in a
// direct message it stays private to them unless it was, or later is,
// shared in a channel; in a channel everyone may find it. permalink, when
// given, is kept to cite the paper by.
func (a *accessList) shared(source, channel, user, permalink string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	cur, known := a.m[source]
	if isDM(channel) {
		if !known {
			cur = paperAccess{Private: true, Owner: user}
		}
	} else {
		cur.Private, cur.Owner = false, ""
	}
	if permalink != "" && (cur.Permalink == "" || !cur.Private) {
		cur.Permalink = permalink
	}
	cur.Added = time.Now().UTC()
	a.m[source] = cur
	return a.saveLocked()
}

// forget removes what is recorded of source.
func (a *accessList) forget(source string) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.m[source]; !ok {
		return nil
	}
	delete(a.m, source)
	return a.saveLocked()
}

// visibleTo reports whether user may find the paper source.
func (a *accessList) visibleTo(source, user string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	p, ok := a.m[source]
	return !ok || !p.Private || (user != "" && p.Owner == user)
}

// recentPaper is a paper briefed in Slack, for the App Home tab.
type recentPaper struct {
	Source string
	paperAccess
}

// recent returns up to n papers briefed in Slack that user may see,
// newest first.
func (a *accessList) recent(user string, n int) []recentPaper {
	a.mu.Lock()
	var out []recentPaper
	for s, p := range a.m {
		if !p.Private || (user != "" && p.Owner == user) {
			out = append(out, recentPaper{Source: s, paperAccess: p})
		}
	}
	a.mu.Unlock()
	slices.SortFunc(out, func(x, y recentPaper) int {
		if c := y.Added.Compare(x.Added); c != 0 {
			return c
		}
		return strings.Compare(x.Source, y.Source)
	})
	return out[:min(n, len(out))]
}

// permalink is the Slack link recorded for source, "" for none.
func (a *accessList) permalink(source string) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.m[source].Permalink
}

// saveLocked writes the list to its file, by a rename so a crash leaves
// the old list or the new one; a.mu is held.
func (a *accessList) saveLocked() error {
	if a.path == "" {
		return nil
	}
	data, err := json.MarshalIndent(a.m, "", "  ")
	if err != nil {
		return fmt.Errorf("save access list: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(a.path), 0o750); err != nil {
		return fmt.Errorf("save access list: %w", err)
	}
	tmp := a.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("save access list: %w", err)
	}
	if err := os.Rename(tmp, a.path); err != nil {
		return fmt.Errorf("save access list: %w", err)
	}
	return nil
}

// ForgetShared removes what the bot recorded of the paper source (who may
// see it, its Slack link) from the access list kept in packsDir, after
// the paper was removed from the index outside the bot.
func ForgetShared(packsDir, source string) error {
	a, err := loadAccess(packsDir)
	if err != nil {
		return err
	}
	return a.forget(source)
}
