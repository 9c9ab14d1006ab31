package national

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/scrutineer/scrutineer/corpus/english"
)

//go:embed indicators.txt
var indicatorsTxt string

// Basis is the period a figure covers.
type Basis string

// Bases of a figure, as indicators.txt names them.
const (
	Annual      Basis = "annual"   // a financial year
	Rolling     Basis = "rolling"  // a rolling 12 months
	YearToDate  Basis = "ytd"      // the year to date
	OnePeriod   Basis = "quarter"  // one quarter or month alone
	Snapshot    Basis = "snapshot" // at a date
	Unspecified Basis = ""         // the name does not say
)

// IndicatorMatch is the national measure a paper's figure is, with what each
// figure covers, so a comparison can say so.
type IndicatorMatch struct {
	Measure Measure
	// Basis is the period the paper's figure covers as its name says it
	// (Unspecified when it does not).
	Basis Basis
	// Label is the name in indicators.txt that matched.
	Label string
	// Note says what each figure is when they differ in period:
	// "the paper's figure is for a rolling 12 months; the national figure
	// is for the year ending 31 March". Empty when both are annual.
	Note string
}

type indicatorRow struct {
	measure string
	unit    string
	bases   map[Basis]bool
	labels  [][]string // stemmed words
	raw     []string
}

var (
	indOnce sync.Once
	indRows []indicatorRow
	indErr  error
)

func indicatorRows() ([]indicatorRow, error) {
	indOnce.Do(func() {
		s, err := data()
		if err != nil {
			indErr = err
			return
		}
		indRows, indErr = parseIndicators(indicatorsTxt, s)
	})
	return indRows, indErr
}

// parseIndicators reads indicators.txt, checking each line's measure and
// unit against the snapshot.
func parseIndicators(text string, s *store) ([]indicatorRow, error) {
	var out []indicatorRow
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 4 {
			return nil, fmt.Errorf("indicators.txt line %d: %d fields, want MEASURE | UNIT | BASES | names", n+1, len(f))
		}
		r := indicatorRow{measure: strings.TrimSpace(f[0]), unit: strings.TrimSpace(f[1]), bases: map[Basis]bool{}}
		m, err := s.measure(r.measure)
		if err != nil {
			return nil, fmt.Errorf("indicators.txt line %d: %w", n+1, err)
		}
		if m.Unit != r.unit {
			return nil, fmt.Errorf("indicators.txt line %d: unit %q, but %s is in %q", n+1, r.unit, m.ID, m.Unit)
		}
		for _, b := range list(f[2]) {
			switch Basis(b) {
			case Annual, Rolling, YearToDate, OnePeriod, Snapshot:
				r.bases[Basis(b)] = true
			default:
				return nil, fmt.Errorf("indicators.txt line %d: unknown basis %q", n+1, b)
			}
		}
		if len(r.bases) == 0 {
			return nil, fmt.Errorf("indicators.txt line %d: no basis", n+1)
		}
		for _, l := range list(f[3]) {
			w := labelWords(l)
			if len(w) == 0 {
				return nil, fmt.Errorf("indicators.txt line %d: empty name", n+1)
			}
			r.labels = append(r.labels, w)
			r.raw = append(r.raw, l)
		}
		if len(r.labels) == 0 {
			return nil, fmt.Errorf("indicators.txt line %d: no names", n+1)
		}
		out = append(out, r)
	}
	return out, nil
}

// labelAliases spell out the abbreviations papers use, so both forms meet.
var labelAliases = map[string][]string{
	"cp":    {"child", "protection"},
	"cpp":   {"child", "protection", "plan"},
	"cla":   {"children", "looked", "after"},
	"lac":   {"children", "looked", "after"},
	"cic":   {"children", "looked", "after"},
	"sw":    {"social", "worker"},
	"sws":   {"social", "workers"},
	"eet":   {"education", "employment", "or", "training"},
	"neet":  {"not", "in", "education", "employment", "or", "training"},
	"cin":   {"children", "in", "need"},
	"icpc":  {"initial", "child", "protection", "conference"},
	"icpcs": {"initial", "child", "protection", "conferences"},
	"uasc":  {"unaccompanied", "asylum", "seeking", "children"},
	"ytd":   {"year", "to", "date"},
	"s47":   {"section", "47"},
	"3":     {"three"},
	"2":     {"two"},
	"in":    {"in"},
}

