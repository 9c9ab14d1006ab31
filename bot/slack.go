package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// slackOut posts replies into one Slack thread. With no thread yet (a
// slash command), the first reply starts one and the rest go under it.
//
// A slash command typed in a channel the bot is not in cannot be answered
// with chat.postMessage; then the replies go to the command's response
// URL, seen only by the user who typed it, with a hint to invite the bot.
type slackOut struct {
	api *slack.Client
	// hc posts to the response URL, with the bot's timeouts.
	hc          *http.Client
	channel     string
	responseURL string
	mu          sync.Mutex
	thread      string
	// private is set once replies go to the response URL: for a slash
	// command answered privately (askedPrivately), or in a channel the
	// bot is not in.
	private, askedPrivately bool
	// progress is the ts of a "working on it" message the next reply
	// replaces, "" for none.
	progress string
}

// publicAsked reads a slash command's leading "public": the answer is
// posted for the channel to see. It returns the rest of the text.
func publicAsked(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if w, rest, _ := strings.Cut(t, " "); strings.EqualFold(w, "public") {
		return strings.TrimSpace(rest), true
	}
	return t, false
}

// slackEntities undoes the only escaping Slack applies to the text it
// sends: &, < and > (the inverse of slackutilsx.EscapeMessage).
var slackEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// unescapeSlack reads text as Slack sends it, once: "Children &amp;
// Families" is "Children & Families", "&amp;lt;" is "&lt;". Slack's own
// markup (<@U123>, <https://...>) has real angle brackets and is left
// for parseCommand.
func unescapeSlack(s string) string {
	return slackEntities.Replace(s)
}

// notInChannel is the Slack error for posting where the bot is no member.
var notInChannel = map[string]bool{"not_in_channel": true, "channel_not_found": true}

func (o *slackOut) say(ctx context.Context, r Reply) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.sayLocked(ctx, r)
}

// sayLocked posts r; o.mu is held.
func (o *slackOut) sayLocked(ctx context.Context, r Reply) error {
	r = r.fit()
	for _, blocks := range r.blockMessages() {
		if o.private {
			if err := o.whisper(ctx, r.fallback(), blocks); err != nil {
				return err
			}
			continue
		}
		opts := []slack.MsgOption{slack.MsgOptionText(r.fallback(), false), slack.MsgOptionBlocks(blocks...)}
		if o.progress != "" {
			// The answer takes the place of the "working on it" message.
			at := o.progress
			o.progress = ""
			if _, _, _, err := o.api.UpdateMessageContext(ctx, o.channel, at, opts...); err == nil {
				continue
			}
			// The message could not be updated (deleted, too old): post.
		}
		if o.thread != "" {
			opts = append(opts, slack.MsgOptionTS(o.thread))
		}
		_, ts, err := o.api.PostMessageContext(ctx, o.channel, opts...)
		if err == nil && r.Progress {
			o.progress = ts
		}
		if err != nil && notInChannel[err.Error()] && o.responseURL != "" {
			o.private = true
			hint := Reply{Parts: []Part{{Note: "I am not in this channel, so only you can see my replies. Invite @scrutineer to the channel to share them."}}}
			if err := o.whisper(ctx, hint.fallback(), hint.blockMessages()[0]); err != nil {
				return err
			}
			if err := o.whisper(ctx, r.fallback(), blocks); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("post to %s: %w", o.channel, err)
		}
		if o.thread == "" {
			o.thread = ts
		}
	}
	if o.private {
		if r.File != nil && o.askedPrivately {
			// Files cannot go to a response URL: say how to get it.
			note := Reply{Parts: []Part{{Note: "The full brief is a file, which only an answer the channel can see may carry: add `public` to the command (`/scrutineer public brief`) to post it in the channel."}}}
			return o.whisper(ctx, note.fallback(), note.blockMessages()[0])
		}
		return nil // files cannot go to a response URL
	}
	var files []*Attachment
	if r.File != nil {
		files = append(files, r.File)
	}
	for i := range r.Others {
		files = append(files, &r.Others[i])
	}
	for _, f := range files {
		if err := uploadFile(ctx, o.api, f, o.channel, o.thread); err != nil {
			if ctx.Err() == nil {
				// The user sees the briefing; tell them the file is missing.
				note := Reply{Parts: []Part{{Note: "I could not attach “" + f.Name + "” this time. Ask me again to get the file."}}}
				err = errors.Join(err, o.sayLocked(ctx, note))
			}
			return fmt.Errorf("attach to %s: %w", o.channel, err)
		}
	}
	return nil
}

