// Package format is the shape of the national figures snapshot: the JSON
// header (councils, regions, measures, inspections, sources) and the value
// rows, written by the generator and read by package national.
package format

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Version is bumped whenever the snapshot's shape changes.
const Version = 2

// England is the area code of England's values.
const England = "E92000001"

// Header is everything in the snapshot except the values.
type Header struct {
	Version     int          `json:"version"`
	Attribution string       `json:"attribution"`
	Sources     []Source     `json:"sources"`
	Regions     []Region     `json:"regions"`
	Councils    []Council    `json:"councils"`
	Measures    []Measure    `json:"measures"`
	Inspections []Inspection `json:"inspections"`
}

// Source is one file the snapshot was made from.
type Source struct {
	File        string `json:"file"`
	Publication string `json:"publication"`
	Publisher   string `json:"publisher"`
}

// Region is an English region (E12) or inner/outer London (E13).
type Region struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Council is a local authority with children's services, past or present.
type Council struct {
	Code         string   `json:"code"`
	NewCode      string   `json:"new_code"`
	FormerCodes  []string `json:"former_codes,omitempty"`
	Name         string   `json:"name"`
	FormerNames  []string `json:"former_names,omitempty"`
	Region       string   `json:"region"`
	RegionCode   string   `json:"region_code"`
	SubRegion    string   `json:"sub_region,omitempty"`
	Neighbours   []string `json:"neighbours,omitempty"`
	Closeness    []string `json:"closeness,omitempty"`
	Abolished    int      `json:"abolished,omitempty"`
	Successors   []string `json:"successors,omitempty"`
	Predecessors []string `json:"predecessors,omitempty"`
}

// Measure is one national measure.
type Measure struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Unit        string `json:"unit"`
	Polarity    string `json:"polarity"`
	Topic       string `json:"topic"`
	Counts      string `json:"counts"`
	Period      string `json:"period"`
	Publication string `json:"publication"`
	Source      string `json:"source"`
	LAITCode    string `json:"lait_code,omitempty"`
	Decimals    int    `json:"decimals"`
	FirstYear   int    `json:"first_year"`
	LastYear    int    `json:"last_year"`
	NextRelease string `json:"next_release,omitempty"`
	// ReleaseMonth and ReleaseLag say when a year's figures come out: by
	// the end of month ReleaseMonth of the year ReleaseLag years after it.
	ReleaseMonth int `json:"release_month"`
	ReleaseLag   int `json:"release_lag"`
}

// Inspection is one ILACS inspection's judgements.
type Inspection struct {
	Code              string `json:"code"`
	Type              string `json:"type"`
	Date              string `json:"date"`
	Published         string `json:"published"`
	Overall           string `json:"overall"`
	Leaders           string `json:"leaders"`
	HelpAndProtection string `json:"help_and_protection"`
	ChildrenInCare    string `json:"children_in_care"`
	CareLeavers       string `json:"care_leavers,omitempty"`
	Latest            bool   `json:"latest,omitempty"`
}

// Row is one published value: a measure, an area (a council's three-digit
// code, a region's code or England's), a year and the value as published
// (a number, or a suppression code such as "c", "x", "z", "low", "k", "-"
// or "" for blank).
type Row struct {
	Measure string
	Area    string
	Year    int
	Value   string
}

// WriteHeader writes h as gzip'd JSON.
func WriteHeader(w io.Writer, h *Header) error {
	b, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("encode header: %w", err)
	}
	return gz(w, b)
}

// ReadHeader reads a header written by WriteHeader.
func ReadHeader(data []byte) (*Header, error) {
	b, err := gunzip(data)
	if err != nil {
		return nil, err
	}
	var h Header
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, fmt.Errorf("decode header: %w", err)
	}
	if h.Version != Version {
		return nil, fmt.Errorf("snapshot version %d, want %d", h.Version, Version)
	}
	return &h, nil
}

// absent marks a year with no row inside a series.
const absent = "~"

// WriteRows writes rows as gzip'd lines, one for each measure and area:
// "measure\tarea\tfirst year\tvalue,value,..." with a value for each year
// from the first, "~" for a year with no row. Rows must come sorted by
// measure, area and year.
func WriteRows(w io.Writer, rows []Row) error {
	var buf bytes.Buffer
	for i := 0; i < len(rows); {
		r := rows[i]
		if strings.ContainsAny(r.Measure+r.Area, "\t\n,") {
			return fmt.Errorf("row %s %s %d: tab, comma or newline in a name", r.Measure, r.Area, r.Year)
		}
		fmt.Fprintf(&buf, "%s\t%s\t%d\t", r.Measure, r.Area, r.Year)
		year := r.Year
		j := i
		for ; j < len(rows) && rows[j].Measure == r.Measure && rows[j].Area == r.Area; j++ {
			v := rows[j].Value
			if strings.ContainsAny(v, "\t\n,") || v == absent {
				return fmt.Errorf("row %s %s %d: value %q cannot be written", r.Measure, r.Area, rows[j].Year, v)
			}
			if rows[j].Year < year {
				return fmt.Errorf("row %s %s %d: rows not sorted by year", r.Measure, r.Area, rows[j].Year)
			}
			if j > i {
				buf.WriteByte(',')
				if rows[j].Year == year {
					return fmt.Errorf("row %s %s %d: two values", r.Measure, r.Area, year)
				}
			}
			for year++; year < rows[j].Year && j > i; year++ {
				buf.WriteString(absent + ",")
			}
			year = rows[j].Year
			buf.WriteString(v)
		}
		buf.WriteByte('\n')
		i = j
	}
	return gz(w, buf.Bytes())
}

// ReadRows reads rows written by WriteRows.
func ReadRows(data []byte) ([]Row, error) {
	b, err := gunzip(data)
	if err != nil {
		return nil, err
	}
	text := string(b)
	rows := make([]Row, 0, strings.Count(text, ",")+strings.Count(text, "\n"))
	for line := 1; text != ""; line++ {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		measure, rest, ok1 := strings.Cut(l, "\t")
		area, rest, ok2 := strings.Cut(rest, "\t")
		first, vals, ok3 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("values line %d: want measure, area, year and values", line)
		}
		y, err := strconv.Atoi(first)
		if err != nil || y < 1900 || y > 2200 {
			return nil, fmt.Errorf("values line %d: year %q", line, first)
		}
		for {
			v, more, found := strings.Cut(vals, ",")
			if v != absent {
				rows = append(rows, Row{Measure: measure, Area: area, Year: y, Value: v})
			}
			if !found {
				break
			}
			vals = more
			y++
		}
	}
	return rows, nil
}

func gz(w io.Writer, b []byte) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b); err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	return nil
}

func gunzip(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	return b, nil
}
