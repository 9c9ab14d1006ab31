package figures

// The words of a performance table: its column headings, the periods
// named by words, ratings, directions of travel and units.

// column kinds: what a heading says a performance table's column holds.
type colKind int

const (
	colUnknown colKind = iota
	colPeriod          // a value for a period
	colTarget
	colFloor
	colRAG
	colDirection
	colComparator
	colSkip     // a change, a difference, a description
	colPolarity // which way is better ("Good is", "Polarity")
)

// headingWords read a column's heading, first match wins; periods and
// comparators are read by their own tables.
var headingWords = []struct {
	phrase string
	kind   colKind
}{
	{"good is", colPolarity},
	{"polarity", colPolarity},
	{"higher or lower", colPolarity},
	{"floor", colFloor},
	{"target", colTarget},
	{"standard", colTarget},
	{"ambition", colTarget},
	{"rag", colRAG},
	{"rating", colRAG},
	{"status", colRAG},
	{"dot", colDirection},
	{"direction", colDirection},
	{"trend", colDirection},
	{"change", colSkip},
	{"difference", colSkip},
	{"variance", colSkip},
	{"what does it show", colSkip},
	{"rank", colSkip},
	{"quartile", colSkip},
	{"banding", colSkip},
	{"latest", colPeriod},
	{"current", colPeriod},
	{"previous", colPeriod},
	{"last year", colPeriod},
	{"this year", colPeriod},
	{"last quarter", colPeriod},
	{"outturn", colPeriod},
	{"actual", colPeriod},
	{"ytd", colPeriod},
	{"year to date", colPeriod},
	{"baseline", colPeriod},
}

// relativePeriods order the periods named by words rather than dates:
// the larger, the later.
var relativePeriods = []struct {
	phrase string
	order  int
}{
	{"baseline", -3},
	{"last year", -2},
	{"same quarter last year", -2},
	{"previous year", -2},
	{"previous", -1},
	{"last quarter", -1},
	{"previous quarter", -1},
	{"last month", -1},
	{"latest", 0},
	{"current", 0},
	{"this year", 0},
	{"this quarter", 0},
	{"outturn", 0},
	{"actual", 0},
	{"ytd", 0},
	{"year to date", 0},
}

// polarityCells are how a table's polarity column says which way is
// better.
var polarityCells = map[string]Polarity{
	"high": HigherIsBetter, "higher": HigherIsBetter, "up": HigherIsBetter, "higher is better": HigherIsBetter,
	"low": LowerIsBetter, "lower": LowerIsBetter, "down": LowerIsBetter, "lower is better": LowerIsBetter,
}

// refHeadings head a column of reference codes ("CS01") before the
// column that names the measures.
var refHeadings = map[string]bool{"ref": true, "ref.": true, "reference": true, "no": true, "no.": true, "code": true, "id": true, "#": true, "kpi ref": true, "pi ref": true}

// notGiven are cells that give no value ("n/a").
var notGiven = map[string]bool{"n/a": true, "na": true, "-": true, "–": true, "—": true, "n/k": true, "tbc": true}

// ragWords are how reports print a rating.
var ragWords = map[string]RAG{
	"red": Red, "r": Red, "amber": Amber, "a": Amber, "green": Green, "g": Green,
	"red/amber": Amber, "amber/red": Amber, "amber/green": Amber, "green/amber": Amber,
}

// directionWords are how reports print a direction of travel.
var directionWords = map[string]string{
	"improving": "improving", "improved": "improving", "better": "improving", "up": "improving",
	"↑": "improving", "▲": "improving", "+": "improving",
	"worsening": "worsening", "worsened": "worsening", "worse": "worsening", "declining": "worsening",
	"deteriorating": "worsening", "↓": "worsening", "▼": "worsening", "down": "worsening",
	"same": "same", "stable": "same", "no change": "same", "unchanged": "same",
	"↔": "same", "→": "same", "=": "same", "static": "same",
}

// unitWords give an indicator's unit from its name when its values do
// not print one.
var unitWords = []struct {
	phrase, unit string
}{
	{"per 10,000", "per 10,000"},
	{"per 10000", "per 10,000"},
	{"per 100,000", "per 100,000"},
	{"per 1,000", "per 1,000"},
	{"percentage", "%"},
	{"proportion", "%"},
	{"% of", "%"},
	{"(%)", "%"},
	{"(£)", "£"},
	{"(weeks)", "weeks"},
	{"(days)", "days"},
	{"average days", "days"},
	{"number of days", "days"},
	{"(weeks)", "weeks"},
	{"number of weeks", "weeks"},
}