// whisper posts an ephemeral reply to the slash command's response URL.
func (o *slackOut) whisper(ctx context.Context, text string, blocks []slack.Block) error {
	msg := &slack.WebhookMessage{Text: text, ResponseType: slack.ResponseTypeEphemeral, Blocks: &slack.Blocks{BlockSet: blocks}}
	hc := o.hc
	if hc == nil {
		hc = newHTTPClient(DefaultConfig().Limits.SlackTimeout)
	}
	if err := slack.PostWebhookCustomHTTPContext(ctx, o.responseURL, hc, msg); err != nil {
		return fmt.Errorf("post to response url: %w", err)
	}
	return nil
}

// onEvent handles one Events API callback, from either transport. Retries
// of an event already seen are dropped.
func (b *Bot) onEvent(ev slackevents.EventsAPIEvent) {
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok && !b.events.first(cb.EventID) {
		b.log.Debug("dropped repeated event", "event_id", cb.EventID)
		return
	}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if b.isSelf(e.User, e.BotID) || !b.events.first("msg:"+e.Channel+":"+e.TimeStamp) {
			return
		}
		b.start("mention", e.User, e.Channel, e.TimeStamp, firstNonEmpty(e.ThreadTimeStamp, e.TimeStamp), e.Text, e.Files)
	case *slackevents.MessageEvent:
		// Channel messages reach the bot as app_mention; here only direct
		// messages count.
		if e.ChannelType != slackevents.ChannelTypeIM || b.isSelf(e.User, e.BotID) {
			return
		}
		if e.SubType != "" && e.SubType != "file_share" {
			return
		}
		// A mention in a direct message may also come as app_mention.
		if !b.events.first("msg:" + e.Channel + ":" + e.TimeStamp) {
			return
		}
		var files []slack.File
		if e.Message != nil {
			files = e.Message.Files
		}
		b.start("dm", e.User, e.Channel, e.TimeStamp, firstNonEmpty(e.ThreadTimeStamp, e.TimeStamp), e.Text, files)
	case *slackevents.FileSharedEvent:
		b.onFileShared(e)
	case *slackevents.AppHomeOpenedEvent:
		if e.Tab != "home" || e.User == "" {
			return
		}
		b.track("home", func() {
			ctx, cancel := context.WithTimeout(b.jobCtx, b.cfg.Limits.SlackTimeout)
			defer cancel()
			if err := b.publishHome(ctx, e.User); err != nil {
				b.log.Error("app home not shown", "err", err)
			}
		})
	}
}

// start parses the message at ts and starts the job that answers it in
// thread.
func (b *Bot) start(kind, user, channel, ts, thread, text string, files []slack.File) {
	req := request{channel: channel, user: user, cmd: parseCommand(unescapeSlack(text))}
	// Shared files are briefed when the message asks for nothing else;
	// a file that is not a PDF is then refused in a plain sentence. A PDF
	// the file_shared event has already taken up is left to it.
	if len(files) > 0 && (req.cmd.Verb == verbHelp || req.cmd.Verb == verbBrief || req.cmd.Verb == verbUnknown) {
		for _, f := range files {
			src := b.slackFile(f)
			if src.looksPDF() && !b.events.first(fileKey(channel, f.ID, ts)) {
				continue
			}
			req.files = append(req.files, src)
		}
		if len(req.files) == 0 {
			b.log.Debug("files already being briefed", "via", kind, "channel", channel)
			return
		}
	}
	b.log.Info("request", "via", kind, "channel", channel, "verb", req.cmd.Verb, "files", len(req.files))
	out := &slackOut{api: b.api, hc: b.http, channel: channel, thread: thread}
	b.run(kind, req, out)
}

// fileKey names one share of a file: in channel, by the message at ts. A
// PDF announced both by its message and by file_shared is briefed once;
// shared again later, it is briefed again.
func fileKey(channel, fileID, ts string) string {
	if fileID == "" {
		return ""
	}
	return "file:" + channel + ":" + fileID + ":" + ts
}

