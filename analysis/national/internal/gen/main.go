// Command gen makes the national figures snapshot of package national from
// the DfE files in the shared data folder:
//
//	go generate ./analysis/national/...
//
// runs it from the package folder with the default paths. It writes
// national.json.gz (councils, regions, measures, inspections, sources) and
// values.tsv.gz (every value by measure, area and year).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/scrutineer/scrutineer/analysis/national/internal/build"
)

func main() {
	data := flag.String("data", filepath.Join("..", "..", "..", "shared", "data", "national"), "folder of the DfE files")
	out := flag.String("out", ".", "folder to write the snapshot to")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	s, err := build.Build(data)
	if err != nil {
		return err
	}
	for name, b := range map[string][]byte{"national.json.gz": s.Header, "values.tsv.gz": s.Values} {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return fmt.Errorf("write snapshot: %w", err)
		}
	}
	return nil
}
