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
		dir = filepath.Join(filepath.Dir(idx), "papers", c.Base.Host)
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return fmt.Errorf("download folder: %w", err)
	}
	wanted := fs.Lookup("committee").Value.(flag.Getter).Get().([]string)
	dry := flagBool(fs, "dry-run")

	// The web service first; its HTML pages when the council switched
	// the service off.
	pages := false
	committees, err := c.Committees(ctx)
	if err != nil && ctx.Err() == nil {
		var perr error
		if committees, perr = c.CommitteesFromPages(ctx); perr != nil {
			return fmt.Errorf("list the committees of %s: the web service: %v; the committees page: %w", c.Base.Host, err, perr)
		}
		pages = true
		fmt.Fprintf(io.Err, "%s: its web service does not answer (%s), so its pages are read instead\n", c.Base.Host, oneLine(err.Error()))
	} else if err != nil {
		return err
	}
	var picked []moderngov.Committee
	for _, cm := range committees {
		if cm.Current() && (len(wanted) == 0 || matchesAny(cm.Title, wanted)) {
			picked = append(picked, cm)
		}
	}
	if len(picked) == 0 {
		var names []string
		for _, cm := range committees {
			if cm.Current() {
				names = append(names, cm.Title)
			}
		}
		return fmt.Errorf("no committee of %s matches %s; its committees: %s", c.Base.Host, strings.Join(wanted, ", "), strings.Join(names, "; "))
	}
	st, err := moderngov.LoadState(dir)
	if err != nil {
		return err
	}
	var fetched []string
	var failures []string
	counts := map[moderngov.Outcome]int{}
	to := time.Now().AddDate(0, 3, 0) // papers are published a week or so before a meeting
	for _, cm := range picked {
		var meetings []moderngov.Meeting
		if pages {
			meetings, err = c.MeetingsFromPages(ctx, cm)
		} else {
			meetings, err = c.Meetings(ctx, cm.ID, since, to)
		}
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s: %v", cm.Title, err))
			continue
		}
		for _, stub := range meetings {
			if stub.Cancelled() || stub.Date.Before(since) || stub.Date.After(to) {
				continue
			}
			var m moderngov.Meeting
			if pages {
				m, err = c.MeetingFromPages(ctx, cm, stub)
			} else {
				m, err = c.Meeting(ctx, stub.ID)
			}
			if err != nil {
				failures = append(failures, fmt.Sprintf("%s %s: %v", cm.Title, stub.Date.Format("2006-01-02"), err))
				continue
			}
			if m.Committee == "" {
				m.Committee = cm.Title
			}
			for _, p := range m.Papers {
				if p.Restricted {
					continue
				}
				if dry {
					fmt.Fprintf(io.Out, "%s  %s  %s  %s\n", m.Date.Format("2006-01-02"), m.Committee, p.Title, p.URL)
					continue
				}
				path, out, err := c.Download(ctx, m, p, dir, st)
				if errors.Is(err, context.Canceled) {
					_ = st.Save(dir)
					return fmt.Errorf("interrupted: the papers downloaded before the stop are kept; run fetch again for the rest")
				}
				if err != nil {
					failures = append(failures, fmt.Sprintf("%s: %v", p.Title, err))
					continue
				}
				counts[out]++
				if out != moderngov.Unchanged {
					fetched = append(fetched, path)
				}
			}
			if !dry {
				if err := st.Save(dir); err != nil {
					return err
				}
			}
		}
	}
	for _, f := range failures {
		fmt.Fprintf(io.Err, "not fetched: %s\n", oneLine(f))
	}
	if dry {
		return nil
	}
	fmt.Fprintf(io.Out, "%s: %d new, %d changed, %d unchanged papers in %s\n", c.Base.Host, counts[moderngov.New], counts[moderngov.Changed], counts[moderngov.Unchanged], dir)
	if len(fetched) == 0 {
		return nil
	}
	if _, err := loadBank(flagString(fs, "bank")); err != nil {
		return err
	}
	x, err := openStore(ctx, fs, true)
	if err != nil {
		return err
	}
	defer x.Close()
	sum, err := x.Ingest(ctx, fetched, index.IngestOptions{}, flagString(fs, "bank"))
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

// matchesAny reports whether a committee's title contains any of the
// names asked for, in any case.
func matchesAny(title string, names []string) bool {
	t := strings.ToLower(title)
	for _, n := range names {
		if strings.Contains(t, strings.ToLower(strings.TrimSpace(n))) {
			return true
		}
	}
	return false
}