// onFileShared briefs a PDF shared where the bot briefs unasked (a direct
// message, or a channel in papers_channels; see Config.BriefsUnasked).
// The event carries only the file's ID: files.info gives its name, type,
// size and the message that shared it, whose thread the briefing goes in.
// Files that are not PDFs, the bot's own uploads and files in other
// channels are passed over in silence, as nobody asked about them.
func (b *Bot) onFileShared(e *slackevents.FileSharedEvent) {
	if e.FileID == "" || b.isSelf(e.UserID, "") || !b.cfg.BriefsUnasked(e.ChannelID) {
		return
	}
	ok := b.track("file_shared", func() {
		ctx, cancel := context.WithTimeout(b.jobCtx, b.cfg.Limits.JobTimeout)
		f, _, _, err := b.api.GetFileInfoContext(ctx, e.FileID, 0, 0)
		cancel()
		if err != nil {
			b.log.Error("files.info failed", "file", e.FileID, "err", err)
			return
		}
		src := b.slackFile(*f)
		share := latestShare(f, e.ChannelID)
		if !src.looksPDF() || !b.events.first(fileKey(e.ChannelID, e.FileID, share.Ts)) {
			return
		}
		b.log.Info("request", "via", "file_shared", "channel", e.ChannelID, "files", 1)
		out := &slackOut{api: b.api, hc: b.http, channel: e.ChannelID, thread: firstNonEmpty(share.ThreadTs, share.Ts)}
		req := request{channel: e.ChannelID, user: e.UserID, cmd: command{Verb: verbBrief}, files: []fileSource{src}}
		b.slot("file_shared", out, func(ctx context.Context, out responder) { b.handle(ctx, req, out) })
	})
	if !ok {
		b.log.Warn("request refused: shutting down", "via", "file_shared")
	}
}

// latestShare returns the latest message that shared f in channel, as
// files.info reports it: its ts, and the thread it is in ("" for none).
// The briefing goes in that thread, or under that message. Both are ""
// when files.info does not say; the briefing then starts a thread.
func latestShare(f *slack.File, channel string) slack.ShareFileInfo {
	var latest slack.ShareFileInfo
	for _, s := range append(f.Shares.Public[channel], f.Shares.Private[channel]...) {
		if tsAfter(s.Ts, latest.Ts) {
			latest = s
		}
	}
	return latest
}

// tsAfter reports whether Slack timestamp a ("1800000000.000100") is later
// than b; "" is earliest.
func tsAfter(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a > b
}

// run answers req in a job; when the bot is shutting down it is dropped
// and logged.
func (b *Bot) run(kind string, req request, out responder) {
	ok := b.spawn(kind, out, func(ctx context.Context, out responder) { b.handle(ctx, req, out) })
	if !ok {
		b.log.Warn("request refused: shutting down", "via", kind)
	}
}

// onCommand handles a /scrutineer slash command. Its replies start a new
// thread in the channel the command was typed in.
func (b *Bot) onCommand(sc slack.SlashCommand) {
	text, public := publicAsked(unescapeSlack(sc.Text))
	req := request{channel: sc.ChannelID, user: sc.UserID, cmd: parseCommand(text), slash: true}
	b.log.Info("request", "via", "command", "channel", sc.ChannelID, "verb", req.cmd.Verb, "public", public)
	out := &slackOut{api: b.api, hc: b.http, channel: sc.ChannelID, responseURL: sc.ResponseURL}
	if !public && !slices.Contains(b.cfg.PublicChannels, sc.ChannelID) && sc.ResponseURL != "" {
		// A slash command's answer is for whoever typed it.
		out.private, out.askedPrivately = true, true
	}
	if req.cmd.Verb != verbBrief {
		b.run("command", req, out)
		return
	}
	b.spawn("command", out, func(ctx context.Context, out responder) {
		f, err := b.latestPDF(ctx, sc.ChannelID, req.cmd.Arg)
		if err != nil {
			b.sorry(ctx, out, "find a PDF shared in this channel", err, req.cmd.Arg)
			return
		}
		req.files = []fileSource{b.slackFile(*f)}
		b.handle(ctx, req, out)
	})
}

// latestPDF finds the newest PDF shared in channel whose name contains
// name ("" for any).
func (b *Bot) latestPDF(ctx context.Context, channel, name string) (*slack.File, error) {
	files, _, err := b.api.GetFilesContext(ctx, slack.GetFilesParameters{Channel: channel, Types: "pdfs", Count: 20})
	if err != nil {
		return nil, fmt.Errorf("files.list in %s: %w", channel, err)
	}
	for i := range files {
		f := &files[i]
		if name == "" || strings.Contains(strings.ToLower(f.Name), strings.ToLower(name)) || strings.Contains(strings.ToLower(f.Title), strings.ToLower(name)) {
			return f, nil
		}
	}
	if name == "" {
		return nil, userError("I found no PDF shared in this channel. Share the agenda pack here (mentioning me), or send it to me directly.")
	}
	return nil, userError("I found no PDF shared in this channel with that name. Try `/scrutineer brief` alone for the latest one.")
}

