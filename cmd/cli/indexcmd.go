package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

func init() {
	register(&command{
		name: "ingest",
		args: "[--index DIR] PATH...",
		summary: "Add files, or every PDF and text file under a folder, to the search index.\n" +
			"An unchanged file is skipped; a changed one replaces its old passages. A paper is known by its\n" +
			"content: one file under two names is one paper, two files of one name are two papers.\n" +
			"Symbolic links are followed, each folder once. A file that is not indexed (unreadable,\n" +
			"too large, still reading after --file-timeout, a link loop...) is reported with why;\n" +
			"the rest still go in. Ctrl-C stops at the next safe point, leaving the index whole.",
		flags: func(fs *flag.FlagSet) {
			indexFlag(fs)
			fs.Bool("force", false, "re-index files even when unchanged")
			fs.Int("workers", 0, "files read at once (default: one per CPU)")
			fs.Duration("file-timeout", index.DefaultFileTimeout, "skip, and report, a file still reading after this long")
			fs.Bool("json", false, "print the summary as JSON")
			fs.String("bank", "", "a YAML file of local lines of enquiry, for the themes field")
			fs.String("source-url", "", "the paper's own web address (with one FILE): search results cite it")
		},
		run: runIngest,
	})
	register(&command{
		name: "search",
		args: "[--index DIR] [--json] [--limit N] [--theme ID] [--committee NAME] [--from DATE] [--to DATE] QUERY",
		summary: "Search indexed papers: ranked passages with highlights and page cites.\n" +
			"QUERY is plain words (punctuation such as ? : < & is text); operators where written as such:\n" +
			"\"a phrase\", +must, -not, and title: heading: committee: kind: theme: item: year: source: date:.\n" +
			"Officers' jargon is understood: LAC, CLA and children in care find each other.",
		flags: func(fs *flag.FlagSet) {
			indexFlag(fs)
			fs.Bool("json", false, "print JSON, with facets (committee, year, theme)")
			fs.Int("limit", 10, "most passages shown")
			fs.String("theme", "", "only passages on this theme (an id such as placement-stability)")
			fs.String("committee", "", "only papers of this committee")
			fs.String("from", "", "only meetings on or after this date (YYYY-MM-DD)")
			fs.String("to", "", "only meetings on or before this date (YYYY-MM-DD)")
			fs.String("kind", "", "only items of this kind: agenda, minutes, report, appendix, other")
			fs.String("source", "", "only papers of this file name (its base name)")
			fs.Int("per-item", 3, "most passages from one item")
			fs.Bool("include-exempt", false, "include exempt or confidential items")
			fs.Bool("newest", false, "newest meetings first (relevance breaks ties) rather than most relevant first")
		},
		run: runSearch,
	})
}

func indexFlag(fs *flag.FlagSet) {
	fs.String("index", "", "index folder (default $SCRUTINEER_INDEX, else "+displayIndexDir()+")")
}

func flagInt(fs *flag.FlagSet, name string) int {
	return fs.Lookup(name).Value.(flag.Getter).Get().(int)
}

// DefaultIndexDir is the per-user index folder: $SCRUTINEER_INDEX when set,
// else scrutineer/index under the user's data folder ($XDG_DATA_HOME or
// ~/.local/share on Linux and BSD, the user config folder elsewhere).
func DefaultIndexDir() (string, error) {
	if v := os.Getenv("SCRUTINEER_INDEX"); v != "" {
		return v, nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "scrutineer", "index"), nil
	}
	switch runtime.GOOS {
	case "darwin", "windows", "ios", "plan9":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find a data folder for the index (set SCRUTINEER_INDEX): %w", err)
		}
		return filepath.Join(d, "scrutineer", "index"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find a data folder for the index (set SCRUTINEER_INDEX): %w", err)
	}
	return filepath.Join(home, ".local", "share", "scrutineer", "index"), nil
}

func displayIndexDir() string {
	if runtime.GOOS == "linux" {
		return "~/.local/share/scrutineer/index"
	}
	return "the user data folder"
}

func indexDir(fs *flag.FlagSet) (string, error) {
	d := flagString(fs, "index")
	if d == "" {
		var err error
		if d, err = DefaultIndexDir(); err != nil {
			return "", err
		}
	}
	// Absolute, so what the index says of itself names the same folder
	// from anywhere.
	abs, err := filepath.Abs(d)
	if err != nil {
		return "", fmt.Errorf("index folder %s: %w", d, err)
	}
	return abs, nil
}

