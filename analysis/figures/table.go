package figures

import (
	"regexp"
	"strings"
)

// column is what a column of a performance table holds.
type column struct {
	kind    colKind
	heading string
	name    string // a comparator's name
	latest  bool   // a rating column for the latest period
}

// columns reads the headings of a table's columns (the first column
// names the rows). A column whose cells are all ratings is a rating
// column, whatever its heading.
func columns(t *Table) []column {
	w := t.Width()
	cols := make([]column, w)
	ragCols := 0
	for c := 1; c < w; c++ {
		h := t.Heading(c)
		col := column{heading: h, kind: headingKind(h)}
		if col.kind == colComparator {
			col.name = comparatorName(h)
		}
		if allRatings(t.Rows, c) {
			if k, _, ok := periodKey(h); ok && k == 0 || !ok {
				col.latest = true
			}
			col.kind = colRAG
			ragCols++
		}
		cols[c] = col
	}
	oneSpan(cols)
	for _, c := range cols {
		if c.kind == colRAG && !c.latest {
			ragCols++ // a column headed "RAG" whose cells are not all ratings
		}
	}
	if ragCols > 0 {
		// With no "latest" heading, the first rating column is the latest.
		any := false
		for _, c := range cols {
			any = any || c.kind == colRAG && c.latest
		}
		if !any {
			for i := range cols {
				if cols[i].kind == colRAG {
					cols[i].latest = true
					break
				}
			}
		}
	}
	return cols
}

// reLongSpan is a period heading for a year or twelve months rather than
// a quarter or a month.
var reLongSpan = regexp.MustCompile(`(?i)\b(?:12 ?m|12 mths|12 months|twelve months|rolling|annual|year|ytd)\b|^(?:19|20)\d\d(?:/\d\d)?$`)

// oneSpan keeps the period columns of one span: a table giving quarters
// and twelve-month totals side by side gives two measures, and the values
// of one indicator must be of the same. The span of most columns is kept;
// on a tie, the last column's.
func oneSpan(cols []column) {
	long, short, last := 0, 0, false
	for _, c := range cols {
		if c.kind != colPeriod {
			continue
		}
		last = reLongSpan.MatchString(c.heading)
		if last {
			long++
		} else {
			short++
		}
	}
	if long == 0 || short == 0 {
		return
	}
	keepLong := long > short || long == short && last
	for i := range cols {
		if cols[i].kind == colPeriod && reLongSpan.MatchString(cols[i].heading) != keepLong {
			cols[i].kind = colSkip
		}
	}
}

// headingKind reads a column heading.
func headingKind(h string) colKind {
	low := strings.ToLower(h)
	if low == "" {
		return colUnknown
	}
	for _, w := range headingWords {
		if w.kind != colPeriod && containsWord(low, w.phrase) {
			return w.kind
		}
	}
	if comparatorName(low) != "" && len(strings.Fields(low)) <= 4 {
		return colComparator
	}
	if isPeriodHeading(h) {
		return colPeriod
	}
	return colUnknown
}

// comparatorName returns the comparator a text names, "" when none.
func comparatorName(s string) string {
	low := strings.ToLower(s)
	for _, c := range comparatorNames {
		if containsWord(low, c.phrase) {
			return c.name
		}
	}
	return ""
}

// containsWord reports whether s holds phrase as whole words.
func containsWord(s, phrase string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(phrase)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return true
		}
		off = i + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// allRatings reports whether the non-empty cells of column c are all
// ratings, and there is at least one.
func allRatings(rows [][]string, c int) bool {
	n := 0
	for _, r := range rows {
		if c >= len(r) || r[c] == "" {
			continue
		}
		low := strings.ToLower(r[c])
		if notGiven[low] {
			continue
		}
		if _, ok := ragWords[low]; !ok {
			return false
		}
		n++
	}
	return n > 0
}

