// Package build makes the national figures snapshot from the DfE files in
// a data folder (see ../shared/data/national/SOURCES.md). It is used by the
// generator (go generate ./analysis/national/...) and by the test that checks
// the committed snapshot is what the files give.
//
// The LAIT long table is a Parquet file, so this package (and only it, not
// package national) reads Parquet with github.com/parquet-go/parquet-go.
package build

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/scrutineer/scrutineer/analysis/national/internal/format"
)

// Attribution is the notice the Open Government Licence asks for.
const Attribution = "Contains public sector information licensed under the Open Government Licence v3.0."

// Snapshot is the generated snapshot: the gzip'd header and values files.
type Snapshot struct {
	Header []byte
	Values []byte
}

// Build reads the data folder dir and returns the snapshot.
func Build(dir string) (*Snapshot, error) {
	b := &builder{dir: dir, regionByName: map[string]string{}, newCodes: map[string]map[string]bool{}, names: map[string]map[string]bool{}}
	h, rows, err := b.run()
	if err != nil {
		return nil, fmt.Errorf("build snapshot from %s: %w", dir, err)
	}
	var hb, vb bytes.Buffer
	if err := format.WriteHeader(&hb, h); err != nil {
		return nil, err
	}
	if err := format.WriteRows(&vb, rows); err != nil {
		return nil, err
	}
	return &Snapshot{Header: hb.Bytes(), Values: vb.Bytes()}, nil
}

type builder struct {
	dir          string
	regionByName map[string]string          // region name (lower case) -> code
	regions      []format.Region            // in code order
	newCodes     map[string]map[string]bool // old code -> E-codes seen
	names        map[string]map[string]bool // old code -> names seen
	latestCode   map[string]string          // old code -> E-code in the latest year
	latestYear   map[string]int             // old code -> latest year seen
	halves       map[string]string          // London borough code -> Inner London or Outer London, from LAIT's region column
	dict         map[string]dictEntry
}

type dictEntry struct {
	Title, Polarity, Description, Next, YearType string
}

type table struct {
	file string
	head map[string]int
	rows [][]string
}

func (t *table) get(r []string, col string) string {
	i, ok := t.head[col]
	if !ok || i >= len(r) {
		return ""
	}
	return strings.TrimSpace(r[i])
}