// openIndex opens the index named by --index (or the default); create
// makes it when missing.
func openIndex(fs *flag.FlagSet, create bool) (*bleveindex.Index, error) {
	dir, err := indexDir(fs)
	if err != nil {
		return nil, err
	}
	x, err := bleveindex.Open(dir, bleveindex.Options{Create: create})
	if errors.Is(err, index.ErrNoIndex) {
		return nil, fmt.Errorf("no index at %s: add papers first with 'scrutineer ingest --index %s FILE...'", dir, dir)
	}
	if errors.Is(err, index.ErrInUse) {
		return nil, fmt.Errorf("%w: a bot of this version (scrutineer serve) lets search, ingest, fetch, status, papers, remove and watch add use the index while it runs; for anything else, stop whatever holds the index first", err)
	}
	if err != nil {
		return nil, err
	}
	return x, nil
}

// themer gives each passage the themes of its item (the 2-5 themes the
// item is about) plus those the passage itself engages, so a theme filter
// finds an item's passages on that theme.
func themer(an *analysis.Analyzer) index.Themer {
	var last *corpus.Item
	var itemThemes []string
	return func(_ *index.DocumentInfo, it *corpus.Item, p *corpus.Passage) []string {
		if it != last {
			last, itemThemes = it, nil
			for _, m := range an.ItemMatches(*it) {
				itemThemes = append(itemThemes, m.Theme.ID)
			}
		}
		out := append([]string{}, itemThemes...)
		for _, t := range an.PassageThemes(*p) {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
		return out
	}
}

func runIngest(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	if len(args) == 0 {
		return usagef("missing PATH: name files or folders to add")
	}
	origins, err := sourceOrigins(flagString(fs, "source-url"), args)
	if err != nil {
		return err
	}
	if _, err := loadBank(flagString(fs, "bank")); err != nil {
		return err
	}
	x, err := openStore(ctx, fs, true)
	if err != nil {
		return err
	}
	defer x.Close()
	opts := index.IngestOptions{
		Workers:     flagInt(fs, "workers"),
		Force:       flagBool(fs, "force"),
		FileTimeout: flagDuration(fs, "file-timeout"),
		Origins:     origins,
	}
	var bar *progressBar
	if isTerminal(io.Err) {
		bar = newProgressBar(io.Err, redrawEvery)
		opts.Progress = bar.update
	}
	sum, err := x.Ingest(ctx, args, opts, flagString(fs, "bank"))
	bar.done()
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: the %d files indexed before the stop are kept; run ingest again for the rest", sum.Added+sum.Updated)
	}
	if err != nil {
		return fmt.Errorf("ingest into %s: %w", x.Dir(), err)
	}
	if flagBool(fs, "json") {
		if err := writeJSON(io.Out, sum); err != nil {
			return err
		}
	} else {
		printSummary(io.Out, x.Dir(), sum)
	}
	for _, s := range sum.Skipped {
		fmt.Fprintf(io.Err, "skipped %s: %s\n", s.Path, oneLine(s.Reason))
	}
	for _, w := range sum.Warnings {
		fmt.Fprintf(io.Err, "warning: %s\n", oneLine(w))
	}
	if sum.Added+sum.Updated > 0 && !flagBool(fs, "json") {
		if err := tellWatches(ctx, x, io.Out); err != nil {
			fmt.Fprintf(io.Err, "warning: watches not checked: %s\n", oneLine(err.Error()))
		}
	}
	if len(sum.Skipped) > 0 && sum.Added+sum.Updated+sum.Unchanged == 0 {
		return fmt.Errorf("no file could be added (%d skipped)", len(sum.Skipped))
	}
	return nil
}

func printSummary(w io.Writer, dir string, s index.Summary) {
	fmt.Fprintf(w, "Index %s: %d %s read in %s\n", dir, s.Files, plural(s.Files, "file"), s.Took.Round(time.Millisecond))
	fmt.Fprintf(w, "  added %d, updated %d, unchanged %d, skipped %d\n", s.Added, s.Updated, s.Unchanged, len(s.Skipped))
	if s.Merged > 0 {
		fmt.Fprintf(w, "  %d %s already indexed under another name or folder, recorded as one paper\n", s.Merged, plural(s.Merged, "file"))
	}
	fmt.Fprintf(w, "  %d pages, %d passages indexed\n", s.Pages, s.Passages)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func parseDate(fs *flag.FlagSet, name string) (time.Time, error) {
	s := flagString(fs, name)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, usagef("--%s %q: want a date as YYYY-MM-DD", name, s)
	}
	return t, nil
}

