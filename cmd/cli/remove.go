package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/scrutineer/scrutineer/bot"
	"github.com/scrutineer/scrutineer/index"
)

func init() {
	register(&command{
		name: "remove",
		args: "[--index DIR] [--shared DIR] PAPER...",
		summary: "Take papers out of the index: their passages, their record and the bot's kept copy of a\n" +
			"pack shared in Slack. Name a paper by its file name, as search results show it, or, where\n" +
			"several papers have that name, by its ID or path. The Slack bot does the same for an\n" +
			"officer who types /scrutineer remove FILE.",
		flags: func(fs *flag.FlagSet) {
			indexFlag(fs)
			fs.String("shared", "", "the bot's packs folder (default: shared inside the index folder)")
		},
		run: runRemove,
	})
}

func runRemove(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	if len(args) == 0 {
		return usagef("remove needs the file name of a paper, as search results show it")
	}
	x, err := openIndex(fs, false)
	if err != nil {
		return err
	}
	defer x.Close()
	shared := flagString(fs, "shared")
	if shared == "" {
		shared = filepath.Join(x.Dir(), "shared")
	}
	proj := &bot.Project{Index: x, Dir: shared}
	for _, name := range args {
		doc, err := proj.Find(ctx, name)
		if errors.Is(err, index.ErrNotFound) {
			return fmt.Errorf("no paper named %q in %s: 'scrutineer status' counts the papers and 'scrutineer search' shows their file names", name, x.Dir())
		}
		if msg := ambiguous(err, "scrutineer remove"); msg != "" {
			return errors.New(msg)
		}
		if err != nil {
			return err
		}
		if err := proj.Remove(ctx, doc.ID); err != nil {
			return err
		}
		if err := bot.ForgetShared(shared, doc.ID, doc.Source); err != nil {
			return fmt.Errorf("removed %s, but %w", name, err)
		}
		fmt.Fprintf(io.Out, "removed %s [%s]\n", doc.Source, doc.ID)
	}
	return nil
}
