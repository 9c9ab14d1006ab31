package bot

import (
	"context"
	"errors"
	"fmt"
	"html"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/render"
	"github.com/scrutineer/scrutineer/index"
)

// responder delivers the bot's replies to wherever the request came from.
type responder interface {
	say(ctx context.Context, r Reply) error
}

// request is one thing a user asked for, whatever the transport.
type request struct {
	// channel decides whether exempt material may be shown.
	channel string
	// user is who asked: papers briefed privately are found only by them.
	user string
	cmd  command
	// paper is a paper chosen from an earlier reply; it skips the search
	// by title.
	paper *Paper
	// files are shared files to brief.
	files []fileSource
	// slash is set for a /scrutineer command, which may be typed in a
	// channel the bot is not in.
	slash bool
}

// say delivers r and logs (without its text) when that fails. When the
// job's context has ended (timeout, shutdown) the reply still gets a few
// seconds, so the user hears why their request stopped.
func (b *Bot) say(ctx context.Context, out responder, r Reply) {
	if ctx.Err() != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), lastWordWait)
		defer cancel()
	}
	if err := out.say(ctx, r); err != nil {
		b.log.Error("reply failed", "err", err)
	}
}

// lastWordWait bounds a reply sent after the job's context has ended.
const lastWordWait = 3 * time.Second

// sorry tells the user in a plain sentence that what they asked for
// failed, and logs the error for whoever runs the bot, with the user's
// words (which the services may quote in their errors) cut out.
func (b *Bot) sorry(ctx context.Context, out responder, what string, err error, words ...string) {
	b.log.Error("request failed", "err", redact(err.Error(), words...))
	msg := "Sorry, I could not " + what + ": something went wrong on my side, and it is logged for whoever runs me. Asking in other words may get round it; if it happens again, tell whoever runs Scrutineer."
	if ctx.Err() != nil {
		// Whatever the service returned, the job was stopped.
		err = ctx.Err()
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		msg = "Sorry, I could not " + what + ": it took too long, so I stopped. Fewer or more exact words, or a smaller file, will be quicker."
	case errors.Is(err, context.Canceled):
		msg = "Sorry, I could not " + what + ": I am shutting down. Please ask again in a minute."
	}
	var ue userError
	if errors.As(err, &ue) {
		msg = string(ue)
	}
	if errors.Is(err, index.ErrQuery) {
		// The user's own words could not be read: say what is wrong.
		msg = "I could not read that search: " + strings.TrimPrefix(queryProblem(err), index.ErrQuery.Error()+": ")
	}
	b.say(ctx, out, Reply{Parts: []Part{{Text: msg}}})
}

// redact replaces each non-empty word in s, as it stands or as %q
// escapes it, with "[…]".
func redact(s string, words ...string) string {
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			quoted := strconv.Quote(w)
			s = strings.ReplaceAll(s, quoted[1:len(quoted)-1], "[…]")
			s = strings.ReplaceAll(s, w, "[…]")
		}
	}
	return s
}

// userError is an error whose text is meant for the user as it stands.
type userError string

func (e userError) Error() string { return string(e) }

// handle answers one request.
func (b *Bot) handle(ctx context.Context, req request, out responder) {
	switch {
	case req.paper != nil:
		b.ask(ctx, req, out)
	case len(req.files) > 0:
		for _, f := range req.files {
			b.brief(ctx, req, f, out)
		}
	default:
		switch req.cmd.Verb {
		case verbHelp:
			b.say(ctx, out, helpReply())
		case verbSearch:
			b.search(ctx, req, out)
		case verbAsk:
			b.ask(ctx, req, out)
		case verbRemove:
			b.remove(ctx, req, out)
		case verbWatch:
			b.watchCommand(ctx, req, out)
		case verbFetch:
			b.fetchCommand(ctx, req, out, false)
		case verbBrief:
			b.say(ctx, out, Reply{Parts: []Part{{Text: "Share the agenda pack as a PDF with me (in a direct message, or in a channel mentioning me) and I will brief it. In a channel where a pack was shared, `/scrutineer brief NAME` briefs the latest PDF whose name contains NAME. In a papers channel I brief every PDF shared."}}})
		default:
			b.say(ctx, out, Reply{Parts: []Part{{Text: "I did not understand that. I can search the papers, suggest questions about a report, or brief an agenda pack. Type `help` for examples."}}})
		}
	}
}

