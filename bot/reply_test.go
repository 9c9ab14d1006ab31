package bot

import (
	"bytes"
	"encoding/json"
	"flag"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/index"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The replies users see, in both renderings, are kept as golden files so
// a change of wording or layout shows up in review.
func TestReplyGolden(t *testing.T) {
	briefRep := fosteringReport()
	briefRep.Meta.Council, briefRep.Meta.Committee, briefRep.Meta.Date = "Wexcombe Council", "Children and Young People Scrutiny", "2026-10-14"
	replies := map[string]Reply{
		"help":   helpReply(),
		"search": searchReply("placement stability", 12, []index.Hit{sampleHits()[0], sampleHits()[2]}),
		"ask":    askReply(Paper{Source: "wexcombe-cyp-2026-10-14.pdf", Item: "5", Title: "Fostering Service Annual Report"}, fosteringReport(), 0, 8),
		"brief":  briefReply("wexcombe-cyp-2026-10-14.pdf", briefRep, 2, 8),
	}
	for name, r := range replies {
		t.Run(name, func(t *testing.T) {
			var blocks bytes.Buffer
			enc := json.NewEncoder(&blocks)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(r.blockMessages()); err != nil {
				t.Fatal(err)
			}
			golden(t, name+".blocks.json", blocks.Bytes())
			golden(t, name+".txt", []byte(r.text()))
		})
	}
}

// Long replies stay within Slack's Block Kit limits.
func TestBlockLimits(t *testing.T) {
	long := strings.Repeat("Ofsted’s & <findings> ", 400)
	r := Reply{Heading: long}
	for range 60 {
		r.Parts = append(r.Parts, Part{Title: long, Text: long, Note: long})
	}
	for range 8 {
		r.Choices = append(r.Choices, Choice{Label: long, Command: "ask " + long})
	}
	msgs := r.blockMessages()
	// What does not fit in one message goes in a file, whole.
	if len(msgs) != 1 {
		t.Fatalf("%d messages for 60 long parts, want one and a file", len(msgs))
	}
	fit := r.fit()
	if fit.File == nil || fit.File.Name != overflowName || strings.Count(string(fit.File.Data), "## Ofsted’s & <findings>") != 60 {
		t.Errorf("the whole reply is not in a file: %+v", fit.File)
	}
	if last := fit.Parts[len(fit.Parts)-1]; !strings.Contains(last.Note, overflowName) {
		t.Errorf("the message does not say where the rest is: %+v", last)
	}
	for i, m := range msgs {
		if len(m) > maxBlocks {
			t.Errorf("message %d has %d blocks", i, len(m))
		}
		j, _ := json.Marshal(m)
		var raw []struct {
			Type string `json:"type"`
			Text *struct {
				Text string `json:"text"`
			} `json:"text"`
			Elements []struct {
				Text  any    `json:"text"`
				Value string `json:"value"`
			} `json:"elements"`
		}
		if err := json.Unmarshal(j, &raw); err != nil {
			t.Fatal(err)
		}
		for _, b := range raw {
			if b.Text != nil {
				limit := maxTextRunes
				if b.Type == "header" {
					limit = maxHeaderRunes
				}
				if n := utf8.RuneCountInString(b.Text.Text); n > limit {
					t.Errorf("%s block text of %d runes", b.Type, n)
				}
			}
			if b.Type == "actions" && len(b.Elements) > maxButtons {
				t.Errorf("%d buttons", len(b.Elements))
			}
			for _, e := range b.Elements {
				if utf8.RuneCountInString(e.Value) > maxValueRunes {
					t.Errorf("button value of %d runes", utf8.RuneCountInString(e.Value))
				}
			}
		}
	}
	if f := r.fallback(); utf8.RuneCountInString(f) > maxTextRunes {
		t.Errorf("fallback of %d runes", utf8.RuneCountInString(f))
	}
}

func TestVisibleLeavesReportAlone(t *testing.T) {
	r := &analysis.Report{Items: []analysis.ItemReport{{Title: "a"}, {Title: "b", Exempt: true}}}
	v, n := visible(r, false)
	if n != 1 || len(v.Items) != 1 || v.Items[0].Title != "a" || len(r.Items) != 2 {
		t.Errorf("visible: %d withheld, %+v; original %+v", n, v.Items, r.Items)
	}
	if v, n := visible(r, true); n != 0 || len(v.Items) != 2 {
		t.Errorf("allowed channel: %d withheld, %d items", n, len(v.Items))
	}
}

func TestRedact(t *testing.T) {
	cases := []struct {
		s     string
		words []string
		want  string
	}{
		{`search "placement": bad`, []string{"placement"}, `search "[…]": bad`},
		{`parse query "\"missing from care\" -x": syntax`, []string{`"missing from care" -x`}, `parse query "[…]": syntax`},
		{"nothing to hide", []string{"", "  "}, "nothing to hide"},
	}
	for _, c := range cases {
		if got := redact(c.s, c.words...); got != c.want {
			t.Errorf("redact(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

func TestPages(t *testing.T) {
	cases := []struct {
		it   analysis.ItemReport
		want string
	}{
		{analysis.ItemReport{StartPage: 7, EndPage: 10, PrintedStart: 5, PrintedEnd: 8}, "pp. 5–8 (PDF pp. 7–10)"},
		{analysis.ItemReport{StartPage: 7, EndPage: 10, PrintedStart: 7, PrintedEnd: 10}, "pp. 7–10"},
		{analysis.ItemReport{StartPage: 7, EndPage: 7}, "PDF p. 7"},
		{analysis.ItemReport{}, ""},
	}
	for _, c := range cases {
		if got := pages(c.it); got != c.want {
			t.Errorf("pages(%+v) = %q, want %q", c.it, got, c.want)
		}
	}
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	corpustest.Golden(t, filepath.Join("testdata", name), got, *update)
}

// A section cut to Slack's length is cut at a character, never inside an
// entity or a link, and leaves no bold marker open.
func TestClipMrkdwn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"Children &amp; Families", 12, "Children…"},
		{"Children &amp; Families", 16, "Children &amp;…"},
		{"fewer than &lt;5%", 13, "fewer than…"},
		{"see <https://example.org/a|the report> now", 20, "see…"},
		{"the *foster carers* said", 12, "the foster…"},
		{"Ofsted’s ‘Good’ rating", 10, "Ofsted’s…"},
	} {
		got := clipMrkdwn(tc.in, tc.n)
		if got != tc.want {
			t.Errorf("clipMrkdwn(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
		if utf8.RuneCountInString(got) > tc.n || !utf8.ValidString(got) {
			t.Errorf("clipMrkdwn(%q, %d) = %q: too long or not UTF-8", tc.in, tc.n, got)
		}
	}
}
