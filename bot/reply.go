package bot

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackutilsx"
)

// Reply is one message from the bot, independent of the transport: Slack
// renders it as Block Kit, the console as plain text.
type Reply struct {
	// Heading is the message's first line.
	Heading string
	// Parts are the message's paragraphs.
	Parts []Part
	// Choices are follow-up requests offered as buttons (Slack) or as
	// commands to type (console).
	Choices []Choice
	// File is a file to attach in the same thread.
	File *Attachment
	// Others are further files attached after File (the brief in a
	// second format).
	Others []Attachment
	// Progress marks a "working on it" message: the next reply takes its
	// place (Slack updates it) rather than adding another message.
	Progress bool
}

// Part is one paragraph. Text may mark highlights with <mark>…</mark>;
// everything else is plain text (the Slack renderer escapes it).
type Part struct {
	Title string
	Text  string
	// Note is small print under the paragraph: a cite or a file name.
	Note string
	// Link is the paper the paragraph cites (its Slack file link), shown
	// after the note; "" for none.
	Link string
}

// linkText is how a Part's Link reads.
const linkText = "open the paper"

// safeLink reports whether u can go in a Slack link as it stands: an
// http(s) URL with nothing that would end the link early.
func safeLink(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && !strings.ContainsAny(u, "<>| \n")
}

// noteMrkdwn is a Part's small print as mrkdwn: the note, then its link.
func (p Part) noteMrkdwn() string {
	s := mrkdwn(p.Note)
	if safeLink(p.Link) {
		s = joinSet(" · ", s, "<"+p.Link+"|"+linkText+">")
	}
	return s
}

// Choice is a follow-up request: Label is shown, Command is what the bot
// runs when it is chosen ("ask ...").
type Choice struct {
	Label   string
	Command string
	// Paper, when set, is the exact paper to ask about.
	Paper *Paper
}

// choicePrefix starts a button value that carries a Paper as JSON.
const choicePrefix = "paper:"

// value is what a Choice button carries back to the bot.
func (c Choice) value() string {
	if c.Paper != nil {
		if j, err := json.Marshal(c.Paper); err == nil && len(j)+len(choicePrefix) <= maxValueRunes {
			return choicePrefix + string(j)
		}
	}
	return clip(c.Command, maxValueRunes)
}

// parseChoice reads a button value back into a request.
func parseChoice(v string) request {
	if rest, ok := strings.CutPrefix(v, choicePrefix); ok {
		var p Paper
		if err := json.Unmarshal([]byte(rest), &p); err == nil && p.Source != "" {
			return request{cmd: command{Verb: verbAsk, Arg: p.Title}, paper: &p}
		}
	}
	return request{cmd: parseCommand(v)}
}

// Attachment is a file the bot attaches to its reply.
type Attachment struct {
	Name  string
	Title string
	Data  []byte
}

// Slack's Block Kit limits.
const (
	maxBlocks      = 50
	maxHeaderRunes = 150
	maxTextRunes   = 3000
	maxButtonRunes = 75
	maxValueRunes  = 2000
	maxButtons     = 5
	// actionChoose is the action_id of a Choice button.
	actionChoose = "scrutineer_choose"
)

// clip shortens s to at most n runes, ending with "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

var (
	// markHider swaps highlights for control bytes that survive escaping;
	// unformat keeps the text's own *, _, ~ and ` from turning into
	// formatting (a look-alike star, and a zero-width space beside the
	// others), and boldMarks turns the control bytes into bold markers.
	markHider   = strings.NewReplacer("<mark>", "\x00", "</mark>", "\x01")
	unformat    = strings.NewReplacer("*", "∗", "_", "_\u200b", "~", "∼", "`", "ˋ")
	boldMarks   = strings.NewReplacer("\x00", "*", "\x01", "*")
	markRemover = strings.NewReplacer("<mark>", "", "</mark>", "")
)

// clipMrkdwn shortens mrkdwn s to at most n runes like clip, but never
// cuts inside an entity (&amp;, &lt;, &gt;) or a link (<url|text>), and
// never leaves a bold marker open.
func clipMrkdwn(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n - 1
	for i := cut - 1; i >= 0 && i >= cut-maxEntityRunes; i-- {
		if r[i] == ';' || r[i] == '>' {
			break
		}
		if r[i] == '&' || r[i] == '<' {
			cut = i
			break
		}
	}
	t := string(r[:cut])
	if strings.Count(t, "*")%2 == 1 {
		i := strings.LastIndex(t, "*")
		t = t[:i] + t[i+1:]
	}
	return strings.TrimSpace(t) + "…"
}

// maxEntityRunes is how far back clipMrkdwn looks for the start of an
// entity or link it would cut: links the bot writes are short.
const maxEntityRunes = 300

// mrkdwn escapes text for Slack once (slack-go's EscapeMessage: &, < and
// >), keeps its own formatting characters literal, and turns <mark>
// highlights into bold.
func mrkdwn(s string) string {
	return boldMarks.Replace(slackutilsx.EscapeMessage(unformat.Replace(markHider.Replace(s))))
}

// plain removes <mark> highlights.
func plain(s string) string {
	return markRemover.Replace(s)
}

// fallback is the notification text of a reply.
func (r Reply) fallback() string {
	if r.Heading != "" {
		return clip(plain(r.Heading), maxTextRunes)
	}
	for _, p := range r.Parts {
		if t := strings.TrimSpace(p.Title + " " + p.Text); t != "" {
			return clip(plain(t), maxTextRunes)
		}
	}
	return "Scrutineer"
}

