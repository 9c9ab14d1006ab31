package index

import "github.com/scrutineer/scrutineer/corpus"

// A paper is known by its content: files with the same bytes are one
// paper, whatever their names and folders, and files with different bytes
// are different papers, even under one name. Each paper remembers every
// place it was found (Location), and its ID is the start of its content
// hash.

// IDLength is the number of hex digits of a paper ID.
const IDLength = 12

// PaperID returns the ID of the paper whose content hash is hash: its first
// IDLength characters (all of a shorter hash).
func PaperID(hash string) string {
	if len(hash) > IDLength {
		return hash[:IDLength]
	}
	return hash
}

// Location is one place a paper was found: a file (its name and absolute
// path), a web address, or both. A paper read from memory has a name only.
type Location struct {
	// Name is the file's base name, as cited to users.
	Name string `json:"name"`
	// Path is the file's absolute path, "" for a paper read from memory.
	Path string `json:"path,omitempty"`
	// URL is the paper's own web address, "" when not known.
	URL string `json:"url,omitempty"`
}

// Origin is what ingest cannot read from a file itself: the address it was
// downloaded from and the meeting it belongs to.
type Origin struct {
	// URL is the paper's own web address.
	URL string
	// Committee and Date (YYYY-MM-DD) fill the paper's meeting details
	// when the paper itself does not say them.
	Committee string
	Date      string
}

// Apply records the origin on a document read from it: its address, and
// the meeting details the document does not say itself.
func (o Origin) Apply(doc *corpus.Document) {
	doc.URL = o.URL
	if doc.Meta.Committee == "" {
		doc.Meta.Committee = o.Committee
	}
	if doc.Meta.Date == "" {
		doc.Meta.Date = o.Date
	}
}
