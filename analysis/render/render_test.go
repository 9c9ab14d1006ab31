package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus/corpustest"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// fixture reads the hand-made report of a fictional committee meeting.
func fixture(t testing.TB) *analysis.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r analysis.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("testdata/report.json: %v", err)
	}
	return &r
}

func render(t testing.TB, f Format, r *analysis.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf, r); err != nil {
		t.Fatalf("render %s: %v", f, err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	r := fixture(t)
	for _, tc := range []struct {
		format Format
		file   string
	}{
		{FormatText, "brief.txt"},
		{FormatMarkdown, "brief.md"},
		{FormatHTML, "brief.html"},
	} {
		t.Run(string(tc.format), func(t *testing.T) {
			golden(t, tc.file, render(t, tc.format, r))
		})
	}
}

func TestEmptyStates(t *testing.T) {
	none := &analysis.Report{Source: "agenda.pdf"}
	bare := &analysis.Report{Items: []analysis.ItemReport{{Title: "Chair's Announcements"}}}
	for _, f := range Formats() {
		t.Run(string(f), func(t *testing.T) {
			out := render(t, f, none)
			for _, want := range []string{noItems, "Scrutiny brief", "agenda.pdf"} {
				if !strings.Contains(out, want) {
					t.Errorf("report with no items: output lacks %q", want)
				}
			}
			if strings.Contains(out, "Contents") {
				t.Errorf("report with no items: output has a contents list")
			}
			out = render(t, f, bare)
			if strings.Contains(out, "Contents") {
				t.Errorf("report with one item: output has a contents list")
			}
			for _, want := range []string{noQuestions, noThemes, "Document", "Chair"} {
				if !strings.Contains(out, want) {
					t.Errorf("item with no questions: output lacks %q", want)
				}
			}
		})
	}
}

// hostile is report text that would break out of its markup if a
// renderer did not escape it.
const hostile = `Fees <script>alert("x")</script> & 'carers' <b>bold</b> *star* [link](http://x) &amp;`

func TestEscaping(t *testing.T) {
	r := &analysis.Report{
		Source: `pack<1>&"2".pdf`,
		Items: []analysis.ItemReport{{
			Number: `4"><i>`, Title: hostile, Kind: "report", StartPage: 3, EndPage: 4,
			Themes: []analysis.ThemeScore{{ID: `x"y`, Title: hostile, Score: 0.5}},
			Questions: []analysis.Question{{
				Text: hostile, Theme: `x"y`, Kind: analysis.KindEvidence,
				Evidence: []analysis.Evidence{{Page: 3, Quote: hostile}},
			}},
		}},
	}
	r.Meta.Council = hostile
	r.Meta.Committee = hostile

	html := render(t, FormatHTML, r)
	for _, bad := range []string{"<script", "<b>", "<i>", `4"><i>`, `pack<1>`} {
		if strings.Contains(html, bad) {
			t.Errorf("html: raw %q in output", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;", "&amp; &#39;carers&#39;", "&amp;amp;", "pack&lt;1&gt;&amp;&#34;2&#34;.pdf"} {
		if !strings.Contains(html, want) {
			t.Errorf("html: escaped form %q missing", want)
		}
	}

	mdOut := render(t, FormatMarkdown, r)
	for _, want := range []string{`\<script\>`, `\<b\>bold\</b\>`, `\*star\*`, `\[link\](http://x)`, `\&amp;`, "& 'carers'"} {
		if !strings.Contains(mdOut, want) {
			t.Errorf("markdown: escaped form %q missing", want)
		}
	}
	for _, bad := range []string{"<script", "<b>", "</b>"} {
		if strings.Contains(strings.ReplaceAll(mdOut, `\<`, ""), bad) {
			t.Errorf("markdown: unescaped %q in output", bad)
		}
	}

	text := render(t, FormatText, r)
	if !strings.Contains(strings.Join(strings.Fields(text), " "), hostile) {
		t.Errorf("text: report text should appear as written")
	}
}

func TestHTMLSelfContained(t *testing.T) {
	out := render(t, FormatHTML, fixture(t))
	for _, bad := range []string{"<script", "<link", "<img", "@import", "url(", "src=", "http://", "https://", "@font-face"} {
		if strings.Contains(out, bad) {
			t.Errorf("html brief is not self-contained: has %q", bad)
		}
	}
	for _, want := range []string{"@media print", "size: A4", "break-before: page", "break-inside: avoid"} {
		if !strings.Contains(out, want) {
			t.Errorf("html brief lacks print rule %q", want)
		}
	}
}

func TestTextWidth(t *testing.T) {
	out := render(t, FormatText, fixture(t))
	for i, l := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(l); n > Width {
			t.Errorf("line %d is %d columns wide: %q", i+1, n, l)
		}
		if strings.TrimRight(l, " ") != l {
			t.Errorf("line %d has trailing space: %q", i+1, l)
		}
	}
}

func TestWrite(t *testing.T) {
	r := fixture(t)
	for _, tc := range []struct {
		format string
		want   string // a string only this format produces
		err    error
	}{
		{"text", "How to use this brief: ", nil},
		{"markdown", "## Contents", nil},
		{"html", "<!DOCTYPE html>", nil},
		{"pdf", "", ErrUnknownFormat},
		{"", "", ErrUnknownFormat},
		{"HTML", "", ErrUnknownFormat},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, tc.format, r)
			if !errors.Is(err, tc.err) {
				t.Fatalf("Write(%q) error = %v, want %v", tc.format, err, tc.err)
			}
			if err != nil {
				if !strings.Contains(err.Error(), "text, markdown or html") {
					t.Errorf("error %q does not name the valid formats", err)
				}
				return
			}
			if !strings.Contains(buf.String(), tc.want) {
				t.Errorf("Write(%q) output lacks %q", tc.format, tc.want)
			}
		})
	}
	for _, f := range Formats() {
		if err := f.Write(&bytes.Buffer{}, nil); !errors.Is(err, ErrNilReport) {
			t.Errorf("%s: nil report error = %v, want ErrNilReport", f, err)
		}
	}
}

