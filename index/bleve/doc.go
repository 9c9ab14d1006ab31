// Package bleveindex is the embedded backend of package index: one
// document per passage in a bleve index on local disk, analysed with the
// project's English analyzer (snowball stemming plus the field's jargon),
// with filters, highlighted snippets, facets and incremental ingest by
// content hash. It is the only package of the module that imports bleve;
// its callers see the backend-neutral types of package index (the aliases
// here name them as this package's code does).
//
// Open an index with Open (Options.Create makes one), add files with
// IngestPaths or a document already read with IngestDocument, and query it
// with Search, FindItems, Documents and Item. One process owns an index at
// a time: a second Open gets index.ErrInUse within Options.LockTimeout,
// and an index built with another analysis chain (AnalysisVersion) gets
// index.ErrVersion. A new index is renamed into place whole, so a process
// killed while making it leaves none; each file of an ingest is read under
// its own deadline.
//
// A paper is known by its content (see package index). A file changed at
// a path or address already indexed replaces the paper there. Document,
// Item, Delete, SetThemes and Query.Paper take a paper's ID, path,
// address or file name (Resolve); a name several papers have is an
// *index.AmbiguousError listing them. An index made when papers were
// known by file name is moved to this on Open. Query.Text is read as
// package index describes; the analysis chain and the ranking are this
// package's.
//
// Its tests include the conformance suite of index/indextest, the judged
// and relevance sets with their goldens (testdata; -update rewrites them,
// -judged.show logs the ranking of development queries) against bleve's
// own "en" analyzer and SQLite FTS5 as baselines, the benchmarks at
// 100,000 and 1,000,000 passages, and the fuzz target FuzzSearchQuery.
package bleveindex
