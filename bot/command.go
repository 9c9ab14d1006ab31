package bot

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Verbs the bot understands.
const (
	verbHelp    = "help"
	verbSearch  = "search"
	verbAsk     = "ask"
	verbBrief   = "brief"
	verbRemove  = "remove"
	verbWatch   = "watch"
	verbFetch   = "fetch"
	verbUnknown = "unknown"
)

// command is what a user asked for: a verb and its argument.
type command struct {
	Verb string
	Arg  string
}

// maxCommandRunes bounds the text a command is parsed from; the rest is
// dropped.
const maxCommandRunes = 1000

var (
	mentionRE  = regexp.MustCompile(`<@[A-Za-z0-9]+(?:\|[^>]*)?>`)
	askRE      = regexp.MustCompile(`(?i)^(?:what|which)\s+(?:questions\s+)?(?:should|could|can|shall|do|might)\s+(?:i|we)\s+ask\s+(?:about|on|for|regarding)?\s*(.*)$`)
	askAboutRE = regexp.MustCompile(`(?i)^(?:ask|questions?)\s+(?:about|on|for|regarding)\s+(.*)$`)
	leadRE     = regexp.MustCompile(`(?i)^(?:please\s+)?(?:can you\s+|could you\s+)?`)
	theRE      = regexp.MustCompile(`(?i)^(?:the|our|this|that)\s+`)
)

// parseCommand reads a message or slash-command text. Mentions of users or
// the bot are ignored; an empty text asks for help.
func parseCommand(text string) command {
	if utf8.RuneCountInString(text) > maxCommandRunes {
		text = string([]rune(text)[:maxCommandRunes])
	}
	text = strings.Join(strings.Fields(mentionRE.ReplaceAllString(text, " ")), " ")
	text = strings.TrimSpace(leadRE.ReplaceAllString(text, ""))
	if text == "" {
		return command{Verb: verbHelp}
	}
	if m := askRE.FindStringSubmatch(text); m != nil {
		return command{Verb: verbAsk, Arg: topic(m[1])}
	}
	if m := askAboutRE.FindStringSubmatch(text); m != nil {
		return command{Verb: verbAsk, Arg: topic(m[1])}
	}
	word, rest, _ := strings.Cut(text, " ")
	rest = strings.TrimSpace(rest)
	switch strings.ToLower(strings.TrimRight(word, ":,.?!")) {
	case "help", "?", "hi", "hello":
		return command{Verb: verbHelp}
	case "search", "find", "s":
		return command{Verb: verbSearch, Arg: rest}
	case "ask", "questions":
		return command{Verb: verbAsk, Arg: topic(rest)}
	case "remove", "delete":
		return command{Verb: verbRemove, Arg: strings.TrimSpace(strings.Trim(rest, "<>“”\"'"))}
	case "watch", "watches", "alert", "alerts":
		return command{Verb: verbWatch, Arg: rest}
	case "fetch":
		return command{Verb: verbFetch, Arg: rest}
	case "brief", "briefing":
		// Slack wraps links in <...>; what is inside may have spaces at its ends.
		return command{Verb: verbBrief, Arg: strings.TrimSpace(strings.Trim(rest, "<>"))}
	}
	return command{Verb: verbUnknown, Arg: text}
}

// topic trims a paper's description to what a title match needs: no
// question mark, no leading article.
func topic(s string) string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "?.!"))
	return strings.TrimSpace(theRE.ReplaceAllString(s, ""))
}
