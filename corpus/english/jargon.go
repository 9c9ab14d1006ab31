package english

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed jargon.txt
var jargonData string

// Group is one set of terms that mean the same thing.
type Group struct {
	// Name is the group's first term as written in the data.
	Name string
	// Key is the token a match adds to the token stream ("syn_" plus the
	// analysed terms of Name joined by "_").
	Key string
	// Terms are the group's terms as written.
	Terms []string
	// analysed holds each term's analysed form.
	analysed [][]string
}

// Match is one occurrence of a jargon term in a term sequence.
type Match struct {
	// At is the index of the first term of the match; Len the number of
	// terms it covers.
	At, Len int
	Group   *Group
}

var groups []*Group

// byFirst indexes groups' analysed terms by their first term, longest
// first, for matching.
var byFirst map[string][]entry

type entry struct {
	terms []string
	group *Group
}

func init() {
	g, err := ParseJargon(jargonData)
	if err != nil {
		panic(fmt.Sprintf("embedded jargon.txt: %v", err)) // a build-time data error
	}
	groups = g
	byFirst = indexGroups(g)
}

// ParseJargon parses jargon data: one group a line, terms separated by "|",
// "#" comments and blank lines ignored.
func ParseJargon(data string) ([]*Group, error) {
	var out []*Group
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		g := &Group{}
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" {
				return nil, fmt.Errorf("line %d: empty term", i+1)
			}
			a := Terms(p)
			if len(a) == 0 {
				return nil, fmt.Errorf("line %d: term %q has only stop words", i+1, p)
			}
			g.Terms = append(g.Terms, p)
			g.analysed = append(g.analysed, a)
		}
		if len(g.Terms) < 2 {
			return nil, fmt.Errorf("line %d: a group needs at least two terms", i+1)
		}
		g.Name = g.Terms[0]
		g.Key = "syn_" + strings.Join(g.analysed[0], "_")
		out = append(out, g)
	}
	return out, nil
}

func indexGroups(gs []*Group) map[string][]entry {
	m := map[string][]entry{}
	for _, g := range gs {
		for _, a := range g.analysed {
			m[a[0]] = append(m[a[0]], entry{terms: a, group: g})
		}
	}
	for k := range m {
		sort.SliceStable(m[k], func(i, j int) bool { return len(m[k][i].terms) > len(m[k][j].terms) })
	}
	return m
}

// Jargon returns the embedded jargon groups.
func Jargon() []*Group { return groups }

// FindJargon returns the jargon matches in a sequence of analysed terms,
// longest match first at each position, matches not overlapping.
func FindJargon(terms []string) []Match {
	var out []Match
	for i := 0; i < len(terms); {
		matched := false
		for _, e := range byFirst[terms[i]] {
			if i+len(e.terms) <= len(terms) && equal(terms[i:i+len(e.terms)], e.terms) {
				out = append(out, Match{At: i, Len: len(e.terms), Group: e.group})
				i += len(e.terms)
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
	return out
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Expand returns toks with one extra token per jargon match: the group's
// Key, at the position and offsets of the match's first term, placed right
// after the matched terms.
func Expand(toks []Token) []Token {
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = t.Term
	}
	ms := FindJargon(terms)
	if len(ms) == 0 {
		return toks
	}
	out := make([]Token, 0, len(toks)+len(ms))
	next := 0
	for _, m := range ms {
		out = append(out, toks[next:m.At+m.Len]...)
		first, last := toks[m.At], toks[m.At+m.Len-1]
		out = append(out, Token{Term: m.Group.Key, Start: first.Start, End: last.End, Pos: first.Pos})
		next = m.At + m.Len
	}
	return append(out, toks[next:]...)
}
