package index

import (
	"time"

	"github.com/scrutineer/scrutineer/corpus"
)

// DocumentInfo describes one ingested paper: one content, wherever it was
// found.
type DocumentInfo struct {
	// ID identifies the paper: the start of its content hash (PaperID).
	ID string `json:"id"`
	// Source is the paper's file name, for display: the name of its first
	// location. Two papers may share it; ID tells them apart.
	Source string `json:"source"`
	// Path is where the paper can be read, as an absolute path: the first
	// location that has one ("" for a document ingested from memory).
	Path string `json:"path,omitempty"`
	// URL is the paper's own web address, the first location's that has
	// one; "" when not known.
	URL string `json:"url,omitempty"`
	// Sources are every place the paper was found, first first.
	Sources []Location  `json:"sources"`
	Hash    string      `json:"hash"`
	Format  string      `json:"format,omitempty"`
	Meta    corpus.Meta `json:"meta"`
	Pages   int         `json:"pages"`
	// Passages is the number of passages indexed for the file.
	Passages int `json:"passages"`
	// Items are the file's agenda items without their passages.
	Items []corpus.Item `json:"items"`
	// ItemPassages[i] is the number of passages indexed for Items[i].
	ItemPassages []int `json:"item_passages"`
	// Boiler lists the boilerplate passages (corpus.IsBoilerplate) as
	// "item/passage" (both counted from 0), sorted; search ranks them down.
	Boiler []string `json:"boiler,omitempty"`
	// Agenda lists the items that are the agenda itself (their index in
	// Items): it restates the other items' titles, so search ranks its
	// passages below the items they announce.
	Agenda     []int     `json:"agenda,omitempty"`
	Warnings   []string  `json:"warnings,omitempty"`
	IngestedAt time.Time `json:"ingested_at"`
	// PagesKept is true when the index keeps the paper's pages (see
	// ReadBack); papers ingested before it did have none until ingested
	// again.
	PagesKept bool `json:"pages_kept,omitempty"`
}

// Themer gives the themes of one passage; the analysis package's matcher
// provides one. It must be safe to call from one goroutine at a time.
type Themer func(doc *DocumentInfo, item *corpus.Item, p *corpus.Passage) []string

// ItemHit is an agenda item ranked by how well its title and text match.
type ItemHit struct {
	// ID is the paper's ID; Source its file name; URL its web address
	// when known.
	ID        string      `json:"id"`
	Source    string      `json:"source"`
	Path      string      `json:"path,omitempty"`
	URL       string      `json:"url,omitempty"`
	Meta      corpus.Meta `json:"meta"`
	Number    string      `json:"number"`
	Title     string      `json:"title"`
	Kind      corpus.Kind `json:"kind"`
	StartPage int         `json:"start_page"`
	EndPage   int         `json:"end_page"`
	// PrintedStart and PrintedEnd are the printed page range, 0 if unknown.
	PrintedStart int     `json:"printed_start,omitempty"`
	PrintedEnd   int     `json:"printed_end,omitempty"`
	Exempt       bool    `json:"exempt,omitempty"`
	Score        float64 `json:"score"`
}
