package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// bigPack builds a text pack of about 250 pages: a front sheet listing 25
// items, each a stamped report of 10 pages with a cover sheet and footers.
func bigPack() string {
	var agenda strings.Builder
	agenda.WriteString("Public Document Pack\nWexcombe Borough Council\nChildren's Scrutiny Committee\nDate:  Wednesday, 14 October 2026\nAGENDA\n")
	var pages []string
	printed := 1
	for i := 1; i <= 25; i++ {
		title := fmt.Sprintf("Report Number %d on Children's Services", i)
		fmt.Fprintf(&agenda, "%d.  %s  (Pages %d - %d)\n", i, title, printed, printed+9)
		pages = append(pages, reportPages(fmt.Sprint(i), title, printed, 10)...)
		printed += 10
	}
	return strings.Join(append([]string{agenda.String()}, pages...), "\f")
}

func BenchmarkSplitChunk250Pages(b *testing.B) {
	data := []byte(bigPack())
	doc, err := Extract(context.Background(), "big.txt", data, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(doc.Pages) < 250 {
		b.Fatalf("%d pages", len(doc.Pages))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Split(doc)
		Chunk(doc)
	}
	b.StopTimer()
	if len(doc.Items) != 26 {
		b.Fatalf("%d items", len(doc.Items))
	}
}

func BenchmarkExtractText250Pages(b *testing.B) {
	data := []byte(bigPack())
	for i := 0; i < b.N; i++ {
		if _, err := Extract(context.Background(), "big.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadSeedFlowing(b *testing.B) {
	// A 250-page pack as one page, as the seed packs are.
	data := []byte(strings.ReplaceAll(bigPack(), "\f", "\n\n"))
	for i := 0; i < b.N; i++ {
		if _, err := Read(context.Background(), "big.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadSeedPacks(b *testing.B) {
	for _, path := range corpustest.SeedPacks(b) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(path), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Read(context.Background(), filepath.Base(path), data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
