package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/index"
)

// fictionalSite serves the fictional council's ModernGov fixtures, with
// the bundled sample pack as its agenda pack; with noService its web
// service is switched off and only its pages answer.
func fictionalSite(t *testing.T, noService ...bool) *httptest.Server {
	t.Helper()
	off := len(noService) > 0 && noService[0]
	fixtures := filepath.Join(corpustest.Root(), "corpus", "moderngov", "testdata")
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/documents/g4102/Public reports pack.pdf",
			strings.HasPrefix(r.URL.Path, "/documents/g4102/Public reports pack 14th-Oct-2026"):
			w.Write(corpus.SamplePDF())
			return
		case off && strings.HasPrefix(r.URL.Path, "/mgWebService.asmx"):
			http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
			return
		case r.URL.Path == "/mgListCommittees.aspx":
			serveFile(w, filepath.Join(fixtures, "mgListCommittees.aspx.html"))
			return
		case r.URL.Path == "/ieListMeetings.aspx":
			serveFile(w, filepath.Join(fixtures, "ieListMeetings.aspx-"+r.URL.Query().Get("CId")+".html"))
			return
		case r.URL.Path == "/ieListDocuments.aspx":
			serveFile(w, filepath.Join(fixtures, "ieListDocuments.aspx-"+r.URL.Query().Get("CId")+"-"+r.URL.Query().Get("MId")+".html"))
			return
		case r.URL.Path == "/mgConvert2PDF.aspx":
			http.NotFound(w, r) // the minutes are not out yet
			return
		}
		op := strings.TrimPrefix(r.URL.Path, "/mgWebService.asmx/")
		name := op + ".xml"
		switch op {
		case "GetMeetings":
			name = "GetMeetings-" + r.URL.Query().Get("lCommitteeId") + ".xml"
		case "GetMeeting":
			name = "GetMeeting-" + r.URL.Query().Get("lMeetingId") + ".xml"
		}
		data, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(strings.ReplaceAll(string(data), "{{BASE}}", srv.URL+"/")))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	site := fictionalSite(t)
	dir := t.TempDir()
	idx, papers := filepath.Join(dir, "index"), filepath.Join(dir, "papers")
	args := []string{"fetch", "--index", idx, "--dir", papers, "--delay", "1ms", "--since", "2026-01-01", "--committee", "children and young people", site.URL}

	code, out, errs := run(t, append([]string{"fetch", "--dry-run", "--index", idx, "--dir", papers, "--delay", "1ms", "--since", "2026-01-01"}, site.URL)...)
	if code != ExitOK || !strings.Contains(out, "Public reports pack") || strings.Contains(out, "Exempt appendix") {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errs)
	}
	if entries, _ := os.ReadDir(papers); len(entries) > 0 {
		t.Errorf("a dry run downloaded %d files", len(entries))
	}

	code, out, errs = run(t, args...)
	if code != ExitOK || !strings.Contains(out, "1 new, 0 changed") || !strings.Contains(out, "passages indexed") {
		t.Fatalf("fetch: exit %d\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(errs, "not fetched: Printed minutes") {
		t.Errorf("a paper the site could not give was not reported: %q", errs)
	}
	code, out, _ = run(t, "search", "--index", idx, "foster carers")
	if code != ExitOK || !strings.Contains(out, "Fostering") {
		t.Errorf("the fetched pack is not searchable: exit %d\n%s", code, out)
	}

	// Each fetched paper is cited by its address on the site.
	hasAddress := func(idx string) {
		t.Helper()
		code, out, _ := run(t, "search", "--index", idx, "--json", "foster carers")
		var res index.Results
		if err := json.Unmarshal([]byte(out), &res); code != ExitOK || err != nil || len(res.Hits) == 0 {
			t.Fatalf("search --json: exit %d, %v\n%s", code, err, out)
		}
		if h := res.Hits[0]; !strings.HasPrefix(h.URL, site.URL+"/documents/g4102/") || h.Date != "2026-10-14" {
			t.Errorf("a fetched paper's hit: url %q, date %q", h.URL, h.Date)
		}
	}
	hasAddress(idx)

	// Again: nothing is downloaded twice.
	code, out, errs = run(t, args...)
	if code != ExitOK || !strings.Contains(out, "0 new, 0 changed, 1 unchanged") || strings.Contains(out, "passages indexed") {
		t.Errorf("second fetch: exit %d\n%s\n%s", code, out, errs)
	}

	// An index that lacks the papers' addresses (made before it kept
	// them, or another one) gets them from a fetch that downloads nothing.
	other := filepath.Join(dir, "other")
	code, out, errs = run(t, append([]string{"fetch", "--index", other}, args[3:]...)...)
	if code != ExitOK || !strings.Contains(out, "0 new, 0 changed, 1 unchanged") || !strings.Contains(out, "added 1") {
		t.Errorf("fetch into another index: exit %d\n%s\n%s", code, out, errs)
	}
	hasAddress(other)

	code, _, errs = run(t, "fetch", "--index", idx, "--dir", papers, "--delay", "1ms", "--committee", "planning", site.URL)
	if code != ExitFailed || !strings.Contains(errs, "Corporate Parenting Panel") {
		t.Errorf("an unknown committee: exit %d, %q", code, errs)
	}
}

func serveFile(w http.ResponseWriter, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Write(data)
}

// A site that switched its web service off is read from its pages.
func TestFetchFromPages(t *testing.T) {
	site := fictionalSite(t, true)
	dir := t.TempDir()
	code, out, errs := run(t, "fetch", "--index", filepath.Join(dir, "index"), "--dir", filepath.Join(dir, "papers"), "--delay", "1ms",
		"--since", "2026-01-01", "--committee", "children", site.URL)
	if code != ExitOK || !strings.Contains(out, "1 new") || !strings.Contains(errs, "its pages are read instead") {
		t.Fatalf("fetch from pages: exit %d\n%s\n%s", code, out, errs)
	}
}
