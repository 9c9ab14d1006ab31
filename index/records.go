package index

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/scrutineer/scrutineer/corpus"
)

// DocumentInfo describes one ingested file.
type DocumentInfo struct {
	// Source is the file's base name; it identifies the file in the index.
	Source string `json:"source"`
	// Path is where the file was read from, as an absolute path ("" for a
	// document ingested from memory). Indexes made before paths were stored
	// absolute may hold a path relative to where ingest ran.
	Path   string      `json:"path,omitempty"`
	Hash   string      `json:"hash"`
	Format string      `json:"format,omitempty"`
	Meta   corpus.Meta `json:"meta"`
	Pages  int         `json:"pages"`
	// Passages is the number of passages indexed for the file.
	Passages int `json:"passages"`
	// Items are the file's agenda items without their passages.
	Items []corpus.Item `json:"items"`
	// ItemPassages[i] is the number of passages indexed for Items[i].
	ItemPassages []int     `json:"item_passages"`
	Warnings     []string  `json:"warnings,omitempty"`
	IngestedAt   time.Time `json:"ingested_at"`
}

// Themer gives the themes of one passage; the analysis package's matcher
// provides one. It must be safe to call from one goroutine at a time.
type Themer func(doc *DocumentInfo, item *corpus.Item, p *corpus.Passage) []string

// docID names a passage document: source, item index and passage index.
func docID(source string, item, k int) string {
	return source + "\x1f" + strconv.Itoa(item) + "\x1f" + strconv.Itoa(k)
}

// groupKey returns the source and item index part of a document ID.
func groupKey(id string) string {
	if i := strings.LastIndexByte(id, '\x1f'); i >= 0 {
		return id[:i]
	}
	return id
}

// infoFor builds the record of a document.
func infoFor(doc *corpus.Document) *DocumentInfo {
	info := &DocumentInfo{
		Source:     doc.Source,
		Path:       doc.Path,
		Hash:       doc.Hash,
		Format:     doc.Format,
		Meta:       doc.Meta,
		Pages:      len(doc.Pages),
		Warnings:   doc.Warnings,
		IngestedAt: time.Now().UTC().Truncate(time.Second),
	}
	for _, it := range doc.Items {
		n := len(it.Passages)
		it.Passages = nil
		info.Items = append(info.Items, it)
		info.ItemPassages = append(info.ItemPassages, n)
		info.Passages += n
	}
	return info
}

// ids lists the document IDs of a record's passages.
func (d *DocumentInfo) ids() []string {
	var out []string
	for i, n := range d.ItemPassages {
		for k := 0; k < n; k++ {
			out = append(out, docID(d.Source, i, k))
		}
	}
	return out
}

// passageDoc is the bleve document of one passage.
func passageDoc(info *DocumentInfo, itemIdx, k int, it *corpus.Item, p *corpus.Passage, themes []string) map[string]interface{} {
	d := map[string]interface{}{
		fText:         p.Text,
		fTitle:        it.Title,
		fHeading:      p.Heading,
		fCouncil:      info.Meta.Council,
		fCommittee:    info.Meta.Committee,
		fCommitteeKey: strings.ToLower(strings.TrimSpace(info.Meta.Committee)),
		fItem:         it.Number,
		fItemIndex:    strconv.Itoa(itemIdx),
		fSeq:          float64(k),
		fKind:         string(it.Kind),
		fPage:         float64(p.Page),
		fPrinted:      float64(p.PrintedPage),
		fSource:       info.Source,
		fPath:         info.Path,
		fHash:         info.Hash,
		fExempt:       it.Exempt || (it.Cover != nil && it.Cover.Exempt),
	}
	var facets []string
	if c := strings.TrimSpace(info.Meta.Committee); c != "" {
		facets = append(facets, FacetCommittee+"\x1f"+c)
	}
	if t, err := time.Parse("2006-01-02", info.Meta.Date); err == nil {
		d[fDate] = t
		d[fYear] = strconv.Itoa(t.Year())
		facets = append(facets, FacetYear+"\x1f"+strconv.Itoa(t.Year()))
	}
	if len(themes) > 0 {
		d[fThemes] = themes
		for _, th := range themes {
			facets = append(facets, FacetTheme+"\x1f"+th)
		}
	}
	if len(facets) > 0 {
		d[fFacets] = facets
	}
	return d
}

// fileSet maps each ingested source to its content hash.
type fileSet map[string]string

// sorted returns the sources in name order.
func (s fileSet) sorted() []string {
	out := make([]string, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (x *Index) readFiles() (fileSet, error) {
	data, err := x.bi.GetInternal([]byte(keyFiles))
	if err != nil {
		return nil, fmt.Errorf("read file list: %w", err)
	}
	s := fileSet{}
	if len(data) > 0 {
		if err := json.Unmarshal(data, &s); err != nil {
			return nil, fmt.Errorf("read file list: %w", err)
		}
	}
	return s, nil
}

func (x *Index) readRecord(source string) (*DocumentInfo, error) {
	data, err := x.bi.GetInternal([]byte(keyFile + source))
	if err != nil {
		return nil, fmt.Errorf("read record of %s: %w", source, err)
	}
	if len(data) == 0 {
		return nil, nil
	}
	var d DocumentInfo
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("read record of %s: %w", source, err)
	}
	return &d, nil
}

// addDocument puts into b the removal of old's passages (when old is not
// nil), the new document's passages and its record. It returns the record.
func addDocument(b *bleve.Batch, old *DocumentInfo, doc *corpus.Document, themer Themer) (*DocumentInfo, error) {
	info := infoFor(doc)
	return info, putPassages(b, old, info, func(i int) []corpus.Passage { return doc.Items[i].Passages }, themer)
}

// putPassages writes info's passages and record into b, first deleting the
// passages of old that info no longer has.
func putPassages(b *bleve.Batch, old, info *DocumentInfo, passages func(item int) []corpus.Passage, themer Themer) error {
	keep := map[string]bool{}
	for i := range info.Items {
		it := &info.Items[i]
		ps := passages(i)
		for k := range ps {
			var themes []string
			if themer != nil {
				themes = themer(info, it, &ps[k])
			}
			id := docID(info.Source, i, k)
			keep[id] = true
			if err := b.Index(id, passageDoc(info, i, k, it, &ps[k], themes)); err != nil {
				return fmt.Errorf("index passage %d of item %d of %s: %w", k, i, info.Source, err)
			}
		}
	}
	if old != nil {
		for _, id := range old.ids() {
			if !keep[id] {
				b.Delete(id)
			}
		}
	}
	data, err := json.Marshal(info)
	if err != nil {
		return fmt.Errorf("record of %s: %w", info.Source, err)
	}
	b.SetInternal([]byte(keyFile+info.Source), data)
	return nil
}