// tableIndicators reads the indicators of a table: one per row that
// gives a value for a period, a target or a rating, under headings that
// say which. A table whose rows are periods ("2006", "2007") gives one
// indicator per column instead.
func tableIndicators(t *Table, sheet sheetNames) []Indicator {
	if t.Width() < 2 || len(t.Rows) == 0 {
		return nil
	}
	if periodRows(t) {
		return columnIndicators(t)
	}
	t = withoutRefs(t)
	cols := columns(t)
	ownColumn(t, cols)
	if comparisonTable(t) {
		return comparisonIndicator(t, cols, sheet)
	}
	var out []Indicator
	group := ""
	for i, row := range t.Rows {
		label := row[0]
		if !hasLetter(label) {
			continue
		}
		if empty(row[1:]) {
			group = label
			continue
		}
		name := label
		if group != "" && len(strings.Fields(label)) <= 3 {
			name = group + ": " + label
		}
		ind := Indicator{Name: name, Table: true, Owner: t.Owner}
		for c := 1; c < len(row) && c < len(cols); c++ {
			readCell(&ind, cols[c], row[c])
		}
		if len(ind.Values) == 0 && ind.RAG == "" {
			continue
		}
		sortValues(ind.Values)
		if ind.Polarity == PolarityUnknown && PolarityOfName(name) == PolarityUnknown {
			ind.Polarity = titlePolarity(t.Title, name)
		}
		if len(t.Rows) == 1 {
			ind.Title = reTableNumber.ReplaceAllString(t.Title, "")
		}
		ind.Row = t.Evidence(i)
		ind.Evidence = ind.Row
		out = append(out, ind)
	}
	return out
}

// titlePolarity is which way a row improves by its table's title, when
// the row's name says nothing of it but the title names what the row
// counts: "Households at 31 March" under "Mainstream fostering households"
// are fostering households; "Deregistrations" under it are not.
func titlePolarity(title, name string) Polarity {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 || !containsWord(strings.ToLower(title), strings.Trim(f[0], ",.:;()")) {
		return PolarityUnknown
	}
	return PolarityOfName(title)
}

// reTableNumber is a table's number before its title ("Table 2: ").
var reTableNumber = regexp.MustCompile(`^(?i:table|figure|chart)\s+\d+[a-z]?\s*[:.–-]?\s*`)

// withoutRefs returns a table without its first column when that column
// holds reference codes ("Ref": "CS01") and the next names the measures,
// so that the first column names the rows; else the table itself.
func withoutRefs(t *Table) *Table {
	if t.Width() < 3 || !refHeadings[strings.ToLower(t.Heading(0))] && !allCodes(t.Rows) {
		return t
	}
	u := *t
	drop := func(rows [][]string) [][]string {
		out := make([][]string, len(rows))
		for i, r := range rows {
			if len(r) > 0 {
				out[i] = r[1:]
			}
		}
		return out
	}
	u.Header, u.Rows = drop(t.Header), drop(t.Rows)
	if len(u.Columns) > 0 {
		u.Columns = u.Columns[1:]
	}
	return &u
}

// reCode is a reference code: letters then digits ("CS01", "KPI 4",
// "2.3").
var reCode = regexp.MustCompile(`^(?:[A-Za-z]{1,4}[ -]?\d{1,3}[a-z]?|\d{1,2}(?:\.\d{1,2})?)$`)

// allCodes reports whether every row opens with a reference code and
// goes on with words.
func allCodes(rows [][]string) bool {
	for _, r := range rows {
		if len(r) < 2 || !reCode.MatchString(r[0]) || !hasLetter(r[1]) {
			return false
		}
	}
	return len(rows) > 0
}

