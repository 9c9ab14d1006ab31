package bleveindex

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/index"
)

// FuzzSearchQuery feeds arbitrary query text, which comes from users, to
// Search: it must return results or an error within a deadline, never
// panic.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{
		"LAC health", `"children in care"`, "+fostering -IFA", "title:fostering", "committee:x",
		`"unclosed`, "(((", "+", "-", "~2", "a^", "/[/", "*", "date:>2020", `\`, "field:", "::", "syn_look_child",
	} {
		f.Add(s)
	}
	x, err := Open(f.TempDir()+"/idx", Options{Create: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { x.Close() })
	d := doc("f.txt", "Scrutiny", "2026-10-14", item("1", "Fostering", corpus.KindReport,
		"Children in care & their <carers>.", "Regulation 44 visits."))
	if _, err := x.IngestDocument(context.Background(), d, IngestOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// Each input must also end: a query that hangs fails the target.
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			r, err := x.Search(context.Background(), Query{Text: text})
			if err == nil && r == nil {
				return fmt.Errorf("nil results and nil error for %q", text)
			}
			if err != nil && !errors.Is(err, index.ErrQuery) {
				return fmt.Errorf("search %q: %w: every error of a query is a message for its user (index.ErrQuery)", text, err)
			}
			if _, err := x.FindItems(context.Background(), text, 5); err != nil {
				return fmt.Errorf("FindItems(%q): %w", text, err)
			}
			return nil
		})
	})
}