// remove answers "remove FILE": an officer, or whoever shared the paper
// privately, takes it out of the index.
func (b *Bot) remove(ctx context.Context, req request, out responder) {
	name := req.cmd.Arg
	if name == "" {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "Which paper? Give its file name as search results show it, for example: remove wexcombe-cyp-2026-10-14.pdf"}}})
		return
	}
	if b.deps.Remover == nil {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "Removing papers is not set up on this bot: it has no index. Whoever runs Scrutineer can remove one with `scrutineer remove FILE`."}}})
		return
	}
	officer := req.user != "" && slices.Contains(b.cfg.Officers, req.user)
	doc, err := b.deps.Remover.Find(ctx, name)
	var amb *index.AmbiguousError
	if errors.As(err, &amb) && !officer {
		// Whoever shared a paper privately may remove it by its name
		// alone when it is the only one of that name that is theirs.
		var own []index.DocumentInfo
		for _, d := range amb.Papers {
			if b.ownsPrivately(paperRef{ID: d.ID, Name: d.Source}, req.user) {
				own = append(own, d)
			}
		}
		if len(own) == 1 {
			doc, err = &own[0], nil
		}
	}
	var paper paperRef
	if err == nil {
		paper = paperRef{ID: doc.ID, Name: doc.Source}
	}
	if !officer && (err != nil || !b.ownsPrivately(paper, req.user)) {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "Only the officers listed in my configuration (`officers`) can remove a paper, or whoever shared it with me privately. Ask one of them, or whoever runs Scrutineer (`scrutineer remove FILE`)."}}})
		return
	}
	switch {
	case errors.Is(err, index.ErrNotFound):
		b.say(ctx, out, Reply{Parts: []Part{{Text: "I have no paper named “" + name + "”. Search results show each paper's file name; give it exactly."}}})
		return
	case amb != nil && err != nil:
		b.say(ctx, out, b.whichPaper(amb, req.user))
		return
	case err != nil:
		b.sorry(ctx, out, "remove “"+name+"”", err, name)
		return
	}
	if err := b.deps.Remover.Remove(ctx, doc.ID); err != nil {
		b.sorry(ctx, out, "remove “"+name+"”", err, name)
		return
	}
	if err := b.access.forget(paper); err != nil {
		b.log.Error("forget who may see a paper failed", "file", fileRef(name), "err", redact(err.Error(), name))
	}
	b.log.Info("paper removed", "channel", req.channel, "file", fileRef(name))
	b.say(ctx, out, Reply{Parts: []Part{{Text: "Removed “" + doc.Source + "” from the index: searches and questions will not find it any more. Briefings already posted in Slack stay where they are."}}})
}

// ownsPrivately reports whether user shared the paper p with the bot
// privately (and it was never shared in a channel).
func (b *Bot) ownsPrivately(p paperRef, user string) bool {
	return user != "" && !b.access.visibleTo(p, "") && b.access.visibleTo(p, user)
}

// whichPaper asks which of the papers of one name to remove, listing by
// ID those user may see.
func (b *Bot) whichPaper(amb *index.AmbiguousError, user string) Reply {
	r := Reply{Parts: []Part{{Text: "Several papers are named “" + amb.Ref + "”. Say which by its ID, for example: remove " + amb.Papers[0].ID}}}
	for _, d := range amb.Papers {
		if !b.access.visibleTo(paperRef{ID: d.ID, Name: d.Source}, user) {
			continue
		}
		where := d.URL
		if where == "" {
			where = filepath.Base(filepath.Dir(d.Path))
		}
		r.Parts = append(r.Parts, Part{Text: "remove " + d.ID, Note: joinSet(" · ", d.Source, where)})
	}
	return r
}

