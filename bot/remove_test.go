package bot

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// An officer removes a paper from the real index (and its kept copy);
// anyone else is refused and the paper stays; an unknown name is said to
// be unknown.
func TestRemovePaper(t *testing.T) {
	if testing.Short() {
		t.Skip("reads and indexes a whole pack")
	}
	data, err := os.ReadFile(filepath.Join(corpustest.Root(), corpustest.SamplePDF))
	if err != nil {
		t.Fatal(err)
	}
	bk, err := bank.Default()
	if err != nil {
		t.Fatal(err)
	}
	const name = "wexcombe-cyp-scrutiny-2026-10-14.pdf"
	for _, tc := range []struct {
		name, user, arg string
		want            string
		gone            bool
	}{
		{"officer", "U0OFFICER", name, "Removed “" + name + "” from the index", true},
		{"someone else", "U0MEMBER", name, "Only the officers listed in my configuration", false},
		{"unknown name", "U0OFFICER", "nothing.pdf", "I have no paper named “nothing.pdf”", false},
		{"no name", "U0OFFICER", "", "Which paper?", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			idx, err := bleveindex.Open(t.TempDir(), bleveindex.Options{Create: true})
			if err != nil {
				t.Fatal(err)
			}
			defer idx.Close()
			dir := filepath.Join(t.TempDir(), "shared")
			proj := &Project{Index: idx, Analyzer: analysis.New(bk), Dir: dir}
			if err := proj.Add(context.Background(), name, data); err != nil {
				t.Fatal(err)
			}
			b, _ := newTestBot(t, nil, proj.Deps(), func(c *Config) { c.BotToken = ""; c.Officers = []string{"U0OFFICER"} })
			var buf bytes.Buffer
			in := strings.NewReader("/scrutineer public remove " + tc.arg + "\n")
			if err := b.RunConsoleAs(context.Background(), in, &buf, ConsoleOptions{Channel: "C1", User: tc.user}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), tc.want) {
				t.Errorf("reply lacks %q:\n%s", tc.want, buf.String())
			}
			res, err := idx.Search(context.Background(), index.Query{Source: name, Limit: 1, IncludeExempt: true, NoFacets: true})
			if err != nil {
				t.Fatal(err)
			}
			_, statErr := os.Stat(filepath.Join(dir, name))
			if gone := len(res.Hits) == 0 && os.IsNotExist(statErr); gone != tc.gone {
				t.Errorf("paper gone = %v (hits %d, kept copy: %v), want %v", gone, len(res.Hits), statErr, tc.gone)
			}
		})
	}
}
