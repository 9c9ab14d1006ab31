package bot

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/index/watch"
	"github.com/slack-go/slack"
)

// watchUsage says how to use saved searches from Slack.
const watchUsage = "Saved searches: `watch add WORDS` (optionally `committee:\"Corporate Parenting Panel\"`) posts new passages that match in this channel as papers come in, each once; `watch list` shows the saved searches; `watch rm N` stops one (whoever added it, or an officer)."

// watchCommand answers "watch add QUERY [committee:NAME]", "watch list"
// and "watch rm ID".
func (b *Bot) watchCommand(ctx context.Context, req request, out responder) {
	action, rest, _ := strings.Cut(strings.TrimSpace(req.cmd.Arg), " ")
	rest = strings.TrimSpace(rest)
	action = strings.ToLower(action)
	adding := action == "add" || action == "new" || action == "save"
	if b.cfg.Index == "" || adding && b.deps.Search == nil {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "Saved searches are not set up on this bot: it has no index. Whoever runs Scrutineer can give it one (`scrutineer serve --index DIR`)."}}})
		return
	}
	switch {
	case adding:
		b.watchAdd(ctx, req, rest, out)
	case action == "list" || action == "ls" || action == "":
		b.watchList(ctx, req, out)
	case action == "rm" || action == "remove" || action == "delete" || action == "del" || action == "stop":
		b.watchRemove(ctx, req, rest, out)
	default:
		b.say(ctx, out, Reply{Parts: []Part{{Text: watchUsage}}})
	}
}

// committeeRE finds "committee:NAME" in a saved search's words, NAME in
// straight or curly quotes when it has spaces.
var committeeRE = regexp.MustCompile(`(?i)(?:^|\s)committee:(?:"([^"]*)"|“([^”]*)”|(\S+))`)

// splitCommittee takes "committee:NAME" out of a saved search's words.
func splitCommittee(s string) (query, committee string) {
	m := committeeRE.FindStringSubmatch(s)
	if m == nil {
		return strings.TrimSpace(s), ""
	}
	query = strings.Join(strings.Fields(strings.Replace(s, m[0], " ", 1)), " ")
	return query, strings.TrimSpace(m[1] + m[2] + m[3])
}

// watchAdd saves a search whose new matches are posted in the channel it
// was asked in. A slash command may be typed in a channel the bot is not
// in: the bot then says so in the channel, and when it cannot, the
// search is not kept.
func (b *Bot) watchAdd(ctx context.Context, req request, words string, out responder) {
	query, committee := splitCommittee(words)
	if query == "" {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "What should I watch for? For example: watch add placement stability committee:\"Corporate Parenting Panel\""}}})
		return
	}
	if req.channel == "" {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "I can only post a saved search's new matches in a channel: add it in the channel where they should go."}}})
		return
	}
	var w watch.Watch
	err := b.editWatches(func(l *watch.List) error {
		var err error
		w, err = l.AddWatch(ctx, b.deps.Search, watch.Watch{Query: query, Committee: committee, Channel: req.channel, Owner: req.user})
		return err
	})
	if err != nil {
		b.sorry(ctx, out, "save that search", err, query, committee)
		return
	}
	if req.slash {
		notice := Reply{Parts: []Part{{Text: fmt.Sprintf("A saved search was added here: %d “%s”%s. I will post new passages that match it in this channel, each once.", w.ID, w.Query, committeeWords(w.Committee)),
			Note: fmt.Sprintf("/scrutineer watch list shows the saved searches; /scrutineer watch rm %d stops this one.", w.ID)}}}
		if err := b.post(ctx, req.channel, notice); err != nil {
			if isNotInChannel(err) {
				if err := b.editWatches(func(l *watch.List) error { return l.Remove(w.ID) }); err != nil {
					b.log.Error("saved search not taken back", "watch", w.ID, "err", err)
				}
				b.say(ctx, out, Reply{Parts: []Part{{Text: "I am not in this channel, so I could not post new matches here and have not kept the search. Invite @scrutineer to the channel, then add it again."}}})
				return
			}
			b.log.Warn("saved search's notice not posted", "watch", w.ID, "channel", req.channel, "err", err)
		}
	}
	b.log.Info("saved search added", "watch", w.ID, "channel", req.channel)
	b.say(ctx, out, Reply{Parts: []Part{{Text: fmt.Sprintf("Saved search %d: “%s”%s. %s match now; I will post new ones in this channel as papers come in, each once.", w.ID, w.Query, committeeWords(w.Committee), passages(len(w.Seen))),
		Note: fmt.Sprintf("watch rm %d stops it.", w.ID)}}})
}

// passages says how many passages, as a sentence starts.
func passages(n int) string {
	switch n {
	case 0:
		return "No passages"
	case 1:
		return "One passage"
	}
	return fmt.Sprintf("%d passages", n)
}

// editWatches loads the saved searches, lets edit change them and saves
// them, one edit at a time.
func (b *Bot) editWatches(edit func(l *watch.List) error) error {
	b.sched.watchMu.Lock()
	defer b.sched.watchMu.Unlock()
	l, err := watch.Load(b.cfg.Index)
	if err != nil {
		return err
	}
	if err := edit(l); err != nil {
		return err
	}
	return l.Save()
}

// loadWatches reads the saved searches.
func (b *Bot) loadWatches() (*watch.List, error) {
	b.sched.watchMu.Lock()
	defer b.sched.watchMu.Unlock()
	return watch.Load(b.cfg.Index)
}

