// Package index is the contract of search over past papers, whatever
// holds the index: the query (Query), its hits, page and facets (Hit,
// Results, FacetCount, the Facet names), a paper's record and where it was
// found (DocumentInfo, Location, Origin, PaperID), what an ingest is told
// and what it did (IngestOptions, Themer, Progress, Summary), and the
// errors callers test with errors.Is (ErrInUse, ErrVersion, ErrNoIndex,
// ErrNotFound, ErrClosed, ErrQuery, ErrAmbiguous). It imports no search
// engine.
//
// The embedded backend is package bleveindex (index/bleve), the only
// package of the module that imports bleve; index/share serves it to other
// processes over a socket. The code that uses an index defines the few
// operations it needs as a small context-first interface of its own, in
// these types (cmd/cli's store, the bot's Searcher and Store, the saved
// searches' Searcher), and every backend passes the conformance suite of
// index/indextest.
//
// A paper is known by its content: its ID is the start of its content
// hash (PaperID), and it remembers every Location (file name, path, web
// address) it was found at. Files of one name and different content are
// two papers; one content under two names is one. A backend's operations
// that take a paper (and Query.Paper) read it as its ID, a path, an
// address or a file name; a name several papers have is an
// *AmbiguousError listing them.
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