type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriterError(t *testing.T) {
	r := fixture(t)
	for _, f := range Formats() {
		if err := f.Write(failWriter{}, r); !errors.Is(err, errDiskFull) {
			t.Errorf("%s: error = %v, want the writer's error", f, err)
		}
	}
}

func TestCite(t *testing.T) {
	for _, tc := range []struct {
		page, printed int
		want          string
	}{
		{65, 63, "p. 63 (PDF p. 65)"},
		{65, 0, "PDF p. 65"},
		{7, 7, "p. 7"},
		{0, 12, "p. 12"},
		{0, 0, "page unknown"},
		{-3, -1, "page unknown"},
	} {
		if got := Cite(tc.page, tc.printed); got != tc.want {
			t.Errorf("Cite(%d, %d) = %q, want %q", tc.page, tc.printed, got, tc.want)
		}
	}
}

func TestPageRange(t *testing.T) {
	for _, tc := range []struct {
		start, end, pstart, pend int
		want                     string
	}{
		{13, 30, 11, 28, "pp. 11–28 (PDF pp. 13–30)"},
		{13, 30, 0, 0, "PDF pp. 13–30"},
		{5, 5, 0, 0, "PDF p. 5"},
		{5, 9, 5, 9, "pp. 5–9"},
		{0, 0, 0, 0, ""},
		{9, 3, 0, 0, "PDF p. 9"},
		{1, 1, 21, 60, "pp. 21–60"}, // a text pack without page breaks
		{7, 7, 5, 5, "p. 5 (PDF p. 7)"},
	} {
		if got := PageRange(tc.start, tc.end, tc.pstart, tc.pend); got != tc.want {
			t.Errorf("PageRange(%d, %d, %d, %d) = %q, want %q", tc.start, tc.end, tc.pstart, tc.pend, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name, first, rest, in string
		width                 int
		want                  []string
	}{
		{"fits", "", "", "a short line", 20, []string{"a short line"}},
		{"breaks", "", "", "one two three four", 9, []string{"one two", "three", "four"}},
		{"prefixes", " 1. ", "    ", "alpha beta gamma", 12, []string{" 1. alpha", "    beta", "    gamma"}},
		{"long word kept", "", "", "a supercalifragilistic b", 8, []string{"a", "supercalifragilistic", "b"}},
		{"empty", "Themes: ", "", "", 20, []string{"Themes: "}},
		{"runes count", "", "", "café café café", 9, []string{"café café", "café"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(tc.first, tc.rest, tc.in, tc.width)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrap = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQuestionsKeepNumbersAcrossFormats(t *testing.T) {
	// Questions are grouped by kind, the group of the report's first (most
	// important) question first; a question's number must be the same in
	// every format so that "question 4" means one thing in the meeting.
	r := &analysis.Report{Items: []analysis.ItemReport{{Number: "3", Title: "T", Questions: []analysis.Question{
		{Text: "Gap first", Kind: analysis.KindGap},
		{Text: "Evidence second", Kind: analysis.KindEvidence},
		{Text: "Odd kind", Kind: "hunch"},
		{Text: "Follow up", Kind: analysis.KindFollowup},
	}}}}
	want := []string{"Gap first", "Evidence second", "Follow up", "Odd kind"}
	for _, f := range Formats() {
		out := render(t, f, r)
		last := -1
		for _, w := range want {
			i := strings.Index(out, w)
			if i < 0 || i < last {
				t.Errorf("%s: %q missing or out of order", f, w)
			}
			last = i
		}
		if !strings.Contains(out, "Other questions") {
			t.Errorf("%s: unknown kind not labelled", f)
		}
	}
}

func TestShorten(t *testing.T) {
	long := strings.Repeat("word ", 100) // 500 runes
	for _, tc := range []struct {
		name, in string
		n        int
		want     string
	}{
		{"short kept", "Fees rose.", 20, "Fees rose."},
		{"exact kept", "abcde", 5, "abcde"},
		{"sentence end", "The plan was agreed. Then more text follows here", 30, "The plan was agreed. …"},
		{"word boundary", "alpha beta gamma delta", 13, "alpha beta …"},
		{"early sentence ignored", "Yes. alpha beta gamma delta epsilon", 30, "Yes. alpha beta gamma delta …"},
		{"no space", "abcdefghij", 4, "abcd …"},
		{"runes", "café café café", 9, "café café …"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := shorten(tc.in, tc.n); got != tc.want {
				t.Errorf("shorten(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
	got := shorten(long, maxQuote)
	if n := utf8.RuneCountInString(got); n > maxQuote+2 || !strings.HasSuffix(got, " …") {
		t.Errorf("long quote shortened to %d runes: %q", n, got)
	}
}

func TestItemLabelsAndAnchors(t *testing.T) {
	one, err := view(&analysis.Report{Items: []analysis.ItemReport{{Title: "Whole report"}}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := one.Items[0].Label; got != "Document" {
		t.Errorf("single unnumbered item labelled %q, want Document", got)
	}
	pack, err := view(&analysis.Report{Items: []analysis.ItemReport{
		{Number: "5"}, {Number: "5"}, {Number: ""}, {Number: "4(a)"}, {Number: "<>"},
	}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var labels, anchors []string
	for _, it := range pack.Items {
		labels = append(labels, it.Label)
		anchors = append(anchors, it.Anchor)
	}
	if got, want := strings.Join(labels, "|"), "Item 5|Item 5|Unnumbered|Item 4(a)|Item <>"; got != want {
		t.Errorf("labels = %s, want %s", got, want)
	}
	if got, want := strings.Join(anchors, "|"), "item-5|item-5-2|item-3|item-4a|item-5-3"; got != want {
		t.Errorf("anchors = %s, want %s", got, want)
	}
	seen := map[string]bool{}
	for _, a := range anchors {
		if seen[a] {
			t.Errorf("anchor %q used twice in %v", a, anchors)
		}
		seen[a] = true
	}
}

func TestMeetingDate(t *testing.T) {
	for _, tc := range []struct {
		date, want string
		time       bool // the HTML carries a machine-readable <time>
	}{
		{"2026-10-14", "Wednesday 14 October 2026", true},
		{"  2026-10-14\n", "Wednesday 14 October 2026", true},
		{"2026-02-30", "2026-02-30", false},
		{"Spring 2026", "Spring 2026", false},
	} {
		r := &analysis.Report{Meta: corpus.Meta{Committee: "Scrutiny", Date: tc.date}}
		for _, f := range Formats() {
			out := render(t, f, r)
			if !strings.Contains(out, tc.want) {
				t.Errorf("%s: date %q not shown as %q", f, tc.date, tc.want)
			}
			if f == FormatHTML && strings.Contains(out, "<time") != tc.time {
				t.Errorf("html: date %q: <time> present = %v, want %v", tc.date, !tc.time, tc.time)
			}
		}
	}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	corpustest.Golden(t, filepath.Join("testdata", name), []byte(got), *update)
}

// A question may be about a theme the item is not mainly about; it is
// shown by its title, never its id.
func TestQuestionThemeTitleOutsideItemThemes(t *testing.T) {
	r := &analysis.Report{Source: "x.pdf", Items: []analysis.ItemReport{{
		Number: "5", Title: "Inspection report", Kind: "report", StartPage: 1, EndPage: 2,
		Themes: []analysis.ThemeScore{{ID: "inspection-response", Title: "Responding to inspection", Score: 0.6}},
		Questions: []analysis.Question{{Text: "Are caseloads manageable?", Theme: "workforce",
			ThemeTitle: "Social work workforce", Kind: analysis.KindEvidence,
			Evidence: []analysis.Evidence{{Page: 2, Quote: "Caseloads are too high."}}}},
	}}}
	for _, f := range Formats() {
		var buf strings.Builder
		if err := f.Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "Social work workforce") || strings.Contains(buf.String(), "Theme: workforce") {
			t.Errorf("%s: question theme not shown by its title:\n%s", f, buf.String())
		}
	}
}

func TestQuestionsNameTheirFinding(t *testing.T) {
	r := &analysis.Report{Items: []analysis.ItemReport{{Number: "4", Title: "Performance",
		Findings: []report.Finding{{ID: "4-1", Kind: "missed-target", Severity: 0.8, Summary: "613 against 700"}},
		Questions: []analysis.Question{
			{Text: "Why is the service short of its target?", Kind: analysis.KindEvidence, Finding: "4-1"},
			{Text: "What do children say?", Kind: analysis.KindGap},
		}}}}
	for _, f := range Formats() {
		out := render(t, f, r)
		if n := strings.Count(out, "Missed target"); n != 1 {
			t.Errorf("%s: %d mentions of the finding's check, want 1", f, n)
		}
	}
}

func TestTableRowsAreRead(t *testing.T) {
	r := &analysis.Report{Items: []analysis.ItemReport{{Number: "6", Title: "Workforce", Questions: []analysis.Question{
		{Text: "Why is the vacancy rate rising?", Kind: analysis.KindEvidence, Evidence: []analysis.Evidence{
			{Page: 8, PrintedPage: 6, Quote: "Vacancy rate (%) 16 18", Reading: "Vacancy rate: 18% in 2026, from 16% in 2025"}}},
	}}}}
	for _, f := range Formats() {
		out := render(t, f, r)
		if !strings.Contains(out, "Vacancy rate: 18% in 2026, from 16% in 2025") || strings.Contains(out, "Vacancy rate (%) 16 18") {
			t.Errorf("%s: the row is not read with its headings:\n%s", f, out)
		}
	}
}
