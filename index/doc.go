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
