package render

import (
	"io"
	"testing"

	"github.com/scrutineer/scrutineer/analysis"
)

// BenchmarkRender renders the fixture brief, and the same brief with its
// items repeated to the size of a long pack, in every format.
func BenchmarkRender(b *testing.B) {
	small := fixture(b)
	big := &analysis.Report{Source: small.Source, Meta: small.Meta}
	for range 8 {
		big.Items = append(big.Items, small.Items...)
	}
	for _, f := range Formats() {
		for _, tc := range []struct {
			name string
			r    *analysis.Report
		}{{"5items", small}, {"40items", big}} {
			b.Run(string(f)+"/"+tc.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := f.Write(io.Discard, tc.r); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
