package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/scrutineer/scrutineer/analysis/national"
)

func init() {
	register(&command{
		name:    "figures",
		args:    "[--measure ID] [--json] COUNCIL",
		summary: "Set a council's latest national figures against England, its region and its statistical neighbours.\nCOUNCIL is a name councillors use (\"Kent\", \"Kent County Council\", \"Bath and NE Somerset\"), a DfE or ONS code, or a domain (kent.gov.uk).",
		flags: func(fs *flag.FlagSet) {
			fs.Bool("json", false, "print JSON: {\"council\", \"neighbours\", \"measures\": [...]}")
			fs.String("measure", "", "only this measure (its ID, as 'figures --measure list' shows)")
		},
		run: runFigures,
	})
}

func runFigures(_ context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	name := strings.TrimSpace(strings.Join(args, " "))
	measure := strings.TrimSpace(flagString(fs, "measure"))
	if measure == "list" {
		return listMeasures(io.Out)
	}
	if name == "" {
		return usagef("missing COUNCIL")
	}
	var ids []string
	if measure != "" {
		ids = []string{measure}
	}
	p, err := national.Profile(name, ids...)
	if err != nil {
		var le *national.LookupError
		if errors.As(err, &le) {
			return err
		}
		return fmt.Errorf("figures for %s: %w", name, err)
	}
	if flagBool(fs, "json") {
		return writeJSON(io.Out, figuresJSON(p))
	}
	return writeFigures(io.Out, p)
}

func listMeasures(w io.Writer) error {
	ms, err := national.Measures()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tMEASURE\tUNIT\tGOOD IS\tPERIOD\tYEARS\tNEXT RELEASE\tSOURCE")
	for _, m := range ms {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d-%d\t%s\t%s\n", m.ID, m.Title, m.Unit, goodIs(m.Polarity), m.Period, m.FirstYear, m.LastYear, m.NextRelease, m.Source)
	}
	return tw.Flush()
}

func goodIs(p national.Polarity) string {
	switch p {
	case national.High:
		return "high"
	case national.Low:
		return "low"
	}
	return "–"
}

// The JSON form of the figures command.
type figuresOut struct {
	Council     councilOut     `json:"council"`
	Neighbours  []neighbourOut `json:"neighbours"`
	Measures    []measureOut   `json:"measures"`
	Attribution string         `json:"attribution"`
}

type councilOut struct {
	Name    string `json:"name"`
	Code    string `json:"code"`
	NewCode string `json:"new_code"`
	Region  string `json:"region"`
}

type neighbourOut struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

type measureOut struct {
	ID            string     `json:"id"`
	Title         string     `json:"title"`
	Unit          string     `json:"unit"`
	Polarity      string     `json:"polarity"`
	Year          int        `json:"year"`
	Value         *float64   `json:"value"`
	England       *float64   `json:"england"`
	Region        *float64   `json:"region"`
	Neighbours    *float64   `json:"neighbours"`
	NeighbourRank *int       `json:"neighbour_rank"`
	Suppressed    bool       `json:"suppressed"`
	Source        string     `json:"source"`
	Trend         []trendOut `json:"trend"`
}

type trendOut struct {
	Year  int      `json:"year"`
	Value *float64 `json:"value"`
}

func num(f national.Figure) *float64 {
	if !f.Known() {
		return nil
	}
	v := f.Value
	return &v
}

func figuresJSON(p national.CouncilProfile) figuresOut {
	out := figuresOut{
		Council:     councilOut{Name: p.Council.Name, Code: p.Council.Code, NewCode: p.Council.NewCode, Region: p.Council.Region},
		Neighbours:  []neighbourOut{},
		Measures:    []measureOut{},
		Attribution: national.Attribution,
	}
	for _, n := range p.Neighbours {
		out.Neighbours = append(out.Neighbours, neighbourOut{Name: n.Name, Code: n.Code})
	}
	for _, c := range p.Comparisons {
		m := measureOut{
			ID: c.Measure.ID, Title: c.Measure.Title, Unit: c.Measure.Unit, Polarity: string(c.Measure.Polarity),
			Year: c.Year, Value: num(c.Value), England: num(c.England), Region: num(c.Region),
			Suppressed: c.Value.Suppressed || !c.Value.Published, Source: sourceLine(c), Trend: []trendOut{},
		}
		if c.Neighbours.Known() {
			v := c.Neighbours.Value
			m.Neighbours = &v
		}
		if c.Rank > 0 {
			r := c.Rank
			m.NeighbourRank = &r
		}
		for _, t := range c.Trend {
			m.Trend = append(m.Trend, trendOut{Year: t.Year, Value: num(t)})
		}
		out.Measures = append(out.Measures, m)
	}
	return out
}

// sourceLine names a figure's source and period: "DfE, Children in need,
// England: c1_….csv, year ending 31 March 2025".
func sourceLine(c national.Comparison) string {
	return fmt.Sprintf("DfE, %s: %s, %s %d", c.Measure.Publication, c.Measure.Source, c.Measure.Period, c.Year)
}

