package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/render"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

func init() {
	register(&command{
		name: "demo",
		args: "[--index DIR] [--format text|markdown|html]",
		summary: "Try everything on the bundled sample pack: index it, search it and brief it.\n" +
			"The pack is a fictional council's children's scrutiny committee.\n" +
			"Uses a temporary index unless --index is given.",
		flags: func(fs *flag.FlagSet) {
			fs.String("index", "", "index folder to use (default: a temporary one, removed afterwards)")
			fs.String("format", "text", "brief format: text, markdown or html")
		},
		run: runDemo,
	})
}

// demoQueries show stemming and jargon: the pack says "placement moves"
// and "children in care"; an officer types otherwise.
var demoQueries = []string{"placement stability", "LAC health assessments"}

func runDemo(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	if len(args) > 0 {
		return usagef("demo takes no arguments")
	}
	format := flagString(fs, "format")
	if _, err := render.ParseFormat(format); err != nil {
		return usagef("%v", err)
	}
	dir := flagString(fs, "index")
	if dir == "" {
		tmp, err := os.MkdirTemp("", "scrutineer-demo-")
		if err != nil {
			return fmt.Errorf("make a temporary index folder: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	b, err := loadBank("")
	if err != nil {
		return err
	}
	an := analysis.New(b)
	doc, err := corpus.OpenSample(ctx)
	if err != nil {
		return fmt.Errorf("read the bundled sample: %w", err)
	}
	x, err := bleveindex.Open(dir, bleveindex.Options{Create: true})
	if err != nil {
		return err
	}
	defer x.Close()
	sum, err := x.IngestDocument(ctx, doc, index.IngestOptions{Themer: themer(an)})
	if err != nil {
		return fmt.Errorf("index the sample: %w", err)
	}
	out := io.Out
	if format == "text" {
		fmt.Fprintf(out, "Indexed the sample pack %s: %d pages, %d passages, %d items.\n", doc.Source, len(doc.Pages), sum.Passages, len(doc.Items))
		for _, q := range demoQueries {
			res, err := x.Search(ctx, index.Query{Text: q, Limit: 3, PerItem: 1})
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "\n$ scrutineer search %q\n", q)
			printHits(out, res, isTerminal(out) && os.Getenv("NO_COLOR") == "")
		}
		fmt.Fprintf(out, "\n$ scrutineer brief %s\n\n", doc.Source)
	}
	rep, err := an.Brief(ctx, doc)
	if err != nil {
		return fmt.Errorf("brief %s: %w", doc.Source, err)
	}
	return render.Write(out, format, rep)
}