// helpReply says what the bot can do, with examples.
func helpReply() Reply {
	return Reply{
		Heading: "What Scrutineer can do",
		Parts: []Part{
			{Title: "Search past papers", Text: "search placement stability\nsearch \"missing from care\" -adoption", Note: "Top passages with the item, the page and the file."},
			{Title: "Questions to ask about a report", Text: "ask fostering annual report\nwhat should I ask about the fostering report?", Note: "Finds the paper by title or topic, then gives its themes and challenge questions with page cites."},
			{Title: "Brief an agenda pack", Text: "Share a PDF with me in a direct message, or in a channel mentioning me. In a papers channel I brief every PDF shared.", Note: "I reply in the thread with a briefing, attach it as a file and add the pack to the index."},
			{Title: "Saved searches", Text: "watch add placement stability\nwatch add care leavers committee:\"Corporate Parenting Panel\"\nwatch list\nwatch rm 3", Note: "New passages that match are posted in the channel the search was added in, each once, as papers come in. Whoever added one, or an officer, can remove it."},
			{Title: "Fetch the council's papers now", Text: "fetch", Note: "Fetches the new papers from the council's website now, instead of at the next scheduled fetch, and says what came. New agenda packs are briefed in the papers channel and saved searches told, as for a scheduled fetch."},
			{Title: "In Slack", Text: "/scrutineer search QUERY, /scrutineer ask TITLE, /scrutineer brief NAME, /scrutineer watch add QUERY, /scrutineer fetch, /scrutineer help, or mention @scrutineer. Add public (/scrutineer public search ...) for the channel to see the answer.", Note: "An officer can take a paper out of the index: /scrutineer remove FILE."},
		},
	}
}

// search answers "search QUERY".
func (b *Bot) search(ctx context.Context, req request, out responder) {
	q := strings.TrimSpace(req.cmd.Arg)
	if q == "" {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "What should I search for? For example: search placement stability"}}})
		return
	}
	if b.deps.Search == nil {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "Search is not set up on this bot: it has no index. Whoever runs Scrutineer can give it one (`scrutineer serve --index DIR`)."}}})
		return
	}
	allowed := b.cfg.ExemptAllowed(req.channel)
	res, err := b.deps.Search.Search(ctx, index.Query{Text: q, Limit: b.cfg.Limits.SearchResults, IncludeExempt: allowed, PerItem: searchPerItem, NoFacets: true})
	if err != nil {
		b.sorry(ctx, out, "search the papers", err, q)
		return
	}
	var hits []index.Hit
	member := b.memberOf(ctx, req.user)
	for _, h := range res.Hits {
		if h.Exempt && !allowed || !b.access.visibleIn(hitRef(h), req.user, req.channel, member) {
			continue
		}
		hits = append(hits, h)
	}
	if len(hits) > b.cfg.Limits.SearchResults {
		hits = hits[:b.cfg.Limits.SearchResults]
	}
	withheld := len(res.Hits) - len(hits)
	b.log.Info("search answered", "channel", req.channel, "hits", len(hits), "withheld", withheld)
	reply := searchReply(q, res.Total, hits)
	b.linkSources(reply.Parts[1:], hits)
	if note := res.RespelledNote(); note != "" && len(hits) > 0 {
		reply.Parts = append([]Part{{Text: note}}, reply.Parts...)
	}
	b.say(ctx, out, nearSpellings(reply, res.NearSpellings && len(hits) > 0))
}

// linkSources links each hit's part (parts[i] shows hits[i]) to its
// paper's own web address where the index knows it, else to its Slack
// file where the bot knows that.
func (b *Bot) linkSources(parts []Part, hits []index.Hit) {
	for i := range min(len(parts), len(hits)) {
		parts[i].Link = b.access.link(hitRef(hits[i]), linkable(hits[i].URL))
	}
}

// nearSpellingsNote tells that the hits are for near spellings of the
// words typed.
const nearSpellingsNote = "Nothing matches those words as typed; these match words spelled nearly so."

// nearSpellings puts nearSpellingsNote first in a search reply when near
// is true.
func nearSpellings(r Reply, near bool) Reply {
	if near {
		r.Parts = append([]Part{{Text: nearSpellingsNote}}, r.Parts...)
	}
	return r
}

// searchPerItem caps the passages a search shows from one item, so a
// short list covers more than one report.
const searchPerItem = 2

