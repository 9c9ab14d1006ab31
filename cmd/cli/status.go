package cli

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

func init() {
	register(&command{
		name:    "status",
		args:    "[--index DIR] [--json]",
		summary: "What the index holds: papers, passages, the last ingest, its version and its size on disk.",
		flags: func(fs *flag.FlagSet) {
			indexFlag(fs)
			fs.Bool("json", false, "print JSON")
		},
		run: runStatus,
	})
}

// Status is what an index holds.
type Status struct {
	Index    string `json:"index"`
	Version  string `json:"version"`
	Papers   int    `json:"papers"`
	Passages uint64 `json:"passages"`
	// LastIngest is when the newest paper was added (RFC 3339), "" for an
	// empty index.
	LastIngest string `json:"last_ingest,omitempty"`
	SizeBytes  int64  `json:"size_bytes"`
	// NoPages counts the papers ingested before the index kept papers'
	// pages: brief --index reads them from their passages (missing the
	// tables on whole pages) when their files have gone.
	NoPages int `json:"papers_without_pages,omitempty"`
}

func runStatus(ctx context.Context, fset *flag.FlagSet, args []string, io Stdio) error {
	if len(args) > 0 {
		return usagef("status takes no arguments")
	}
	x, err := openStore(ctx, fset, false)
	if err != nil {
		return err
	}
	defer x.Close()
	docs, err := x.Documents(ctx)
	if err != nil {
		return err
	}
	n, err := x.Passages(ctx)
	if err != nil {
		return fmt.Errorf("count the passages of %s: %w", x.Dir(), err)
	}
	st := Status{Index: x.Dir(), Version: bleveindex.AnalysisVersion, Papers: len(docs), Passages: n}
	var last time.Time
	for _, d := range docs {
		if d.IngestedAt.After(last) {
			last = d.IngestedAt
		}
		if !d.PagesKept {
			st.NoPages++
		}
	}
	if !last.IsZero() {
		st.LastIngest = last.UTC().Format(time.RFC3339)
	}
	_ = filepath.WalkDir(x.Dir(), func(_ string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if fi, err := e.Info(); err == nil {
				st.SizeBytes += fi.Size()
			}
		}
		return nil
	})
	if flagBool(fset, "json") {
		return writeJSON(io.Out, st)
	}
	fmt.Fprintf(io.Out, "Index %s (analysis version %s)\n", st.Index, st.Version)
	fmt.Fprintf(io.Out, "  %d %s, %d passages, %.1f MB on disk\n", st.Papers, plural(st.Papers, "paper"), st.Passages, float64(st.SizeBytes)/(1<<20))
	if st.LastIngest != "" {
		fmt.Fprintf(io.Out, "  last paper added %s\n", last.Local().Format("2 January 2006 15:04"))
	}
	if st.NoPages > 0 {
		its := "their"
		if st.NoPages == 1 {
			its = "its"
		}
		fmt.Fprintf(io.Out, "  %d %s added before the index kept pages: when %s files are gone, briefs read %s passages only\n"+
			"  (scrutineer ingest --force FILE... keeps them)\n", st.NoPages, plural(st.NoPages, "paper"), its, its)
	}
	return nil
}