// watchList lists the saved searches, where each posts, and who added it.
func (b *Bot) watchList(ctx context.Context, req request, out responder) {
	l, err := b.loadWatches()
	if err != nil {
		b.sorry(ctx, out, "read the saved searches", err)
		return
	}
	if len(l.Watches) == 0 {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "No saved searches yet. Add one in the channel its matches should go to: watch add placement stability"}}})
		return
	}
	r := Reply{Heading: "Saved searches"}
	for _, w := range l.Watches {
		r.Parts = append(r.Parts, Part{Text: fmt.Sprintf("%d. %s", w.ID, w.Query), Note: joinSet(" · ", committeeNote(w.Committee), b.whereNote(w, req.channel), ownerNote(w, req.user), "since "+dateOf(w.Created))})
	}
	r.Parts = append(r.Parts, Part{Note: "watch rm N stops one (whoever added it, or an officer)."})
	b.say(ctx, out, r)
}

func committeeNote(c string) string {
	if c == "" {
		return ""
	}
	return "committee: " + c
}

// whereNote says where a watch posts, seen from channel.
func (b *Bot) whereNote(w watch.Watch, channel string) string {
	switch w.Channel {
	case "":
		return "told on the command line only"
	case channel:
		return "posts here"
	}
	return "posts to channel " + w.Channel
}

// ownerNote says who added a watch, seen by user.
func ownerNote(w watch.Watch, user string) string {
	switch {
	case w.Owner == "":
		return "added at the console or the command line"
	case w.Owner == user:
		return "added by you"
	}
	return ""
}

// dateOf is the day of an RFC 3339 time ("2026-12-06").
func dateOf(rfc3339 string) string {
	d, _, _ := strings.Cut(rfc3339, "T")
	return d
}

// mayRemoveWatch reports whether user may remove w: whoever added it, an
// officer, or whoever runs the console.
func (b *Bot) mayRemoveWatch(w watch.Watch, user string) bool {
	if b.sched.poster != nil && user == "" {
		return true // the console: whoever runs Scrutineer
	}
	return user != "" && (user == w.Owner || slices.Contains(b.cfg.Officers, user))
}

// watchRemove removes a saved search by its number.
func (b *Bot) watchRemove(ctx context.Context, req request, arg string, out responder) {
	id, err := strconv.Atoi(strings.TrimPrefix(arg, "#"))
	if err != nil {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "Which saved search? Give its number from `watch list`, for example: watch rm 3"}}})
		return
	}
	var w watch.Watch
	var refused, missing bool
	err = b.editWatches(func(l *watch.List) error {
		var ok bool
		if w, ok = l.Find(id); !ok {
			missing = true
			return errNoChange
		}
		if !b.mayRemoveWatch(w, req.user) {
			refused = true
			return errNoChange
		}
		return l.Remove(id)
	})
	switch {
	case missing:
		b.say(ctx, out, Reply{Parts: []Part{{Text: fmt.Sprintf("There is no saved search %d. `watch list` shows them.", id)}}})
	case refused:
		b.say(ctx, out, Reply{Parts: []Part{{Text: fmt.Sprintf("Only whoever added saved search %d, or an officer listed in my configuration (`officers`), can remove it.", id)}}})
	case err != nil:
		b.sorry(ctx, out, "remove that saved search", err)
	default:
		b.log.Info("saved search removed", "watch", id)
		b.say(ctx, out, Reply{Parts: []Part{{Text: fmt.Sprintf("Removed saved search %d “%s”: nothing more will be posted for it.", id, w.Query)}}})
	}
}

// errNoChange ends an edit of the saved searches without saving.
var errNoChange = userError("no change")

// watchChoices are the App Home's buttons to remove the saved searches
// user may remove.
func (b *Bot) watchChoices(user string) []Choice {
	if b.cfg.Index == "" {
		return nil
	}
	l, err := b.loadWatches()
	if err != nil {
		return nil // watchParts says so
	}
	var out []Choice
	for _, w := range l.Watches {
		if b.mayRemoveWatch(w, user) {
			out = append(out, Choice{Label: clip(fmt.Sprintf("Remove %d: %s", w.ID, w.Query), maxButtonRunes), Command: fmt.Sprintf("watch rm %d", w.ID)})
		}
	}
	return out
}

// onHomeAction handles a button of the App Home tab (removing a saved
// search), then draws the tab again. It reports whether ic came from the
// App Home.
func (b *Bot) onHomeAction(ic slack.InteractionCallback) bool {
	if ic.View.Type != slack.VTHomeTab {
		return false
	}
	user := ic.User.ID
	for _, a := range ic.ActionCallback.BlockActions {
		req := parseChoice(a.Value)
		if !strings.HasPrefix(a.ActionID, actionChoose) || req.cmd.Verb != verbWatch || user == "" {
			continue
		}
		req.user = user
		b.log.Info("request", "via", "home", "verb", req.cmd.Verb)
		b.track("home", func() {
			ctx, cancel := context.WithTimeout(b.jobCtx, b.cfg.Limits.SlackTimeout)
			defer cancel()
			b.watchCommand(ctx, req, logOut{b})
			if err := b.publishHome(ctx, user); err != nil {
				b.log.Error("app home not shown", "err", err)
			}
		})
	}
	return true
}

// logOut is the responder of a request with nowhere to answer (a button
// of the App Home, which is drawn again instead): replies are dropped.
type logOut struct{ b *Bot }

func (o logOut) say(context.Context, Reply) error {
	o.b.log.Debug("reply dropped: nowhere to answer")
	return nil
}
