package watch

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

func add(t *testing.T, x *bleveindex.Index, name, text string) {
	t.Helper()
	doc, err := corpus.Read(context.Background(), name, []byte(text), corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := x.IngestDocument(context.Background(), doc, index.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
}

// A watch reports each new matching passage once and only once, never
// what matched when it was made.
func TestWatch(t *testing.T) {
	ctx := context.Background()
	dir, x := tempIndex(t)
	add(t, x, "june.txt", "Fostering Service Report\n\nThe service approved 14 new foster carers in the year.\n")
	l, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, err := l.Add(ctx, x, "foster carers", "", "C0PAPERS")
	if err != nil || w.ID != 1 || len(w.Seen) == 0 {
		t.Fatalf("add: %+v %v", w, err)
	}
	if news, err := l.Check(ctx, x); err != nil || len(news) != 0 {
		t.Fatalf("nothing new yet: %+v %v", news, err)
	}
	add(t, x, "october.txt", "Placement Sufficiency Report\n\nNine foster carers left the service in the autumn, mostly retiring.\n")
	news, err := l.Check(ctx, x)
	if err != nil || len(news) != 1 || len(news[0].Hits) != 1 || news[0].Hits[0].Source != "october.txt" || news[0].Watch.Channel != "C0PAPERS" {
		t.Fatalf("the new paper: %+v %v", news, err)
	}
	if err := l.Save(); err != nil {
		t.Fatal(err)
	}
	l, err = Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if news, _ := l.Check(ctx, x); len(news) != 0 {
		t.Errorf("reported twice: %+v", news)
	}
	if err := l.Remove(1); err != nil || len(l.Watches) != 0 {
		t.Errorf("remove: %v %+v", err, l.Watches)
	}
	if err := l.Remove(7); !errors.Is(err, ErrNoWatch) {
		t.Errorf("removing no watch: %v", err)
	}
	if _, err := l.Add(ctx, x, "  ", "", ""); err == nil {
		t.Error("an empty watch was added")
	}
}

// A watch added whole keeps its owner; CheckWhere checks only the
// watches asked for and leaves the others' new passages to tell.
func TestCheckWhere(t *testing.T) {
	ctx := context.Background()
	dir, x := tempIndex(t)
	l, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	slack, err := l.AddWatch(ctx, x, Watch{Query: " foster carers ", Channel: "C0CHILDREN", Owner: "U1", Seen: []string{"stale"}})
	if err != nil || slack.Owner != "U1" || slack.Query != "foster carers" || len(slack.Seen) != 0 {
		t.Fatalf("add whole: %+v %v", slack, err)
	}
	if _, err := l.Add(ctx, x, "foster carers", "", ""); err != nil {
		t.Fatal(err)
	}
	if w, ok := l.Find(1); !ok || w.Owner != "U1" {
		t.Errorf("find 1: %+v %v", w, ok)
	}
	if _, ok := l.Find(3); ok {
		t.Error("found a watch never added")
	}
	add(t, x, "october.txt", "Placement Sufficiency Report\n\nNine foster carers left the service in the autumn, mostly retiring.\n")
	news, err := l.CheckWhere(ctx, x, func(w Watch) bool { return w.Channel != "" })
	if err != nil || len(news) != 1 || news[0].Watch.ID != 1 {
		t.Fatalf("the channel's watch: %+v %v", news, err)
	}
	news, err = l.Check(ctx, x)
	if err != nil || len(news) != 1 || news[0].Watch.ID != 2 {
		t.Errorf("the other watch still has its new passage to tell: %+v %v", news, err)
	}
}

// tempIndex opens a new index in a temporary folder, closed when the
// test ends.
func tempIndex(t *testing.T) (string, *bleveindex.Index) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	x, err := bleveindex.Open(dir, bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return dir, x
}

// A watch saved when passages were named by file name does not report
// them again; a new paper that shares a file name with one it reported
// is new.
func TestWatchPapersByContent(t *testing.T) {
	ctx := context.Background()
	dir, x := tempIndex(t)
	add(t, x, "Printed minutes.txt", "Minutes\n\nThe panel approved 14 new foster carers in the year.\n")
	l, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, err := l.Add(ctx, x, "foster carers", "", "")
	if err != nil || len(w.Seen) != 1 || !strings.HasPrefix(w.Seen[0], "id:") {
		t.Fatalf("add: %+v %v", w, err)
	}
	res, err := x.Search(ctx, index.Query{Text: "foster carers"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search: %+v %v", res, err)
	}
	l.Watches[0].Seen = []string{legacyKey(res.Hits[0])}
	if news, err := l.Check(ctx, x); err != nil || len(news) != 0 {
		t.Fatalf("a passage reported under its old name is new again: %+v %v", news, err)
	}
	add(t, x, "Printed minutes.txt", "Minutes\n\nNine foster carers left the service in the autumn.\n")
	news, err := l.Check(ctx, x)
	if err != nil || len(news) != 1 || len(news[0].Hits) != 1 || news[0].Hits[0].ID == res.Hits[0].ID || news[0].Hits[0].Source != "Printed minutes.txt" {
		t.Fatalf("the second paper of the name: %+v %v", news, err)
	}
}
