package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/corpus/moderngov"
	"github.com/scrutineer/scrutineer/index"
)

func init() {
	register(&command{
		name: "fetch",
		args: "[--committee NAME]... [--since DATE] [--dir DIR] [--index DIR] [--dry-run] SITE",
		summary: "Download a council's papers from its ModernGov site (agenda packs, reports, minutes) and add them to the index.\n" +
			"SITE is the site's address (democracy.example.gov.uk). One request at a time, with a pause; papers already\n" +
			"downloaded and unchanged are not downloaded again, so a stopped fetch resumes where it stopped.",
		flags: func(fs *flag.FlagSet) {
			indexFlag(fs)
			fs.Var(&stringList{}, "committee", "only committees whose name contains this (repeat for several; default every current committee)")
			fs.String("since", "", "meetings from this date, YYYY-MM-DD (default a year ago)")
			fs.String("dir", "", "download folder (default papers/SITE beside the index)")
			fs.Bool("dry-run", false, "list what would be fetched, download nothing")
			fs.Duration("delay", moderngov.DefaultDelay, "pause between two requests to the site")
			fs.String("bank", "", "a YAML file of local lines of enquiry added to the built-in bank")
		},
		run: runFetch,
	})
}

// stringList is a flag given several times.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ", ") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }
func (s *stringList) Get() any           { return []string(*s) }

func runFetch(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	if len(args) != 1 {
		return usagef("name one SITE, such as democracy.example.gov.uk")
	}
	c, err := moderngov.NewClient(args[0])
	if err != nil {
		return usagef("%v", err)
	}
	c.Delay = fs.Lookup("delay").Value.(flag.Getter).Get().(time.Duration)
	since, err := parseDate(fs, "since")
	if err != nil {
		return err
	}
	if since.IsZero() {
		since = time.Now().AddDate(-1, 0, 0)
	}
	dir := flagString(fs, "dir")
	if dir == "" {
		idx, err := indexDir(fs)
		if err != nil {
			return err
		}
		dir = moderngov.PapersDir(idx, c)
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return fmt.Errorf("download folder: %w", err)
	}
	wanted := fs.Lookup("committee").Value.(flag.Getter).Get().([]string)
	dry := flagBool(fs, "dry-run")
	opts := moderngov.Options{Committees: wanted, Since: since, Dir: dir, DryRun: dry,
		// Papers are published a week or so before a meeting.
		To: time.Now().AddDate(0, 3, 0),
		Listed: func(m moderngov.Meeting, p moderngov.Paper) {
			fmt.Fprintf(io.Out, "%s  %s  %s  %s\n", m.Date.Format("2006-01-02"), m.Committee, p.Title, p.URL)
		}}
	res, err := c.Fetch(ctx, opts)
	if res.FromPages {
		fmt.Fprintf(io.Err, "%s: its web service does not answer (%s), so its pages are read instead\n", c.Base.Host, oneLine(res.ServiceErr.Error()))
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: the papers downloaded before the stop are kept; run fetch again for the rest")
	}
	if err != nil {
		return err
	}
	for _, f := range res.Failures {
		fmt.Fprintf(io.Err, "not fetched: %s\n", oneLine(f))
	}
	if dry {
		return nil
	}
	fmt.Fprintf(io.Out, "%s: %d new, %d changed, %d unchanged papers in %s\n", c.Base.Host, res.Counts[moderngov.New], res.Counts[moderngov.Changed], res.Counts[moderngov.Unchanged], dir)
	if len(res.Fetched)+len(res.Unchanged) == 0 {
		return nil
	}
	var fetched, unchanged []string
	origins := map[string]index.Origin{}
	for _, f := range append(res.Fetched, res.Unchanged...) {
		origins[f.Path] = fetchedOrigin(f)
		if f.Outcome == moderngov.Unchanged {
			unchanged = append(unchanged, f.Path)
		} else {
			fetched = append(fetched, f.Path)
		}
	}
	if _, err := loadBank(flagString(fs, "bank")); err != nil {
		return err
	}
	x, err := openStore(ctx, fs, true)
	if err != nil {
		return err
	}
	defer x.Close()
	more, err := unaddressed(ctx, x, unchanged, origins)
	if err != nil {
		return err
	}
	if fetched = append(fetched, more...); len(fetched) == 0 {
		return nil
	}
	sum, err := x.Ingest(ctx, fetched, index.IngestOptions{Origins: origins}, flagString(fs, "bank"))
	if err != nil {
		return fmt.Errorf("ingest into %s: %w", x.Dir(), err)
	}
	printSummary(io.Out, x.Dir(), sum)
	for _, s := range sum.Skipped {
		fmt.Fprintf(io.Err, "skipped %s: %s\n", s.Path, oneLine(s.Reason))
	}
	if err := tellWatches(ctx, x, io.Out); err != nil {
		fmt.Fprintf(io.Err, "warning: watches not checked: %s\n", oneLine(err.Error()))
	}
	return nil
}

// unaddressed returns the papers of paths (unchanged downloads) that the
// index does not know by their web address: those fetched before the index
// recorded addresses, or not ingested since.
func unaddressed(ctx context.Context, x store, paths []string, origins map[string]index.Origin) ([]string, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	docs, err := x.Documents(ctx)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, d := range docs {
		for _, l := range d.Sources {
			known[l.URL] = l.URL != ""
		}
	}
	var out []string
	for _, p := range paths {
		if !known[origins[p].URL] {
			out = append(out, p)
		}
	}
	return out, nil
}

// fetchedOrigin is where a fetched paper came from, as the index records
// it.
func fetchedOrigin(f moderngov.Fetched) index.Origin {
	return index.Origin{URL: f.Paper.URL, Committee: f.Meeting.Committee, Date: f.Meeting.Date.Format("2006-01-02")}
}
