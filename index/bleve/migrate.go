package bleveindex

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// migrate moves an index made when papers were known by file name (a
// file list under keyFiles, records under keyFile+name, passages named by
// file name) to papers known by content: each file's passages are written
// again under its paper's ID with their themes, and files of the same
// content become one paper with both names. It goes one file a batch,
// each batch carrying both lists, so a stop part way leaves an index the
// next Open goes on migrating. An index with no old file list is left
// alone.
func (x *Index) migrate() error {
	data, err := x.bi.GetInternal([]byte(keyFiles))
	if err != nil {
		return fmt.Errorf("read the old file list: %w", err)
	}
	if len(data) == 0 {
		return nil
	}
	old := map[string]string{}
	if err := json.Unmarshal(data, &old); err != nil {
		return fmt.Errorf("read the old file list: %w", err)
	}
	papers, err := x.readPapers()
	if err != nil {
		return err
	}
	names := make([]string, 0, len(old))
	for name := range old {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		b := x.bi.NewBatch()
		rec, err := x.readRecordAt(keyFile + name)
		if err != nil {
			return err
		}
		if rec != nil {
			if err := x.migrateFile(b, papers, name, rec); err != nil {
				return fmt.Errorf("move %s to papers known by content: %w", name, err)
			}
		}
		b.DeleteInternal([]byte(keyFile + name))
		delete(old, name)
		if len(old) == 0 {
			b.DeleteInternal([]byte(keyFiles))
		} else if err := setJSON(b, keyFiles, old); err != nil {
			return err
		}
		if err := setJSON(b, keyPapers, papers); err != nil {
			return err
		}
		if err := x.bi.Batch(b); err != nil {
			return fmt.Errorf("move %s to papers known by content: %w", name, err)
		}
	}
	return nil
}

// setJSON puts v as JSON under an internal key into b.
func setJSON(b *bleve.Batch, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("write %s: %w", key, err)
	}
	b.SetInternal([]byte(key), data)
	return nil
}

// migrateFile puts into b the move of one old file record (its passages
// named by name) to its paper, and records the paper in papers.
func (x *Index) migrateFile(b *bleve.Batch, papers paperSet, name string, rec *DocumentInfo) error {
	if rec.Hash == "" {
		return fmt.Errorf("its record has no content hash")
	}
	loc := Location{Name: rec.Source, Path: rec.Path}
	if loc.Name == "" {
		loc.Name = name
	}
	id := index.PaperID(rec.Hash)
	var oldIDs []string
	for i, n := range rec.ItemPassages {
		for k := 0; k < n; k++ {
			oldIDs = append(oldIDs, docID(name, i, k))
		}
	}
	if e, ok := papers[id]; ok {
		if e.Hash != rec.Hash {
			return fmt.Errorf("its content hash begins as that of %s (%s)", e.name(), id)
		}
		// The same content under another name: one more source of it.
		cur, err := x.readRecord(id)
		if err != nil {
			return err
		}
		if cur == nil {
			return fmt.Errorf("paper %s has no record", id)
		}
		locs, _ := withLocation(cur.Sources, loc)
		setSources(cur, locs)
		if err := putRecord(b, cur); err != nil {
			return err
		}
		papers[id] = entryOf(cur)
	} else {
		all, themes, err := x.oldPassages(name, rec)
		if err != nil {
			return err
		}
		info := *rec
		info.ID = id
		setSources(&info, []Location{loc})
		info.Passages = 0
		for i := range all {
			info.ItemPassages[i] = len(all[i])
			info.Passages += len(all[i])
		}
		keep := func(_ *DocumentInfo, _ *corpus.Item, p *corpus.Passage) []string { return themes[p] }
		if err := putPassages(b, nil, &info, func(i int) []corpus.Passage { return all[i] }, keep); err != nil {
			return err
		}
		papers[id] = entryOf(&info)
	}
	for _, pid := range oldIDs {
		if paperOf(pid) != id {
			b.Delete(pid)
		}
	}
	return nil
}

// oldPassages loads the passages an old record's file has stored, item by
// item in reading order, with each passage's themes.
func (x *Index) oldPassages(name string, rec *DocumentInfo) ([][]corpus.Passage, map[*corpus.Passage][]string, error) {
	all := make([][]corpus.Passage, len(rec.Items))
	var stored [][][]string
	for i := range rec.Items {
		if i >= len(rec.ItemPassages) {
			return nil, nil, fmt.Errorf("its record counts the passages of %d items, not %d", len(rec.ItemPassages), len(rec.Items))
		}
		src := query.NewTermQuery(name)
		src.SetField(fSource)
		idx := query.NewTermQuery(strconv.Itoa(i))
		idx.SetField(fItemIndex)
		req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{src, idx}), 2*rec.ItemPassages[i]+10, 0, false)
		req.Fields = storedFields
		req.SortBy([]string{fSeq})
		sr, err := x.bi.Search(req)
		if err != nil {
			return nil, nil, fmt.Errorf("read its passages: %w", err)
		}
		var th [][]string
		for _, h := range sr.Hits {
			hit := hitFrom(h)
			text, _ := h.Fields[fText].(string)
			all[i] = append(all[i], corpus.Passage{Item: rec.Items[i].Number, Page: hit.Page, PrintedPage: hit.PrintedPage, Heading: hit.Heading, Text: text})
			th = append(th, hit.Themes)
		}
		stored = append(stored, th)
	}
	themes := map[*corpus.Passage][]string{}
	for i := range all {
		for k := range all[i] {
			themes[&all[i][k]] = stored[i][k]
		}
	}
	return all, themes, nil
}
