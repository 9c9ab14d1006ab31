package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/index"
)

// comparePrevious marks the improvement points of rep's inspections that
// the council's last inspection made too: the last inspection read from
// --previous FILE, else, with --index, the latest earlier inspection of
// the same council the index holds. It says on w what it compared.
func comparePrevious(ctx context.Context, fs *flag.FlagSet, rep *analysis.Report, w io.Writer) error {
	if !hasInspection(rep) {
		return nil
	}
	if path := flagString(fs, "previous"); path != "" {
		doc, err := openDoc(ctx, fs, []string{path}, nil)
		if err != nil {
			return fmt.Errorf("read the previous inspection: %w", err)
		}
		before := analysis.Earlier(doc)
		if before == nil {
			return fmt.Errorf("%s: not an inspection report", doc.Source)
		}
		n := analysis.CompareEarlier(rep, before, doc.Source)
		fmt.Fprintf(w, "compared with %s: %d %s repeated\n", doc.Source, n, plural(n, "point"))
		return nil
	}
	if f := fs.Lookup("index"); f == nil || f.Value.String() == "" {
		return nil
	}
	x, err := openPapers(ctx, fs)
	if err != nil {
		return err
	}
	defer x.Close()
	before, source, err := lastInspection(ctx, fs, x, rep)
	if err != nil || before == nil {
		return err
	}
	n := analysis.CompareEarlier(rep, before, source)
	fmt.Fprintf(w, "compared with the last inspection in the index, %s: %d %s repeated\n", source, n, plural(n, "point"))
	return nil
}

func hasInspection(rep *analysis.Report) bool {
	for _, it := range rep.Items {
		if it.Inspection != nil && len(it.Inspection.Improvements) > 0 {
			return true
		}
	}
	return false
}

// lastInspection finds in the index the latest inspection of the council
// of rep's inspection that began before it: among the papers whose items
// name an inspection, read from their files.
func lastInspection(ctx context.Context, fs *flag.FlagSet, x paperStore, rep *analysis.Report) (*inspection.Inspection, string, error) {
	var now *analysis.ItemReport
	for i := range rep.Items {
		if rep.Items[i].Inspection != nil {
			now = &rep.Items[i]
			break
		}
	}
	if now == nil || now.Inspection.Inspected == nil || now.Inspection.Inspected.From == "" {
		return nil, "", nil
	}
	docs, err := x.Documents(ctx)
	if err != nil {
		return nil, "", err
	}
	var best *inspection.Inspection
	source := ""
	for _, d := range docs {
		if strings.Contains(rep.Source, d.Source) || !namesInspection(d) || d.Path == "" {
			continue
		}
		if _, err := os.Stat(d.Path); err != nil {
			continue // moved since it was indexed
		}
		doc, err := openPath(ctx, fs, d.Path, "")
		if err != nil {
			continue // a damaged file is not the last inspection
		}
		insp := analysis.Earlier(doc)
		if insp == nil || insp.From == "" || insp.From >= now.Inspection.Inspected.From || !analysis.SameCouncil(now.Inspection.Council, insp.Council) {
			continue
		}
		if best == nil || insp.From > best.From {
			best, source = insp, d.Source
		}
	}
	return best, source, nil
}

// namesInspection reports whether an indexed paper could hold an
// inspection report: an item or the file named for one.
func namesInspection(d index.DocumentInfo) bool {
	if s := strings.ToLower(d.Source); strings.Contains(s, "ofsted") || strings.Contains(s, "inspection") {
		return true
	}
	for _, it := range d.Items {
		if strings.Contains(strings.ToLower(it.Title), "inspection") {
			return true
		}
	}
	return false
}
