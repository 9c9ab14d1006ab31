package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/index"
)

func init() {
	register(&command{
		name:    "papers",
		args:    "[--index DIR] [--json]",
		summary: "List the papers in the index by file name: committee, meeting date, pages, passages, when added and where from.",
		flags: func(fs *flag.FlagSet) {
			indexFlag(fs)
			fs.Bool("json", false, "print JSON")
		},
		run: runPapers,
	})
}

// PaperInfo is one paper in the index, as `papers --json` lists it.
type PaperInfo struct {
	// ID identifies the paper by its content: remove and brief --source
	// take it where two papers share a name.
	ID string `json:"id"`
	// Name is the file's base name: what search results and remove call it.
	Name      string `json:"name"`
	Council   string `json:"council,omitempty"`
	Committee string `json:"committee,omitempty"`
	// Date is the meeting date as YYYY-MM-DD, "" when not known.
	Date     string `json:"date,omitempty"`
	Pages    int    `json:"pages"`
	Passages int    `json:"passages"`
	// IngestedAt is when the paper was added (RFC 3339, UTC).
	IngestedAt string `json:"ingested_at"`
	// Path is the file the paper was read from, "" for one shared in Slack
	// and not kept.
	Path string `json:"path,omitempty"`
	// URL is the paper's own web address, "" when not known.
	URL string `json:"url,omitempty"`
	// PagesKept is true when the index keeps the paper's pages, so it can
	// be briefed in full when its file has gone.
	PagesKept bool `json:"pages_kept"`
}

func paperInfo(d index.DocumentInfo) PaperInfo {
	return PaperInfo{
		ID: d.ID, Name: d.Source, URL: d.URL, Council: d.Meta.Council, Committee: d.Meta.Committee, Date: d.Meta.Date,
		Pages: d.Pages, Passages: d.Passages, IngestedAt: d.IngestedAt.UTC().Format(time.RFC3339), Path: d.Path,
		PagesKept: d.PagesKept,
	}
}

func runPapers(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	if len(args) > 0 {
		return usagef("papers takes no arguments")
	}
	x, err := openStore(ctx, fs, false)
	if err != nil {
		return err
	}
	defer x.Close()
	docs, err := x.Documents(ctx)
	if err != nil {
		return err
	}
	papers := make([]PaperInfo, 0, len(docs))
	for _, d := range docs {
		papers = append(papers, paperInfo(d))
	}
	if flagBool(fs, "json") {
		return writeJSON(io.Out, papers)
	}
	if len(papers) == 0 {
		fmt.Fprintf(io.Out, "No papers in index %s. Add some with 'scrutineer ingest --index %s FILE...'.\n", x.Dir(), x.Dir())
		return nil
	}
	fmt.Fprintf(io.Out, "%d %s in index %s:\n", len(papers), plural(len(papers), "paper"), x.Dir())
	for i, p := range papers {
		var where []string
		for _, s := range []string{p.Committee, p.Council} {
			if s != "" {
				where = append(where, s)
			}
		}
		if p.Date != "" {
			where = append(where, "meeting "+p.Date)
		} else {
			where = append(where, "meeting date not known")
		}
		where = append(where, fmt.Sprintf("%d %s, %d %s", p.Pages, plural(p.Pages, "page"), p.Passages, plural(p.Passages, "passage")))
		where = append(where, "added "+docs[i].IngestedAt.Local().Format("2 January 2006 15:04"))
		if !p.PagesKept {
			where = append(where, "pages not kept (ingest --force keeps them)")
		}
		fmt.Fprintf(io.Out, "\n%s [%s]\n   %s\n", p.Name, p.ID, strings.Join(where, " · "))
		for _, s := range []string{p.Path, p.URL} {
			if s != "" {
				fmt.Fprintf(io.Out, "   %s\n", s)
			}
		}
	}
	return nil
}
