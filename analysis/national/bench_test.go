package national

import "testing"

// BenchmarkLoadSnapshot is the first use of the package in a process:
// decompressing and indexing the bundled snapshot.
func BenchmarkLoadSnapshot(b *testing.B) {
	for b.Loop() {
		if _, err := readStore(headerGz, valuesGz); err != nil {
			b.Fatal(err)
		}
	}
}
