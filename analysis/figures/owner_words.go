package figures

// The vocabulary that says whose figure a sentence gives.

// nationalPhrases make a figure England's when they are its subject
// rather than a comparator.
var nationalPhrases = []string{
	"in england", "across england", "england's", "nationally", "national average",
	"national figure", "national rate", "national data", "national picture", "national survey",
	"nationwide", "in the uk", "across the uk", "across the country", "in the country",
	"all children", "local authorities in england", "councils in england",
}

// comparing words set a national figure beside the council's own: the
// national phrase after one of them is a comparator.
var comparing = []string{
	"against", "compared", "comparison", "than", "above", "below", "in line with", "same as",
	"vs", "versus", "while", "whereas", "similar to", "higher", "lower", "exceed", "behind", "ahead of",
	"relative to", "benchmark",
}

// researchMarks make a sentence a summary of research: national context.
var researchMarks = []string{
	"research", "a study", "studies", "survey found", "analysis by", "report found", "found that",
	"according to", "commissioner", "dfe (", "dfe 20", "ofsted (", "(2015)", "(2016)", "(2017)",
	"(2018)", "(2019)", "(2020)", "(2021)", "(2022)", "(2023)", "(2024)",
}

// footnoteMarks end a cited figure: a superscript reference number.
const footnoteMarks = "¹²³⁴⁵⁶⁷⁸⁹⁰"

// otherMarks make a sentence another council's example.
var otherMarks = []string{
	"case study", "case studies", "for example,", "for instance,", "example:", "good practice example",
	"project in", "scheme in", "pilot in",
	// Someone else's words, quoted or reported: a member of Parliament, a
	// select committee, the Government.
	" mp, chair of", " mp said", " mp, said", "select committee", "clg committee",
	"the government accepts", "the government fully accepts", "the government notes", "the government will",
}

// contextHeadings open a section of context: a guide, a case study, a
// research summary, a glossary. The section runs to the next heading
// that is not one of these (or a place name under a case-study heading).
var contextHeadings = []struct {
	phrase string
	owner  Owner
}{
	{"case study", OwnerOther},
	{"case studies", OwnerOther},
	{"good practice", OwnerOther},
	{"examples", OwnerOther},
	{"questions to ask", OwnerOther},
	{"key lines of enquiry", OwnerOther},
	{"resource pack", OwnerOther},
	{"guide for", OwnerOther},
	{"glossary", OwnerOther},
	{"jargon", OwnerOther},
	{"further reading", OwnerOther},
	{"references", OwnerOther},
	{"key resources", OwnerOther},
	{"research", OwnerNational},
	{"national context", OwnerNational},
	{"national picture", OwnerNational},
	{"national data", OwnerNational},
	{"national trends", OwnerNational},
	{"what the research says", OwnerNational},
}

// guideMarks open a guide published by someone else that runs to the end
// of the item (the LGA's "10 questions", a resource pack), until a
// council report starts again (reportMarks).
var guideMarks = []string{
	"questions to ask if you", "resource pack", "© local government association",
	"this guide aims", "this guide is", "centre for public scrutiny", "published by the local government association",
	// A parliamentary report or a government response attached whole.
	"ordered by the house of commons", "by authority of the house of commons", "presented to parliament by",
}

// reportMarks start a council's own report.
var reportMarks = []string{
	"report from:", "report of:", "report to:", "committee/panel:", "purpose of report",
	"recommendation(s)",
}
