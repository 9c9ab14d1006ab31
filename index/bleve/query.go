// Package index owns search over past papers: one document per passage in
// an embedded bleve index, analysed with the project's English analyzer
// (snowball stemming plus the field's jargon), with filters, highlighted
// snippets, facets and incremental ingest by content hash. Callers never
// import bleve: its types stay inside this package.
//
// Open an index with Open (Options.Create makes one), add files with
// IngestPaths or a document already read with IngestDocument, and query it
// with Search, FindItems, Documents and Item. One process owns an index at
// a time: a second Open gets ErrInUse within Options.LockTimeout, and an
// index built with another analysis chain gets ErrVersion. A new index is
// renamed into place whole, so a process killed while making it leaves
// none; each file of an ingest is read under its own deadline.
//
// A paper is known by its content: its ID is the start of its content
// hash (PaperID), and it remembers every Location (file name, path, web
// address) it was found at. Files of one name and different content are
// two papers; one content under two names is one. A file changed at a
// path or address already indexed replaces the paper there. Document,
// Item, Delete, SetThemes and Query.Paper take a paper's ID, path,
// address or file name (Resolve); a name several papers have is an
// *AmbiguousError listing them. An index made when papers were known by
// file name is moved to this on Open.
//
// Query.Text is read as people type it: plain words (any may match), in
// which punctuation such as ?, :, <, & and / is text, not syntax
// ("Reg 44?" is "Reg 44"); operators only where written as such:
// "phrases", +must, -not, and field:value for the fields title, heading,
// source, kind, year, theme, item (item number), committee (as written)
// and date (date:2025-06-01, date:>=2025-04-01, date:<2026-01-01). A
// query that cannot be read (an unclosed quote, a sign with nothing after
// it, only words to leave out) is an ErrQuery whose message says what is
// wrong. Words are analysed like the text: lower-cased,
// possessives and stop words removed, snowball-stemmed, and jargon groups
// from corpus/english expanded, so "LAC" finds "children in care".
package index

import "time"

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
	// Paper restricts hits to one paper, named as Resolve reads it (its
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

	// fuzzy is the edit distance allowed for the query's longer words,
	// set by Search when the query as typed finds nothing.
	fuzzy int
	// respell are the query's words that no passage has, searched within
	// fuzzyDistance edits (set by Search).
	respell map[string]bool
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