func writeFigures(w io.Writer, p national.CouncilProfile) error {
	c := p.Council
	fmt.Fprintf(w, "%s (DfE %s, %s), %s\n", c.Name, c.Code, c.NewCode, c.Region)
	if c.Abolished != 0 {
		fmt.Fprintf(w, "Abolished in %d; succeeded by %s.\n", c.Abolished, councilNames(c.Successors))
	}
	if len(c.Predecessors) > 0 {
		fmt.Fprintf(w, "Took over from %s.\n", councilNames(c.Predecessors))
	}
	if len(p.Neighbours) > 0 {
		var ns []string
		for _, n := range p.Neighbours {
			ns = append(ns, n.Name)
		}
		fmt.Fprintf(w, "Statistical neighbours (DfE 2025 model): %s.\n", strings.Join(ns, ", "))
	}
	if len(p.Inspections) > 0 {
		in := p.Inspections[0]
		fmt.Fprintf(w, "Latest Ofsted ILACS inspection at 31 March 2025 (%s): overall %s", in.Date, in.Overall)
		if len(p.Inspections) > 1 {
			fmt.Fprintf(w, "; previously %s (%s)", p.Inspections[1].Overall, p.Inspections[1].Date)
		}
		fmt.Fprintln(w, ".")
	}
	fmt.Fprintln(w)
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "MEASURE\tYEAR\tVALUE\tENGLAND\tREGION\tNEIGHBOURS\tRANK\tVS ENGLAND\tVS NEIGHBOURS\tFIVE YEARS")
	topic := ""
	for _, cmp := range p.Comparisons {
		m := cmp.Measure
		if m.Topic != topic {
			topic = m.Topic
			fmt.Fprintf(tw, "%s\t\t\t\t\t\t\t\t\t\n", strings.ToUpper(topic))
		}
		sn := "–"
		if cmp.Neighbours.Known() {
			sn = national.Figure{Published: true, Value: cmp.Neighbours.Value}.Format(m)
		}
		rank := "–"
		if cmp.Rank > 0 {
			rank = fmt.Sprintf("%d of %d", cmp.Rank, cmp.Ranked)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			measureLabel(m), cmp.Year, cmp.Value.Format(m), cmp.England.Format(m), cmp.Region.Format(m),
			sn, rank, verdict(cmp.VsEngland, m), verdict(cmp.VsNeighbours, m), trend(cmp))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(table.String(), "\n") {
		fmt.Fprint(w, strings.TrimRight(line, " \n")+strings.Repeat("\n", strings.Count(line, "\n")))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Rank: place among the council and its neighbours with a published value, 1 the best (the highest where neither way is better).")
	fmt.Fprintln(w, "Neighbours: mean of the ten statistical neighbours' published values; [c], [x], [z], [low], [k], [u], [-] are suppressed or not available.")
	fmt.Fprintf(w, "Sources: %s.\n", sourcesUsed(p))
	fmt.Fprintln(w, national.Attribution)
	return nil
}

func councilNames(codes []string) string {
	var ns []string
	for _, code := range codes {
		if c, err := national.ByCode(code); err == nil {
			ns = append(ns, c.Name)
		} else {
			ns = append(ns, code)
		}
	}
	return strings.Join(ns, " and ")
}

func measureLabel(m national.Measure) string {
	switch m.Unit {
	case "%", "per 10,000":
		return fmt.Sprintf("%s (%s)", m.Title, m.Unit)
	}
	return m.Title
}

func verdict(v national.Verdict, m national.Measure) string {
	switch {
	case m.Polarity == national.None:
		return "n/a"
	case v == national.NoVerdict:
		return "–"
	}
	return string(v)
}

func trend(c national.Comparison) string {
	var parts []string
	for _, f := range c.Trend {
		switch {
		case f.Known():
			parts = append(parts, strconv.FormatFloat(f.Value, 'f', c.Measure.Decimals, 64))
		case f.Suppressed:
			parts = append(parts, f.Format(c.Measure))
		default:
			parts = append(parts, "–")
		}
	}
	if len(c.Trend) == 0 {
		return ""
	}
	return fmt.Sprintf("%d-%d: %s", c.Trend[0].Year%100, c.Trend[len(c.Trend)-1].Year%100, strings.Join(parts, " "))
}

// sourcesUsed lists each publication once with its files and latest year.
func sourcesUsed(p national.CouncilProfile) string {
	type src struct {
		files map[string]bool
		year  int
	}
	pubs := map[string]*src{}
	for _, c := range p.Comparisons {
		s := pubs[c.Measure.Publication]
		if s == nil {
			s = &src{files: map[string]bool{}}
			pubs[c.Measure.Publication] = s
		}
		s.files[c.Measure.Source] = true
		s.year = max(s.year, c.Year)
	}
	var names []string
	for n := range pubs {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		var fs []string
		for f := range pubs[n].files {
			fs = append(fs, f)
		}
		sort.Strings(fs)
		out = append(out, fmt.Sprintf("DfE %s to %d (%s)", n, pubs[n].year, strings.Join(fs, ", ")))
	}
	out = append(out, "statistical neighbours: DfE 2025 model (sn_model_2025_wide.csv)")
	if len(p.Inspections) > 0 {
		out = append(out, "inspections: Ofsted, local authority inspection outcomes as at 31 March 2025")
	}
	return strings.Join(out, "; ")
}