func searchReply(q string, total uint64, hits []index.Hit) Reply {
	r := Reply{Heading: "Search: " + q}
	if len(hits) == 0 {
		r.Parts = []Part{{Text: "Nothing in the papers matches that. Try other words, or fewer of them."}}
		return r
	}
	shown := fmt.Sprintf("%d passages match.", len(hits))
	if len(hits) == 1 {
		shown = "One passage matches."
	}
	if total > uint64(len(hits)) {
		shown = fmt.Sprintf("%d passages match; here are the top %d.", total, len(hits))
	}
	r.Parts = append(r.Parts, Part{Text: shown})
	for _, h := range hits {
		r.Parts = append(r.Parts, hitPart(h))
	}
	return r
}

// hitPart shows one passage found: its item, heading and words, and its
// page, file, committee and date.
func hitPart(h index.Hit) Part {
	title := h.Title
	if h.Item != "" {
		title = "Item " + h.Item + ": " + title
	}
	// The index escapes a snippet for HTML; the reply escapes it for
	// Slack, once, at the edge.
	text := html.UnescapeString(h.Snippet)
	if h.Heading != "" {
		text = h.Heading + "\n" + text
	}
	return Part{Title: title, Text: clip(text, 600), Note: joinSet(" · ", render.Cite(h.Page, h.PrintedPage), h.Source, h.Committee, h.Date)}
}

// ask answers "ask TITLE": it picks the best matching paper, says which,
// offers the next candidates, and replies with its themes and questions.
func (b *Bot) ask(ctx context.Context, req request, out responder) {
	if b.deps.Library == nil {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "Questions are not set up on this bot: it has no index of papers. Whoever runs Scrutineer can give it one (`scrutineer serve --index DIR`)."}}})
		return
	}
	allowed := b.cfg.ExemptAllowed(req.channel)
	var pick Paper
	var others []Paper
	// newest is set when the pick is the newest of several papers that
	// match, rather than the best match alone.
	newest := false
	if req.paper != nil {
		pick = *req.paper
	} else {
		topic := strings.TrimSpace(req.cmd.Arg)
		if topic == "" {
			b.say(ctx, out, Reply{Parts: []Part{{Text: "Which report? For example: ask fostering annual report"}}})
			return
		}
		found, err := b.deps.Library.FindPapers(ctx, topic, 2*(1+b.cfg.Limits.Candidates))
		if err != nil {
			b.sorry(ctx, out, "look for that paper", err, topic)
			return
		}
		var papers []Paper
		for _, p := range found {
			if (!p.Exempt || allowed) && b.access.visibleIn(p.ref(), req.user, req.channel, b.memberOf(ctx, req.user)) {
				papers = append(papers, p)
			}
		}
		if len(papers) == 0 {
			b.say(ctx, out, Reply{Parts: []Part{{Text: "I could not find a paper about that. Try words from its title, or search the papers first."}}})
			return
		}
		newest = preferNewest(papers, topic)
		pick, others = papers[0], papers[1:]
		if len(others) > b.cfg.Limits.Candidates {
			others = others[:b.cfg.Limits.Candidates]
		}
	}
	if pick.Exempt && !allowed {
		b.say(ctx, out, Reply{Parts: []Part{{Text: exemptSentence}}})
		return
	}
	if !b.access.visibleIn(pick.ref(), req.user, req.channel, b.memberOf(ctx, req.user)) {
		b.say(ctx, out, Reply{Parts: []Part{{Text: privateSentence}}})
		return
	}
	why := ""
	if newest {
		why = fmt.Sprintf(", the newest of the %d papers that match", 1+len(others))
	}
	// One message: which paper was picked while the questions are worked
	// out, then the questions in its place, still saying which paper and
	// offering the others.
	choice := "I picked " + describe(pick) + why + "."
	var choices []Choice
	for _, o := range others {
		p := o
		choices = append(choices, Choice{Label: clip(o.Title, maxButtonRunes), Command: "ask " + o.Title, Paper: &p})
	}
	offer := func(r *Reply) {
		r.Choices = choices
		if len(choices) > 0 {
			r.Parts = append(r.Parts, Part{Note: "Not the one you meant? Choose another below."})
		}
	}
	picked := Reply{Progress: true, Parts: []Part{{Text: choice + " Working out the questions now."}}}
	offer(&picked)
	b.say(ctx, out, picked)
	rep, err := b.deps.Library.Ask(ctx, pick)
	if err != nil {
		// The paper's file name and title may say what an exempt item
		// is about: neither goes in the logs.
		b.sorry(ctx, out, "work out questions for that paper", err, req.cmd.Arg, pick.Source, pick.Title)
		return
	}
	rep, withheld := visible(rep, allowed)
	if len(rep.Items) == 0 {
		if withheld > 0 {
			b.say(ctx, out, Reply{Parts: []Part{{Text: exemptSentence}}})
		} else {
			b.say(ctx, out, Reply{Parts: []Part{{Text: "I found no themes or questions in that paper. It may be a scan without a text layer: a copy with text (from the council's website, or run through OCR) will work."}}})
		}
		return
	}
	b.log.Info("ask answered", "channel", req.channel, "items", len(rep.Items), "withheld", withheld)
	reply := askReply(pick, rep, withheld, b.cfg.Limits.Questions)
	reply.Parts = append([]Part{{Text: choice}}, reply.Parts...)
	offer(&reply)
	if link := b.access.link(pick.ref(), linkable(pick.URL)); link != "" {
		// Every cite of the paper links to it.
		for i := range reply.Parts {
			if reply.Parts[i].Note != "" && reply.Parts[i].Title != "" {
				reply.Parts[i].Link = link
			}
		}
	}
	if b.deps.Render != nil && truncated(rep, b.cfg.Limits.Questions) {
		// The message shows the first questions; the file has them all.
		if file, err := b.render(pick.Source, rep, "-questions"); err != nil {
			b.log.Error("render questions failed", "file", fileRef(pick.Source), "err", redact(err.Error(), pick.Source, pick.Title))
		} else {
			reply.File = file
		}
	}
	b.say(ctx, out, reply)
}