// readCell reads one cell of a row into its indicator.
func readCell(ind *Indicator, col column, cell string) {
	if cell == "" {
		return
	}
	switch col.kind {
	case colPeriod:
		if v, u, ok := parseNumber(cell); ok {
			ind.Values = append(ind.Values, Value{Period: col.heading, Value: v, Text: cell})
			setUnit(ind, u)
		}
	case colTarget:
		if v, u, ok := parseNumber(cell); ok {
			ind.Target, ind.HasTarget, ind.TargetText = v, true, cell
			setUnit(ind, u)
		}
	case colFloor:
		if v, _, ok := parseNumber(cell); ok {
			ind.Floor, ind.HasFloor = v, true
		}
	case colRAG:
		if r, ok := ragWords[strings.ToLower(cell)]; ok && col.latest && ind.RAG == "" {
			ind.RAG = r
		}
	case colDirection:
		if d, ok := directionWords[strings.ToLower(cell)]; ok {
			ind.Direction = d
		}
	case colPolarity:
		if p, ok := polarityCells[strings.ToLower(cell)]; ok {
			ind.Polarity = p
		}
	case colComparator:
		if v, _, ok := parseNumber(cell); ok {
			ind.Comparators = append(ind.Comparators, Comparator{Name: col.name, Value: v, Text: cell})
		}
	}
}

// setUnit sets an indicator's unit from a printed value's, when it has
// none yet.
func setUnit(ind *Indicator, u string) {
	if ind.Unit == "" && u != "" {
		ind.Unit = u
	}
}

// periodRows reports whether most of a table's rows are named by dated
// periods while its column headings are not periods.
func periodRows(t *Table) bool {
	if len(t.Header) == 0 {
		return false
	}
	n := 0
	for _, r := range t.Rows {
		if _, dated, ok := periodKey(r[0]); ok && dated && len(strings.Fields(r[0])) <= 2 {
			n++
		}
	}
	if n < 2 || n*3 < len(t.Rows)*2 {
		return false
	}
	for c := 1; c < t.Width(); c++ {
		if isPeriodHeading(t.Heading(c)) {
			return false
		}
	}
	return true
}

// columnIndicators reads a table whose rows are periods: each column
// with a heading is an indicator, its values read down the rows.
func columnIndicators(t *Table) []Indicator {
	var out []Indicator
	for c := 1; c < t.Width(); c++ {
		h := t.Heading(c)
		if h == "" {
			continue
		}
		ind := Indicator{Name: h, Table: true, Owner: t.Owner}
		last := -1
		for i, r := range t.Rows {
			if v, u, ok := parseNumber(r[c]); ok {
				ind.Values = append(ind.Values, Value{Period: r[0], Value: v, Text: r[c]})
				setUnit(&ind, u)
				last = i
			}
		}
		if len(ind.Values) == 0 {
			continue
		}
		sortValues(ind.Values)
		ind.Row = t.Evidence(last)
		ind.Evidence = ind.Row
		out = append(out, ind)
	}
	return out
}

func empty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// sheetNames are what the sentences of a page say of an indicator sheet:
// the council it is about ("West Sussex - Statistical Neighbour View")
// and the measure ("Children in Need rate per 10,000").
type sheetNames struct {
	council, measure string
}

var (
	reView        = regexp.MustCompile(`(?i)^(.+?)\s+[-–]\s+statistical neighbou?rs?(?: view)?$`)
	reMeasureLine = regexp.MustCompile(`(?i)^[a-z][^.:]*\b(?:rate per|per 10,000|per 1,000|percentage of|proportion of|number of)\b[^.:]*$`)
	reRowCode     = regexp.MustCompile(`^(?:[A-Z]{1,3}\s+)?\d{3}\s+`)
)

// sheetsOf reads, page by page, the names sentences give an indicator
// sheet.
func sheetsOf(ss []Sentence) map[int]sheetNames {
	out := map[int]sheetNames{}
	for _, s := range ss {
		t := strings.TrimSpace(s.Text)
		if len(t) > 90 {
			continue
		}
		n := out[s.Page]
		if m := reView.FindStringSubmatch(t); m != nil && n.council == "" {
			n.council = strings.TrimSpace(m[1])
		} else if reMeasureLine.MatchString(t) && n.measure == "" {
			n.measure = t
		}
		out[s.Page] = n
	}
	return out
}

