package figures

// The domain vocabulary of figures: which way a measure improves, the names
// of comparators, the headings of a performance table's columns and the
// words of ratings and directions. Each is a table; the code that reads
// them is elsewhere.

// polarityWords say which way a measure improves from words in its name.
// The longest phrase found wins, so "multi-agency" outweighs "agency" and
// "re-referral" outweighs "within".
var polarityWords = []struct {
	phrase   string
	polarity Polarity
}{
	// Lower is better.
	{"re-referral", LowerIsBetter},
	{"rereferral", LowerIsBetter},
	{"repeat referral", LowerIsBetter},
	{"second or subsequent", LowerIsBetter},
	{"come back", LowerIsBetter},
	{"return to care", LowerIsBetter},
	{"caseload", LowerIsBetter},
	{"agency", LowerIsBetter},
	{"vacancy", LowerIsBetter},
	{"vacancies", LowerIsBetter},
	{"turnover", LowerIsBetter},
	{"sickness", LowerIsBetter},
	{"waiting", LowerIsBetter},
	{"wait", LowerIsBetter},
	{"missing", LowerIsBetter},
	{"overspend", LowerIsBetter},
	{"overdue", LowerIsBetter},
	{"unallocated", LowerIsBetter},
	{"delay", LowerIsBetter},
	{"excluded", LowerIsBetter},
	{"exclusion", LowerIsBetter},
	{"persistently absent", LowerIsBetter},
	{"persistent absence", LowerIsBetter},
	{"not in education", LowerIsBetter},
	{"neet", LowerIsBetter},
	{"three or more placements", LowerIsBetter},
	{"3 or more placements", LowerIsBetter},
	{"placement moves", LowerIsBetter},
	{"breakdown", LowerIsBetter},
	{"complaints", LowerIsBetter},
	{"first-time entrants", LowerIsBetter},
	{"first time entrants", LowerIsBetter},
	{"reoffending", LowerIsBetter},
	{"re-offending", LowerIsBetter},
	{"out of area", LowerIsBetter},
	{"out of county", LowerIsBetter},
	{"independent or out of county", LowerIsBetter},
	{"residential and nursing care homes", LowerIsBetter},
	{"cost per", LowerIsBetter},
	// Higher is better.
	{"within timescale", HigherIsBetter},
	{"within timescales", HigherIsBetter},
	{"in timescale", HigherIsBetter},
	{"within", HigherIsBetter},
	{"on time", HigherIsBetter},
	{"timely", HigherIsBetter},
	{"visited", HigherIsBetter},
	{"seen", HigherIsBetter},
	{"in education, employment or training", HigherIsBetter},
	{"education, employment or training", HigherIsBetter},
	{"in education, training or employment", HigherIsBetter},
	{"stability", HigherIsBetter},
	{"stable", HigherIsBetter},
	{"foster households", HigherIsBetter},
	{"fostering households", HigherIsBetter},
	{"foster carers", HigherIsBetter},
	{"in-house", HigherIsBetter},
	{"with relatives", HigherIsBetter},
	{"permanent", HigherIsBetter},
	{"qualified social workers", HigherIsBetter},
	{"settled accommodation", HigherIsBetter},
	{"suitable accommodation", HigherIsBetter},
	{"multi-agency", HigherIsBetter},
	{"participat", HigherIsBetter},
	{"good or outstanding", HigherIsBetter},
	{"meet or exceed good", HigherIsBetter},
	{"attendance", HigherIsBetter},
	{"outcomes achieved", HigherIsBetter},
	{"rated good", HigherIsBetter},
	{"up to date", HigherIsBetter},
	{"in touch", HigherIsBetter},
	{"adopted", HigherIsBetter},
	{"recommend", HigherIsBetter},
	{"answered", HigherIsBetter},
	{"resolved", HigherIsBetter},
}

// comparatorNames map the words for a comparator to its name.
var comparatorNames = []struct {
	phrase, name string
}{
	{"statistical neighbours", "statistical neighbours"},
	{"statistical neighbour", "statistical neighbours"},
	{"stat neighbours", "statistical neighbours"},
	{"similar councils", "statistical neighbours"},
	{"similar authorities", "statistical neighbours"},
	{"comparator authorities", "statistical neighbours"},
	{"sn average", "statistical neighbours"},
	{"england average", "England"},
	{"english average", "England"},
	{"national average", "England"},
	{"all england", "England"},
	{"england", "England"},
	{"national", "England"},
	{"nationally", "England"},
	{"regional average", "region"},
	{"region", "region"},
	{"regional", "region"},
	{"south east", "South East"},
	{"south west", "South West"},
	{"north east", "North East"},
	{"north west", "North West"},
	{"east midlands", "East Midlands"},
	{"west midlands", "West Midlands"},
	{"yorkshire and the humber", "Yorkshire and the Humber"},
	{"east of england", "East of England"},
	{"inner london", "Inner London"},
	{"outer london", "Outer London"},
	{"london", "London"},
}

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
	colSkip // a change, a difference, a description
)

// headingWords read a column's heading, first match wins; periods and
// comparators are read by their own tables.
var headingWords = []struct {
	phrase string
	kind   colKind
}{
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
	{"(days)", "days"},
	{"average days", "days"},
	{"number of days", "days"},
	{"(weeks)", "weeks"},
	{"number of weeks", "weeks"},
}
