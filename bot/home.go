package bot

import (
	"context"
	"fmt"

	"github.com/slack-go/slack"
)

// homeRecent is how many recent briefs the App Home tab lists.
const homeRecent = 10

// homeReply is what the App Home tab shows user: what the bot can do, and
// the papers briefed in this workspace that user may see, newest first.
func (b *Bot) homeReply(user string) Reply {
	help := helpReply()
	r := Reply{Heading: "Scrutineer", Parts: []Part{{Text: "I help councillors and scrutiny officers prepare for children's services scrutiny: search past papers, questions to ask about a report, and briefings of agenda packs."}}}
	r.Parts = append(r.Parts, help.Parts...)
	recent := b.access.recent(user, homeRecent)
	r.Parts = append(r.Parts, Part{Title: "Recent briefs in this workspace"})
	if len(recent) == 0 {
		r.Parts = append(r.Parts, Part{Text: "None yet. Send me an agenda pack as a PDF and I will brief it."})
	}
	for _, p := range recent {
		note := "briefed " + p.Added.Format("2 January 2006")
		if p.Private {
			note += " · only you can find it"
		}
		r.Parts = append(r.Parts, Part{Text: p.Source, Note: note, Link: p.Permalink})
	}
	r.Parts = append(r.Parts, b.watchParts()...)
	r.Choices = b.watchChoices(user)
	return r
}

// watchParts lists the saved searches of the bot's index (`scrutineer
// watch`), or says why it cannot.
func (b *Bot) watchParts() []Part {
	parts := []Part{{Title: "Saved searches"}}
	if b.cfg.Index == "" {
		return append(parts, Part{Text: "None: this bot has no index folder to keep them beside."})
	}
	l, err := b.loadWatches()
	if err != nil {
		b.log.Error("read saved searches failed", "err", err)
		return append(parts, Part{Text: "I could not read the saved searches; whoever runs Scrutineer can see why in the log."})
	}
	if len(l.Watches) == 0 {
		return append(parts, Part{Text: "None yet. Add one in the channel its new matches should go to: /scrutineer watch add WORDS."})
	}
	for _, w := range l.Watches {
		note := "since " + dateOf(w.Created)
		if w.Channel != "" {
			note += " · new matches are posted to channel " + w.Channel
		}
		parts = append(parts, Part{Text: joinSet(" · ", w.Query, w.Committee), Note: note})
	}
	return parts
}

// publishHome shows user the App Home tab (views.publish).
func (b *Bot) publishHome(ctx context.Context, user string) error {
	view := slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: b.homeReply(user).fit().blockMessages()[0]}}
	if _, err := b.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: user, View: view}); err != nil {
		return fmt.Errorf("views.publish for %s: %w", user, err)
	}
	return nil
}
