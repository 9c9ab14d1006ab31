package bleveindex

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/index"
)

// sameSource reports whether l and o are one source: the same file path or
// the same web address. A paper changed at its source replaces the paper
// that was there.
func sameSource(l, o Location) bool {
	return l.Path != "" && l.Path == o.Path || l.URL != "" && l.URL == o.URL
}

// sameLocation reports whether o is where l is: the same source, or, for
// papers with neither path nor address, the same name.
func sameLocation(l, o Location) bool {
	if sameSource(l, o) {
		return true
	}
	return l.Path == "" && l.URL == "" && o.Path == "" && o.URL == "" && l.Name == o.Name
}

// paperEntry is the light record of one paper kept in the paper list: what
// resolving a name, path or address and showing a hit need.
type paperEntry struct {
	Hash    string     `json:"hash"`
	Sources []Location `json:"sources"`
	// Boiler are the paper's boilerplate passages (DocumentInfo.Boiler).
	Boiler []string `json:"boiler,omitempty"`
	// Agenda are the paper's agenda items (DocumentInfo.Agenda).
	Agenda []int `json:"agenda,omitempty"`
}

// name, path and url are the paper's first name, path and address.
func (e paperEntry) name() string {
	if len(e.Sources) == 0 {
		return ""
	}
	return e.Sources[0].Name
}

func (e paperEntry) path() string {
	for _, l := range e.Sources {
		if l.Path != "" {
			return l.Path
		}
	}
	return ""
}

func (e paperEntry) url() string {
	for _, l := range e.Sources {
		if l.URL != "" {
			return l.URL
		}
	}
	return ""
}

// paperSet maps each paper's ID to its entry.
type paperSet map[string]paperEntry

// weight is the ranking weight of the passage with document ID id:
// boilerWeight for a boilerplate passage, agendaWeight for one of an
// agenda, 1 for any other.
func (s paperSet) weight(id string) float64 {
	paper, rest, ok := strings.Cut(id, "\x1f")
	if !ok {
		return 1
	}
	e := s[paper]
	if len(e.Boiler) == 0 && len(e.Agenda) == 0 {
		return 1 // most papers: nothing to look up, nothing to build
	}
	item, k, ok := strings.Cut(rest, "\x1f")
	if !ok {
		return 1
	}
	key := item + "/" + k // as passageKey writes it
	if i := sort.SearchStrings(e.Boiler, key); i < len(e.Boiler) && e.Boiler[i] == key {
		return boilerWeight
	}
	if len(e.Agenda) > 0 {
		if n, err := strconv.Atoi(item); err == nil && slices.Contains(e.Agenda, n) {
			return agendaWeight
		}
	}
	return 1
}

// clone copies s; entries are values whose slices are never changed in
// place, so a shallow copy is enough.
func (s paperSet) clone() paperSet {
	out := make(paperSet, len(s))
	for k, v := range s {
		out[k] = v
	}
	return out
}

// sorted returns the IDs by paper name, then ID.
func (s paperSet) sorted() []string {
	out := make([]string, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := s[out[i]].name(), s[out[j]].name()
		if a != b {
			return a < b
		}
		return out[i] < out[j]
	})
	return out
}

// hashes returns the set of content hashes in s.
func (s paperSet) hashes() map[string]bool {
	out := make(map[string]bool, len(s))
	for _, e := range s {
		out[e.Hash] = true
	}
	return out
}

func (x *Index) readPapers() (paperSet, error) {
	data, err := x.bi.GetInternal([]byte(keyPapers))
	if err != nil {
		return nil, fmt.Errorf("read paper list: %w", err)
	}
	s := paperSet{}
	if len(data) > 0 {
		if err := json.Unmarshal(data, &s); err != nil {
			return nil, fmt.Errorf("read paper list: %w", err)
		}
	}
	return s, nil
}

// known returns the paper list as last written, kept in memory for
// searches; nil before Open has read it.
func (x *Index) known() paperSet {
	if p := x.papers.Load(); p != nil {
		return *p
	}
	return nil
}

// Resolve finds the one paper ref names: its ID (or an unambiguous start
// of it, six characters or more), one of its paths (as given or made
// absolute), one of its web addresses, or one of its file names. It
// returns index.ErrNotFound when no paper fits and an *AmbiguousError when
// several do.
func (x *Index) Resolve(ctx context.Context, ref string) (*DocumentInfo, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	id, err := x.resolveID(ref)
	if err != nil {
		return nil, err
	}
	rec, err := x.readRecord(id)
	if err != nil {
		return nil, err
	}
	if rec == nil {
		return nil, fmt.Errorf("paper %s: %w", ref, index.ErrNotFound)
	}
	return rec, nil
}

// resolveID finds the ID of the one paper ref names (see Resolve).
func (x *Index) resolveID(ref string) (string, error) {
	papers := x.known()
	if _, ok := papers[ref]; ok {
		return ref, nil
	}
	abs := ref
	if a, err := filepath.Abs(ref); err == nil && ref != "" {
		abs = a
	}
	var byPrefix, byPlace, byName []string
	for _, id := range papers.sorted() {
		e := papers[id]
		if len(ref) >= 6 && strings.HasPrefix(id, ref) {
			byPrefix = append(byPrefix, id)
		}
		place, name := false, false
		for _, l := range e.Sources {
			place = place || l.Path != "" && (l.Path == ref || l.Path == abs) || l.URL != "" && l.URL == ref
			name = name || l.Name == ref
		}
		if place {
			byPlace = append(byPlace, id)
		}
		if name {
			byName = append(byName, id)
		}
	}
	for _, ids := range [][]string{byPrefix, byPlace, byName} {
		switch {
		case len(ids) == 1:
			return ids[0], nil
		case len(ids) > 1:
			amb := &AmbiguousError{Ref: ref}
			for _, id := range ids {
				amb.Papers = append(amb.Papers, candidate(id, papers[id], ref))
			}
			return "", amb
		}
	}
	return "", fmt.Errorf("paper %s: %w", ref, index.ErrNotFound)
}

// candidate describes paper id for an *AmbiguousError: by the location
// named ref when it has one, else by its first.
func candidate(id string, e paperEntry, ref string) DocumentInfo {
	d := DocumentInfo{ID: id, Hash: e.Hash}
	setSources(&d, e.Sources)
	for _, l := range e.Sources {
		if l.Name == ref {
			d.Source, d.Path, d.URL = l.Name, l.Path, l.URL
			break
		}
	}
	return d
}

// hitIdentity gives a hit its paper's ID, and the name, path and address
// the paper list holds for it now.
func hitIdentity(h *Hit, docID string, papers paperSet) {
	h.ID = paperOf(docID)
	if e, ok := papers[h.ID]; ok {
		h.Source, h.Path, h.URL = e.name(), e.path(), e.url()
	}
}

// paperOf returns the paper ID part of a passage document ID.
func paperOf(docID string) string {
	id, _, _ := strings.Cut(docID, "\x1f")
	return id
}
