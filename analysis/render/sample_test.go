package render

import (
	"context"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/corpus"
)

// TestSampleBrief briefs the bundled fictional pack end to end and keeps
// the three formats of its brief, compact and full, as goldens: what a
// member prints the night before.
func TestSampleBrief(t *testing.T) {
	doc, err := corpus.OpenSample(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.New(testbank.Default(t)).Brief(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats() {
		for _, full := range []bool{false, true} {
			var b strings.Builder
			if err := f.WriteWith(&b, r, Options{Full: full}); err != nil {
				t.Fatal(err)
			}
			name := "sample-brief"
			if full {
				name += "-full"
			}
			ext := map[Format]string{FormatText: ".txt", FormatMarkdown: ".md", FormatHTML: ".html"}[f]
			golden(t, name+ext, b.String())
			if !full && f == FormatText {
				// The header names this meeting, its time and the council.
				for _, want := range []string{"Children and Young People Scrutiny Committee", "Wexcombe Borough Council", "Wednesday 14 October 2026 at 6.00 pm", "Lead questions", "In short:"} {
					if !strings.Contains(b.String(), want) {
						t.Errorf("text brief lacks %q", want)
					}
				}
			}
		}
	}
}
