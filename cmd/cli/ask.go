package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/render"
)

func init() {
	register(&command{
		name: "ask",
		args: "[--json] [--format text|markdown|html] [--bank FILE] FILE",
		summary: "Propose challenge questions for one report, with its themes and page cites.\n" +
			"The whole file is treated as one item; with --item N, the file is read as an agenda pack\n" +
			"and the questions are for its item N.",
		flags: analysisFlags,
		run: func(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
			return runAnalysis(ctx, fs, args, io, false)
		},
	})
	register(&command{
		name: "brief",
		args: "[--json] [--format text|markdown|html] [--bank FILE] FILE\n       scrutineer brief [flags] --index DIR (--meeting DATE [--committee NAME] | --source NAME)",
		summary: "Brief a whole agenda pack: themes and challenge questions for every substantive item.\n" +
			"With --index, brief a paper already in the index instead of a file:\n" +
			"by meeting date (YYYY-MM-DD, with --committee when several met that day) or by source file name.",
		flags: func(fs *flag.FlagSet) {
			analysisFlags(fs)
			fs.String("index", "", "brief from this index instead of a file (see --meeting, --source)")
			fs.String("meeting", "", "with --index: the meeting date, YYYY-MM-DD")
			fs.String("committee", "", "with --index --meeting: the committee, when several met that day")
			fs.String("source", "", "with --index: the source file name of the paper")
			fs.Bool("include-exempt", false, "with --index: include exempt or confidential items")
		},
		run: func(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
			return runAnalysis(ctx, fs, args, io, true)
		},
	})
}

func analysisFlags(fs *flag.FlagSet) {
	fs.Bool("json", false, "print JSON (the stable contract; overrides --format)")
	fs.String("format", "text", "output format: text, markdown or html")
	fs.String("bank", "", "a YAML file of local lines of enquiry added to the built-in bank")
	fs.String("password", "", "password of an encrypted PDF")
	fs.String("previous", "", "the council's last inspection report: mark the improvement points it made too")
	fs.Bool("full", false, "keep everything: every question, with its theme and all its evidence in full")
	fs.Int("questions", 0, fmt.Sprintf("at most N questions an item (default %d; an inspection's improvement points are always shown)", render.DefaultQuestions))
	fs.String("item", "", "only the agenda item with this number (ask: read the file as a pack and ask about that item)")
	timeoutFlag(fs)
}

// loadBank returns the built-in bank, with a council's own file on top
// when one is named.
func loadBank(path string) (*bank.Bank, error) {
	if path == "" {
		return bank.Default()
	}
	b, err := bank.WithLocal(path)
	if err != nil {
		return nil, fmt.Errorf("load bank: %w", err)
	}
	return b, nil
}

func runAnalysis(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio, whole bool) error {
	format := flagString(fs, "format")
	if _, err := render.ParseFormat(format); err != nil {
		return usagef("%v", err)
	}
	b, err := loadBank(flagString(fs, "bank"))
	if err != nil {
		return err
	}
	an := analysis.New(b)
	var rep *analysis.Report
	if whole && fs.Lookup("index").Value.String() != "" {
		if len(args) > 0 {
			return usagef("give either FILE or --index, not both")
		}
		rep, err = briefFromIndex(ctx, fs, an)
		if err != nil {
			return err
		}
	} else {
		doc, err := openDoc(ctx, fs, args, io.In)
		if err != nil {
			return err
		}
		warn(io.Err, doc)
		if whole || flagString(fs, "item") != "" {
			rep, err = an.Brief(ctx, doc)
		} else {
			rep, err = an.Ask(ctx, doc)
		}
		if err != nil {
			return fmt.Errorf("analyse %s: %w", doc.Source, err)
		}
	}
	if err := comparePrevious(ctx, fs, rep, io.Err); err != nil {
		return err
	}
	if flagBool(fs, "json") {
		if item := flagString(fs, "item"); item != "" {
			if rep, err = render.SelectItem(rep, item); err != nil {
				return usagef("%v", err)
			}
		}
		return writeJSON(io.Out, rep)
	}
	opts := render.Options{Full: flagBool(fs, "full"), Questions: flagInt(fs, "questions"), Item: flagString(fs, "item")}
	if opts.Questions < 0 {
		return usagef("--questions must be at least 1")
	}
	if format == string(render.FormatText) {
		// On a terminal: its width, and bold unless NO_COLOR says not.
		opts.Width = terminalWidth(io.Out)
		opts.Bold = opts.Width > 0 && os.Getenv("NO_COLOR") == ""
		opts.Width = min(opts.Width, render.Width)
	}
	if err := render.WriteWith(io.Out, format, rep, opts); err != nil {
		if errors.Is(err, render.ErrNoSuchItem) {
			return usagef("%v", err)
		}
		return fmt.Errorf("render %s: %w", rep.Source, err)
	}
	return nil
}
