// Package scope finds the children's services sections of a council-wide
// paper: a performance report or budget monitor that covers every
// directorate has its children's social care, education, SEND, early help
// and youth justice sections read, and its highways, adult care and
// customer services sections left aside.
package scope

import (
	"strings"

	"github.com/scrutineer/scrutineer/corpus"
)

// maxTitleLine is how much of a line is read for a section's title.
const maxTitleLine = 200

// minOther is how many sections of other services make a paper
// council-wide.
const minOther = 2

// Children returns the passages of an item that are about children's
// services: for a council-wide paper (one with sections on at least two
// other services), the passages before its first service section (the
// introduction, the key to its ratings) and those in children's sections,
// and whether anything was left out. Any other paper is returned whole.
//
// A section starts where a page opens with a service's title (pages, when
// given: the physical pages of the file, whose first lines keep the
// titles that passages lose to later headings) or where a line of a
// passage is one ("Integrated Children's Services – Two of the eight
// indicators met target"); a passage that runs over the start of a
// section is cut there.
func Children(ps []corpus.Passage, pages []corpus.Page) ([]corpus.Passage, bool) {
	byPage := map[int]service{}
	others := map[string]bool{}
	for _, pg := range pages {
		body := pg.Body
		if body == "" {
			body = pg.Text
		}
		lines := strings.SplitN(strings.TrimSpace(body), "\n", 4)
		for _, l := range lines[:min(len(lines), 3)] {
			if s, title, ok := opens(l); ok {
				byPage[pg.Number] = s
				if !s.children {
					others[title] = true
				}
				break
			}
		}
	}
	// A passage may run from one section into the next (an executive
	// summary's paragraphs, a table of each service's indicators), so
	// sections are followed line by line and a passage is cut where one
	// starts.
	var out []corpus.Passage
	current, lastPage := 0, 0 // 0 before any section, 1 children's, 2 another service's
	for _, p := range ps {
		if p.Page != lastPage {
			for n := lastPage + 1; n <= p.Page; n++ {
				if s, ok := byPage[n]; ok {
					current = kindOf(s)
				}
			}
			lastPage = p.Page
		}
		var keep []string
		flush := func() {
			if len(keep) > 0 {
				q := p
				q.Text = strings.Join(keep, "\n")
				out = append(out, q)
				keep = nil
			}
		}
		for _, line := range strings.Split(p.Text, "\n") {
			if s, title, ok := opens(line); ok {
				if !s.children {
					others[title] = true
				}
				if k := kindOf(s); k != current {
					flush()
					current = k
				}
			}
			if current != 2 {
				keep = append(keep, line)
			}
		}
		flush()
	}
	if len(others) < minOther {
		return ps, false
	}
	return out, true
}

func kindOf(s service) int {
	if s.children {
		return 1
	}
	return 2
}

// opens reports whether a line is a service's section title ("Children,
// Young People and Education (Integrated Children's Services)", "Adult
// Social Care", "Environment & Transport - Two Highways KPIs ..."), and
// returns the service and the words that named it.
func opens(line string) (service, string, bool) {
	if len(line) > maxTitleLine {
		line = line[:maxTitleLine] // a title stands at a line's start
	}
	line = strings.TrimSpace(line)
	if line == "" {
		return service{}, "", false
	}
	for _, s := range services {
		if loc := s.title.FindStringIndex(line); loc != nil && titled(line, loc[1]) {
			return s, strings.ToLower(line[:loc[1]]), true
		}
	}
	return service{}, "", false
}

// titled reports whether a line reads as a section title from its start to
// end: the line ends there, or goes on with a dash, a bracket or a list of
// the section's KPIs, not with a sentence ("Education is a priority").
func titled(line string, end int) bool {
	rest := strings.TrimSpace(line[end:])
	if rest == "" {
		return true
	}
	switch {
	case strings.HasPrefix(rest, "–"), strings.HasPrefix(rest, "-"), strings.HasPrefix(rest, "("), strings.HasPrefix(rest, ":"):
		return true
	case strings.HasPrefix(rest, ","):
		rest = rest[1:] // "Governance, Law & Democracy"
	case strings.HasPrefix(strings.ToLower(rest), "kpi"):
		return true
	}
	// A title of a few capitalised words ("Adult Social Care Services").
	words := strings.Fields(rest)
	if len(words) > 4 {
		return false
	}
	for _, w := range words {
		if w == "&" || w == "and" {
			continue
		}
		if r := w[0]; r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
