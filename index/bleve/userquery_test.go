package bleveindex

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

func TestParseUserQuery(t *testing.T) {
	tests := []struct {
		in   string
		want string // clauses as field|text|flags, joined by " ; "
		err  string
	}{
		{"Reg 44?", "|Reg| ; |44?|", ""},
		{`Ofsted: "requires improvement"`, "|Ofsted:| ; |requires improvement|p", ""},
		{"children <5", "|children| ; |<5|", ""},
		{"children & families", "|children| ; |families|", ""},
		{"+fostering -IFA", "|fostering|m ; |IFA|n", ""},
		{`title:fostering committee:"Corporate Parenting"`, "title|fostering| ; committee_key|Corporate Parenting|p", ""},
		{"16-17 year olds", "|16-17| ; |year| ; |olds|", ""},
		{"drift - delay", "|drift| ; |delay|", ""},
		{"s.47 enquiries", "|s.47| ; |enquiries|", ""},
		{`"unclosed quote`, "", "is not closed"},
		{"+ fostering", "", "nothing after it"},
		{"-adoption", "", "only says what to leave out"},
		{"?", "", ""},
	}
	for _, tc := range tests {
		cs, err := parseUserQuery(tc.in)
		if tc.err != "" {
			if !errors.Is(err, index.ErrQuery) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err %v, want one saying %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		var parts []string
		for _, c := range cs {
			flags := ""
			if c.phrase {
				flags += "p"
			}
			if c.must {
				flags += "m"
			}
			if c.not {
				flags += "n"
			}
			parts = append(parts, c.field+"|"+c.text+"|"+flags)
		}
		if got := strings.Join(parts, " ; "); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestPlainWords searches as people type: punctuation is text, not
// syntax, and a query that cannot be read says what is wrong.
func TestPlainWords(t *testing.T) {
	x := openTemp(t)
	ingest(t, x, doc("p.txt", "Corporate Parenting Panel", "2026-06-01",
		item("4", "Regulation 44 Visits", corpus.KindReport, "Reg 44 visits to our children's homes found children & staff settled."),
		item("5", "Ofsted Report", corpus.KindReport, "Ofsted judged leadership as requires improvement to be good."),
		item("6", "Early Years", corpus.KindReport, "Children under 5 make up a third of the caseload.")))
	count := func(q string) int {
		r, err := x.Search(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		return int(r.Total)
	}
	if a, b := count("Reg 44?"), count("Reg 44"); a != b || a == 0 {
		t.Errorf(`"Reg 44?" finds %d, "Reg 44" %d`, a, b)
	}
	if n := count(`Ofsted: "requires improvement"`); n == 0 {
		t.Error(`Ofsted: "requires improvement" finds nothing`)
	}
	if n := count("children <5"); n == 0 {
		t.Error(`"children <5" finds nothing`)
	}
	if n := count("children & staff"); n == 0 {
		t.Error(`"children & staff" finds nothing`)
	}
	_, err := x.Search(context.Background(), Query{Text: `"requires improvement`})
	if !errors.Is(err, index.ErrQuery) {
		t.Errorf("an unclosed quote: %v, want index.ErrQuery", err)
	}
}

func TestWordBounds(t *testing.T) {
	text := []byte("placement stability matters because each move")
	for _, tc := range []struct {
		s, e int
		want string
	}{
		{3, 30, "stability matters"},   // cut inside "placement" and "because"
		{0, 19, "placement stability"}, // whole words already
		{10, 19, "stability"},          // one word
		{12, 15, "abi"},                // inside one word: kept
		{20, len(text), "matters because each move"},
	} {
		s, e := wordBounds(text, tc.s, tc.e)
		if got := string(text[s:e]); got != tc.want {
			t.Errorf("wordBounds(%d, %d) = %q, want %q", tc.s, tc.e, got, tc.want)
		}
	}
}

func TestSummaryJSON(t *testing.T) {
	data, err := json.Marshal(Summary{Files: 2, Took: 1500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if s := string(data); !strings.Contains(s, `"took_ms":1500`) || strings.Contains(s, `"took":`) || !strings.Contains(s, `"files":2`) {
		t.Errorf("summary JSON %s", s)
	}
}
