package bot

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/scrutineer/scrutineer/corpus/moderngov"
)

// fetchReport is what one fetch of the configured sites did.
type fetchReport struct {
	sites []siteReport
}

// err joins the reasons the sites' fetches stopped; nil when every one
// ran to the end.
func (r fetchReport) err() error {
	var errs []error
	for _, s := range r.sites {
		errs = append(errs, s.err)
	}
	return errors.Join(errs...)
}

// noFetchText says that no fetch is configured, and how to configure one.
const noFetchText = "No fetch of the council's website is set up on this bot, so there is nothing to fetch. Whoever runs Scrutineer can set one up in its configuration file (`fetch:` with `sites:` the council's ModernGov site, such as democracy.example.gov.uk, and `every:` how often, such as 6h; optionally `committees:` and `channel:`), or with SCRUTINEER_FETCH_SITES and SCRUTINEER_FETCH_EVERY, then restart it."

// maxFailuresShown bounds the papers not fetched that a fetch's report
// names; the log has them all.
const maxFailuresShown = 10

// fetchCommand answers "fetch": it runs the configured fetch of the
// council's website now, as the schedule would (the brief of each new
// agenda pack posted in the papers channel, the saved searches told of
// new passages), unless a fetch is running already. It says that the
// fetch started, then what came. Anyone who may ask the bot anything may
// ask for it: it fetches only what the configuration names, one fetch at
// a time.
//
// With wait (the console) the fetch runs before fetchCommand returns;
// otherwise it runs in the background, as work in flight that shutdown
// waits for, and its report is sent to out when it ends.
func (b *Bot) fetchCommand(ctx context.Context, req request, out responder, wait bool) {
	if len(b.cfg.Fetch.Sites) == 0 {
		b.say(ctx, out, Reply{Parts: []Part{{Text: noFetchText}}})
		return
	}
	if b.cfg.Index == "" || b.deps.Ingest == nil {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "Fetching is not set up on this bot: it has no index to add the papers to. Whoever runs Scrutineer can give it one (`scrutineer serve --index DIR`)."}}})
		return
	}
	if arg := strings.ToLower(strings.TrimSpace(req.cmd.Arg)); arg != "" && arg != "now" {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "I fetch only the sites and committees my configuration names: type `fetch` alone. Whoever runs Scrutineer can change them (`fetch.sites`, `fetch.committees`)."}}})
		return
	}
	if by, ok := b.sched.claimFetch(fetchByAsking); !ok {
		what := "A fetch of the council's website is already running"
		if by == fetchBySchedule {
			what = "The scheduled fetch of the council's website is running now"
		}
		b.say(ctx, out, Reply{Parts: []Part{{Text: what + ", so I have not started another. What it finds comes into the index as it is downloaded; ask again when it has ended."}}})
		return
	}
	serving := b.sched.servingOr(b.jobCtx)
	if wait {
		serving = ctx
	}
	b.log.Info("fetch asked for", "channel", req.channel, "sites", len(b.cfg.Fetch.Sites))
	b.say(ctx, out, Reply{Parts: []Part{{Text: "Fetching the council's papers now from " + strings.Join(b.fetchSites(), ", ") + committeesWords(b.cfg.Fetch.Committees) + ". I will tell you here what came when it is done; it can take a few minutes."}}})
	run := func() {
		// The fetch has ended once its papers are in: another may start
		// while this one's report is sent.
		rep := func() fetchReport { defer b.sched.releaseFetch(); return b.fetchRun(serving) }()
		if err := rep.err(); err != nil {
			b.log.Error("fetch asked for failed", "err", err)
		}
		rctx, cancel := context.WithTimeout(b.jobCtx, b.cfg.Limits.SlackTimeout)
		defer cancel()
		b.say(rctx, out, b.fetchReply(rep))
	}
	if wait {
		run()
		return
	}
	if !b.track("fetch", run) {
		b.sched.releaseFetch()
		b.say(ctx, out, Reply{Parts: []Part{{Text: shutdownText}}})
	}
}

// fetchSites are the configured sites as the user knows them: their host
// names.
func (b *Bot) fetchSites() []string {
	var out []string
	for _, s := range b.cfg.Fetch.Sites {
		if c, err := moderngov.NewClient(s); err == nil {
			s = c.Base.Host
		}
		out = append(out, s)
	}
	return out
}

// committeesWords names the committees a fetch keeps to, as the end of a
// sentence.
func committeesWords(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return " (committees whose name contains " + strings.Join(names, ", ") + ")"
}

// fetchReply says what a fetch asked for did on each site.
func (b *Bot) fetchReply(r fetchReport) Reply {
	reply := Reply{Heading: "Fetched from the council's website"}
	for _, s := range r.sites {
		reply.Parts = append(reply.Parts, b.sitePart(s))
		if n := len(s.failures); n > 0 {
			shown := s.failures[:min(n, maxFailuresShown)]
			text := "• " + strings.Join(shown, "\n• ")
			if n > len(shown) {
				text += fmt.Sprintf("\n… and %d more, in the log.", n-len(shown))
			}
			reply.Parts = append(reply.Parts, Part{Title: fmt.Sprintf("Not fetched from %s (%d)", s.site, n), Text: text,
				Note: "The site could not give these; the next fetch tries them again."})
		}
	}
	return reply
}

// sitePart says what a fetch did on one site: the papers new, changed and
// unchanged, what went into the index, and why it stopped if it did.
func (b *Bot) sitePart(s siteReport) Part {
	news, changed := s.counts[moderngov.New], s.counts[moderngov.Changed]
	text := fmt.Sprintf("%s, %d changed, %d unchanged.", papersWord(news, "new"), changed, s.counts[moderngov.Unchanged])
	if news+changed > 0 {
		text += fmt.Sprintf(" %d added to the index: searches find them from now on.", s.added)
	}
	if s.briefed > 0 {
		text += fmt.Sprintf(" The brief of %s posted in the papers channel.", packsWord(s.briefed))
	}
	var note string
	switch {
	case s.err == nil:
		if s.added > 0 {
			note = "Saved searches are told of their new passages in their channels."
		}
	case errors.Is(s.err, context.Canceled):
		note = "The fetch stopped part-way: I am shutting down. What was downloaded is in the index; the next fetch goes on from there."
	default:
		// The error names the site and what it could not give; the
		// bot's folders are not for Slack.
		why := redact(s.err.Error(), folderWords(moderngov.PapersRoot(b.cfg.Index), b.cfg.Index)...)
		note = "The fetch stopped: " + why + ". What was downloaded before is in the index; the next scheduled fetch tries again."
	}
	return Part{Title: s.site, Text: text, Note: note}
}

// papersWord counts papers with an adjective: "No new papers", "1 new
// paper", "3 new papers".
func papersWord(n int, adj string) string {
	switch n {
	case 0:
		return "No " + adj + " papers"
	case 1:
		return "1 " + adj + " paper"
	}
	return fmt.Sprintf("%d %s papers", n, adj)
}

// packsWord counts agenda packs.
func packsWord(n int) string {
	if n == 1 {
		return "1 new agenda pack was"
	}
	return fmt.Sprintf("%d new agenda packs were", n)
}

// folderWords are the folders dirs, as given and absolute, to be cut out
// of a message with redact. A folder without a separator ("papers") is
// left out: it could be an ordinary word.
func folderWords(dirs ...string) []string {
	var out []string
	for _, d := range dirs {
		if abs, err := filepath.Abs(d); err == nil && abs != d {
			out = append(out, abs)
		}
		if strings.ContainsRune(d, filepath.Separator) {
			out = append(out, d)
		}
	}
	return out
}
