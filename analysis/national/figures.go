package national

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/scrutineer/scrutineer/analysis/national/internal/format"
)

// Polarity says which way a measure is better: High (higher is better),
// Low (lower is better) or None (neither: a rate of children in care is not
// good or bad in itself). It is the LAIT data dictionary's.
type Polarity string

// Polarities.
const (
	High Polarity = "High"
	Low  Polarity = "Low"
	None Polarity = ""
)

// Measure is one national measure.
type Measure struct {
	ID          string   // stable identifier ("rereferrals_12m")
	Title       string   // what it is, in words a briefing note can use
	Unit        string   // "%", "per 10,000", "number", "FTE", "cases" or "score"
	Polarity    Polarity // which way is better
	Topic       string   // "Children in need", "Child protection", "Children looked after", "Care leavers", "Adoption", "Workforce"
	Counts      string   // what exactly it counts
	Period      string   // "year ending 31 March", "at 31 March", "at 30 September", ...
	Publication string   // the DfE release it comes from
	Source      string   // the published file its values come from
	LAITCode    string   // its short code in the Local Authority Interactive Tool
	Decimals    int      // decimal places its values are published with
	FirstYear   int      // the first year with councils' values
	LastYear    int      // the last year the snapshot covers
	NextRelease string   // when DfE next publishes it (YYYY-MM-DD) as its dictionary says
	// ReleaseMonth and ReleaseLag say when a year's figures come out: by
	// the end of month ReleaseMonth of the year ReleaseLag years after it
	// (children in need: October of the same year; the workforce at 30
	// September: the next February).
	ReleaseMonth, ReleaseLag int
}

// LatestPublished returns the latest year of a measure whose figures were
// out by date, by DfE's usual timetable (Measure.ReleaseMonth): the year a
// paper of that date is compared with, which it should name. A Q3 2024/25
// report dated January 2025 is compared with children in need and
// children looked after at 2024 (published October and November 2024) and
// the workforce at 2023 (2024's came out in February 2025). A date after
// the snapshot's latest release gives the snapshot's latest year; a date
// before the first gives ErrNoFigures.
func LatestPublished(measureID string, date time.Time) (int, error) {
	s, err := data()
	if err != nil {
		return 0, err
	}
	m, err := s.measure(measureID)
	if err != nil {
		return 0, err
	}
	for y := m.LastYear; y >= m.FirstYear && y > 0; y-- {
		// The first day of the month after the release month.
		out := time.Date(y+m.ReleaseLag, time.Month(m.ReleaseMonth)+1, 1, 0, 0, 0, 0, time.UTC)
		if !date.Before(out) {
			return y, nil
		}
	}
	return 0, fmt.Errorf("%s before %s: %w", m.ID, date.Format("2006-01-02"), ErrNoFigures)
}

// Figure is one published value: a measure's value for an area (a council,
// a region or England) in a year.
type Figure struct {
	Area       string  // the area's code: a three-digit council code, a region's or England's ONS code
	Year       int     // the year it covers, as DfE labels it (2025 for the year ending 31 March 2025)
	Text       string  // as published: a number or a suppression code
	Value      float64 // the number; 0 when Suppressed or not Published
	Suppressed bool    // published as a code, not a number: c (confidential), x (not available), z (not applicable), low, k, u, - (LAIT) or blank
	Published  bool    // the files have a row for it at all
}

// Known reports whether the figure is a published number.
func (f Figure) Known() bool { return f.Published && !f.Suppressed }

// Format writes the figure with the measure's unit: "22.6%", "67 per
// 10,000", "1,234", "[c]" for a suppressed one and "–" for none.
func (f Figure) Format(m Measure) string {
	switch {
	case !f.Published:
		return "–"
	case f.Suppressed:
		if f.Text == "" {
			return "[blank]"
		}
		return "[" + f.Text + "]"
	}
	return formatNumber(f.Value, m)
}

func formatNumber(v float64, m Measure) string {
	s := strconv.FormatFloat(v, 'f', m.Decimals, 64)
	if m.Unit == "number" || m.Unit == "FTE" {
		s = thousands(s)
	}
	switch m.Unit {
	case "%":
		return s + "%"
	}
	return s
}

func thousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String() + frac
	if neg {
		out = "-" + out
	}
	return out
}

func figure(area string, year int, text string, ok bool) Figure {
	f := Figure{Area: area, Year: year, Text: text, Published: ok}
	if !ok {
		return f
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		f.Suppressed = true
		return f
	}
	f.Value = v
	return f
}

// ErrUnknownMeasure is the error of a measure ID the snapshot lacks.
var ErrUnknownMeasure = errors.New("unknown measure")

// ErrNoFigures is the error of a council with no published figure for a
// measure in any year.
var ErrNoFigures = errors.New("no published figures")

// Measures lists the snapshot's measures in the order of a child's journey:
// referral, assessment, child protection, care, leaving care, then the
// workforce.
func Measures() ([]Measure, error) {
	s, err := data()
	if err != nil {
		return nil, err
	}
	return append([]Measure(nil), s.measures...), nil
}

// MeasureByID returns a measure by its ID.
func MeasureByID(id string) (Measure, error) {
	s, err := data()
	if err != nil {
		return Measure{}, err
	}
	return s.measure(id)
}

func (s *store) measure(id string) (Measure, error) {
	i, ok := s.measureIdx[strings.TrimSpace(id)]
	if !ok {
		var ids []string
		for _, m := range s.measures {
			ids = append(ids, m.ID)
		}
		return Measure{}, fmt.Errorf("%w %q (the measures are %s)", ErrUnknownMeasure, id, strings.Join(ids, ", "))
	}
	return s.measures[i], nil
}

// area turns a council (by code or name), a region code or "England" into
// an area code.
func (s *store) area(code string) (string, error) {
	c := strings.TrimSpace(code)
	if strings.EqualFold(c, "england") || c == format.England {
		return format.England, nil
	}
	if _, ok := s.regions[strings.ToUpper(c)]; ok {
		return strings.ToUpper(c), nil
	}
	for rc, n := range s.regions {
		if strings.EqualFold(n, c) {
			return rc, nil
		}
	}
	k, err := s.lookup(c)
	if err != nil {
		return "", err
	}
	return k.Code, nil
}

// Value returns the published figure for an area in a year: area is a
// council (its code, ONS code or a name Lookup knows), a region's ONS code
// or name, or "England". A year with no row gives a Figure that is not
// Published, and no error.
func Value(area, measureID string, year int) (Figure, error) {
	s, err := data()
	if err != nil {
		return Figure{}, err
	}
	m, err := s.measure(measureID)
	if err != nil {
		return Figure{}, err
	}
	a, err := s.area(area)
	if err != nil {
		return Figure{}, err
	}
	return s.value(m.ID, a, year), nil
}

func (s *store) value(measureID, area string, year int) Figure {
	mi, ok1 := s.measureIdx[measureID]
	ai, ok2 := s.areaIdx[area]
	if !ok1 || !ok2 || year < s.firstYear || year >= s.firstYear+s.years {
		return figure(area, year, "", false)
	}
	c := s.cells[mi][ai*s.years+year-s.firstYear]
	return figure(area, year, c.text, c.ok)
}

// Verdict says how a figure compares by its measure's polarity.
type Verdict string

// Verdicts.
const (
	Better    Verdict = "better"
	Worse     Verdict = "worse"
	Same      Verdict = "same"
	NoVerdict Verdict = "" // a measure with no polarity, or a figure missing
)

// Judge compares a value with a comparator by the measure's polarity, at
// the decimal places the measure is published with.
func (m Measure) Judge(value, comparator float64) Verdict {
	if m.Polarity == None {
		return NoVerdict
	}
	a, b := roundHalfUp(value, m.Decimals), roundHalfUp(comparator, m.Decimals)
	switch {
	case a == b:
		return Same
	case (a > b) == (m.Polarity == High):
		return Better
	}
	return Worse
}

