package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/index"
	"github.com/scrutineer/scrutineer/index/watch"
)

func init() {
	register(&command{
		name: "watch",
		args: "add [--committee NAME] [--channel ID] QUERY | list | rm N",
		summary: "Saved searches: after each ingest or fetch, the new passages that match a watch are told once.\n" +
			"add saves one (what matches now is not told again), list shows them, rm N takes one out.",
		flags: func(fs *flag.FlagSet) {
			indexFlag(fs)
			fs.String("committee", "", "with add: only papers of this committee")
			fs.String("channel", "", "with add: the Slack channel the running bot posts new matches to")
		},
		run: runWatch,
	})
}

func runWatch(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	if len(args) == 0 {
		return usagef("say add, list or rm")
	}
	dir, err := indexDir(fs)
	if err != nil {
		return err
	}
	l, err := watch.Load(dir)
	if err != nil {
		return err
	}
	switch args[0] {
	case "add":
		q := strings.TrimSpace(strings.Join(args[1:], " "))
		if q == "" {
			return usagef("watch add needs words to look for")
		}
		x, err := openStore(ctx, fs, false)
		if err != nil {
			return err
		}
		defer x.Close()
		w, err := l.Add(ctx, x, q, flagString(fs, "committee"), flagString(fs, "channel"))
		if errors.Is(err, index.ErrQuery) {
			return usagef("%s", strings.TrimPrefix(err.Error(), index.ErrQuery.Error()+": "))
		}
		if err != nil {
			return err
		}
		if err := l.Save(); err != nil {
			return err
		}
		fmt.Fprintf(io.Out, "Watch %d: %q; %d %s match now, and only new ones will be told.\n", w.ID, w.Query, len(w.Seen), plural(len(w.Seen), "passage"))
	case "list":
		if len(l.Watches) == 0 {
			fmt.Fprintln(io.Out, "No watches. Add one with: scrutineer watch add WORDS")
		}
		for _, w := range l.Watches {
			s := fmt.Sprintf("%d  %q", w.ID, w.Query)
			if w.Committee != "" {
				s += "  committee: " + w.Committee
			}
			if w.Channel != "" {
				s += "  channel: " + w.Channel
			}
			fmt.Fprintln(io.Out, s)
		}
	case "rm", "remove":
		if len(args) != 2 {
			return usagef("watch rm needs the watch's number (see watch list)")
		}
		id, err := strconv.Atoi(args[1])
		if err != nil {
			return usagef("watch rm %q: want the watch's number", args[1])
		}
		if err := l.Remove(id); err != nil {
			return err
		}
		if err := l.Save(); err != nil {
			return err
		}
		fmt.Fprintf(io.Out, "Watch %d removed.\n", id)
	default:
		return usagef("unknown watch action %q: add, list or rm", args[0])
	}
	return nil
}

// tellWatches checks the index's watches after papers came in and prints
// what is new for each, once.
func tellWatches(ctx context.Context, x interface {
	Dir() string
	watch.Searcher
}, w io.Writer) error {
	l, err := watch.Load(x.Dir())
	if err != nil || len(l.Watches) == 0 {
		return err
	}
	news, err := l.Check(ctx, x)
	if err != nil {
		return err
	}
	for _, n := range news {
		fmt.Fprintf(w, "\nNew for watch %d %q: %d %s\n", n.Watch.ID, n.Watch.Query, len(n.Hits), plural(len(n.Hits), "passage"))
		shared := sharedNames(n.Hits)
		for _, h := range n.Hits {
			title := h.Title
			if h.Item != "" {
				title = "Item " + h.Item + ": " + title
			}
			fmt.Fprintf(w, "  - %s · %s · %s\n    %s\n", title, paperName(h, shared), pageLabel(h.Page, h.PrintedPage), snippetText(h.Snippet, false))
			if h.URL != "" {
				fmt.Fprintf(w, "    %s\n", h.URL)
			}
		}
	}
	return l.Save()
}
