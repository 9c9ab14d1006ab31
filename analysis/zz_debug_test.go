package analysis

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/findings"
	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/corpus"
)

func TestZZDebug(t *testing.T) {
	path := os.Getenv("ZZ_FILE")
	want := os.Getenv("ZZ_ITEM")
	doc, err := corpus.Open(context.Background(), path, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(testbank.Default(t))
	for _, it := range BriefItems(doc.Items) {
		if it.Number != want {
			continue
		}
		p := a.prepare(doc, it)
		fmt.Println("meeting", p.find.Meeting, "tables", len(p.find.Tables))
		for _, tb := range p.find.Tables {
			fmt.Printf("TABLE p%d %q header=%q rows=%d\n", tb.Page, tb.Title, tb.Header, len(tb.Rows))
		}
		for _, ind := range p.find.Indicators {
			fmt.Printf("IND %q unit=%q pol=%d target=%v(%v) vals=%v comps=%v rag=%q dir=%q owner=%d rule=%v\n", ind.Name, ind.Unit, ind.Polarity, ind.Target, ind.HasTarget, ind.Values, ind.Comparators, ind.RAG, ind.Direction, ind.Owner, ind.Rule != nil)
		}
		for _, f := range findings.Find(p.find) {
			fmt.Printf("FIND %s %.2f %s\n", f.Kind, f.Severity, f.Summary)
		}
	}
}
