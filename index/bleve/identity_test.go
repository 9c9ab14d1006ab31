package bleveindex

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// ingestPaths ingests paths and fails the test on an error or a skip.
func ingestPaths(t *testing.T, x *Index, opts IngestOptions, paths ...string) Summary {
	t.Helper()
	sum, err := x.IngestPaths(context.Background(), paths, opts)
	if err != nil || len(sum.Skipped) > 0 {
		t.Fatalf("ingest %v: %v, skipped %+v", paths, err, sum.Skipped)
	}
	return sum
}

// documents lists the index's papers.
func documents(t *testing.T, x *Index) []DocumentInfo {
	t.Helper()
	docs, err := x.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// Every ModernGov site names its minutes alike: two different papers of
// one name are two papers, both found and both listed, and the name alone
// no longer picks one.
func TestSameNameDifferentContent(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	a := writeFile(t, src, "cyp/Printed minutes.txt", paper("kinship carers in Wexcombe", 3))
	b := writeFile(t, src, "audit/Printed minutes.txt", paper("internal audit of the payroll", 3))
	x := openTemp(t)
	if sum := ingestPaths(t, x, IngestOptions{}, src); sum.Added != 2 {
		t.Fatalf("summary = %+v, want 2 added", sum)
	}
	docs := documents(t, x)
	if len(docs) != 2 || docs[0].Source != "Printed minutes.txt" || docs[1].Source != docs[0].Source || docs[0].ID == docs[1].ID {
		t.Fatalf("documents = %+v", docs)
	}
	for _, c := range []struct{ words, path string }{{"kinship", a}, {"payroll", b}} {
		r := doSearch(t, x, Query{Text: c.words})
		if len(r.Hits) == 0 || r.Hits[0].Path != c.path || r.Hits[0].ID != index.PaperID(hashOf(t, c.path)) {
			t.Errorf("%s: hits = %+v", c.words, r.Hits)
		}
	}

	_, err := x.Resolve(ctx, "Printed minutes.txt")
	var amb *AmbiguousError
	if !errors.Is(err, index.ErrAmbiguous) || !errors.As(err, &amb) || len(amb.Papers) != 2 ||
		!strings.Contains(err.Error(), a) || !strings.Contains(err.Error(), amb.Papers[0].ID) {
		t.Fatalf("resolving the shared name: %v", err)
	}
	for ref, want := range map[string]string{a: index.PaperID(hashOf(t, a)), docs[0].ID: docs[0].ID, docs[1].ID[:8]: docs[1].ID} {
		if rec, err := x.Resolve(ctx, ref); err != nil || rec.ID != want {
			t.Errorf("resolve %q: %+v %v", ref, rec, err)
		}
	}
	if _, _, err := x.Item(ctx, "Printed minutes.txt", "1"); !errors.Is(err, index.ErrAmbiguous) {
		t.Errorf("item by the shared name: %v", err)
	}
	if err := x.Delete(ctx, "Printed minutes.txt"); !errors.Is(err, index.ErrAmbiguous) {
		t.Errorf("delete by the shared name: %v", err)
	}
	if err := x.Delete(ctx, b); err != nil {
		t.Fatal(err)
	}
	if r := doSearch(t, x, Query{Text: "payroll"}); r.Total != 0 {
		t.Errorf("the removed paper is still found: %+v", r.Hits)
	}
	if r := doSearch(t, x, Query{Text: "kinship"}); r.Total == 0 {
		t.Error("removing one paper of the name removed the other")
	}
	if rec, err := x.Resolve(ctx, "Printed minutes.txt"); err != nil || rec.Path != a {
		t.Errorf("the name alone, once one paper has it: %+v %v", rec, err)
	}
}

// hashOf is the content hash of the file at path.
func hashOf(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := corpus.Read(context.Background(), filepath.Base(path), data, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d.Hash
}

// One paper under two names and folders is indexed once, found once, and
// remembers both; ingesting again does nothing.
func TestSameContentTwoNames(t *testing.T) {
	src := t.TempDir()
	text := paper("reunification of separated siblings", 4)
	a := writeFile(t, src, "pack/agenda-reports.txt", text)
	b := writeFile(t, src, "downloads/CYP 2026-10-14.txt", text)
	x := openTemp(t)
	sum := ingestPaths(t, x, IngestOptions{Workers: 2}, a, b)
	if sum.Added != 1 || sum.Merged != 1 || sum.Updated != 0 {
		t.Fatalf("summary = %+v, want 1 added and 1 merged", sum)
	}
	docs := documents(t, x)
	// Files are taken in the order given, however fast each is read: the
	// paper's name is the first file's.
	if len(docs) != 1 || len(docs[0].Sources) != 2 || docs[0].Source != "agenda-reports.txt" || docs[0].Path != a {
		t.Fatalf("documents = %+v", docs)
	}
	names := map[string]string{}
	for _, l := range docs[0].Sources {
		names[l.Name] = l.Path
	}
	if names["agenda-reports.txt"] != a || names["CYP 2026-10-14.txt"] != b {
		t.Errorf("sources = %+v", docs[0].Sources)
	}
	n, _ := x.Passages()
	if n != uint64(docs[0].Passages) {
		t.Errorf("%d passages indexed for one paper of %d", n, docs[0].Passages)
	}
	r := doSearch(t, x, Query{Text: "siblings", PerItem: 1})
	if len(r.Hits) != 1 {
		t.Errorf("the paper is shown %d times", len(r.Hits))
	}
	for _, ref := range []string{a, b, "agenda-reports.txt", "CYP 2026-10-14.txt"} {
		if rec, err := x.Resolve(context.Background(), ref); err != nil || rec.ID != docs[0].ID {
			t.Errorf("resolve %q: %v", ref, err)
		}
	}
	if sum := ingestPaths(t, x, IngestOptions{}, src); sum.Unchanged != 2 || sum.Added+sum.Updated+sum.Merged != 0 {
		t.Errorf("ingesting again: %+v", sum)
	}
	if again := documents(t, x); len(again) != 1 || len(again[0].Sources) != 2 || !again[0].IngestedAt.Equal(docs[0].IngestedAt) {
		t.Errorf("ingesting again changed the record: %+v", again)
	}
}

// A file changed at its path replaces the paper it held; a paper that is
// also elsewhere stays, known at its other places only.
func TestChangedFileReplaces(t *testing.T) {
	src := t.TempDir()
	a := writeFile(t, src, "a.txt", paper("edge of care services", 3))
	b := writeFile(t, src, "copy/a.txt", paper("edge of care services", 3))
	x := openTemp(t)
	ingestPaths(t, x, IngestOptions{}, a)
	writeFile(t, src, "a.txt", paper("youth justice remand", 2))
	if sum := ingestPaths(t, x, IngestOptions{}, a); sum.Updated != 1 || sum.Added != 0 {
		t.Errorf("summary = %+v, want 1 updated", sum)
	}
	docs := documents(t, x)
	if len(docs) != 1 || !strings.Contains(docs[0].Items[0].Title, "youth justice") {
		t.Fatalf("documents = %+v", docs)
	}
	if r := doSearch(t, x, Query{Text: "edge"}); r.Total != 0 {
		t.Errorf("the old version is still found: %+v", r.Hits)
	}
	if n, _ := x.Passages(); n != uint64(docs[0].Passages) {
		t.Errorf("%d passages indexed, the paper has %d", n, docs[0].Passages)
	}

	// The new content is also at b; then a changes again: the paper stays
	// at b.
	writeFile(t, src, "copy/a.txt", paper("youth justice remand", 2))
	ingestPaths(t, x, IngestOptions{}, b)
	writeFile(t, src, "a.txt", paper("short breaks for disabled children", 2))
	if sum := ingestPaths(t, x, IngestOptions{}, a); sum.Added != 0 || sum.Updated != 1 {
		t.Errorf("summary = %+v, want 1 updated", sum)
	}
	docs = documents(t, x)
	if len(docs) != 2 {
		t.Fatalf("documents = %+v", docs)
	}
	for _, d := range docs {
		if len(d.Sources) != 1 {
			t.Errorf("%s sources = %+v", d.ID, d.Sources)
		}
	}
	if r := doSearch(t, x, Query{Text: "remand"}); r.Total == 0 || r.Hits[0].Path != b {
		t.Errorf("the paper left at b: %+v", r.Hits)
	}
}

// A paper's web address and meeting come from Origins (what fetch knows)
// and reach its record and its hits; a new version at the same address
// replaces it, wherever it is saved.
func TestSourceURL(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	const url = "https://democracy.example.gov.uk/documents/s60860/Printed%20minutes.pdf"
	a := writeFile(t, src, "2026-02-10/Printed minutes.txt", "Minutes\n\nThe panel heard about the virtual school and exclusions.\n")
	x := openTemp(t)
	ingestPaths(t, x, IngestOptions{Origins: map[string]Origin{a: {URL: url, Committee: "Corporate Parenting Panel", Date: "2026-02-10"}}}, a)
	docs := documents(t, x)
	if len(docs) != 1 || docs[0].URL != url || docs[0].Sources[0].URL != url || docs[0].Meta.Committee != "Corporate Parenting Panel" || docs[0].Meta.Date != "2026-02-10" {
		t.Fatalf("documents = %+v", docs)
	}
	r := doSearch(t, x, Query{Text: "exclusions"})
	if len(r.Hits) != 1 || r.Hits[0].URL != url || r.Hits[0].Committee != "Corporate Parenting Panel" || r.Hits[0].Date != "2026-02-10" {
		t.Fatalf("hits = %+v", r.Hits)
	}
	data, _ := json.Marshal(r.Hits[0])
	if !strings.Contains(string(data), `"url":"`+url+`"`) || !strings.Contains(string(data), `"id":"`+docs[0].ID+`"`) {
		t.Errorf("hit JSON = %s", data)
	}
	if rec, err := x.Resolve(ctx, url); err != nil || rec.ID != docs[0].ID {
		t.Errorf("resolve by address: %v", err)
	}

	// The site's new version, saved elsewhere, replaces it.
	b := writeFile(t, src, "2026-02-10b/Printed minutes.txt", "Minutes\n\nThe panel heard about the virtual school and attendance.\n")
	sum := ingestPaths(t, x, IngestOptions{Origins: map[string]Origin{b: {URL: url}}}, b)
	if sum.Updated != 1 {
		t.Errorf("summary = %+v, want 1 updated", sum)
	}
	if docs := documents(t, x); len(docs) != 1 || docs[0].Path != b || docs[0].URL != url {
		t.Errorf("documents = %+v", docs)
	}

	// A document read from memory brings its own address; a file already
	// indexed gains the address given later.
	d, err := corpus.Read(ctx, "letter.txt", []byte("Letter\n\nOfsted focused visit on care leavers.\n"), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.URL = "https://example.gov.uk/letter"
	if _, err := x.IngestDocument(ctx, d, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	if r := doSearch(t, x, Query{Text: "leavers"}); len(r.Hits) != 1 || r.Hits[0].URL != d.URL || r.Hits[0].Source != "letter.txt" {
		t.Errorf("hits = %+v", r.Hits)
	}
	c := writeFile(t, src, "plain.txt", "Plain\n\nRegulation 44 visits to children's homes.\n")
	ingestPaths(t, x, IngestOptions{}, c)
	sum = ingestPaths(t, x, IngestOptions{Origins: map[string]Origin{c: {URL: "https://example.gov.uk/plain"}}}, c)
	if sum.Unchanged != 1 {
		t.Errorf("summary = %+v, want 1 unchanged", sum)
	}
	if r := doSearch(t, x, Query{Text: "regulation 44"}); len(r.Hits) == 0 || r.Hits[0].URL != "https://example.gov.uk/plain" {
		t.Errorf("the address given later: %+v", r.Hits)
	}
}

// Query.Paper keeps the hits of one paper, even when another shares its
// name.
func TestQueryPaper(t *testing.T) {
	src := t.TempDir()
	a := writeFile(t, src, "one/report.txt", paper("foster carers", 2))
	writeFile(t, src, "two/report.txt", paper("foster carers and adopters", 2))
	x := openTemp(t)
	ingestPaths(t, x, IngestOptions{}, src)
	id := index.PaperID(hashOf(t, a))
	r := doSearch(t, x, Query{Text: "foster", Paper: id, PerItem: 10})
	if len(r.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range r.Hits {
		if h.ID != id || h.Path != a {
			t.Errorf("a hit of another paper: %+v", h)
		}
	}
	if r := doSearch(t, x, Query{Text: "foster", Paper: "000000000000"}); r.Total != 0 {
		t.Errorf("no such paper, yet %d hits", r.Total)
	}
	if _, err := x.Search(context.Background(), Query{Text: "foster", Paper: "report.txt"}); !errors.Is(err, index.ErrAmbiguous) {
		t.Errorf("a shared name as the paper: %v", err)
	}
}

// writeOldIndex makes, in dir, an index as versions before papers were
// known by content wrote it: a file list and records by file name, and
// passages named by file name, with themes.
func writeOldIndex(t *testing.T, dir string, docs ...*corpus.Document) {
	t.Helper()
	x, err := Open(dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	b := x.bi.NewBatch()
	files := map[string]string{}
	for _, doc := range docs {
		info := infoFor(doc, Location{})
		info.ID, info.Sources = "", nil
		info.Source, info.Path = doc.Source, doc.Path
		for i := range info.Items {
			for k := range doc.Items[i].Passages {
				p := &doc.Items[i].Passages[k]
				if err := b.Index(docID(doc.Source, i, k), passageDoc(info, i, k, &info.Items[i], p, []string{"old-theme"})); err != nil {
					t.Fatal(err)
				}
			}
		}
		data, _ := json.Marshal(info)
		b.SetInternal([]byte(keyFile+doc.Source), data)
		files[doc.Source] = doc.Hash
	}
	data, _ := json.Marshal(files)
	b.SetInternal([]byte(keyFiles), data)
	if err := x.bi.Batch(b); err != nil {
		t.Fatal(err)
	}
}

// An index made when papers were known by file name is moved on open:
// its passages keep their themes, and files of the same content become
// one paper with both names.
func TestMigrateFileNameIndex(t *testing.T) {
	ctx := context.Background()
	read := func(name, text string) *corpus.Document {
		d, err := corpus.Read(ctx, name, []byte(text), corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d.Path = "/papers/" + name
		return d
	}
	same := paper("staying put arrangements", 3)
	dir := filepath.Join(t.TempDir(), "idx")
	writeOldIndex(t, dir, read("a.txt", same), read("b.txt", same), read("c.txt", paper("secure welfare beds", 2)))

	for round := 0; round < 2; round++ {
		x, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs := documents(t, x)
		if len(docs) != 2 || docs[0].Source != "a.txt" || len(docs[0].Sources) != 2 || docs[0].Sources[1].Path != "/papers/b.txt" ||
			docs[1].Source != "c.txt" || docs[1].ID != index.PaperID(docs[1].Hash) {
			t.Fatalf("round %d: documents = %+v", round, docs)
		}
		n, _ := x.Passages()
		if want := docs[0].Passages + docs[1].Passages; n != uint64(want) {
			t.Errorf("round %d: %d passages, the papers have %d", round, n, want)
		}
		r := doSearch(t, x, Query{Text: "staying put", Theme: "old-theme"})
		if r.Total == 0 || r.Hits[0].ID != docs[0].ID || r.Hits[0].Source != "a.txt" {
			t.Errorf("round %d: hits = %+v", round, r.Hits)
		}
		it, _, err := x.Item(ctx, "b.txt", docs[0].Items[0].Number)
		if err != nil || len(it.Passages) != docs[0].ItemPassages[0] || !strings.Contains(it.Passages[0].Text, "staying put") {
			t.Errorf("round %d: item by the second name: %+v %v", round, it, err)
		}
		if old, _ := x.bi.GetInternal([]byte(keyFiles)); len(old) != 0 {
			t.Errorf("round %d: the old file list is still there", round)
		}
		// An old index kept no pages: a paper is read back from its
		// passages alone.
		if _, err := x.Pages(ctx, docs[0].ID); docs[0].PagesKept || !errors.Is(err, index.ErrNotFound) {
			t.Errorf("round %d: pages kept %v, pages: %v", round, docs[0].PagesKept, err)
		}
		if back, err := index.ReadBack(ctx, x, docs[0]); err != nil || len(back.Pages) != 0 || len(back.Items) != len(docs[0].Items) {
			t.Errorf("round %d: read back: %v %+v", round, err, back)
		}
		x.Close()
	}
}
