package inspection

import (
	"regexp"
	"strings"
)

// reListHead is the heading of a list of improvement points: ILACS "What
// needs to improve?", SIF "Recommendations", a focused visit's or a SEND
// letter's "Areas for priority action" and "Areas for improvement". The
// heading is a line of its own (a contents line ends with its page
// number and is not one).
var reListHead = regexp.MustCompile(`(?im)^(?:\d{1,2}(?:\.\d{1,2})?\.?[ \t]+)?(?:what\s+does\s+the\s+(?:local\s+authority|LSCB|local\s+safeguarding\s+children\s+board)\s+need\s+to\s+improve\??|what\s+needs\s+to\s+improve(?:\s+in\s+this\s+area\s+of\s+social\s+work\s+practice)?\??\d?|recommendations|areas?\s+for\s+(?:priority\s+action|improvement|development)|priority\s+and\s+immediate\s+action|areas?\s+for\s+priority\s+(?:and\s+immediate\s+)?action)\s*:?[ \t]*$`)

// reListEnd is a line that ends a list of points: a judgement section's
// heading, or one of the report's other headings.
var reListEnd = regexp.MustCompile(`(?i)^(?:the\s+experiences\s+and\s+progress\b|the\s+impact\s+of\s+leaders\b|summary\s+(?:for|of)\b|information\s+about\b|local\s+area\s+partnership\s+details|next\s+steps\b|inspection\s+findings\b|contents$|inspection\s+judge?ments?\b|key\s+strengths\b|(?:the\s+local\s+authority['’]s\s+)?strengths$|what\s+the\s+inspection\s+judge?ments\s+mean|summary\s+of\s+(?:key\s+)?findings|headline\s+findings|main\s+findings|findings$|the\s+(?:local\s+safeguarding\s+children\s+board|lscb)$|local\s+area\s+partnership\s+details|yours\s+sincerely|children\s+who\s+need\s+help\s+and\s+protection$|children\s+looked\s+after\s+and\s+achieving\s+permanence$|leadership,\s+management\s+and\s+governance$|the\s+effectiveness\s+of\s+leaders\b|\d{1,2}\.\s+(?:the\s+)?(?:local\s+authority|inspection)\b)`)

// reAreaHeading is a judgement area named alone, as a SIF report heads
// both its sections and the groups of its recommendations.
var reAreaHeading = regexp.MustCompile(`(?i)^(?:children\s+who\s+need\s+help\s+and\s+protection|children\s+looked\s+after\s+and\s+achieving\s+permanence|leadership,?\s+management\s+and\s+governance)$`)

// reListJoin is what joins one point of a list to the next ("; and").
var reListJoin = regexp.MustCompile(`\s*(?:;|,)?\s*(?:;\s*)?(?:and|or)?\s*$|;\s*$`)

var (
	reBullet   = regexp.MustCompile(`^(?:[◼■•●▪◦]|\x{F0A7}|\x{F0B7}|o\s)\s*`)
	reNumbered = regexp.MustCompile(`^(\d{1,3})\.\s+\S`)
	reSubPoint = regexp.MustCompile(`^(?:[-–]\s|[a-z]\)\s|\([a-z0-9]{1,3}\)\s|[ivx]{1,4}\)\s)`)
	// reNoneFound is a list that says it has no points ("The inspection
	// did not find any areas for priority action").
	reNoneFound = regexp.MustCompile(`(?i)\b(?:did\s+not\s+(?:find|identify)\s+any|there\s+(?:are|were)\s+no)\b`)
)

// readPoints reads every list of improvement points in order: each bullet,
// numbered recommendation or paragraph of the list is one point, whole,
// from its first word to where the point ends (sub-points "- ..." stay in
// their point). A list after the heading of the review of the Local
// Safeguarding Children Board is that board's, and its points say so.
func readPoints(t *text) []Point {
	heads := reListHead.FindAllStringIndex(t.s, -1)
	lscbAt := lscbStart(t)
	var out []Point
	for hi, h := range heads {
		end := len(t.s)
		if hi+1 < len(heads) {
			end = heads[hi+1][0]
		}
		for _, p := range listPoints(t, h[1], end) {
			if lscbAt >= 0 && h[0] > lscbAt {
				p.For = "lscb"
			}
			out = append(out, p)
		}
	}
	return out
}

// lscbStart is where a SIF report's review of the Local Safeguarding
// Children Board starts (-1 when it has none): its heading on a line of
// its own after the contents.
var reLSCBHead = regexp.MustCompile(`(?im)^(?:section\s+\d:\s+)?(?:inspection\s+findings\s+[–-]\s+)?(?:what\s+does\s+)?(?:the\s+)?(?:effectiveness\s+of\s+the\s+)?(?:local\s+safeguarding\s+children\s+board|LSCB)(?:\s+\(LSCB\))?(?:\s+need\s+to\s+improve\??)?\s*$`)

func lscbStart(t *text) int {
	for _, m := range reLSCBHead.FindAllStringIndex(t.s, -1) {
		if m[0] > len(t.s)/3 {
			return m[0]
		}
	}
	return -1
}

