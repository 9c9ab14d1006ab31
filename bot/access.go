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

	"github.com/scrutineer/scrutineer/index"
)

// accessFile is the file, in the packs folder, that records who may see
// each paper shared with the bot in Slack.
const accessFile = "access.json"

// paperAccess is who may see one paper shared in Slack.
type paperAccess struct {
	// Private marks a paper never shared in a public channel: briefed in a
	// direct message (only Owner finds it) or shared in private channels
	// (Channels: found from those channels, and in direct messages by
	// their members).
	Private bool   `json:"private,omitempty"`
	Owner   string `json:"owner,omitempty"`
	// Channels are the private channels a private paper was shared in.
	Channels []string `json:"channels,omitempty"`
	// Permalink is the Slack file's link, to cite the paper by.
	Permalink string `json:"permalink,omitempty"`
	// Added is when the paper was last briefed in Slack.
	Added time.Time `json:"added"`
	// Name is the paper's file name. Entries recorded before papers were
	// known by content have none: they are keyed by file name.
	Name string `json:"name,omitempty"`
}

// paperRef names a paper for the access list: its ID in the index (see
// index.PaperID) and its file name.
type paperRef struct{ ID, Name string }

// hitRef is the paper of a search hit.
func hitRef(h index.Hit) paperRef { return paperRef{ID: h.ID, Name: h.Source} }

// ref is the paper p is in.
func (p Paper) ref() paperRef { return paperRef{ID: p.ID, Name: p.Source} }

// key is where the list keeps p: by ID, or by name when the ID is not
// known.
func (p paperRef) key() string {
	if p.ID != "" {
		return p.ID
	}
	return p.Name
}

// accessList records, by paper ID, who may see the papers shared with the
// bot in Slack (a list written before papers had IDs is keyed by file
// name, and is still read so). Papers it does not know (ingested from the
// command line, fetched from the council's website) are seen by everyone.
// It is kept in a JSON file when the bot has a packs folder, otherwise in
// memory only.
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

// lookupLocked returns what is recorded of p: under its ID, else under its
// file name by a list written before papers had IDs. With no ID, a paper
// is what the list records of its name, a private record first, so that
// not knowing the ID never shows a private paper. a.mu is held.
func (a *accessList) lookupLocked(p paperRef) (paperAccess, bool) {
	if e, ok := a.m[p.key()]; ok {
		return e, true
	}
	if e, ok := a.m[p.Name]; ok && e.Name == "" {
		return e, true
	}
	if p.ID != "" {
		return paperAccess{}, false
	}
	var found paperAccess
	ok := false
	for _, e := range a.m {
		if e.Name == p.Name && (!ok || e.Private && !found.Private) {
			found, ok = e, true
		}
	}
	return found, ok
}

// shared records that user shared the paper p in channel: in a direct
// message it stays private to them, and in a private channel (private is
// true) to that channel's members, unless it was, or later is, shared in
// a public channel, where everyone may find it. permalink, when given, is
// kept to cite the paper by.
func (a *accessList) shared(p paperRef, channel, user, permalink string, private bool) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	cur, known := a.lookupLocked(p)
	switch {
	case isDM(channel):
		if !known {
			cur = paperAccess{Private: true, Owner: user}
		}
	case private:
		if !known {
			cur = paperAccess{Private: true, Owner: user}
		}
		if cur.Private && !slices.Contains(cur.Channels, channel) {
			cur.Channels = append(cur.Channels, channel)
		}
	default:
		cur.Private, cur.Owner, cur.Channels = false, "", nil
	}
	if permalink != "" && (cur.Permalink == "" || !cur.Private) {
		cur.Permalink = permalink
	}
	cur.Added = time.Now().UTC()
	if p.ID != "" {
		cur.Name = p.Name
	}
	a.m[p.key()] = cur
	return a.saveLocked()
}

// forget removes what is recorded of p (and an entry under its file name
// from a list written before papers had IDs).
func (a *accessList) forget(p paperRef) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	changed := false
	for _, k := range []string{p.key(), p.Name} {
		if e, ok := a.m[k]; ok && (k == p.key() || e.Name == "") {
			delete(a.m, k)
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return a.saveLocked()
}

// visibleTo reports whether user may find the paper p wherever they ask:
// it is not private, or it is theirs.
func (a *accessList) visibleTo(p paperRef, user string) bool {
	return a.visibleIn(p, user, "", nil)
}

// visibleIn reports whether the paper p may be shown to user asking in
// channel: it is not private, or it is theirs, or it was shared in that
// private channel, or they ask in a direct message and member says they
// are in one of the private channels it was shared in (member may be
// nil: no one is).
func (a *accessList) visibleIn(p paperRef, user, channel string, member func(channel string) bool) bool {
	a.mu.Lock()
	e, ok := a.lookupLocked(p)
	a.mu.Unlock()
	switch {
	case !ok || !e.Private || user != "" && e.Owner == user:
		return true
	case channel != "" && slices.Contains(e.Channels, channel):
		return true
	case isDM(channel) && member != nil:
		return slices.ContainsFunc(e.Channels, member)
	}
	return false
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
		if p.Name != "" {
			s = p.Name
		}
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

// permalink is the Slack link recorded for p, "" for none.
func (a *accessList) permalink(p paperRef) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	e, _ := a.lookupLocked(p)
	return e.Permalink
}

// link is where a cite of p links to: the paper's own web address when
// the index knows it, else its Slack file.
func (a *accessList) link(p paperRef, url string) string {
	if url != "" {
		return url
	}
	return a.permalink(p)
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

// ForgetShared removes what the bot recorded of the paper id, whose file
// name is name (who may see it, its Slack link), from the access list
// kept in packsDir, after the paper was removed from the index outside
// the bot.
func ForgetShared(packsDir, id, name string) error {
	a, err := loadAccess(packsDir)
	if err != nil {
		return err
	}
	return a.forget(paperRef{ID: id, Name: name})
}
