package national

import (
	_ "embed"
	"fmt"
	"sort"
	"sync"

	"github.com/scrutineer/scrutineer/analysis/national/internal/format"
)

//go:embed national.json.gz
var headerGz []byte

//go:embed values.tsv.gz
var valuesGz []byte

// store is the snapshot read into memory.
type store struct {
	header     *format.Header
	councils   []Council
	byCode     map[string]int // three-digit code, E-code and former E-codes
	measures   []Measure
	measureIdx map[string]int
	regions    map[string]string // code -> name
	// cells holds every value: cells[measure][area*years + year-firstYear].
	cells       [][]cell
	areaIdx     map[string]int
	firstYear   int
	years       int
	inspections map[string][]Inspection
	names       nameIndex
	sources     []Source
}

type cell struct {
	text string
	ok   bool // the files have a row for it
}

var (
	loadOnce sync.Once
	loaded   *store
	loadErr  error
)

// data returns the snapshot, reading it on first use.
func data() (*store, error) {
	loadOnce.Do(func() {
		loaded, loadErr = readStore(headerGz, valuesGz)
		if loadErr != nil {
			loadErr = fmt.Errorf("national figures snapshot: %w", loadErr)
		}
	})
	return loaded, loadErr
}

func readStore(hgz, vgz []byte) (*store, error) {
	h, err := format.ReadHeader(hgz)
	if err != nil {
		return nil, err
	}
	rows, err := format.ReadRows(vgz)
	if err != nil {
		return nil, err
	}
	al, err := parseAliases(aliasesTxt)
	if err != nil {
		return nil, err
	}
	s := &store{
		header:      h,
		byCode:      map[string]int{},
		measureIdx:  map[string]int{},
		regions:     map[string]string{format.England: "England"},
		areaIdx:     map[string]int{},
		inspections: map[string][]Inspection{},
	}
	for _, r := range h.Regions {
		s.regions[r.Code] = r.Name
	}
	for _, c := range h.Councils {
		k := Council{
			Code: c.Code, NewCode: c.NewCode, FormerCodes: c.FormerCodes, Name: c.Name, FormerNames: c.FormerNames,
			Region: c.Region, RegionCode: c.RegionCode, SubRegion: c.SubRegion, Neighbours: c.Neighbours,
			Closeness: c.Closeness, Abolished: c.Abolished, Successors: c.Successors, Predecessors: c.Predecessors,
		}
		if a, ok := al[c.Code]; ok {
			k.Aliases, k.Domains = a.names, a.domains
		}
		s.byCode[c.Code] = len(s.councils)
		s.councils = append(s.councils, k)
	}
	for _, c := range s.councils {
		i := s.byCode[c.Code]
		for _, nc := range append([]string{c.NewCode}, c.FormerCodes...) {
			if _, ok := s.byCode[nc]; !ok && nc != "" {
				s.byCode[nc] = i
			}
		}
	}
	for code := range al {
		if _, ok := s.byCode[code]; !ok {
			return nil, fmt.Errorf("aliases: council %s is not in the snapshot", code)
		}
	}
	for _, m := range h.Measures {
		s.measureIdx[m.ID] = len(s.measures)
		s.measures = append(s.measures, Measure{
			ID: m.ID, Title: m.Title, Unit: m.Unit, Polarity: Polarity(m.Polarity), Topic: m.Topic,
			Counts: m.Counts, Period: m.Period, Publication: m.Publication, Source: m.Source,
			LAITCode: m.LAITCode, Decimals: m.Decimals, FirstYear: m.FirstYear, LastYear: m.LastYear,
			NextRelease: m.NextRelease, ReleaseMonth: m.ReleaseMonth, ReleaseLag: m.ReleaseLag,
		})
	}
	last := 0
	for i, r := range rows {
		if _, ok := s.areaIdx[r.Area]; !ok {
			s.areaIdx[r.Area] = len(s.areaIdx)
		}
		if i == 0 || r.Year < s.firstYear {
			s.firstYear = r.Year
		}
		last = max(last, r.Year)
	}
	s.years = last - s.firstYear + 1
	s.cells = make([][]cell, len(s.measures))
	for i := range s.cells {
		s.cells[i] = make([]cell, len(s.areaIdx)*s.years)
	}
	for _, r := range rows {
		mi, ok := s.measureIdx[r.Measure]
		if !ok {
			return nil, fmt.Errorf("values: unknown measure %q", r.Measure)
		}
		s.cells[mi][s.areaIdx[r.Area]*s.years+r.Year-s.firstYear] = cell{r.Value, true}
	}
	for _, in := range h.Inspections {
		s.inspections[in.Code] = append(s.inspections[in.Code], Inspection{
			Type: in.Type, Date: in.Date, Published: in.Published, Overall: in.Overall, Leaders: in.Leaders,
			HelpAndProtection: in.HelpAndProtection, ChildrenInCare: in.ChildrenInCare, CareLeavers: in.CareLeavers,
			Latest: in.Latest,
		})
	}
	for code := range s.inspections {
		ins := s.inspections[code]
		sort.SliceStable(ins, func(i, j int) bool { return ins[i].Date > ins[j].Date })
	}
	for _, src := range h.Sources {
		s.sources = append(s.sources, Source{File: src.File, Publication: src.Publication, Publisher: src.Publisher})
	}
	s.names = buildNameIndex(s.councils)
	return s, nil
}

// Source is a published file the snapshot was made from.
type Source struct {
	File        string // file name as published
	Publication string // the release it belongs to
	Publisher   string // Department for Education or Ofsted
}

// Sources lists the files the snapshot was made from.
func Sources() ([]Source, error) {
	s, err := data()
	if err != nil {
		return nil, err
	}
	return append([]Source(nil), s.sources...), nil
}