// NeighbourAverage is the statistical-neighbour average of a measure for a
// council and year.
//
// It is computed as DfE's Local Authority Interactive Tool computes it: the
// plain (unweighted) arithmetic mean of the published values of the
// council's ten statistical neighbours in DfE's 2025 model, for the same
// year; a neighbour whose value is suppressed (c, x, z, low, k, u, -) or
// missing is left out of both the sum and the count, never taken as zero;
// the mean is rounded to the decimal places the measure is published with.
// The 2025 model is used for every year, as LAIT does. (LAIT's statistical
// neighbour page takes mean(values, na.rm = TRUE) of the neighbours by year
// and shows it to the measure's decimal places.) Count is how many
// neighbours had a value; with none, there is no average.
type NeighbourAverage struct {
	Value float64
	Count int // neighbours with a published value
	Of    int // neighbours the council has (10, or 0 for an abolished council)
}

// Known reports whether any neighbour had a value.
func (n NeighbourAverage) Known() bool { return n.Count > 0 }

// Comparison sets a council's figure for a measure against England, its
// region and its statistical neighbours.
type Comparison struct {
	Council    Council
	Measure    Measure
	Year       int
	Value      Figure // the council's
	England    Figure // England's, as published
	Region     Figure // the council's region's, as published
	RegionName string
	Neighbours NeighbourAverage
	// Rank is the council's place among itself and those of its
	// neighbours with a published value that year, 1 being the best by the
	// measure's polarity (the highest when it has none); councils with equal
	// values share a place. Ranked is how many were ranked. Rank is 0 when
	// the council's own value is suppressed or missing.
	Rank, Ranked int
	VsEngland    Verdict
	VsNeighbours Verdict
	VsRegion     Verdict
	// Trend is the council's figures for the five years to Year, oldest
	// first; years before the measure began are left out.
	Trend []Figure
}

// Compare sets a council's latest figure for a measure (the latest year
// the snapshot has a row for it, suppressed or not; for an abolished
// council, the latest year with a number) against England, its
// region and its statistical neighbours. code is a three-digit code, an ONS
// code or any name Lookup knows.
func Compare(code, measureID string) (Comparison, error) {
	return CompareYear(code, measureID, 0)
}

// CompareYear is Compare for a given year; year 0 is the latest.
func CompareYear(code, measureID string, year int) (Comparison, error) {
	s, err := data()
	if err != nil {
		return Comparison{}, err
	}
	c, err := s.lookup(code)
	if err != nil {
		return Comparison{}, err
	}
	m, err := s.measure(measureID)
	if err != nil {
		return Comparison{}, err
	}
	return s.compare(c, m, year)
}

func (s *store) compare(c Council, m Measure, year int) (Comparison, error) {
	if year == 0 {
		for y := m.LastYear; y >= m.FirstYear && y > 0; y-- {
			// An abolished council's rows after it ended are placeholders
			// ("z", "-"): its latest figure is its last number.
			if f := s.value(m.ID, c.Code, y); f.Published && (c.Abolished == 0 || f.Known()) {
				year = y
				break
			}
		}
		if year == 0 {
			return Comparison{Council: c, Measure: m}, fmt.Errorf("%s: %s: %w", c.Name, m.ID, ErrNoFigures)
		}
	}
	cmp := Comparison{
		Council:    c,
		Measure:    m,
		Year:       year,
		Value:      s.value(m.ID, c.Code, year),
		England:    s.value(m.ID, format.England, year),
		Region:     s.value(m.ID, c.RegionCode, year),
		RegionName: c.Region,
	}
	cmp.Neighbours = s.neighbourAverage(c, m, year)
	cmp.Rank, cmp.Ranked = s.rank(c, m, year)
	if cmp.Value.Known() {
		if cmp.England.Known() {
			cmp.VsEngland = m.Judge(cmp.Value.Value, cmp.England.Value)
		}
		if cmp.Region.Known() {
			cmp.VsRegion = m.Judge(cmp.Value.Value, cmp.Region.Value)
		}
		if cmp.Neighbours.Known() {
			cmp.VsNeighbours = m.Judge(cmp.Value.Value, cmp.Neighbours.Value)
		}
	}
	for y := year - 4; y <= year; y++ {
		if y < m.FirstYear {
			continue
		}
		cmp.Trend = append(cmp.Trend, s.value(m.ID, c.Code, y))
	}
	return cmp, nil
}