// labelWords are a name's stemmed words, abbreviations spelt out, filler
// words dropped, and children "in care" read as children looked after.
func labelWords(label string) []string {
	var out []string
	toks := tokens(label)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t == "in" && i+1 < len(toks) && toks[i+1] == "care" && (i == 0 || toks[i-1] == "children") {
			out = append(out, english.Stem("looked"), english.Stem("after"))
			i++
			continue
		}
		if t == "re" && i+1 < len(toks) {
			// "re-referral" is one word, not "referral".
			out = append(out, english.Stem("re"+toks[i+1]))
			i++
			continue
		}
		if a, ok := labelAliases[t]; ok {
			for _, w := range a {
				if !fillerWords[w] {
					out = append(out, english.Stem(w))
				}
			}
			continue
		}
		if fillerWords[t] {
			continue
		}
		out = append(out, english.Stem(t))
	}
	return out
}

// fillerWords carry no meaning for matching a name.
var fillerWords = map[string]bool{
	"of": true, "the": true, "a": true, "an": true, "to": true, "be": true, "who": true,
	"are": true, "is": true, "were": true, "was": true, "that": true, "with": true, "for": true,
	"and": true, "or": true, "by": true, "at": true, "on": true, "per": true, "percentage": true,
	"proportion": true, "rate": true, "number": true, "no": true, "subject": true, "aged": true,
	"year": true, "years": true, "old": true, "10": true, "000": true, "10000": true, "10k": true,
	"in": true, "within": true, "month": true, "months": true, "12": true,
}

// negations must agree between a paper's name and a measure's: "not in
// education" is not "in education".
var negations = map[string]bool{english.Stem("not"): true, english.Stem("without"): true, english.Stem("non"): true}

// narrowing are words that make a paper's figure a part of the national
// measure ("foster placements which are in-house or with relatives",
// "excluding UASC", "disabled children"): a name with one the matched
// name lacks is another measure.
var narrowing = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range labelWords("in-house inhouse house relatives friends kinship connected independent IFA excluding excludes exclude UASC unaccompanied asylum disabled disability SEND EHCP male female boys girls under") {
		m[w] = true
	}
	return m
}()

// narrows reports whether a paper's name has a narrowing word the
// matched name has not.
func narrows(words, matched []string) bool {
	in := map[string]bool{}
	for _, w := range matched {
		in[w] = true
	}
	for _, w := range words {
		if narrowing[w] && !in[w] {
			return true
		}
	}
	return false
}

