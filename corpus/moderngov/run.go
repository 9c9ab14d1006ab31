package moderngov

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Options choose what Fetch fetches.
type Options struct {
	// Committees are names a committee's title must contain (any case)
	// to be fetched; none fetches every current committee.
	Committees []string
	// Since and To bound the meetings by date.
	Since, To time.Time
	// Dir is the download folder, with the state file of what it holds.
	Dir string
	// DryRun lists the papers (to Listed) and downloads nothing.
	DryRun bool
	// Listed, when set, is told of each paper a dry run would fetch.
	Listed func(Meeting, Paper)
}

// Fetched is a paper a fetch downloaded, new or changed.
type Fetched struct {
	// Path is the downloaded file.
	Path    string
	Meeting Meeting
	Paper   Paper
	Outcome Outcome
}

// Result is what a fetch did.
type Result struct {
	// FromPages is set when the site's web service did not answer and its
	// pages were read instead; ServiceErr is why.
	FromPages  bool
	ServiceErr error
	// Fetched are the papers downloaded, new or changed, in site order.
	Fetched []Fetched
	// Unchanged are the papers already downloaded that the site still
	// gives unchanged, so a caller can fill in what it lacks of them (an
	// index that has not recorded their addresses).
	Unchanged []Fetched
	// Counts counts the papers by outcome, unchanged ones included.
	Counts map[Outcome]int
	// Failures name the committees, meetings and papers the site could
	// not give ("Printed minutes: get ...: 404 Not Found"); the rest were
	// fetched.
	Failures []string
}

// ErrNoCommittee is returned (wrapped) when no current committee of the
// site matches the names asked for; the error lists its committees.
var ErrNoCommittee = errors.New("no committee matches")

// Fetch reads the site's committees, their meetings between opts.Since and
// opts.To and each meeting's papers, through the web service or, when the
// council switched it off, through its pages, and downloads into opts.Dir
// every published paper it does not have yet or that changed (exempt
// papers are never fetched). The folder's state is saved after each
// meeting, so a fetch stopped part-way resumes where it stopped. When ctx
// is cancelled it saves the state and returns the result so far with
// ctx's error.
func (c *Client) Fetch(ctx context.Context, opts Options) (*Result, error) {
	res := &Result{Counts: map[Outcome]int{}}
	committees, err := c.Committees(ctx)
	if err != nil && ctx.Err() == nil {
		var perr error
		if committees, perr = c.CommitteesFromPages(ctx); perr != nil {
			return res, fmt.Errorf("list the committees of %s: the web service: %v; the committees page: %w", c.Base.Host, err, perr)
		}
		res.FromPages, res.ServiceErr = true, err
	} else if err != nil {
		return res, err
	}
	var picked []Committee
	var names []string
	for _, cm := range committees {
		if !cm.Current() {
			continue
		}
		names = append(names, cm.Title)
		if len(opts.Committees) == 0 || MatchesAny(cm.Title, opts.Committees) {
			picked = append(picked, cm)
		}
	}
	if len(picked) == 0 {
		return res, fmt.Errorf("%w %s on %s; its committees: %s", ErrNoCommittee, strings.Join(opts.Committees, ", "), c.Base.Host, strings.Join(names, "; "))
	}
	var st *State
	if !opts.DryRun {
		if st, err = LoadState(opts.Dir); err != nil {
			return res, err
		}
	}
	for _, cm := range picked {
		if err := c.fetchCommittee(ctx, cm, opts, st, res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// fetchCommittee fetches one committee's meetings into res; it returns an
// error only when the fetch must stop (ctx cancelled, the state not saved).
func (c *Client) fetchCommittee(ctx context.Context, cm Committee, opts Options, st *State, res *Result) error {
	var meetings []Meeting
	var err error
	if res.FromPages {
		meetings, err = c.MeetingsFromPages(ctx, cm)
	} else {
		meetings, err = c.Meetings(ctx, cm.ID, opts.Since, opts.To)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		res.Failures = append(res.Failures, fmt.Sprintf("%s: %v", cm.Title, err))
		return nil
	}
	for _, stub := range meetings {
		if stub.Cancelled() || stub.Date.Before(opts.Since) || stub.Date.After(opts.To) {
			continue
		}
		var m Meeting
		if res.FromPages {
			m, err = c.MeetingFromPages(ctx, cm, stub)
		} else {
			m, err = c.Meeting(ctx, stub.ID)
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			res.Failures = append(res.Failures, fmt.Sprintf("%s %s: %v", cm.Title, stub.Date.Format("2006-01-02"), err))
			continue
		}
		if m.Committee == "" {
			m.Committee = cm.Title
		}
		for _, p := range m.Papers {
			if p.Restricted {
				continue
			}
			if opts.DryRun {
				if opts.Listed != nil {
					opts.Listed(m, p)
				}
				continue
			}
			path, out, err := c.Download(ctx, m, p, opts.Dir, st)
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				_ = st.Save(opts.Dir)
				return err
			}
			if err != nil {
				res.Failures = append(res.Failures, fmt.Sprintf("%s: %v", p.Title, err))
				continue
			}
			res.Counts[out]++
			f := Fetched{Path: path, Meeting: m, Paper: p, Outcome: out}
			if out != Unchanged {
				res.Fetched = append(res.Fetched, f)
			} else {
				res.Unchanged = append(res.Unchanged, f)
			}
		}
		if !opts.DryRun {
			if err := st.Save(opts.Dir); err != nil {
				return err
			}
		}
	}
	return nil
}

// MatchesAny reports whether a committee's title contains any of the
// names asked for, in any case.
func MatchesAny(title string, names []string) bool {
	t := strings.ToLower(title)
	for _, n := range names {
		if strings.Contains(t, strings.ToLower(strings.TrimSpace(n))) {
			return true
		}
	}
	return false
}

// PapersDir is where a site's papers are downloaded by default: papers/HOST
// beside the index folder.
func PapersDir(index string, c *Client) string {
	return filepath.Join(PapersRoot(index), c.Base.Host)
}

// PapersRoot is the folder beside the index that holds each site's
// download folder.
func PapersRoot(index string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(index)), "papers")
}

// packRE finds the words councils title an agenda pack with: "Public
// reports pack", "Agenda reports pack", "Public Document Pack",
// "Supplementary agenda pack".
var packRE = regexp.MustCompile(`(?i)\b(?:reports?|document|agenda|supplement(?:ary)?)\s+pack\b|\bpack\b.*\bagenda\b|^agenda$`)

// IsPack reports whether the paper is a meeting's agenda pack (the whole
// pack, not one of its reports), by its title.
func (p Paper) IsPack() bool {
	return packRE.MatchString(p.Title)
}