func (s *store) neighbourAverage(c Council, m Measure, year int) NeighbourAverage {
	n := NeighbourAverage{Of: len(c.Neighbours)}
	var sum float64
	for _, nb := range c.Neighbours {
		if f := s.value(m.ID, nb, year); f.Known() {
			sum += f.Value
			n.Count++
		}
	}
	if n.Count > 0 {
		n.Value = roundHalfUp(sum/float64(n.Count), m.Decimals)
	}
	return n
}

func (s *store) rank(c Council, m Measure, year int) (rank, ranked int) {
	own := s.value(m.ID, c.Code, year)
	if !own.Known() || len(c.Neighbours) == 0 {
		return 0, 0
	}
	vals := []float64{own.Value}
	for _, nb := range c.Neighbours {
		if f := s.value(m.ID, nb, year); f.Known() {
			vals = append(vals, f.Value)
		}
	}
	rank = 1
	for _, v := range vals[1:] {
		if (m.Polarity == Low && v < own.Value) || (m.Polarity != Low && v > own.Value) {
			rank++
		}
	}
	return rank, len(vals)
}

// Inspection is one Ofsted inspection of a council's children's services
// under the ILACS framework (from 2018), with its judgements as Ofsted
// words them ("Good", "Requires improvement to be good").
type Inspection struct {
	Type              string // "ILACS Standard Inspection", "ILACS Short Inspection"
	Date              string // YYYY-MM-DD the inspection began
	Published         string // YYYY-MM-DD the report was published
	Overall           string // overall effectiveness
	Leaders           string // the impact of leaders on social work practice
	HelpAndProtection string // the experiences and progress of children who need help and protection
	ChildrenInCare    string // the experiences and progress of children in care
	CareLeavers       string // the experiences and progress of care leavers (judged from 2023)
	Latest            bool   // the council's latest judgements as at 31 March 2025
}

// Inspections lists a council's ILACS inspections in Ofsted's outcomes
// file, newest first (the first is its latest judgements, the next its
// previous grades).
func Inspections(code string) ([]Inspection, error) {
	s, err := data()
	if err != nil {
		return nil, err
	}
	c, err := s.lookup(code)
	if err != nil {
		return nil, err
	}
	return append([]Inspection(nil), s.inspections[c.Code]...), nil
}

// CouncilProfile is a council's national figures: every measure compared,
// its neighbours and its inspections.
type CouncilProfile struct {
	Council     Council
	Neighbours  []Council // its ten statistical neighbours, closest first
	Comparisons []Comparison
	Inspections []Inspection
}

// Profile compares a council's latest figure for every measure (or for the
// measures given) with England, its region and its neighbours. Measures
// with no figure for the council in any year are left out.
func Profile(code string, measureIDs ...string) (CouncilProfile, error) {
	s, err := data()
	if err != nil {
		return CouncilProfile{}, err
	}
	c, err := s.lookup(code)
	if err != nil {
		return CouncilProfile{}, err
	}
	p := CouncilProfile{Council: c, Inspections: append([]Inspection(nil), s.inspections[c.Code]...)}
	for _, nb := range c.Neighbours {
		if i, ok := s.byCode[nb]; ok {
			p.Neighbours = append(p.Neighbours, s.councils[i])
		}
	}
	ms := s.measures
	if len(measureIDs) > 0 {
		ms = nil
		for _, id := range measureIDs {
			m, err := s.measure(id)
			if err != nil {
				return CouncilProfile{}, err
			}
			ms = append(ms, m)
		}
	}
	for _, m := range ms {
		cmp, err := s.compare(c, m, 0)
		if errors.Is(err, ErrNoFigures) && len(measureIDs) == 0 {
			continue
		}
		if err != nil {
			return CouncilProfile{}, err
		}
		p.Comparisons = append(p.Comparisons, cmp)
	}
	sort.SliceStable(p.Inspections, func(i, j int) bool { return p.Inspections[i].Date > p.Inspections[j].Date })
	return p, nil
}

// roundHalfUp rounds v to d decimal places, a half away from zero, as the
// published tables do: the mean 20.45 is 20.5, though 20.45 in binary is a
// little less. v is first rounded to a millionth of the last place, which
// takes off the error of the arithmetic and nothing a published figure has.
func roundHalfUp(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	x := math.Round(v*p*1e6) / 1e6
	return math.Round(x) / p
}
