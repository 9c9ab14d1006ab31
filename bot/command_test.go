package bot

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

func TestParseCommand(t *testing.T) {
	cases := []struct {
		in   string
		want command
	}{
		{"", command{Verb: verbHelp}},
		{"<@U0BOT>", command{Verb: verbHelp}},
		{"help", command{Verb: verbHelp}},
		{"<@U0BOT> Help!", command{Verb: verbHelp}},
		{"search placement stability", command{Verb: verbSearch, Arg: "placement stability"}},
		{"<@U0BOT|scrutineer>   search   \"missing from care\"  -adoption", command{Verb: verbSearch, Arg: "\"missing from care\" -adoption"}},
		{"Search: agency social workers", command{Verb: verbSearch, Arg: "agency social workers"}},
		{"find care leavers", command{Verb: verbSearch, Arg: "care leavers"}},
		{"search", command{Verb: verbSearch}},
		{"ask fostering", command{Verb: verbAsk, Arg: "fostering"}},
		{"ask the Fostering Service Annual Report?", command{Verb: verbAsk, Arg: "Fostering Service Annual Report"}},
		{"<@U0BOT> what should I ask about the fostering report?", command{Verb: verbAsk, Arg: "fostering report"}},
		{"What questions should we ask on our SEND inspection?", command{Verb: verbAsk, Arg: "SEND inspection"}},
		{"what can I ask about this?", command{Verb: verbAsk, Arg: "this"}},
		{"please can you ask about the adoption report", command{Verb: verbAsk, Arg: "adoption report"}},
		{"questions on the sufficiency strategy", command{Verb: verbAsk, Arg: "sufficiency strategy"}},
		{"brief", command{Verb: verbBrief}},
		{"brief /tmp/pack.pdf", command{Verb: verbBrief, Arg: "/tmp/pack.pdf"}},
		{"brief <https://example.org/p.pdf>", command{Verb: verbBrief, Arg: "https://example.org/p.pdf"}},
		{"<@U0BOT> watch add placement stability committee:\"Corporate Parenting Panel\"", command{Verb: verbWatch, Arg: "add placement stability committee:\"Corporate Parenting Panel\""}},
		{"watch list", command{Verb: verbWatch, Arg: "list"}},
		{"watches", command{Verb: verbWatch}},
		{"Watch: rm 3", command{Verb: verbWatch, Arg: "rm 3"}},
		{"fetch", command{Verb: verbFetch}},
		{"<@U0BOT> Fetch now", command{Verb: verbFetch, Arg: "now"}},
		{"please fetch", command{Verb: verbFetch}},
		{"what is the weather", command{Verb: verbUnknown, Arg: "what is the weather"}},
	}
	for _, c := range cases {
		if got := parseCommand(c.in); got != c.want {
			t.Errorf("parseCommand(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"", "search a b", "<@U1> what should I ask about the x?", "brief <x>", "ask", "\x00<@", strings.Repeat("search ", 300), "brief <0 >"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			c := parseCommand(s)
			switch c.Verb {
			case verbHelp, verbSearch, verbAsk, verbBrief, verbUnknown:
			default:
				return fmt.Errorf("verb %q", c.Verb)
			}
			if utf8.ValidString(s) && !utf8.ValidString(c.Arg) {
				return fmt.Errorf("invalid UTF-8 argument from valid input")
			}
			if utf8.RuneCountInString(c.Arg) > maxCommandRunes {
				return fmt.Errorf("argument of %d runes", utf8.RuneCountInString(c.Arg))
			}
			if c.Arg != strings.TrimSpace(c.Arg) {
				return fmt.Errorf("argument %q not trimmed", c.Arg)
			}
			return nil
		})
	})
}

// Button values come back from Slack: a paper choice survives the round
// trip, anything else is read as a command.
func TestChoiceRoundTrip(t *testing.T) {
	p := Paper{Source: "a.pdf", Item: "4a", Title: "Looked-after children: “health” & wellbeing"}
	got := parseChoice(Choice{Label: "x", Command: "ask x", Paper: &p}.value())
	if got.paper == nil || *got.paper != p || got.cmd.Verb != verbAsk {
		t.Errorf("paper choice read back as %+v", got)
	}
	if got := parseChoice(Choice{Command: "search care leavers"}.value()); got.paper != nil || got.cmd != (command{Verb: verbSearch, Arg: "care leavers"}) {
		t.Errorf("command choice read back as %+v", got)
	}
}

func FuzzParseChoice(f *testing.F) {
	j, _ := json.Marshal(Paper{Source: "a.pdf", Title: "t"})
	for _, s := range []string{"", "paper:", "paper:{}", "paper:" + string(j), "paper:{\"source\":1}", "ask x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			r := parseChoice(s)
			if r.paper != nil && r.paper.Source == "" {
				return fmt.Errorf("paper without a source from %q", s)
			}
			return nil
		})
	})
}
