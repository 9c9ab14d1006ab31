package moderngov

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParsePages(t *testing.T) {
	base, _ := url.Parse("https://democracy.wexcombe.gov.uk/mgListCommittees.aspx")
	cs, err := ParseCommitteesPage(readFixture(t, "mgListCommittees.aspx.html"), base)
	if err != nil || len(cs) != 2 || cs[0].ID != 21 || cs[1].Title != "Corporate Parenting Panel" {
		t.Fatalf("committees %+v %v", cs, err)
	}
	ms, err := ParseMeetingsPage(readFixture(t, "ieListMeetings.aspx-21.html"), base, cs[0].Title)
	if err != nil || len(ms) != 2 || !ms[0].Cancelled() || ms[1].ID != 4102 || ms[1].Date.Format("2006-01-02") != "2026-10-14" {
		t.Fatalf("meetings %+v %v", ms, err)
	}
	ps, err := ParseDocumentsPage(readFixture(t, "ieListDocuments.aspx-21-4102.html"), base)
	if err != nil || len(ps) != 2 || ps[0].ID != 4102 || ps[0].Title != "Agenda reports pack" ||
		ps[0].URL != "https://democracy.wexcombe.gov.uk/documents/g4102/Public%20reports%20pack%2014th-Oct-2026%2018.00%20Children%20and%20Young%20People%20Scrutiny%20Committee.pdf?T=10" {
		t.Fatalf("papers %+v %v", ps, err)
	}
	if _, err := ParseCommitteesPage([]byte("<html><body>Sign in</body></html>"), base); err == nil {
		t.Error("a page with no committees gave none and no error")
	}
}

// FuzzParsePages reads mangled pages: nothing panics or hangs.
func FuzzParsePages(f *testing.F) {
	for _, name := range []string{"mgListCommittees.aspx.html", "ieListMeetings.aspx-21.html", "ieListDocuments.aspx-21-4102.html"} {
		f.Add(readFixture(f, name))
	}
	base, _ := url.Parse("https://democracy.wexcombe.gov.uk/")
	f.Fuzz(func(t *testing.T, data []byte) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			ParseCommitteesPage(data, base)
			ParseMeetingsPage(data, base, "x")
			ParseDocumentsPage(data, base)
			return nil
		})
	})
}

func TestIsPack(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  bool
	}{
		{"Public reports pack 14th-Oct-2026 18.00 Children and Young People Scrutiny Committee", true},
		{"Agenda reports pack", true},
		{"Public Document Pack", true},
		{"Supplementary agenda pack", true},
		{"Agenda", true},
		{"Printed minutes", false},
		{"Fostering Service Annual Report", false},
		{"Appendix 2 - Welcome pack for foster carers", false},
		{"Agenda frontsheet", false},
	} {
		if got := (Paper{Title: tc.title}).IsPack(); got != tc.want {
			t.Errorf("IsPack(%q) = %v, want %v", tc.title, got, tc.want)
		}
	}
}
