package analysis

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

// TestShow prints the brief of the file in $SHOW (item $ITEM only when
// set); it is a reading aid and skips without $SHOW.
func TestShow(t *testing.T) {
	path := os.Getenv("SHOW")
	if path == "" {
		t.Skip("set SHOW=file to print its brief")
	}
	doc, err := corpus.Open(context.Background(), path, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(testBank(t))
	r := a.Brief(doc)
	if os.Getenv("ASK") != "" {
		r = a.Ask(doc)
	}
	for _, it := range r.Items {
		if os.Getenv("ITEM") != "" && it.Number != os.Getenv("ITEM") {
			continue
		}
		fmt.Printf("== %s %s %v\n", it.Number, it.Title, it.Themes)
		for _, q := range it.Questions {
			fmt.Printf(" - [%s/%s] %s\n     p%d %q\n", q.Kind, q.Theme, q.Text, q.Evidence[0].Page, q.Evidence[0].Quote)
		}
	}
}
