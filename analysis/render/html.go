package render

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"github.com/scrutineer/scrutineer/analysis"
)

//go:embed brief.html.tmpl
var briefHTML string

var htmlTmpl = template.Must(template.New("brief").Funcs(template.FuncMap{
	"questions": func(n int) string { return plural(n, "question") },
}).Parse(briefHTML))

// HTML writes r as one self-contained printable page: inline CSS, no
// external fonts, scripts or images. It has the meeting header, a line on
// how to use the brief, a contents list, then one section per item with
// its page range, theme chips with scores and its questions grouped by
// kind, each with page cites and quotes. Printed, it is A4 with each item
// starting a new page. All report text is escaped by html/template.
func HTML(w io.Writer, r *analysis.Report) error { return HTMLWith(w, r, Options{}) }

// HTMLWith is HTML with options.
func HTMLWith(w io.Writer, r *analysis.Report, opts Options) error {
	b, err := view(r, opts)
	if err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	bw := bufio.NewWriter(w)
	if err := htmlTmpl.Execute(bw, b); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	return flush(bw, "html")
}
