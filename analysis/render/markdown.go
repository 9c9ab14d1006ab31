package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/analysis"
)

// Markdown writes r as markdown ready to paste into a briefing note: a
// heading per item, its themes with scores, then its questions numbered
// and grouped under plain-word labels ("From the report", "Not in the
// report", "Follow-up"), each with its page cites and quotes as a
// blockquote. Text from the report is escaped so that it reads as written.
func Markdown(w io.Writer, r *analysis.Report) error { return MarkdownWith(w, r, Options{}) }

// MarkdownWith is Markdown with options.
func MarkdownWith(w io.Writer, r *analysis.Report, opts Options) error {
	b, err := view(r, opts)
	if err != nil {
		return fmt.Errorf("render markdown: %w", err)
	}
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }

	p("# %s\n\n", md(b.Heading))
	var meta []string
	if b.Council != "" {
		meta = append(meta, "**"+md(b.Council)+"**")
	}
	if b.Date != "" {
		meta = append(meta, md(b.Date))
	}
	if len(meta) > 0 {
		p("%s\n\n", strings.Join(meta, " · "))
	}
	if b.Source != "" {
		p("Source: `%s`\n\n", code(b.Source))
	}
	p("*How to use this brief:* %s\n\n", md(b.HowTo))
	if len(b.Items) == 0 {
		p("%s\n", md(b.NoItems))
		return flush(bw, "markdown")
	}

	if len(b.Items) > 1 {
		p("## Contents\n\n")
		for _, it := range b.Items {
			pages := ""
			if it.Pages != "" {
				pages = ", " + md(it.Pages)
			}
			s := fmt.Sprintf("- %s: %s (%s%s)", md(it.Label), md(it.Title), plural(it.Count, "question"), pages)
			if it.Exempt {
				s += " **Exempt**"
			}
			p("%s\n", s)
		}
	}

	if len(b.SinceLast) > 0 {
		p("\n## Since the last meeting\n\n")
		for _, s := range b.SinceLast {
			p("- “%s” (*%s*): %s\n", md(s.Text), md(s.Cite), md(s.Answer))
		}
	}

	for _, it := range b.Items {
		p("\n## %s: %s\n\n", md(it.Label), md(it.Title))
		if it.Facts != "" {
			p("*%s*\n\n", md(it.Facts))
		}
		if it.Exempt {
			p("> **%s**\n\n", md(it.ExemptMsg))
		}
		if len(it.Themes) == 0 {
			p("**Themes:** %s\n", md(it.NoThemes))
		} else {
			parts := make([]string, len(it.Themes))
			for i, th := range it.Themes {
				parts[i] = md(th.Title) + " (" + th.Score + ")"
			}
			p("**Themes:** %s\n", strings.Join(parts, " · "))
		}
		if it.Summary != "" {
			p("\n*In short:* %s\n", md(it.Summary))
		}
		if in := it.Inspection; in != nil {
			p("\n**%s**\n", md(in.Line))
			if len(in.Judgements) > 0 {
				p("\n| Judgement | Grade | Change |\n|---|---|---|\n")
				for _, j := range in.Judgements {
					p("| %s | %s | %s |\n", md(j.Area), md(j.Grade), md(j.Change))
				}
			}
			if in.Previous != "" {
				p("\n%s\n", md(in.Previous))
			}
			if len(in.Strengths) > 0 {
				p("\n*Strengths inspectors found*\n\n")
				for _, c := range in.Strengths {
					p("- “%s” — *%s*\n", md(c.Quote), md(c.Cite))
				}
			}
		}
		if len(it.Watch) > 0 {
			p("\n*Off target or getting worse*\n\n| Measure | Latest | Target | Trend | Rating |\n|---|---:|---:|---|---|\n")
			for _, r := range it.Watch {
				p("| %s | %s | %s | %s | %s |\n", md(r.Measure), md(r.Latest), md(r.Target), md(r.Trend), md(r.RAG))
			}
		}
		if len(it.National) > 0 {
			p("\n*Against the national figures (DfE; rank 1 is the best of the council and its neighbours)*\n\n")
			p("| Measure | Report | Year | Council | England | Neighbours | Rank | |\n|---|---:|---:|---:|---:|---:|---:|---|\n")
			for _, r := range it.National {
				p("| %s | %s | %s | %s | %s | %s | %s | %s |\n", md(r.Measure), md(r.Paper), r.Year, md(r.Council), md(r.England), md(r.Neighbour), r.Rank, r.Verdict)
			}
		}
		if it.Count == 0 {
			p("\n%s\n", md(it.Empty))
			continue
		}
		for _, g := range it.Groups {
			p("\n### %s\n", md(g.Label))
			for _, q := range g.Questions {
				num := strconv.Itoa(q.N) + ". "
				ind := strings.Repeat(" ", len(num))
				if q.Lead {
					p("\n%s**%s**", num, md(q.Text))
				} else {
					p("\n%s%s", num, md(q.Text))
				}
				if q.Theme != "" {
					p(" *(%s)*", md(q.Theme))
				}
				if q.Found != "" {
					p(" **%s.**", md(q.Found))
				}
				p("\n")
				for _, c := range q.Cites {
					if c.Reading != "" {
						p("\n%s> %s — *%s, table*\n", ind, md(c.Reading), md(c.Cite))
					} else if c.Quote != "" {
						p("\n%s> “%s” — *%s*\n", ind, md(c.Quote), md(c.Cite))
					} else {
						p("\n%s> *%s*\n", ind, md(c.Cite))
					}
				}
			}
		}
		if it.MoreNote != "" {
			p("\n*%s*\n", md(it.MoreNote))
		}
		if it.PagesNote != "" {
			p("\n*%s*\n", md(it.PagesNote))
		}
	}
	if b.NationalNote != "" {
		p("\n---\n\n*%s*\n", md(b.NationalNote))
	}
	return flush(bw, "markdown")
}

func flush(bw *bufio.Writer, format string) error {
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render %s: %w", format, err)
	}
	return nil
}

// mdSpecial are the characters that could start markup in CommonMark or
// GitHub-flavoured markdown; each is escaped with a backslash.
const mdSpecial = "\\`*_[]<>#~"

// md escapes s for use inside a markdown paragraph, heading or list item,
// so that report text reads as written. An ampersand is escaped only where
// it could start an entity ("&amp;"); elsewhere it is left alone.
func md(s string) string {
	var sb strings.Builder
	for i, r := range s {
		switch {
		case r < 0x80 && strings.ContainsRune(mdSpecial, r):
			sb.WriteByte('\\')
		case r == '&' && i+1 < len(s) && (isAlnum(s[i+1]) || s[i+1] == '#'):
			sb.WriteByte('\\')
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// code makes s safe inside a single-backtick code span.
func code(s string) string {
	return strings.ReplaceAll(s, "`", "'")
}