func (b *builder) readCSV(name string) (*table, error) {
	f, err := os.Open(filepath.Join(b.dir, name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	all, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("read %s: empty", name)
	}
	t := &table{file: name, head: map[string]int{}, rows: all[1:]}
	for i, h := range all[0] {
		t.head[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	return t, nil
}

func (b *builder) run() (*format.Header, []format.Row, error) {
	if err := b.readDictionary(); err != nil {
		return nil, nil, err
	}
	h := &format.Header{Version: format.Version, Attribution: Attribution}
	var rows []format.Row
	eesFiles := map[string]*table{}
	for _, s := range specs {
		if s.EES == nil {
			continue
		}
		if eesFiles[s.EES.File] == nil {
			t, err := b.readCSV(s.EES.File)
			if err != nil {
				return nil, nil, err
			}
			eesFiles[s.EES.File] = t
			b.noteAreas(t)
		}
	}
	// LAIT's names for the London halves.
	b.regionByName["london (inner)"] = b.regionByName["inner london"]
	b.regionByName["london (outer)"] = b.regionByName["outer london"]
	lait, err := b.readLAIT()
	if err != nil {
		return nil, nil, err
	}
	b.finishRegions()
	h.Regions = b.regions
	for _, s := range specs {
		m, rs, err := b.measure(s, eesFiles, lait)
		if err != nil {
			return nil, nil, fmt.Errorf("measure %s: %w", s.ID, err)
		}
		h.Measures = append(h.Measures, m)
		rows = append(rows, rs...)
	}
	councils, err := b.councils()
	if err != nil {
		return nil, nil, err
	}
	h.Councils = councils
	insp, err := b.inspections(councils)
	if err != nil {
		return nil, nil, err
	}
	h.Inspections = insp
	used := map[string]bool{fileDict: true, fileSN: true, fileOfsted: true}
	for _, s := range specs {
		if s.EES != nil {
			used[s.EES.File] = true
		} else {
			used[fileLAIT] = true
		}
	}
	for f := range used {
		h.Sources = append(h.Sources, format.Source{File: f, Publication: publications[f], Publisher: publisher(f)})
	}
	sort.Slice(h.Sources, func(i, j int) bool { return h.Sources[i].File < h.Sources[j].File })
	sort.SliceStable(rows, func(i, j int) bool {
		a, c := rows[i], rows[j]
		if a.Measure != c.Measure {
			return a.Measure < c.Measure
		}
		if a.Area != c.Area {
			return a.Area < c.Area
		}
		return a.Year < c.Year
	})
	return h, rows, nil
}

func publisher(f string) string {
	switch f {
	case fileOfsted:
		return "Ofsted"
	}
	return "Department for Education"
}

// noteAreas records the regions, names and E-codes an EES file gives.
func (b *builder) noteAreas(t *table) {
	if b.latestCode == nil {
		b.latestCode, b.latestYear = map[string]string{}, map[string]int{}
	}
	for _, r := range t.rows {
		switch t.get(r, "geographic_level") {
		case "Regional":
			code, name := t.get(r, "region_code"), t.get(r, "region_name")
			if code != "" && name != "" {
				b.regionByName[strings.ToLower(name)] = code
			}
		case "Local authority":
			old, name, nc := t.get(r, "old_la_code"), t.get(r, "la_name"), t.get(r, "new_la_code")
			if strings.Contains(old, "/") || old == "" {
				continue // a combined return (two councils) has no council's own figure
			}
			if b.names[old] == nil {
				b.names[old] = map[string]bool{}
				b.newCodes[old] = map[string]bool{}
			}
			b.names[old][name] = true
			if nc != "" {
				b.newCodes[old][nc] = true
			}
			if y, _ := strconv.Atoi(t.get(r, "time_period")); y >= b.latestYear[old] {
				b.latestYear[old] = y
				if nc != "" {
					b.latestCode[old] = nc
				}
			}
			if code, rn := t.get(r, "region_code"), t.get(r, "region_name"); code != "" && rn != "" {
				b.regionByName[strings.ToLower(rn)] = code
			}
		}
	}
}

func (b *builder) finishRegions() {
	seen := map[string]string{}
	for name, code := range b.regionByName {
		if strings.Contains(name, "(") {
			continue // LAIT's spelling of a London half
		}
		if cur, ok := seen[code]; !ok || name < cur {
			seen[code] = name
		}
	}
	// Names as DfE prints them.
	pretty := map[string]string{}
	for _, r := range []string{"North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands", "East of England", "London", "South East", "South West", "Inner London", "Outer London"} {
		pretty[strings.ToLower(r)] = r
	}
	b.regions = nil
	for code, name := range seen {
		n := pretty[name]
		if n == "" {
			n = name
		}
		b.regions = append(b.regions, format.Region{Code: code, Name: n})
	}
	sort.Slice(b.regions, func(i, j int) bool { return b.regions[i].Code < b.regions[j].Code })
}

func (b *builder) readDictionary() error {
	t, err := b.readCSV(fileDict)
	if err != nil {
		return err
	}
	b.dict = map[string]dictEntry{}
	for _, r := range t.rows {
		b.dict[t.get(r, "Measure_short")] = dictEntry{
			Title:       t.get(r, "Chart_title"),
			Polarity:    t.get(r, "Polarity"),
			Description: t.get(r, "Description"),
			Next:        t.get(r, "Next Update"),
			YearType:    t.get(r, "Year_Type"),
		}
	}
	return nil
}

type laitRow struct {
	Short  *string  `parquet:"Short Desc,optional"`
	Years  *string  `parquet:"Years,optional"`
	Name   *string  `parquet:"LA and Regions,optional"`
	Value  *string  `parquet:"Values,optional"`
	Number *float64 `parquet:"LA Number,optional"`
	Region *string  `parquet:"Region,optional"`
}

type laitValue struct {
	area, value string
	year        int
}

// readLAIT reads the LAIT rows of the measures that take their values from it.
func (b *builder) readLAIT() (map[string][]laitValue, error) {
	want := map[string]bool{}
	for _, s := range specs {
		if s.EES == nil {
			want[s.LAIT] = true
		}
	}
	f, err := os.Open(filepath.Join(b.dir, fileLAIT))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := parquet.NewGenericReader[laitRow](f)
	defer r.Close()
	out := map[string][]laitValue{}
	b.halves = map[string]string{}
	buf := make([]laitRow, 4096)
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return strings.TrimSpace(*p)
	}
	for {
		n, err := r.Read(buf)
		for _, x := range buf[:n] {
			short := str(x.Short)
			if x.Number != nil && *x.Number > 100 && *x.Number < 400 {
				switch reg := str(x.Region); reg {
				case "Inner London", "Outer London":
					b.halves[strconv.Itoa(int(*x.Number))] = reg
				}
			}
			if !want[short] {
				continue
			}
			y, yerr := strconv.Atoi(str(x.Years))
			if yerr != nil {
				return nil, fmt.Errorf("read %s: %s: year %q is not a year", fileLAIT, short, str(x.Years))
			}
			area := ""
			if x.Number != nil && *x.Number > 100 && *x.Number < 970 {
				area = strconv.Itoa(int(*x.Number))
			} else if x.Number != nil && *x.Number == 970 {
				area = format.England
			} else {
				area = b.regionByName[strings.ToLower(str(x.Name))]
			}
			if area == "" {
				return nil, fmt.Errorf("read %s: %s: area %q has no code", fileLAIT, short, str(x.Name))
			}
			out[short] = append(out[short], laitValue{area: area, year: y, value: laitNumber(str(x.Value))})
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", fileLAIT, err)
		}
	}
	return out, nil
}

// laitNumber writes a LAIT value shortest ("19.899999999999999" is 19.9);
// anything not a number ("-") is kept as it is, a suppression.
func laitNumber(s string) string {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return s
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func (b *builder) measure(s spec, files map[string]*table, lait map[string][]laitValue) (format.Measure, []format.Row, error) {
	d, ok := b.dict[s.LAIT]
	if !ok {
		return format.Measure{}, nil, fmt.Errorf("LAIT code %q not in %s", s.LAIT, fileDict)
	}
	m := format.Measure{ID: s.ID, Title: s.Title, Unit: s.Unit, Topic: s.Topic, Counts: s.Counts, Period: s.Period, LAITCode: s.LAIT}
	if m.Title == "" {
		m.Title = d.Title
	}
	if m.Counts == "" {
		m.Counts = d.Description
	}
	switch s.Polarity {
	case "":
		if d.Polarity != "High" && d.Polarity != "Low" {
			return m, nil, fmt.Errorf("no polarity for %s in %s", s.LAIT, fileDict)
		}
		m.Polarity = d.Polarity
	case "none":
	default:
		m.Polarity = s.Polarity
	}
	m.NextRelease = excelDate(d.Next)
	r := releaseOf(s)
	m.ReleaseMonth, m.ReleaseLag = r.Month, r.Lag
	var rows []format.Row
	if s.EES != nil {
		t := files[s.EES.File]
		if _, ok := t.head[s.EES.Column]; !ok {
			return m, nil, fmt.Errorf("%s has no column %q", t.file, s.EES.Column)
		}
		m.Source = t.file
		for _, r := range t.rows {
			match := true
			for _, f := range s.EES.Filters {
				if t.get(r, f[0]) != f[1] {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			area := ""
			switch t.get(r, "geographic_level") {
			case "National":
				area = format.England
			case "Regional":
				area = t.get(r, "region_code")
			case "Local authority":
				area = t.get(r, "old_la_code")
				if strings.Contains(area, "/") {
					continue
				}
			}
			y, err := strconv.Atoi(t.get(r, "time_period"))
			if area == "" || err != nil {
				continue
			}
			rows = append(rows, format.Row{Measure: s.ID, Area: area, Year: y, Value: t.get(r, s.EES.Column)})
		}
	} else {
		m.Source = fileLAIT
		for _, v := range lait[s.LAIT] {
			rows = append(rows, format.Row{Measure: s.ID, Area: v.area, Year: v.year, Value: v.value})
		}
	}
	if len(rows) == 0 {
		return m, nil, errors.New("no values")
	}
	rows = dedupe(rows)
	m.Publication = publications[m.Source]
	for _, r := range rows {
		if len(r.Area) == 3 {
			if m.FirstYear == 0 || r.Year < m.FirstYear {
				m.FirstYear = r.Year
			}
			if r.Year > m.LastYear {
				m.LastYear = r.Year
			}
		}
	}
	m.Decimals = decimals(rows)

	return m, rows, nil
}

// dedupe keeps the first value of each area and year.
func dedupe(rows []format.Row) []format.Row {
	seen := map[string]bool{}
	out := rows[:0]
	for _, r := range rows {
		k := r.Area + "|" + strconv.Itoa(r.Year)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

// excelDate turns a spreadsheet day number ("46327") into a date
// (2026-10-31); other text ("TBC") is kept.
func excelDate(s string) string {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 30000 || n > 80000 {
		return strings.TrimSpace(s)
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format("2006-01-02")
}

func (b *builder) councils() ([]format.Council, error) {
	t, err := b.readCSV(fileSN)
	if err != nil {
		return nil, err
	}
	var out []format.Council
	byCode := map[string]int{}
	for _, r := range t.rows {
		code := t.get(r, "old_la_code")
		if code == "" {
			continue
		}
		c := format.Council{Code: code, Name: t.get(r, "la_name"), Region: t.get(r, "region_name")}
		c.RegionCode = b.regionByName[strings.ToLower(c.Region)]
		if c.RegionCode == "" {
			return nil, fmt.Errorf("%s: %s: region %q has no code", fileSN, code, c.Region)
		}
		for i := 1; i <= 10; i++ {
			n := t.get(r, fmt.Sprintf("SN_%d", i))
			if n == "" {
				continue
			}
			c.Neighbours = append(c.Neighbours, n)
			c.Closeness = append(c.Closeness, t.get(r, fmt.Sprintf("SN_%dP", i)))
		}
		byCode[code] = len(out)
		out = append(out, c)
	}
	for _, ro := range reorganisations {
		c := format.Council{Code: ro.Code, Name: ro.Name, Abolished: ro.Abolished, Successors: ro.Successors}
		if s, ok := byCode[ro.Successors[0]]; ok {
			c.Region, c.RegionCode = out[s].Region, out[s].RegionCode
		}
		byCode[ro.Code] = len(out)
		out = append(out, c)
		for _, s := range ro.Successors {
			if i, ok := byCode[s]; ok {
				out[i].Predecessors = append(out[i].Predecessors, ro.Code)
			}
		}
	}
	for i := range out {
		c := &out[i]
		c.SubRegion = b.halves[c.Code]
		codes := sortedKeys(b.newCodes[c.Code])
		// The current E-code is the one of the latest year; the others are former codes.
		latest := b.latestCode[c.Code]
		c.NewCode = latest
		for _, nc := range codes {
			if nc != latest {
				c.FormerCodes = append(c.FormerCodes, nc)
			}
		}
		if c.NewCode == "" {
			return nil, fmt.Errorf("council %s %s: no E-code in the files", c.Code, c.Name)
		}
		for _, n := range sortedKeys(b.names[c.Code]) {
			if n != c.Name {
				c.FormerNames = append(c.FormerNames, n)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// decimals is the number of decimal places a measure is published with:
// the most England's values have (LAIT's long table keeps some councils'
// values unrounded), or the most any value has when England has none; at
// most two.
func decimals(rows []format.Row) int {
	places := func(only string) (int, bool) {
		d, any := 0, false
		for _, r := range rows {
			if only != "" && r.Area != only {
				continue
			}
			if _, err := strconv.ParseFloat(r.Value, 64); err != nil {
				continue
			}
			any = true
			if i := strings.IndexByte(r.Value, '.'); i >= 0 {
				d = max(d, len(r.Value)-i-1)
			}
		}
		return d, any
	}
	d, ok := places(format.England)
	if !ok {
		d, _ = places("")
	}
	return min(d, 2)
}