func runSearch(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	text := strings.TrimSpace(strings.Join(args, " "))
	if text == "" {
		return usagef("missing QUERY")
	}
	from, err := parseDate(fs, "from")
	if err != nil {
		return err
	}
	to, err := parseDate(fs, "to")
	if err != nil {
		return err
	}
	if !to.IsZero() {
		to = to.Add(24*time.Hour - time.Nanosecond) // the whole day
	}
	if flagInt(fs, "limit") < 1 {
		return usagef("--limit must be at least 1")
	}
	q := index.Query{
		Text: text, Limit: flagInt(fs, "limit"), Theme: flagString(fs, "theme"),
		Committee: flagString(fs, "committee"), Kind: flagString(fs, "kind"), Source: flagString(fs, "source"),
		From: from, To: to, IncludeExempt: flagBool(fs, "include-exempt"), PerItem: flagInt(fs, "per-item"),
		Newest: flagBool(fs, "newest"),
		// Facets are part of the JSON form only; counting them is most of
		// the cost of a broad query over a large index.
		NoFacets: !flagBool(fs, "json"),
	}
	if q.Theme != "" {
		b, err := loadBank("")
		if err != nil {
			return err
		}
		if b.Theme(q.Theme) == nil {
			return usagef("unknown theme %q (themes: %s)", q.Theme, strings.Join(b.IDs(), ", "))
		}
	}
	x, err := openStore(ctx, fs, false)
	if err != nil {
		return err
	}
	defer x.Close()
	res, err := x.Search(ctx, q)
	if errors.Is(err, index.ErrQuery) {
		return usagef("%s", strings.TrimPrefix(err.Error(), index.ErrQuery.Error()+": "))
	}
	if err != nil {
		return err
	}
	if flagBool(fs, "json") {
		return writeJSON(io.Out, res)
	}
	printHits(io.Out, res, isTerminal(io.Out) && os.Getenv("NO_COLOR") == "")
	return nil
}

// printHits writes search results for reading in a terminal or pasting
// into a note: highlights in bold on a terminal (plain text otherwise),
// printed page first.
func printHits(w io.Writer, res *index.Results, bold bool) {
	if len(res.Hits) == 0 {
		fmt.Fprintf(w, "No passages match %q.\n", res.Query)
		return
	}
	if res.NearSpellings {
		fmt.Fprintf(w, "No passages match %q as typed; these match words spelled nearly so.\n", res.Query)
	}
	if note := res.RespelledNote(); note != "" {
		fmt.Fprintln(w, note)
	}
	groups := hitGroups(res.Hits)
	shown := fmt.Sprintf("showing %d", len(res.Hits))
	if len(groups) < len(res.Hits) {
		shown += fmt.Sprintf(" from %d %s", len(groups), plural(len(groups), "item"))
	}
	verb := "match"
	if res.Total == 1 {
		verb = "matches"
	}
	fmt.Fprintf(w, "%d %s %s %q; %s.\n", res.Total, plural(int(res.Total), "passage"), verb, res.Query, shown)
	shared := sharedNames(res.Hits)
	for i, g := range groups {
		h := g[0]
		title := h.Title
		if h.Item != "" {
			title = fmt.Sprintf("Item %s: %s", h.Item, h.Title)
		}
		fmt.Fprintf(w, "\n%d. %s", i+1, title)
		if h.Exempt {
			fmt.Fprint(w, "  [EXEMPT]")
		}
		fmt.Fprintln(w)
		var paper []string
		for _, s := range []string{paperName(h, shared), h.Committee, h.Date} {
			if s != "" {
				paper = append(paper, s)
			}
		}
		// One item's passages under one heading: the paper once, then
		// each passage's page and words.
		if len(g) > 1 {
			fmt.Fprintf(w, "   %s\n", strings.Join(paper, " · "))
			paper = nil
		}
		last := ""
		for _, p := range g {
			where := append(paper, pageLabel(p.Page, p.PrintedPage))
			if p.Heading != "" {
				where = append(where, "under “"+p.Heading+"”")
			}
			// A passage on the page and under the heading of the one
			// before shows its words only.
			if line := strings.Join(where, " · "); line != last {
				fmt.Fprintf(w, "   %s\n", line)
				last = line
			}
			fmt.Fprintf(w, "   %s\n", snippetText(p.Snippet, bold))
		}
		if h.URL != "" {
			fmt.Fprintf(w, "   %s\n", h.URL)
		}
	}
}

// hitGroups splits hits into runs from one item of one paper, in order:
// the index ranks an item's passages together.
func hitGroups(hits []index.Hit) [][]index.Hit {
	var out [][]index.Hit
	for _, h := range hits {
		if n := len(out); n > 0 && out[n-1][0].ID == h.ID && out[n-1][0].Source == h.Source && out[n-1][0].Item == h.Item && out[n-1][0].Title == h.Title {
			out[n-1] = append(out[n-1], h)
			continue
		}
		out = append(out, []index.Hit{h})
	}
	return out
}

var (
	boldMarks  = strings.NewReplacer("<mark>", "\x1b[1m", "</mark>", "\x1b[0m")
	plainMarks = strings.NewReplacer("<mark>", "", "</mark>", "")
)

// snippetText is a highlighted snippet as text: its highlights bold for
// a terminal, or plain.
func snippetText(s string, bold bool) string {
	if bold {
		return oneLine(html.UnescapeString(boldMarks.Replace(s)))
	}
	return oneLine(html.UnescapeString(plainMarks.Replace(s)))
}
