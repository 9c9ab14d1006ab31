package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/scrutineer/scrutineer/index"
	"github.com/scrutineer/scrutineer/index/watch"
	"github.com/slack-go/slack"
)

// maxAlertHits is how many new passages one alert shows.
const maxAlertHits = 10

// AfterIngest tells the saved searches' channels, in the background, the
// passages new to each after papers came into the index: the bot calls it
// after its own ingests, and the index socket after the command line's.
func (b *Bot) AfterIngest() {
	if !b.track("watches", func() { b.alertWatches(b.jobCtx) }) {
		b.log.Warn("saved searches not checked: shutting down")
	}
}

// alertWatches posts, to each saved search's channel, the passages that
// match it and that it has never told before. What is new is recorded
// before anything is posted, so a passage is told once and only once (a
// post that fails is logged, not tried again). Only papers everyone may
// see are told, never exempt items; watches without a channel are left
// for the command line to tell.
func (b *Bot) alertWatches(ctx context.Context) {
	if b.cfg.Index == "" || b.deps.Search == nil {
		return
	}
	b.sched.watchMu.Lock()
	l, err := watch.Load(b.cfg.Index)
	if err != nil {
		b.sched.watchMu.Unlock()
		b.log.Error("saved searches not checked", "err", err)
		return
	}
	news, cerr := l.CheckWhere(ctx, b.deps.Search, func(w watch.Watch) bool { return w.Channel != "" })
	if cerr != nil {
		b.log.Error("saved searches not all checked", "err", redactWatches(cerr, l))
	}
	if len(news) > 0 {
		err = l.Save()
	}
	b.sched.watchMu.Unlock()
	if err != nil {
		b.log.Error("saved searches' new passages not recorded, so not posted", "err", err)
		return
	}
	for _, n := range news {
		var hits []index.Hit
		for _, h := range n.Hits {
			// A paper private to a channel is told only in that channel.
			if !h.Exempt && b.access.visibleIn(hitRef(h), "", n.Watch.Channel, nil) {
				hits = append(hits, h)
			}
		}
		if len(hits) == 0 {
			continue
		}
		r := alertReply(n.Watch, hits)
		b.linkSources(r.Parts[1:], hits[:min(len(hits), maxAlertHits)])
		pctx, cancel := context.WithTimeout(ctx, b.cfg.Limits.SlackTimeout)
		err := b.post(pctx, n.Watch.Channel, r)
		cancel()
		if err != nil {
			b.log.Error("saved search's new passages not posted", "watch", n.Watch.ID, "channel", n.Watch.Channel, "err", err)
			continue
		}
		b.log.Info("saved search told", "watch", n.Watch.ID, "channel", n.Watch.Channel, "passages", len(hits))
	}
}

// redactWatches cuts the saved searches' words out of err's text, for
// the logs.
func redactWatches(err error, l *watch.List) string {
	var words []string
	for _, w := range l.Watches {
		words = append(words, w.Query, w.Committee)
	}
	return redact(err.Error(), words...)
}

// alertReply tells a watch's new passages: a line saying which watch,
// then one part a passage (Parts[1:] show hits[0:], at most maxAlertHits).
func alertReply(w watch.Watch, hits []index.Hit) Reply {
	what := fmt.Sprintf("%d new passages match", len(hits))
	if len(hits) == 1 {
		what = "A new passage matches"
	}
	r := Reply{Heading: fmt.Sprintf("New for saved search %d: %s", w.ID, w.Query)}
	r.Parts = append(r.Parts, Part{Text: what + " saved search " + fmt.Sprint(w.ID) + " “" + w.Query + "”" + committeeWords(w.Committee) + "."})
	for i, h := range hits {
		if i == maxAlertHits {
			r.Parts = append(r.Parts, Part{Note: fmt.Sprintf("%d more are not shown: search %s to see them.", len(hits)-maxAlertHits, w.Query)})
			break
		}
		r.Parts = append(r.Parts, hitPart(h))
	}
	r.Parts = append(r.Parts, Part{Note: fmt.Sprintf("/scrutineer watch rm %d stops these.", w.ID)})
	return r
}

// committeeWords says a watch's committee, if it has one.
func committeeWords(c string) string {
	if c == "" {
		return ""
	}
	return " in the papers of " + c
}

// post posts r in channel, unasked: in Slack, or where the console says.
func (b *Bot) post(ctx context.Context, channel string, r Reply) error {
	if b.sched.poster != nil {
		return b.sched.poster(ctx, channel, r)
	}
	if b.api == nil {
		return fmt.Errorf("post to %s: %w: set %s", channel, ErrNoToken, EnvBotToken)
	}
	return (&slackOut{api: b.api, hc: b.http, channel: channel}).say(ctx, r)
}

// isNotInChannel reports whether err is Slack saying the bot is not in
// the channel (or cannot see it).
func isNotInChannel(err error) bool {
	var se slack.SlackErrorResponse
	return errors.As(err, &se) && notInChannel[se.Err]
}