// listPoints reads the points of one list, t.s[from:to], stopping at the
// first line that is not part of one. A list is bulleted, numbered, or
// paragraphs: separated by blank lines or, where it has none, each
// starting a line after a line that ends a sentence.
func listPoints(t *text, from, to int) []Point {
	ls := t.lines(from, to)
	style, gaps := listStyle(ls)
	var out []Point
	var cur []string
	start := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		s := reListJoin.ReplaceAllString(clean(strings.Join(cur, " ")), "")
		cur = nil
		if s == "" || (reNoneFound.MatchString(s) && len(strings.Fields(s)) < 25) {
			return
		}
		out = append(out, Point{Text: s, Page: t.page(start), PrintedPage: t.printed(start)})
	}
	gap, leadIn := false, false
	// byTime is set by a numbered lead-in that the actions follow, grouped
	// under time frames ("the local authority should take the following
	// action." / "Immediately:" / "improve the quality of ..."): each
	// paragraph is then a point, and the lead-in is none.
	byTime := false
	for i, l := range ls {
		s := l.s
		if s == "" {
			gap = true
			continue
		}
		if byTime {
			switch {
			case strings.HasSuffix(s, ":") && len(strings.Fields(s)) <= 6:
				gap = true
				continue // a time frame ("Within three months:")
			case gap && startsLower(s):
				flush()
				start, cur, gap = l.start, []string{s}, false
				continue
			case gap:
				flush()
				return out
			}
			cur = append(cur, s)
			continue
		}
		if style != 'p' && (gap || len(cur) == 0) && isHeading(ls, i) && nextStartsPoint(ls, i, style) &&
			(!reListEnd.MatchString(s) || reAreaHeading.MatchString(s)) {
			continue // a sub-heading inside the list ("Care leavers")
		}
		if !startsLower(s) && reListEnd.MatchString(s) {
			break // a heading (in lower case, the words run on a point)
		}
		if gap && isHeading(ls, i) {
			break
		}
		startsPoint := false
		switch style {
		case 'b':
			if m := reBullet.FindString(s); m != "" {
				startsPoint, s = true, s[len(m):]
			}
		case 'n':
			if reNumbered.MatchString(s) {
				startsPoint, s = true, strings.TrimSpace(s[strings.IndexByte(s, '.')+1:])
			}
		default:
			startsPoint = len(cur) == 0 || (gaps && gap && startsUpper(s)) ||
				(!gaps && endsSentence(cur[len(cur)-1]) && startsUpper(s) && !reSubPoint.MatchString(s))
		}
		if !startsPoint && len(cur) > 0 && gap && style != 'p' && !startsLower(s) && !reSubPoint.MatchString(s) && !leadIn {
			break // a paragraph after the list
		}
		if !startsPoint && len(cur) == 0 {
			switch {
			case style != 'p' && len(out) == 0 && strings.HasSuffix(s, ":"):
				continue // a lead-in ("Ofsted said that the council needs to improve:")
			case style == 'p':
				startsPoint = true
			default:
				break
			}
			if !startsPoint {
				break
			}
		}
		if startsPoint {
			flush()
			start = l.start
			leadIn = false
		}
		cur = append(cur, s)
		if strings.HasSuffix(s, ":") {
			leadIn = true // its sub-points follow, as paragraphs of their own
		}
		if style == 'n' && len(out) == 0 && reFollowing.MatchString(strings.Join(cur, " ")) {
			byTime, cur = true, nil // the lead-in is no point
		}
		gap = false
	}
	flush()
	return out
}

// reFollowing ends a lead-in to actions set out below it.
var reFollowing = regexp.MustCompile(`(?i)\bshould take the following actions?\.?$|\bthe following actions? (?:should|must) be taken\.?$`)

// listStyle tells how a list's points are set out from its first line:
// 'b' bullets, 'n' numbers, 'p' paragraphs; and for paragraphs, whether
// blank lines separate them.
func listStyle(ls []line) (style byte, gaps bool) {
	first := -1
	for i, l := range ls {
		leadIn := strings.HasSuffix(l.s, ":") && !reNumbered.MatchString(l.s) && i+1 < len(ls) && (reBullet.MatchString(ls[i+1].s) || ls[i+1].s == "")
		if l.s != "" && !isHeading(ls, i) && !leadIn {
			first = i
			break
		}
	}
	if first < 0 {
		return 'p', true
	}
	switch s := ls[first].s; {
	case reBullet.MatchString(s):
		return 'b', true
	case reNumbered.MatchString(s):
		return 'n', true
	}
	for _, l := range ls[first:] {
		if reListEnd.MatchString(l.s) {
			break
		}
		if l.s == "" {
			return 'p', true
		}
	}
	return 'p', false
}

func startsLower(s string) bool { return s != "" && s[0] >= 'a' && s[0] <= 'z' }

func startsUpper(s string) bool {
	return s != "" && (s[0] >= 'A' && s[0] <= 'Z' || strings.HasPrefix(s, "‘") || strings.HasPrefix(s, "“"))
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ’”')")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// isHeading reports whether ls[i] is a heading: a short line on its own
// between blank lines, with no punctuation to end it.
func isHeading(ls []line, i int) bool {
	s := ls[i].s
	if len(strings.Fields(s)) > 12 || !startsUpper(s) || reBullet.MatchString(s) || reNumbered.MatchString(s) {
		return false
	}
	if strings.ContainsAny(s[len(s)-1:], ".;,:)") {
		return false
	}
	return i+1 == len(ls) || ls[i+1].s == ""
}

// nextStartsPoint reports whether the next line with text after ls[i]
// starts a point of the list's style.
func nextStartsPoint(ls []line, i int, style byte) bool {
	for _, l := range ls[i+1:] {
		if l.s == "" {
			continue
		}
		if style == 'b' {
			return reBullet.MatchString(l.s)
		}
		return reNumbered.MatchString(l.s)
	}
	return false
}
