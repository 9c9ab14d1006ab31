package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// FuzzRender feeds arbitrary reports, as JSON from `ask --json` or
// `brief --json`, to every renderer: none may fail or panic, every output
// is valid UTF-8, report text never becomes markup, and a text brief keeps
// to Width columns whenever the report has no over-long words.
func FuzzRender(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "report.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"items":[{"number":"","title":"","questions":[{"kind":"","evidence":[{"page":-1}]}]}]}`))
	f.Add([]byte(`{"source":"a<b>.pdf","meta":{"date":"2026-02-30"},"items":[{"number":"4a","title":"<script>x</script>","exempt":true,"themes":[{"id":"x","score":7}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			var r analysis.Report
			if err := json.Unmarshal(data, &r); err != nil {
				return nil
			}
			outs := map[Format]string{}
			for _, format := range Formats() {
				var buf bytes.Buffer
				if err := format.Write(&buf, &r); err != nil {
					return fmt.Errorf("%s: %v", format, err)
				}
				if !utf8.Valid(buf.Bytes()) {
					return fmt.Errorf("%s: output is not valid UTF-8", format)
				}
				outs[format] = buf.String()
			}
			html := outs[FormatHTML]
			if strings.Contains(html, "<script") || strings.Contains(html, "<img") {
				return fmt.Errorf("html: report text became markup")
			}
			if got := strings.Count(html, "<section "); got != len(r.Items) {
				return fmt.Errorf("html: %d item sections for %d items", got, len(r.Items))
			}
			if short(&r) {
				for i, l := range strings.Split(outs[FormatText], "\n") {
					if utf8.RuneCountInString(l) > Width {
						return fmt.Errorf("text line %d is wider than %d: %q", i+1, Width, l)
					}
				}
			}
			return nil
		})
	})
}

// short reports whether every word of r's text is short enough that a
// text brief can keep to Width columns.
func short(r *analysis.Report) bool {
	ok := func(s string, n int) bool {
		for _, w := range strings.Fields(clean(s)) {
			if utf8.RuneCountInString(w) > n {
				return false
			}
		}
		return true
	}
	all := []string{r.Source, r.Meta.Council, r.Meta.Committee, r.Meta.Date}
	for _, it := range r.Items {
		if utf8.RuneCountInString(clean(it.Number)) > 8 || strings.ContainsAny(clean(it.Number), " ") {
			return false
		}
		all = append(all, it.Title)
		for _, th := range it.Themes {
			all = append(all, th.ID, th.Title)
		}
		for _, q := range it.Questions {
			all = append(all, q.Text, q.Theme)
			for _, e := range q.Evidence {
				all = append(all, e.Quote)
			}
		}
	}
	for _, s := range all {
		if !ok(s, 30) {
			return false
		}
	}
	return true
}
