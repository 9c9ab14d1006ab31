package national

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sharedDir is the shared folder beside the repository (SCRUTINEER_SHARED
// overrides it); the test is skipped when it is absent.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("SCRUTINEER_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		tb.Skipf("shared material not found at %s", dir)
	}
	return dir
}

// The council of each Ofsted report in the shared folder, from its file
// name, with DfE's code looked up by hand.
var ofstedCouncils = map[string]string{
	"bath-and-north-east-somerset": "800", "bedford": "822", "bexley": "303", "birmingham": "330",
	"blackpool": "890", "brent": "304", "buckinghamshire": "825", "cheshire-west-and-chester": "896",
	"essex": "881", "gateshead": "390", "gloucestershire": "916", "haringey": "309", "havering": "311",
	"kingston-upon-hull": "810", "kingston-upon-thames": "314", "kirklees": "382", "lambeth": "208",
	"leicestershire": "855", "luton": "821", "merton": "315", "norfolk": "926",
	"north-northamptonshire": "940", "north-tyneside": "392", "nottingham": "892", "plymouth": "879",
	"salford": "355", "sandwell": "333", "suffolk": "935", "torbay": "880", "waltham-forest": "320",
	"west-northamptonshire": "941", "central-bedfordshire": "823", "coventry": "331", "derby": "831",
	"enfield": "308", "hounslow": "313", "lancashire": "888", "north-somerset": "802",
	"peterborough": "874", "rochdale": "354", "solihull": "334", "west-berkshire": "869",
	"camden": "202", "kent": "886", "medway": "887", "west-sussex": "938",
}

var reportName = regexp.MustCompile(`^ofsted-(?:ilacs|sif|focused-visit|lac-inspection|cqc-area-send)-(.+)-\d{4}(?:-\d{2})?\.pdf$`)

// Every Ofsted report in the shared folder resolves, by its file name, to
// its council.
func TestSharedOfstedReports(t *testing.T) {
	shared := sharedDir(t)
	var files []string
	for _, d := range []string{"testdata/pdfs/real/ofsted-reports", "testdata/pdfs/real/ofsted"} {
		m, _ := filepath.Glob(filepath.Join(shared, d, "ofsted-*.pdf"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no Ofsted reports in shared material")
	}
	n := 0
	for _, f := range files {
		base := filepath.Base(f)
		m := reportName.FindStringSubmatch(base)
		if m == nil {
			continue // a school's report names no council
		}
		want, ok := ofstedCouncils[m[1]]
		if !ok {
			t.Errorf("%s: council %q is not in the test's table", base, m[1])
			continue
		}
		n++
		if c, err := CouncilOf(base); err != nil || c.Code != want {
			t.Errorf("CouncilOf(%q) = %s %s, %v; want %s", base, c.Code, c.Name, err, want)
		}
		name := strings.ReplaceAll(m[1], "-", " ")
		if c, err := Lookup(name); err != nil || c.Code != want {
			t.Errorf("Lookup(%q) = %s, %v; want %s", name, c.Code, err, want)
		}
		title := "Inspection of " + titleCase(name) + " local authority children's services"
		if c, err := CouncilOf(title); err != nil || c.Code != want {
			t.Errorf("CouncilOf(%q) = %s, %v; want %s", title, c.Code, err, want)
		}
	}
	if n < 41 {
		t.Errorf("%d council reports checked, want at least the 41 ILACS and SIF reports", n)
	}
}

// The Kent papers in the shared folder are Kent's, by file name and by
// their own first words.
func TestSharedKentPapers(t *testing.T) {
	shared := sharedDir(t)
	files, _ := filepath.Glob(filepath.Join(shared, "testdata/pdfs/real/council", "kent-*.pdf"))
	if len(files) == 0 {
		t.Skip("no Kent papers in shared material")
	}
	for _, f := range files {
		if c, err := CouncilOf(filepath.Base(f)); err != nil || c.Code != "886" {
			t.Errorf("CouncilOf(%q) = %s, %v; want 886", filepath.Base(f), c.Code, err)
		}
	}
}

// The seed packs name their council on the front sheet.
func TestSharedSeedPacks(t *testing.T) {
	shared := sharedDir(t)
	want := map[string]string{"hampshire": "850", "sefton": "343"}
	files, _ := filepath.Glob(filepath.Join(shared, "seeds", "packs", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed packs in shared material")
	}
	for _, f := range files {
		base := filepath.Base(f)
		code, ok := want[strings.SplitN(base, "-", 2)[0]]
		if !ok {
			t.Errorf("%s: council not in the test's table", base)
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if c, err := CouncilOf(string(b)); err != nil || c.Code != code {
			t.Errorf("CouncilOf(text of %s) = %s %s, %v; want %s", base, c.Code, c.Name, err, code)
		}
		if c, err := CouncilOf(base); err != nil || c.Code != code {
			t.Errorf("CouncilOf(%q) = %s, %v; want %s", base, c.Code, err, code)
		}
	}
}

// titleCase capitalises each word of an ASCII name ("bath and north east
// somerset" is "Bath And North East Somerset").
func titleCase(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		w[i] = strings.ToUpper(x[:1]) + x[1:]
	}
	return strings.Join(w, " ")
}

// The text of every council paper and Ofsted report in the shared folder,
// as pdftotext reads it, names its council: a report's
// title ("Inspection of Bedford Borough local authority children's
// services", "London Borough of Havering"), a letter's email address
// (kent.gov.uk), a minutes heading ("KENT COUNTY COUNCIL").
func TestSharedPaperText(t *testing.T) {
	shared := sharedDir(t)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	var files []string
	for _, g := range []string{"council/kent-*.pdf", "ofsted-reports/ofsted-*.pdf", "ofsted/ofsted-*.pdf"} {
		m, _ := filepath.Glob(filepath.Join(shared, "testdata/pdfs/real", g))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no council papers in shared material")
	}
	checked := 0
	for _, f := range files {
		base := filepath.Base(f)
		want := ""
		if strings.HasPrefix(base, "kent-") {
			want = "886"
		} else if m := reportName.FindStringSubmatch(base); m != nil {
			want = ofstedCouncils[m[1]]
		}
		if want == "" {
			continue // a school's report
		}
		out, err := exec.Command(pdftotext, "-l", "8", "-enc", "UTF-8", f, "-").Output()
		if err != nil {
			t.Errorf("%s: pdftotext: %v", base, err)
			continue
		}
		checked++
		if c, err := CouncilOf(string(out)); err != nil || c.Code != want {
			t.Errorf("CouncilOf(text of %s) = %s %s, %v; want %s", base, c.Code, c.Name, err, want)
		}
	}
	if checked < 50 {
		t.Errorf("%d papers checked, want the 11 Kent papers and 41 + 8 Ofsted reports", checked)
	}
}