const privateSentence = "That paper was shared with me privately (in a direct message or a private channel you are not asking from), so I cannot show it here. Ask from that channel, or ask whoever shared it to post it in a public channel."

const exemptSentence = "That paper is exempt or confidential, so I cannot show it in this channel."

// describe names a paper for the user: title, file, item and date.
func describe(p Paper) string {
	item := ""
	if p.Item != "" {
		item = "item " + p.Item
	}
	return "“" + p.Title + "” (" + joinSet(", ", p.Source, item, p.Committee, p.Date) + ")"
}

// joinSet joins the non-empty strings of s with sep.
func joinSet(sep string, s ...string) string {
	var set []string
	for _, v := range s {
		if v != "" {
			set = append(set, v)
		}
	}
	return strings.Join(set, sep)
}

// visible returns r without the items that may not be shown, and how many
// were dropped. r itself is not changed.
func visible(r *analysis.Report, allowed bool) (*analysis.Report, int) {
	if r == nil {
		return &analysis.Report{}, 0
	}
	if allowed {
		return r, 0
	}
	c := *r
	c.Items = nil
	for _, it := range r.Items {
		if !it.Exempt {
			c.Items = append(c.Items, it)
		}
	}
	return &c, len(r.Items) - len(c.Items)
}

// truncated reports whether some item has more questions than a reply
// shows.
func truncated(r *analysis.Report, maxQuestions int) bool {
	for _, it := range r.Items {
		if len(it.Questions) > maxQuestions {
			return true
		}
	}
	return false
}

func askReply(p Paper, r *analysis.Report, withheld, maxQuestions int) Reply {
	reply := Reply{Heading: "Questions: " + p.Title}
	for _, it := range r.Items {
		if len(r.Items) > 1 {
			reply.Parts = append(reply.Parts, Part{Title: itemTitle(it), Note: pages(it)})
		}
		if t := themeLine(it.Themes); t != "" {
			reply.Parts = append(reply.Parts, Part{Title: "Themes", Text: t})
		}
		reply.Parts = append(reply.Parts, questionParts(it.Questions, maxQuestions)...)
	}
	if withheld > 0 {
		reply.Parts = append(reply.Parts, Part{Note: withheldNote(withheld)})
	}
	return reply
}

func withheldNote(n int) string {
	if n == 1 {
		return "1 item is exempt or confidential and is not shown in this channel."
	}
	return fmt.Sprintf("%d items are exempt or confidential and are not shown in this channel.", n)
}

func itemTitle(it analysis.ItemReport) string {
	if it.Number == "" {
		return it.Title
	}
	return "Item " + it.Number + ": " + it.Title
}

