// Command gen draws the PDF of the planted Harlowmere pack from its text,
// in analysis/testdata/planted of the module it is run in. It is run by
// go generate ./corpus/... and by hand with
// go run ./corpus/internal/plantedpack/gen.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/scrutineer/scrutineer/corpus/internal/plantedpack"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := moduleRoot()
	if err != nil {
		return err
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
