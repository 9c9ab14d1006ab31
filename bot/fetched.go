package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/corpus/moderngov"
	"github.com/scrutineer/scrutineer/index"
)

// Ingester adds papers downloaded from a council's site to the index and
// briefs its agenda packs.
type Ingester interface {
	// IngestFile adds the paper at path to the index, under its base name
	// and with where it came from, so searches find it and "ask" can read
	// it again.
	IngestFile(ctx context.Context, path string, origin index.Origin) error
	// BriefFile analyses every item of the pack at path.
	BriefFile(ctx context.Context, path string) (*analysis.Report, error)
}

var _ Ingester = (*Project)(nil)

// IngestFile reads the paper at path and adds it to the index (a paper
// already indexed with the same content is left alone).
func (p *Project) IngestFile(ctx context.Context, path string, origin index.Origin) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("add %s to the index: %w", path, err)
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return fmt.Errorf("add %s to the index: %w", path, err)
	}
	doc, err := p.readDoc(ctx, filepath.Base(abs), data)
	if err != nil {
		return err
	}
	p.forget(doc.Hash)
	d := *doc
	d.Path = abs
	origin.Apply(&d)
	if _, err := p.Index.IngestDocument(ctx, &d, p.Ingest); err != nil {
		return fmt.Errorf("add %s to the index: %w", d.Source, err)
	}
	return nil
}

// BriefFile reads and analyses every item of the pack at path; a later
// IngestFile of the same file does not read it again.
func (p *Project) BriefFile(ctx context.Context, path string) (*analysis.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("brief %s: %w", path, err)
	}
	return p.Brief(ctx, filepath.Base(path), data)
}

// briefSince is how old a meeting may be for its newly published pack to
// be briefed in the papers channel: older packs (a first fetch of a year
// of papers) are indexed in silence.
const briefSince = 7 * 24 * time.Hour

// siteReport is what a fetch did on one site.
type siteReport struct {
	// site is the site's host name (or the configured site when it
	// cannot be read).
	site string
	// counts counts the papers the site gives by outcome: new, changed
	// and unchanged.
	counts map[moderngov.Outcome]int
	// added counts the papers downloaded that went into the index, briefed
	// the agenda packs whose brief was posted.
	added, briefed int
	// failures name the papers, meetings and committees the site could
	// not give, with why.
	failures []string
	// err is why the fetch stopped, nil when it ran to the end.
	err error
}

// fetchSite fetches one site's new papers, adds them to the index and
// posts the brief of each new agenda pack in the papers channel. Papers
// the site could not give are logged and reported; the rest go in.
func (b *Bot) fetchSite(ctx context.Context, site string) siteReport {
	rep := siteReport{site: site}
	if b.deps.Ingest == nil || b.cfg.Index == "" {
		rep.err = errors.New("fetch: this bot has no index to add papers to")
		return rep
	}
	c, err := moderngov.NewClient(site)
	if err != nil {
		rep.err = fmt.Errorf("fetch: %w", err)
		return rep
	}
	rep.site = c.Base.Host
	if b.cfg.Fetch.Delay > 0 {
		c.Delay = b.cfg.Fetch.Delay
	}
	now := b.sched.now()
	res, err := c.Fetch(ctx, moderngov.Options{
		Committees: b.cfg.Fetch.Committees,
		Since:      now.AddDate(-1, 0, 0),
		// Papers are published a week or so before a meeting.
		To:  now.AddDate(0, 3, 0),
		Dir: moderngov.PapersDir(b.cfg.Index, c),
	})
	if res.FromPages {
		b.log.Info("site's web service does not answer; its pages are read instead", "site", c.Base.Host, "err", res.ServiceErr)
	}
	for _, f := range res.Failures {
		b.log.Warn("paper not fetched", "site", c.Base.Host, "err", f)
	}
	rep.counts, rep.failures = res.Counts, res.Failures
	// What was downloaded goes in even when the fetch stopped part-way.
	rep.added, rep.briefed = b.addFetched(b.jobCtx, res.Fetched, now)
	if err != nil {
		rep.err = fmt.Errorf("fetch %s: %w", c.Base.Host, err)
		return rep
	}
	b.log.Info("fetched", "site", c.Base.Host, "new", res.Counts[moderngov.New], "changed", res.Counts[moderngov.Changed],
		"unchanged", res.Counts[moderngov.Unchanged], "not_fetched", len(res.Failures))
	return rep
}

