package figures

// The names of comparators.

// comparatorNames map the words for a comparator to its name.
var comparatorNames = []struct {
	phrase, name string
}{
	{"statistical neighbours", "statistical neighbours"},
	{"statistical neighbour", "statistical neighbours"},
	{"stat neighbours", "statistical neighbours"},
	{"stat. neighbours", "statistical neighbours"},
	{"stat neighbour", "statistical neighbours"},
	{"stat. neighbour", "statistical neighbours"},
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
