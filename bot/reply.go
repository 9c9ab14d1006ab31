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

// blockMessages renders r as one or more Block Kit messages, each within
// Slack's block limit.
func (r Reply) blockMessages() [][]slack.Block {
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
		if len(cur)+3 > maxBlocks {
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
			cur = append(cur, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, clip(b.String(), maxTextRunes), false, false), nil, nil))
		}
		if p.Note != "" {
			cur = append(cur, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, clip(mrkdwn(p.Note), maxTextRunes), false, false)))
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
		if p.Note != "" {
			b.WriteString("  (" + p.Note + ")\n")
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