// comparisonTable reports whether a table sets places against
// comparators: rows for England or statistical neighbours among three or
// more rows of figures.
func comparisonTable(t *Table) bool {
	comps, rows := 0, 0
	for _, r := range t.Rows {
		if empty(r[1:]) {
			continue
		}
		rows++
		if rowComparator(r[0]) != "" {
			comps++
		}
	}
	return comps > 0 && rows >= 3 && rows > comps
}

// rowComparator returns the comparator a row's label names, when the
// label is nothing else ("970 England", "Statistical Neighbours").
func rowComparator(label string) string {
	l := strings.ToLower(strings.TrimSpace(reRowCode.ReplaceAllString(label, "")))
	for _, c := range comparatorNames {
		if l == c.phrase || l == c.phrase+" average" {
			return c.name
		}
	}
	return ""
}

// comparisonIndicator reads a comparison table: the council's row is the
// indicator, the comparators' rows its comparators for the same latest
// period. With no council named, it gives nothing: the other rows are
// other councils.
func comparisonIndicator(t *Table, cols []column, sheet sheetNames) []Indicator {
	if sheet.council == "" {
		return nil
	}
	own := -1
	for i, r := range t.Rows {
		if strings.EqualFold(strings.TrimSpace(reRowCode.ReplaceAllString(r[0], "")), sheet.council) {
			own = i
		}
	}
	if own < 0 {
		return nil
	}
	name := sheet.measure
	if name == "" {
		name = t.Title
	}
	if name == "" {
		return nil
	}
	ind := Indicator{Name: name, Table: true, Owner: t.Owner}
	row := t.Rows[own]
	lastCol := -1
	for c := 1; c < len(row) && c < len(cols); c++ {
		if cols[c].kind == colPeriod {
			if _, _, ok := parseNumber(row[c]); ok {
				lastCol = c
			}
		}
		readCell(&ind, cols[c], row[c])
	}
	if len(ind.Values) == 0 {
		return nil
	}
	sortValues(ind.Values)
	for _, r := range t.Rows {
		if c := rowComparator(r[0]); c != "" && lastCol > 0 {
			if v, _, ok := parseNumber(r[lastCol]); ok {
				ind.Comparators = append(ind.Comparators, Comparator{Name: c, Value: v, Text: r[lastCol]})
			}
		}
	}
	ind.Row = t.Evidence(own)
	ind.Evidence = ind.Row
	return []Indicator{ind}
}

// reTitleDate is the date a table's title gives its figures ("Placement
// stability at 31 March 2026").
var reTitleDate = regexp.MustCompile(`(?i)\b(?:\d{1,2}(?:st|nd|rd|th)? )?(?:January|February|March|April|May|June|July|August|September|October|November|December) (?:19|20)\d\d\b|\b(?:Q[1-4] )?(?:19|20)\d\d/\d\d\b`)

// ownColumn reads a table that sets the council's column beside
// comparators' ("Indicator | Wexcombe | Stat. neighbours | England"): with
// no period column, the first column of figures whose heading is neither
// a period nor a comparator is the council's, for the date the title
// gives.
func ownColumn(t *Table, cols []column) {
	comp := false
	for _, c := range cols {
		if c.kind == colPeriod || c.kind == colRAG && c.latest {
			return
		}
		comp = comp || c.kind == colComparator
	}
	if !comp {
		return
	}
	for i := 1; i < len(cols); i++ {
		if cols[i].kind == colUnknown && figuresColumn(t.Rows, i) {
			cols[i].kind = colPeriod
			cols[i].heading = reTitleDate.FindString(t.Title)
			return
		}
	}
}

// figuresColumn reports whether most of a column's non-empty cells are
// figures.
func figuresColumn(rows [][]string, c int) bool {
	n, figs := 0, 0
	for _, r := range rows {
		if c >= len(r) || r[c] == "" {
			continue
		}
		n++
		if _, _, ok := parseNumber(r[c]); ok {
			figs++
		}
	}
	return figs > 0 && figs*2 > n
}