// onInteraction handles a button from an earlier reply: the answer goes in
// the same thread.
func (b *Bot) onInteraction(ic slack.InteractionCallback) {
	if ic.Type == slack.InteractionTypeMessageAction && ic.CallbackID == shortcutBrief {
		b.onShortcut(ic)
		return
	}
	if ic.Type != slack.InteractionTypeBlockActions {
		return
	}
	if b.onHomeAction(ic) {
		return
	}
	for _, a := range ic.ActionCallback.BlockActions {
		if !strings.HasPrefix(a.ActionID, actionChoose) {
			continue
		}
		req := parseChoice(a.Value)
		req.channel = firstNonEmpty(ic.Channel.ID, ic.Container.ChannelID)
		req.user = ic.User.ID
		thread := firstNonEmpty(ic.Container.ThreadTs, ic.Message.ThreadTimestamp, ic.Container.MessageTs, ic.Message.Timestamp)
		b.chosen(req.channel, firstNonEmpty(ic.Container.MessageTs, ic.Message.Timestamp), ic.Message.Blocks.BlockSet, a.Text.Text)
		b.log.Info("request", "via", "button", "channel", req.channel, "verb", req.cmd.Verb)
		b.run("button", req, &slackOut{api: b.api, hc: b.http, channel: req.channel, thread: thread, responseURL: ic.ResponseURL})
	}
}

// shortcutBrief is the callback ID of the message shortcut "Ask
// Scrutineer about this file" (see manifest.yaml).
const shortcutBrief = "scrutineer_brief_file"

// onShortcut answers the message shortcut on a message: its PDFs are
// briefed in the message's thread; a message without one is told so,
// privately.
func (b *Bot) onShortcut(ic slack.InteractionCallback) {
	channel := firstNonEmpty(ic.Channel.ID, ic.Container.ChannelID)
	ts := firstNonEmpty(ic.Message.Timestamp, ic.Container.MessageTs)
	thread := firstNonEmpty(ic.Message.ThreadTimestamp, ts)
	req := request{channel: channel, user: ic.User.ID, cmd: command{Verb: verbBrief}}
	for _, f := range ic.Message.Files {
		if src := b.slackFile(f); src.looksPDF() && b.events.first(fileKey(channel, f.ID, ts)) {
			req.files = append(req.files, src)
		}
	}
	b.log.Info("request", "via", "shortcut", "channel", channel, "files", len(req.files))
	if len(req.files) == 0 {
		out := &slackOut{api: b.api, hc: b.http, channel: channel, responseURL: ic.ResponseURL, private: ic.ResponseURL != "", askedPrivately: true}
		b.spawn("shortcut", out, func(ctx context.Context, out responder) {
			b.say(ctx, out, Reply{Parts: []Part{{Text: "That message has no PDF for me to brief (or I am briefing it already). Use “Ask Scrutineer about this file” on a message with an agenda pack, or send me the PDF."}}})
		})
		return
	}
	b.run("shortcut", req, &slackOut{api: b.api, hc: b.http, channel: channel, thread: thread, responseURL: ic.ResponseURL})
}

// chosen replaces a reply's buttons, once one is used, with the choice
// made, so the others cannot be pressed again. A message that cannot be
// updated (an ephemeral one) is left as it is.
func (b *Bot) chosen(channel, ts string, blocks []slack.Block, label string) {
	if channel == "" || ts == "" || len(blocks) == 0 {
		return
	}
	var kept []slack.Block
	for _, bl := range blocks {
		if bl.BlockType() != slack.MBTAction {
			kept = append(kept, bl)
		}
	}
	if label == "" {
		label = "one of these"
	}
	kept = append(kept, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, "Chosen: "+mrkdwn(label), false, false)))
	ctx, cancel := context.WithTimeout(context.Background(), b.cfg.Limits.SlackTimeout)
	defer cancel()
	if _, _, _, err := b.api.UpdateMessageContext(ctx, channel, ts, slack.MsgOptionBlocks(kept...)); err != nil {
		b.log.Debug("buttons not replaced", "err", err)
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
