package bleveindex

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/index"
)

// clause is one part of a query: words or a phrase, maybe in a field,
// maybe required or excluded.
type clause struct {
	field  string // "" for the passage text
	text   string
	phrase bool
	must   bool
	not    bool
}

// queryFields are the fields a query may name as field:value, and what
// they search: the title and heading as text, the rest as filters.
var queryFields = map[string]string{
	"title": fTitle, "heading": fHeading, "committee": fCommitteeKey, "kind": fKind, "theme": fThemes, "source": fSource,
	"item": fItem, "year": fYear, "date": fDate,
}

// parseUserQuery reads a query as people type it: plain words by default,
// where punctuation (?, :, <, &, /) is text, not syntax; "quoted phrases";
// +word or +"phrase" to require, -word or -"phrase" to exclude; and
// field:value (or field:"two words") for the fields of queryFields. A
// field name the index does not have is a plain word ("Ofsted:"). It
// reports a query it cannot read: an unclosed quote, an operator with
// nothing after it, or only words to leave out.
func parseUserQuery(text string) ([]clause, error) {
	var out []clause
	s := strings.TrimSpace(text)
	for s != "" {
		var c clause
		switch s[0] {
		case '+':
			c.must, s = true, s[1:]
		case '-':
			// "-" is an operator only before a word or a quote ("16-17"
			// and "drift - delay" are words).
			if len(s) > 1 && (s[1] == '"' || isWordStart(s[1:])) {
				c.not, s = true, s[1:]
			} else {
				s = strings.TrimLeft(s[1:], " ")
				continue
			}
		}
		if (c.must || c.not) && (s == "" || s[0] == ' ') {
			return nil, fmt.Errorf("%w: %q has nothing after it; write the word straight after the sign (+foster, -adoption)", index.ErrQuery, map[bool]string{true: "+", false: "-"}[c.must])
		}
		// field:value, for a field the index has.
		if i := strings.IndexByte(s, ':'); i > 0 && i+1 < len(s) && s[i+1] != ' ' {
			if f, ok := queryFields[strings.ToLower(s[:i])]; ok && !strings.ContainsAny(s[:i], " \"") {
				c.field, s = f, s[i+1:]
			}
		}
		if s != "" && s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("%w: the quote before %q is not closed; close it with \" or take it out", index.ErrQuery, shortText(s[1:], 30))
			}
			c.text, c.phrase, s = s[1:end+1], true, s[end+2:]
		} else {
			end := strings.IndexAny(s, " \t\n")
			if end < 0 {
				end = len(s)
			}
			c.text, s = s[:end], s[end:]
		}
		s = strings.TrimLeft(s, " \t\n")
		if strings.TrimFunc(c.text, notWordRune) == "" {
			if c.must || c.not || c.field != "" {
				return nil, fmt.Errorf("%w: %q has no words", index.ErrQuery, c.text)
			}
			continue // punctuation alone ("?", "&") is no word to find
		}
		if c.field != "" && c.field != fDate && !c.phrase {
			c.text = strings.TrimFunc(c.text, notWordRune)
		}
		out = append(out, c)
	}
	found := false
	for _, c := range out {
		found = found || !c.not
	}
	if len(out) > 0 && !found {
		return nil, fmt.Errorf("%w: it only says what to leave out; add a word to find", index.ErrQuery)
	}
	return out, nil
}

// isWordStart reports whether s starts with a letter or a digit.
func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// shortText cuts s to n runes for a message.
func shortText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// textOf joins the words to find in the passage text (not excluded, not
// in a filter field): for the title and heading boosts and the jargon
// groups.
func textOf(cs []clause) string {
	var out []string
	for _, c := range cs {
		if c.findsWords() {
			out = append(out, c.text)
		}
	}
	return strings.Join(out, " ")
}

// findsWords reports whether c is words to find in a passage's text,
// title or heading: not excluded, not a filter.
func (c clause) findsWords() bool {
	return !c.not && (c.field == "" || c.field == fTitle || c.field == fHeading)
}
