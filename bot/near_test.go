package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/index"
)

func TestNearSpellings(t *testing.T) {
	tests := []struct {
		near  bool
		parts int
		first string
	}{
		{false, 1, "One passage matches."},
		{true, 2, nearSpellingsNote},
	}
	for _, tc := range tests {
		r := nearSpellings(searchReply("fosterng", 1, sampleHits()[:1]), tc.near)
		if len(r.Parts) != tc.parts+1 || r.Parts[0].Text != tc.first {
			t.Errorf("near %v: parts %+v", tc.near, r.Parts)
		}
	}
}

// A word no paper has, searched by near spellings beside words found as
// typed, is named above the hits.
func TestRespelledNote(t *testing.T) {
	deps := Deps{Search: fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
		return &index.Results{Query: q.Text, Total: 3, Hits: sampleHits(), Respelled: []string{"safegaurding"}}, nil
	}}}
	b, _ := newTestBot(t, nil, deps, func(c *Config) { c.BotToken = "" })
	out := &syncBuffer{}
	if err := b.RunConsoleAs(context.Background(), strings.NewReader("search safegaurding partnership\n"), out, ConsoleOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `No paper has the word "safegaurding"; it is searched as words spelled nearly so.`
	if got := out.String(); !strings.Contains(got, want) {
		t.Errorf("output lacks %q:\n%s", want, got)
	}
}