// blocks is the number of blocks a part takes.
func (p Part) blocks() int {
	n := 0
	if p.Title != "" || p.Text != "" {
		n++
	}
	if p.Note != "" || safeLink(p.Link) {
		n++
	}
	return n
}

// blockCount is the number of blocks r takes as one message.
func (r Reply) blockCount() int {
	n := 0
	if r.Heading != "" {
		n++
	}
	for _, p := range r.Parts {
		n += p.blocks()
	}
	if len(r.Choices) > 0 {
		n++
	}
	return n
}

// overflowName is the file a reply too long for one message goes in.
const overflowName = "scrutineer-answer.md"

// fit returns r as one Slack message holds it: when r takes more than
// Slack's 50 blocks, the parts that fit, a note saying where the rest is,
// and (unless r already carries a file with all of it) the whole reply as
// a Markdown file.
func (r Reply) fit() Reply {
	if r.blockCount() <= maxBlocks {
		return r
	}
	full := r
	kept := r
	kept.Parts = nil
	n := kept.blockCount() + 1 // and the note
	for _, p := range r.Parts {
		if n+p.blocks() > maxBlocks {
			break
		}
		kept.Parts = append(kept.Parts, p)
		n += p.blocks()
	}
	name := overflowName
	if r.File != nil {
		name = r.File.Name
	} else {
		kept.File = &Attachment{Name: overflowName, Title: "Scrutineer: " + clip(plain(firstNonEmpty(r.Heading, "the whole answer")), maxHeaderRunes), Data: []byte(full.markdown())}
	}
	kept.Parts = append(kept.Parts, Part{Note: "This answer is longer than a Slack message can hold: all of it is in the file “" + name + "”."})
	return kept
}

// markdown renders r as a Markdown document, highlights in bold.
func (r Reply) markdown() string {
	var b strings.Builder
	md := strings.NewReplacer("<mark>", "**", "</mark>", "**")
	if r.Heading != "" {
		b.WriteString("# " + plain(r.Heading) + "\n\n")
	}
	for _, p := range r.Parts {
		if p.Title != "" {
			b.WriteString("## " + plain(p.Title) + "\n\n")
		}
		if p.Text != "" {
			b.WriteString(strings.ReplaceAll(md.Replace(p.Text), "\n", "  \n") + "\n\n")
		}
		if p.Note != "" {
			b.WriteString("_" + strings.ReplaceAll(p.Note, "\n", "_  \n_") + "_\n\n")
		}
		if safeLink(p.Link) {
			b.WriteString("[" + linkText + "](" + p.Link + ")\n\n")
		}
	}
	for _, c := range r.Choices {
		b.WriteString("- " + c.Command + "\n")
	}
	return b.String()
}

// blockMessages renders r as Block Kit: one message within Slack's
// limits (see fit).
func (r Reply) blockMessages() [][]slack.Block {
	r = r.fit()
	var msgs [][]slack.Block
	var cur []slack.Block
	flush := func() {
		if len(cur) > 0 {
			msgs = append(msgs, cur)
			cur = nil
		}
	}
	if r.Heading != "" {
		cur = append(cur, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, clip(plain(r.Heading), maxHeaderRunes), false, false)))
	}
	for _, p := range r.Parts {
		if len(cur)+p.blocks() > maxBlocks {
			flush()
		}
		var b strings.Builder
		if p.Title != "" {
			b.WriteString("*" + mrkdwn(plain(p.Title)) + "*")
			if p.Text != "" {
				b.WriteString("\n")
			}
		}
		b.WriteString(mrkdwn(p.Text))
		if b.Len() > 0 {
			cur = append(cur, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, clipMrkdwn(b.String(), maxTextRunes), false, false), nil, nil))
		}
		if note := p.noteMrkdwn(); note != "" {
			cur = append(cur, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, clipMrkdwn(note, maxTextRunes), false, false)))
		}
	}
	if len(r.Choices) > 0 {
		if len(cur)+1 > maxBlocks {
			flush()
		}
		var els []slack.BlockElement
		for i, c := range r.Choices {
			if i == maxButtons {
				break
			}
			btn := slack.NewButtonBlockElement(fmt.Sprintf("%s_%d", actionChoose, i), c.value(),
				slack.NewTextBlockObject(slack.PlainTextType, clip(c.Label, maxButtonRunes), false, false))
			els = append(els, btn)
		}
		cur = append(cur, slack.NewActionBlock("choices", els...))
	}
	flush()
	return msgs
}

// text renders r as plain text for a terminal.
func (r Reply) text() string {
	var b strings.Builder
	if r.Heading != "" {
		b.WriteString(plain(r.Heading) + "\n")
	}
	for _, p := range r.Parts {
		if p.Title != "" {
			b.WriteString(plain(p.Title) + "\n")
		}
		if p.Text != "" {
			for _, line := range strings.Split(plain(p.Text), "\n") {
				b.WriteString("  " + line + "\n")
			}
		}
		if note := joinSet(" · ", p.Note, p.Link); note != "" {
			b.WriteString("  (" + note + ")\n")
		}
	}
	if len(r.Choices) > 0 {
		b.WriteString("Also try:\n")
		for _, c := range r.Choices {
			b.WriteString("  " + c.Command + "\n")
		}
	}
	return b.String()
}