// addFetched adds each fetched paper to the index, one at a time and
// each in a job slot (so users' requests still get their share), and
// posts the brief of each new agenda pack of a meeting not long past. It
// returns how many papers went into the index and how many briefs were
// posted.
func (b *Bot) addFetched(ctx context.Context, fetched []moderngov.Fetched, now time.Time) (added, briefed int) {
	for _, f := range fetched {
		select {
		case b.sem <- struct{}{}:
		case <-ctx.Done():
			return added, briefed
		}
		rep, ok := b.addOne(ctx, f, now)
		<-b.sem
		if ok {
			added++
		}
		if rep != nil && b.postPackBrief(ctx, f, rep) {
			briefed++
		}
	}
	return added, briefed
}

// addOne adds one fetched paper to the index and reports whether it went
// in; when it is to be briefed, it returns its brief too.
func (b *Bot) addOne(ctx context.Context, f moderngov.Fetched, now time.Time) (*analysis.Report, bool) {
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Limits.JobTimeout)
	defer cancel()
	ref := fileRef(filepath.Base(f.Path))
	var rep *analysis.Report
	if b.cfg.Fetch.Channel != "" && f.Outcome == moderngov.New && f.Paper.IsPack() && !f.Meeting.Date.Before(now.Add(-briefSince)) {
		var err error
		if rep, err = b.deps.Ingest.BriefFile(ctx, f.Path); err != nil {
			b.log.Error("brief of a fetched pack failed", "file", ref, "err", err)
		}
	}
	if err := b.deps.Ingest.IngestFile(ctx, f.Path, index.Origin{URL: f.Paper.URL, Committee: f.Meeting.Committee, Date: f.Meeting.Date.Format("2006-01-02")}); err != nil {
		b.log.Error("add a fetched paper to the index failed", "file", ref, "err", err)
		return nil, false
	}
	return rep, true
}

// postPackBrief posts the brief of a newly published agenda pack in the
// papers channel, with the pack's address on the council's site, and
// reports whether it was posted.
func (b *Bot) postPackBrief(ctx context.Context, f moderngov.Fetched, rep *analysis.Report) bool {
	channel := b.cfg.Fetch.Channel
	name := filepath.Base(f.Path)
	shown, withheld := visible(rep, b.cfg.ExemptAllowed(channel))
	reply := briefReply(name, shown, withheld, b.cfg.Limits.Questions)
	when := f.Meeting.Date.Format("Monday 2 January 2006")
	intro := Part{Text: "A new agenda pack is published on the council's website: " + joinSet(", ", f.Meeting.Committee, joinSet(" at ", when, f.Meeting.Time)) + ".",
		Note: "Added to the index: searches will find it from now on.", Link: linkable(f.Paper.URL)}
	reply.Parts = append([]Part{intro}, reply.Parts...)
	b.attachBrief(&reply, name, shown)
	pctx, cancel := context.WithTimeout(ctx, b.cfg.Limits.SlackTimeout)
	defer cancel()
	if err := b.post(pctx, channel, reply); err != nil {
		b.log.Error("brief of a fetched pack not posted", "channel", channel, "file", fileRef(name), "err", err)
		return false
	}
	b.log.Info("fetched pack briefed", "channel", channel, "file", fileRef(name), "items", len(shown.Items), "withheld", withheld)
	return true
}

// attachBrief attaches the brief files of r (the configured format and
// the other) to reply, or says in it that they could not be made. words
// are cut out of the logged error.
func (b *Bot) attachBrief(reply *Reply, name string, r *analysis.Report, words ...string) {
	if b.deps.Render == nil || len(r.Items) == 0 {
		return
	}
	file, other, err := b.renderBoth(name, r, "-brief")
	if err != nil {
		b.log.Error("render brief failed", "file", fileRef(name), "err", redact(err.Error(), append(words, name)...))
	}
	if file == nil {
		reply.Parts = append(reply.Parts, Part{Note: "I could not make the brief file this time; the briefing above is all of it I have. Share the pack again to try once more."})
	} else {
		reply.File = file
	}
	if other != nil {
		reply.Others = append(reply.Others, *other)
	}
}

// linkable returns a paper's address as a link can carry it: spaces and
// other characters a site leaves raw in its addresses are escaped. An
// address that cannot be read is returned as it is (and not linked).
func linkable(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return u
	}
	p.RawQuery = strings.ReplaceAll(p.RawQuery, " ", "%20")
	return p.String()
}
