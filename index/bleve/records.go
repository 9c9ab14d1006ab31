package bleveindex

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// docID names a passage document: paper ID, item index and passage index.
func docID(paper string, item, k int) string {
	return paper + "\x1f" + strconv.Itoa(item) + "\x1f" + strconv.Itoa(k)
}

// passageKey names passage k of item i within its paper, as
// DocumentInfo.Boiler lists it.
func passageKey(item, k int) string {
	return strconv.Itoa(item) + "/" + strconv.Itoa(k)
}

// groupKey returns the paper ID and item index part of a document ID.
func groupKey(id string) string {
	if i := strings.LastIndexByte(id, '\x1f'); i >= 0 {
		return id[:i]
	}
	return id
}

// infoFor builds the record of a document found at loc.
func infoFor(doc *corpus.Document, loc Location) *DocumentInfo {
	info := &DocumentInfo{
		ID:         index.PaperID(doc.Hash),
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
	setSources(info, []Location{loc})
	return info
}

// setSources sets the paper's locations and the name, path and address
// shown for it.
func setSources(d *DocumentInfo, locs []Location) {
	e := paperEntry{Hash: d.Hash, Sources: locs}
	d.Sources, d.Source, d.Path, d.URL = locs, e.name(), e.path(), e.url()
}

// entryOf is the paper list's record of d.
func entryOf(d *DocumentInfo) paperEntry {
	return paperEntry{Hash: d.Hash, Sources: d.Sources, Boiler: d.Boiler, Agenda: d.Agenda}
}

// passageIDs lists the document IDs of a record's passages.
func passageIDs(d *DocumentInfo) []string {
	var out []string
	for i, n := range d.ItemPassages {
		for k := 0; k < n; k++ {
			out = append(out, docID(d.ID, i, k))
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
		facets = append(facets, index.FacetCommittee+"\x1f"+c)
	}
	if t, err := time.Parse("2006-01-02", info.Meta.Date); err == nil {
		d[fDate] = t
		d[fYear] = strconv.Itoa(t.Year())
		facets = append(facets, index.FacetYear+"\x1f"+strconv.Itoa(t.Year()))
	}
	if len(themes) > 0 {
		d[fThemes] = themes
		for _, th := range themes {
			facets = append(facets, index.FacetTheme+"\x1f"+th)
		}
	}
	if len(facets) > 0 {
		d[fFacets] = facets
	}
	return d
}

// readRecord reads the record of the paper id; nil when there is none.
func (x *Index) readRecord(id string) (*DocumentInfo, error) {
	return x.readRecordAt(keyPaper + id)
}

// readRecordAt reads the record stored under an internal key.
func (x *Index) readRecordAt(key string) (*DocumentInfo, error) {
	data, err := x.bi.GetInternal([]byte(key))
	if err != nil {
		return nil, fmt.Errorf("read record %s: %w", key, err)
	}
	if len(data) == 0 {
		return nil, nil
	}
	var d DocumentInfo
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("read record %s: %w", key, err)
	}
	return &d, nil
}

// putPassages writes info's passages and record into b, first deleting the
// passages of old that info no longer has.
func putPassages(b *bleve.Batch, old, info *DocumentInfo, passages func(item int) []corpus.Passage, themer Themer) error {
	keep := map[string]bool{}
	info.Boiler, info.Agenda = nil, nil
	for i := range info.Items {
		it := &info.Items[i]
		ps := passages(i)
		if it.Kind == corpus.KindAgenda {
			info.Agenda = append(info.Agenda, i)
		}
		for k := range ps {
			if corpus.IsBoilerplate(it, &ps[k]) {
				info.Boiler = append(info.Boiler, passageKey(i, k))
			}
			var themes []string
			if themer != nil {
				themes = themer(info, it, &ps[k])
			}
			id := docID(info.ID, i, k)
			keep[id] = true
			if err := b.Index(id, passageDoc(info, i, k, it, &ps[k], themes)); err != nil {
				return fmt.Errorf("index passage %d of item %d of %s: %w", k, i, info.Source, err)
			}
		}
	}
	if old != nil {
		for _, id := range passageIDs(old) {
			if !keep[id] {
				b.Delete(id)
			}
		}
	}
	sort.Strings(info.Boiler)
	return putRecord(b, info)
}

// putRecord writes info's record into b.
func putRecord(b *bleve.Batch, info *DocumentInfo) error {
	data, err := json.Marshal(info)
	if err != nil {
		return fmt.Errorf("record of %s: %w", info.Source, err)
	}
	b.SetInternal([]byte(keyPaper+info.ID), data)
	return nil
}