// pages gives an item's page range as councillors speak of it.
func pages(it analysis.ItemReport) string {
	return render.PageRange(it.StartPage, it.EndPage, it.PrintedStart, it.PrintedEnd)
}

// themeLine lists themes with their scores as percentages.
func themeLine(ts []analysis.ThemeScore) string {
	var s []string
	for _, t := range ts {
		name := t.Title
		if name == "" {
			name = t.ID
		}
		s = append(s, fmt.Sprintf("%s (%.0f%%)", name, 100*t.Score))
	}
	return strings.Join(s, ", ")
}

var kindLabel = map[string]string{
	analysis.KindEvidence: "On what the report says",
	analysis.KindGap:      "On what the report does not say",
	analysis.KindFollowup: "Follow-up",
}

func questionParts(qs []analysis.Question, max int) []Part {
	var parts []Part
	for i, q := range qs {
		if i == max {
			parts = append(parts, Part{Note: fmt.Sprintf("%d more questions are in the file below.", len(qs)-max)})
			break
		}
		label := kindLabel[q.Kind]
		if label == "" {
			label = "Question"
		}
		var cites []string
		for _, e := range q.Evidence {
			c := render.Cite(e.Page, e.PrintedPage)
			// The question often quotes its evidence already.
			if e.Quote != "" && !strings.Contains(q.Text, e.Quote) && !strings.Contains(q.Text, strings.TrimRight(e.Quote, ".")) {
				c += ": “" + clip(e.Quote, 200) + "”"
			}
			cites = append(cites, c)
		}
		parts = append(parts, Part{Title: fmt.Sprintf("%d. %s", i+1, label), Text: q.Text, Note: strings.Join(cites, "\n")})
	}
	return parts
}

// brief downloads, checks and analyses one shared file, replies with the
// briefing and its file, and adds the file to the index. A file whose name
// leaves nothing to keep it under ("", ".", "..") is refused. The logs
// name the file by fileRef, never by its name.
func (b *Bot) brief(ctx context.Context, req request, f fileSource, out responder) {
	channel := req.channel
	if b.deps.Briefer == nil {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "Briefing is not set up on this bot: it was started without the analysis. Whoever runs Scrutineer can start it with `scrutineer serve`, which briefs packs."}}})
		return
	}
	given := f.name
	name, ok := safeName(given)
	if !ok {
		b.log.Info("brief refused: no usable file name", "channel", channel)
		b.say(ctx, out, Reply{Parts: []Part{{Text: "I cannot brief a file named “" + given + "”: give it a proper name (such as pack.pdf) and share it again."}}})
		return
	}
	f.name = name
	ref := fileRef(name)
	if !f.looksPDF() {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "“" + name + "” is not a PDF, so I cannot brief it. Share the agenda pack as a PDF."}}})
		return
	}
	if f.size > b.cfg.maxFileBytes() {
		b.say(ctx, out, Reply{Parts: []Part{{Text: tooLarge(name, b.cfg.maxFileBytes()).Error()}}})
		return
	}
	b.say(ctx, out, Reply{Progress: true, Parts: []Part{{Text: "Reading “" + name + "”. This can take a minute for a long pack; this message will become the briefing when it is ready."}}})
	data, err := f.fetch(ctx, b.cfg.maxFileBytes())
	if err != nil {
		b.sorry(ctx, out, "download “"+name+"”", err, name, given)
		return
	}
	if !isPDF(data) {
		b.say(ctx, out, Reply{Parts: []Part{{Text: "“" + name + "” is not a PDF inside, so I cannot brief it. Share the agenda pack as a PDF."}}})
		return
	}
	rep, err := b.deps.Briefer.Brief(ctx, name, data)
	if err != nil {
		b.log.Info("brief failed", "file", ref, "bytes", len(data))
		b.sorry(ctx, out, "brief “"+name+"”", err, name, given)
		return
	}
	allowed := b.cfg.ExemptAllowed(channel)
	shown, withheld := visible(rep, allowed)
	reply := briefReply(name, shown, withheld, b.cfg.Limits.Questions)
	b.attachBrief(&reply, name, shown, given)
	if err := b.deps.Briefer.Add(ctx, name, data); err != nil {
		b.log.Error("add to index failed", "file", ref, "err", redact(err.Error(), name, given))
		reply.Parts = append(reply.Parts, Part{Note: "I could not add this pack to the index, so searches will not find it yet."})
	} else {
		note := "Added to the index: searches will find it from now on."
		if f.slackID != "" {
			paper := paperRef{ID: index.PaperID(hashOf(data)), Name: name}
			private := b.isPrivate(ctx, channel)
			if err := b.access.shared(paper, channel, req.user, f.permalink, private); err != nil {
				b.log.Error("record who may see a paper failed", "file", ref, "err", redact(err.Error(), name, given))
			}
			switch {
			case b.access.visibleTo(paper, ""):
			case private:
				note = "Added to the index for this private channel: searches here, and its members' searches in direct messages with me, will find it, until it is shared in a public channel."
			default:
				note = "Added to the index, for you alone: only your searches will find it, until it is shared in a channel."
			}
		}
		reply.Parts = append(reply.Parts, Part{Note: note})
		b.AfterIngest()
	}
	b.log.Info("brief answered", "channel", channel, "file", ref, "items", len(shown.Items), "withheld", withheld, "bytes", len(data))
	b.say(ctx, out, reply)
}

