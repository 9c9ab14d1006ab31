package analysis

import (
	"context"
	"os"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// BenchmarkBrief measures a brief of the sample pack and of the larger
// seed pack (Sefton, about 250 pages of content): "extract" includes
// reading and splitting the file, "analyse" is the analysis alone.
func BenchmarkBrief(b *testing.B) {
	bk := testbank.Default(b)
	packs := []struct{ name, path string }{
		{"sample", corpustest.Sample(b)},
		{"sefton", sharedFile("seeds/packs/sefton-osc-childrens-services-2018-09-25.txt")},
	}
	for _, p := range packs {
		if p.path == "" {
			continue
		}
		data, err := os.ReadFile(p.path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(p.name+"/extract+analyse", func(b *testing.B) {
			a := New(bk)
			for i := 0; i < b.N; i++ {
				doc, err := corpus.Read(context.Background(), p.path, data, corpus.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := a.Brief(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(p.name+"/analyse", func(b *testing.B) {
			a := New(bk)
			doc, err := corpus.Read(context.Background(), p.path, data, corpus.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := a.Brief(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
