package bot

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// membersFor is how long the bot trusts the members it read of a
// private channel before it reads them again.
const membersFor = 5 * time.Minute

// channels remembers, per process, which channels are private and who
// is in them, as Slack said. Privacy is checked once a channel; members
// are read again after membersFor.
type channels struct {
	mu      sync.Mutex
	private map[string]bool
	members map[string]memberList
}

// memberList is the members of a channel read at a time.
type memberList struct {
	users []string
	read  time.Time
}

// isPrivate reports whether channel is a private channel, asking Slack
// (conversations.info) the first time. When Slack cannot say, the channel
// is taken as private: a paper is kept from people who may not see it
// rather than shown to them.
func (b *Bot) isPrivate(ctx context.Context, channel string) bool {
	if channel == "" || isDM(channel) || channel == ConsoleChannel || b.api == nil {
		return false
	}
	b.chans.mu.Lock()
	p, ok := b.chans.private[channel]
	b.chans.mu.Unlock()
	if ok {
		return p
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Limits.SlackTimeout)
	defer cancel()
	info, err := b.api.GetConversationInfoContext(ctx, &slack.GetConversationInfoInput{ChannelID: channel})
	if err != nil {
		b.log.Warn("channel's privacy not known: its papers are kept to it", "channel", channel, "err", err)
		return true
	}
	b.chans.mu.Lock()
	if b.chans.private == nil {
		b.chans.private = map[string]bool{}
	}
	b.chans.private[channel] = info.IsPrivate
	b.chans.mu.Unlock()
	return info.IsPrivate
}

// memberOf returns whether user is in a channel, reading its members from
// Slack (conversations.members) at most every membersFor. A channel whose
// members cannot be read has none.
func (b *Bot) memberOf(ctx context.Context, user string) func(channel string) bool {
	return func(channel string) bool {
		if user == "" || b.api == nil {
			return false
		}
		b.chans.mu.Lock()
		m, ok := b.chans.members[channel]
		b.chans.mu.Unlock()
		if !ok || time.Since(m.read) > membersFor {
			users, err := b.readMembers(ctx, channel)
			if err != nil {
				b.log.Warn("channel's members not read: its private papers are withheld", "channel", channel, "err", err)
				return false
			}
			m = memberList{users: users, read: time.Now()}
			b.chans.mu.Lock()
			if b.chans.members == nil {
				b.chans.members = map[string]memberList{}
			}
			b.chans.members[channel] = m
			b.chans.mu.Unlock()
		}
		return slices.Contains(m.users, user)
	}
}

// readMembers reads every member of a channel, page by page.
func (b *Bot) readMembers(ctx context.Context, channel string) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Limits.SlackTimeout)
	defer cancel()
	var all []string
	cursor := ""
	for {
		users, next, err := b.api.GetUsersInConversationContext(ctx, &slack.GetUsersInConversationParameters{ChannelID: channel, Cursor: cursor, Limit: 1000})
		if err != nil {
			return nil, err
		}
		all = append(all, users...)
		if next == "" {
			return all, nil
		}
		cursor = next
	}
}