// render writes r as a file in the configured format, named after the
// source file with suffix.
func (b *Bot) render(name string, r *analysis.Report, suffix string) (*Attachment, error) {
	return b.renderAs(b.cfg.BriefFormat, name, r, suffix)
}

// renderBoth writes r as a file in the configured format and another in
// the other format (HTML to print, Markdown to edit).
func (b *Bot) renderBoth(name string, r *analysis.Report, suffix string) (*Attachment, *Attachment, error) {
	first, err := b.render(name, r, suffix)
	if err != nil {
		return nil, nil, err
	}
	other := "html"
	if b.cfg.BriefFormat == "html" {
		other = "markdown"
	}
	second, err := b.renderAs(other, name, r, suffix)
	if err != nil {
		return first, nil, err
	}
	return first, second, nil
}

// renderAs writes r as a file in format ("markdown" or "html").
func (b *Bot) renderAs(format, name string, r *analysis.Report, suffix string) (*Attachment, error) {
	var buf strings.Builder
	if err := b.deps.Render(&buf, format, r); err != nil {
		return nil, fmt.Errorf("render %s brief: %w", format, err)
	}
	ext := ".md"
	if format == "html" {
		ext = ".html"
	}
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	return &Attachment{Name: base + suffix + ext, Title: "Scrutineer: " + name, Data: []byte(buf.String())}, nil
}

func briefReply(name string, r *analysis.Report, withheld, maxQuestions int) Reply {
	reply := Reply{Heading: "Briefing: " + name}
	if meta := joinSet(" · ", r.Meta.Council, r.Meta.Committee, r.Meta.Date); meta != "" {
		reply.Parts = append(reply.Parts, Part{Text: meta})
	}
	if len(r.Items) == 0 {
		reply.Parts = append(reply.Parts, Part{Text: "I found no items to brief in this file. It may be a scan without a text layer: a copy with text (from the council's website, or run through OCR) will work."})
	}
	// Keep the message short: the first two questions per item, the rest
	// are in the attached file.
	per := min(2, maxQuestions)
	for _, it := range r.Items {
		var lines []string
		if t := themeLine(it.Themes); t != "" {
			lines = append(lines, "Themes: "+t)
		}
		for i, q := range it.Questions {
			if i == per {
				break
			}
			c := ""
			if len(q.Evidence) > 0 {
				c = " — " + render.Cite(q.Evidence[0].Page, q.Evidence[0].PrintedPage)
			}
			lines = append(lines, "• "+q.Text+c)
		}
		note := pages(it)
		if n := len(it.Questions); n > per {
			note += fmt.Sprintf(" · %d questions in the file", n)
		}
		reply.Parts = append(reply.Parts, Part{Title: itemTitle(it), Text: strings.Join(lines, "\n"), Note: strings.TrimPrefix(note, " · ")})
	}
	if withheld > 0 {
		reply.Parts = append(reply.Parts, Part{Note: withheldNote(withheld)})
	}
	return reply
}

// queryProblem is what is wrong with a query, from its error: the text
// after the last "cannot read the query: ".
func queryProblem(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, index.ErrQuery.Error()); i >= 0 {
		return s[i:]
	}
	return s
}
