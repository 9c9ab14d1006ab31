package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/scrutineer/scrutineer/index"
)

func init() {
	register(&command{
		name: "remove",
		args: "[--index DIR] [--shared DIR] PAPER...",
		summary: "Take papers out of the index, with the bot's kept copy of a pack shared in Slack.\n" +
			"Their passages and record go. Name a paper by its file name, as search results show it, or, where\n" +
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
	x, err := openStore(ctx, fs, false)
	if err != nil {
		return err
	}
	defer x.Close()
	for _, name := range args {
		removed, err := x.Remove(ctx, name, flagString(fs, "shared"))
		if errors.Is(err, index.ErrNotFound) {
			return fmt.Errorf("no paper named %q in %s: 'scrutineer papers' lists the papers by file name and ID", name, x.Dir())
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(io.Out, "removed %s\n", removed)
	}
	return nil
}
