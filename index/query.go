package index

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Search defaults and bounds.
const (
	// DefaultLimit is the page size of a query that gives none.
	DefaultLimit = 10
	// MaxLimit is the largest page a query may ask for.
	MaxLimit = 500
	// DefaultPerItem is how many hits one agenda item may have on a
	// page when the query does not say.
	DefaultPerItem = 3
)

// Facet names in Results.Facets.
const (
	// FacetCommittee counts hits by committee, as the papers name it.
	FacetCommittee = "committee"
	// FacetYear counts hits by the year of their meeting.
	FacetYear = "year"
	// FacetTheme counts hits by theme.
	FacetTheme = "theme"
)

// Query is a search over the index.
type Query struct {
	// Text is the query as typed (see the package doc): plain words,
	// "phrases", +must, -not and field:value.
	Text      string
	Limit     int
	Offset    int
	Theme     string
	Committee string
	Kind      string
	From, To  time.Time
	// Source restricts hits to papers of one file name.
	Source string
	// Paper restricts hits to one paper, named as a backend resolves it (its
	// ID, a path, an address or a file name only it has).
	Paper string
	// IncludeExempt includes exempt or confidential items.
	IncludeExempt bool
	// PerItem caps hits from one item so one long report does not fill the
	// page; 0 means the default (3).
	PerItem int
	// NoFacets skips counting facets, which costs about half the time of a
	// query that matches much of the index.
	NoFacets bool
	// Newest orders the matching items by meeting date, newest first
	// (score breaks ties), instead of by relevance.
	Newest bool
}

// Hit is one matching passage.
type Hit struct {
	// ID is the paper's ID (see PaperID): two papers may share a Source.
	ID string `json:"id"`
	// Source is the paper's file name; Path where it can be read.
	Source string `json:"source"`
	Path   string `json:"path,omitempty"`
	// URL is the paper's own web address, when known.
	URL         string  `json:"url,omitempty"`
	Item        string  `json:"item"`
	Title       string  `json:"title"`
	Heading     string  `json:"heading,omitempty"`
	Committee   string  `json:"committee,omitempty"`
	Council     string  `json:"council,omitempty"`
	Date        string  `json:"date,omitempty"`
	Kind        string  `json:"kind,omitempty"`
	Page        int     `json:"page"`
	PrintedPage int     `json:"printed_page,omitempty"`
	Score       float64 `json:"score"`
	// Snippet is highlighted with <mark>…</mark>.
	Snippet string `json:"snippet"`
	Exempt  bool   `json:"exempt,omitempty"`
	// Themes are the passage's themes, when analysis has set them.
	Themes []string `json:"themes,omitempty"`
}

// FacetCount is one value of a facet and how many hits have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Results is a page of hits.
type Results struct {
	Query  string                  `json:"query"`
	Total  uint64                  `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets,omitempty"`
	// NearSpellings is true when the query as typed found nothing and
	// the hits are for words spelled nearly as typed ("fosterng").
	NearSpellings bool `json:"near_spellings,omitempty"`
	// Respelled are words of the query that no paper has, searched as
	// the words spelled nearly so while the others were searched as
	// typed ("safegaurding partnership").
	Respelled []string      `json:"respelled,omitempty"`
	Took      time.Duration `json:"-"`
}

// RespelledNote is the line that tells a reader which words of the query
// were searched by near spellings, or "" when none were.
func (r *Results) RespelledNote() string {
	if len(r.Respelled) == 0 {
		return ""
	}
	q := make([]string, len(r.Respelled))
	for i, w := range r.Respelled {
		q[i] = strconv.Quote(w)
	}
	if len(q) == 1 {
		return fmt.Sprintf("No paper has the word %s; it is searched as words spelled nearly so.", q[0])
	}
	return fmt.Sprintf("No paper has the words %s; they are searched as words spelled nearly so.", strings.Join(q, ", "))
}