// basisOf reads the period a paper's name gives its figure.
func basisOf(label string) Basis {
	l := " " + strings.Join(tokens(label), " ") + " "
	switch {
	case containsAny(l, " rolling ", " last 12 months ", " previous 12 months ", " 12 month rolling ", " past 12 months "):
		return Rolling
	case containsAny(l, " year to date ", " ytd ", " cumulative "):
		return YearToDate
	case containsAny(l, " in quarter ", " in the quarter ", " this quarter ", " quarterly ", " in month ", " in the month ", " monthly ", " this month "):
		return OnePeriod
	case containsAny(l, " as at ", " snapshot ", " at end of ", " at the end of ", " at month end ", " at quarter end ", " current "):
		return Snapshot
	case containsAny(l, " annual ", " in the year ", " full year ", " financial year "):
		return Annual
	}
	return Unspecified
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// unitOf normalises a paper's unit, reading it from the name when the unit
// is not given.
func unitOf(label, unit string) string {
	u := strings.ToLower(strings.TrimSpace(unit))
	u = strings.Join(strings.Fields(u), " ")
	switch u {
	case "%", "percent", "percentage", "pct", "per cent":
		return "%"
	case "per 10,000", "per 10000", "per 10k", "rate per 10,000", "rate per 10000", "/10,000", "per 10,000 children":
		return "per 10,000"
	case "number", "count", "no", "no.", "#", "n":
		return "number"
	case "fte":
		return "FTE"
	case "cases", "score":
		return u
	case "":
		l := strings.ToLower(label)
		switch {
		case strings.Contains(l, "%") || strings.Contains(l, "percentage") || strings.Contains(l, "proportion"):
			return "%"
		case strings.Contains(l, "10,000") || strings.Contains(l, "10000") || strings.Contains(l, "10k"):
			return "per 10,000"
		}
		return ""
	}
	return u
}

// unitFits reports whether a paper's (normalised) unit is the measure's.
func unitFits(paper, measure string) bool {
	switch measure {
	case "%", "per 10,000":
		return paper == measure
	case "number":
		return paper == "number" || paper == ""
	}
	return paper == measure || paper == "number" || paper == ""
}

// MatchIndicator maps a figure read from a paper, by its name and unit, to
// the national measure it is. It maps only when the unit agrees (a
// percentage with a percentage, a rate per 10,000 with a rate per 10,000;
// an empty unit is read from the name, "%" or "per 10,000" in it) and the
// period the name gives is one the measure's definition allows (a
// re-referral rate over a rolling 12 months is the annual measure over
// another year; a count of referrals in one quarter is not the annual
// count). The names come from indicators.txt.
func MatchIndicator(label, unit string) (Measure, bool) {
	m, ok := MatchIndicatorBasis(label, unit)
	return m.Measure, ok
}

// MatchIndicatorBasis is MatchIndicator with what each figure covers.
func MatchIndicatorBasis(label, unit string) (IndicatorMatch, bool) {
	rows, err := indicatorRows()
	if err != nil || len(label) > 500 {
		return IndicatorMatch{}, false
	}
	s, err := data()
	if err != nil {
		return IndicatorMatch{}, false
	}
	words := labelWords(label)
	if len(words) == 0 {
		return IndicatorMatch{}, false
	}
	u := unitOf(label, unit)
	basis := basisOf(label)
	neg := hasNegation(words)
	best, bestLen, bestLabel, tie := -1, 0, "", false
	for i, r := range rows {
		m, _ := s.measure(r.measure)
		if !unitFits(u, m.Unit) {
			continue
		}
		if basis != Unspecified && !r.bases[basis] {
			continue
		}
		for j, l := range r.labels {
			if hasNegation(l) != neg || !containsWords(words, l) {
				continue
			}
			switch {
			case len(l) > bestLen:
				best, bestLen, bestLabel, tie = i, len(l), r.raw[j], false
			case len(l) == bestLen && rows[best].measure != r.measure:
				tie = true
			}
		}
	}
	if best < 0 || tie || narrows(words, rows[best].labels[labelIndex(rows[best].raw, bestLabel)]) {
		return IndicatorMatch{}, false
	}
	m, _ := s.measure(rows[best].measure)
	return IndicatorMatch{Measure: m, Basis: basis, Label: bestLabel, Note: basisNote(basis, m)}, true
}

// labelIndex is the place of a raw name among a row's names.
func labelIndex(raw []string, label string) int {
	for i, r := range raw {
		if r == label {
			return i
		}
	}
	return 0
}

func hasNegation(words []string) bool {
	for _, w := range words {
		if negations[w] {
			return true
		}
	}
	return false
}

func basisNote(b Basis, m Measure) string {
	var paper string
	switch b {
	case Rolling:
		paper = "a rolling 12 months"
	case YearToDate:
		paper = "the year to date"
	case OnePeriod:
		paper = "one quarter or month"
	case Snapshot:
		paper = "a point in time"
	default:
		return ""
	}
	return fmt.Sprintf("the paper's figure is for %s; the national figure is for the %s", paper, m.Period)
}
