// Command gen writes the project's fictional packs: the sample agenda pack
// (PDF and text) into corpus/testdata/sample of the module it is run in,
// and the PDF of the planted Harlowmere pack, drawn from its text, into
// analysis/testdata/planted. It is run by go generate ./corpus/... and by
// hand with go run ./corpus/internal/samplepack/gen; with -out it writes
// the sample pack alone, there.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/scrutineer/scrutineer/corpus/internal/plantedpack"
	"github.com/scrutineer/scrutineer/corpus/internal/samplepack"
)

func main() {
	out := flag.String("out", "", "output folder (default: corpus/testdata/sample of the module)")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	root := ""
	if out == "" {
		var err error
		if root, err = moduleRoot(); err != nil {
			return err
		}
		out = filepath.Join(root, "corpus", "testdata", "sample")
	}
	if err := samplepack.WriteFiles(out); err != nil {
		return err
	}
	fmt.Println("wrote", filepath.Join(out, samplepack.PDFName), "and", samplepack.TextName)
	if root == "" {
		return nil
	}
	if err := plantedpack.WriteFile(root); err != nil {
		return err
	}
	fmt.Println("wrote", filepath.Join(root, plantedpack.Dir, plantedpack.PDFName))
	return nil
}

// moduleRoot walks up from the working folder to the one holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("working folder: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working folder")
		}
		dir = parent
	}
}
