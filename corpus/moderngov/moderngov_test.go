package moderngov

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// site is a fictional council's ModernGov site serving the fixtures, with
// papers whose content a test can change and requests it can count.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	papers   map[string][]byte // path -> content
	requests map[string]int
	fail     map[string]int // path -> how many times to answer 500 first
	slow     map[string]bool
	agents   map[string]bool
	inFlight atomic.Int32
	overlap  atomic.Bool
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{papers: map[string][]byte{
		"/documents/g4102/Public reports pack.pdf": []byte("%PDF-1.4 pack, version one"),
		"/mgConvert2PDF.aspx":                      []byte("%PDF-1.4 minutes"),
	}, requests: map[string]int{}, fail: map[string]int{}, slow: map[string]bool{}, agents: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.inFlight.Add(1) > 1 {
			s.overlap.Store(true)
		}
		defer s.inFlight.Add(-1)
		s.mu.Lock()
		s.requests[r.URL.Path]++
		s.agents[r.UserAgent()] = true
		fail := s.fail[r.URL.Path]
		if fail > 0 {
			s.fail[r.URL.Path]--
		}
		slow := s.slow[r.URL.Path]
		body, isPaper := s.papers[r.URL.Path]
		s.mu.Unlock()
		if slow {
			time.Sleep(300 * time.Millisecond)
		}
		if fail > 0 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		if isPaper {
			if r.URL.Path == "/mgConvert2PDF.aspx" && r.URL.Query().Get("ID") != "7002" {
				http.NotFound(w, r)
				return
			}
			etag := fmt.Sprintf(`"%x"`, sha256.Sum256(body))
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Write(body)
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
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/xml")
		w.Write([]byte(strings.ReplaceAll(string(data), "{{BASE}}", s.URL+"/")))
	}))
	t.Cleanup(s.Close)
	return s
}

func client(t *testing.T, s *site) *Client {
	t.Helper()
	c, err := NewClient(s.URL + "/mgWebService.asmx")
	if err != nil {
		t.Fatal(err)
	}
	c.Delay, c.HTTP.Timeout = 5*time.Millisecond, 200*time.Millisecond
	return c
}

func TestReadSite(t *testing.T) {
	s := newSite(t)
	c := client(t, s)
	ctx := context.Background()
	cs, err := c.Committees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 || cs[0].Title != "Children and Young People Scrutiny Committee" || !cs[0].Current() || cs[2].Current() {
		t.Fatalf("committees %+v", cs)
	}
	ms, err := c.Meetings(ctx, 21, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || !ms[0].Cancelled() || ms[1].Date.Format("2006-01-02") != "2026-10-14" {
		t.Fatalf("meetings %+v", ms)
	}
	m, err := c.Meeting(ctx, 4102)
	if err != nil {
		t.Fatal(err)
	}
	// The pack linked from two items is one paper; a web link is none.
	if len(m.Papers) != 3 || m.Papers[0].Item != "4" || !m.Papers[2].Restricted || m.Committee != "Children and Young People Scrutiny Committee" {
		t.Fatalf("papers %+v", m.Papers)
	}
	if !s.agents[UserAgent] {
		t.Errorf("requests did not name the fetcher: %v", s.agents)
	}
}

func TestDownload(t *testing.T) {
	s := newSite(t)
	c := client(t, s)
	ctx := context.Background()
	dir := t.TempDir()
	m, err := c.Meeting(ctx, 4102)
	if err != nil {
		t.Fatal(err)
	}
	st, err := LoadState(dir)
	if err != nil {
		t.Fatal(err)
	}
	pack, minutes := m.Papers[0], m.Papers[1]
	path, got, err := c.Download(ctx, m, pack, dir, st)
	if err != nil || got != New || !strings.HasSuffix(path, "(7001).pdf") {
		t.Fatalf("first download: %q %v %v", path, got, err)
	}
	if _, got, err := c.Download(ctx, m, minutes, dir, st); err != nil || got != New {
		t.Fatalf("minutes: %v %v", got, err)
	}
	if err := st.Save(dir); err != nil {
		t.Fatal(err)
	}
	// Again, from the saved state: nothing is downloaded twice.
	st, _ = LoadState(dir)
	if _, got, err := c.Download(ctx, m, pack, dir, st); err != nil || got != Unchanged {
		t.Errorf("second download: %v %v", got, err)
	}
	// The site changes the pack: the file is replaced.
	s.mu.Lock()
	s.papers["/documents/g4102/Public reports pack.pdf"] = []byte("%PDF-1.4 pack, version two")
	s.mu.Unlock()
	if p, got, err := c.Download(ctx, m, pack, dir, st); err != nil || got != Changed {
		t.Errorf("changed paper: %v %v", got, err)
	} else if data, _ := os.ReadFile(p); !strings.Contains(string(data), "version two") {
		t.Errorf("the changed paper was not written: %q", data)
	}
	if s.overlap.Load() {
		t.Error("two requests reached the site at once")
	}
}

func TestSiteErrors(t *testing.T) {
	ctx := context.Background()
	t.Run("busy, then answers", func(t *testing.T) {
		s := newSite(t)
		s.fail["/mgWebService.asmx/GetCommittees"] = 2
		if _, err := client(t, s).Committees(ctx); err != nil {
			t.Errorf("after two 503s: %v", err)
		}
		if n := s.requests["/mgWebService.asmx/GetCommittees"]; n != 3 {
			t.Errorf("%d requests, want 3", n)
		}
	})
	t.Run("busy for good", func(t *testing.T) {
		s := newSite(t)
		s.fail["/mgWebService.asmx/GetCommittees"] = 10
		c := client(t, s)
		c.Retries = 2
		if _, err := c.Committees(ctx); !errors.Is(err, ErrHTTP) {
			t.Errorf("err = %v, want ErrHTTP", err)
		}
	})
	t.Run("too slow", func(t *testing.T) {
		s := newSite(t)
		s.slow["/mgWebService.asmx/GetCommittees"] = true
		c := client(t, s)
		c.Retries = 1
		if _, err := c.Committees(ctx); err == nil {
			t.Error("a site slower than the timeout gave no error")
		}
	})
	t.Run("not found", func(t *testing.T) {
		s := newSite(t)
		if _, err := client(t, s).Meeting(ctx, 9999); !errors.Is(err, ErrHTTP) {
			t.Errorf("err = %v, want ErrHTTP", err)
		}
	})
	t.Run("not the service", func(t *testing.T) {
		if _, err := ParseMeeting([]byte("<html><body>Sign in</body></html>")); !errors.Is(err, ErrFormat) {
			t.Errorf("err = %v, want ErrFormat", err)
		}
	})
}

func TestNewClient(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"democracy.wexcombe.gov.uk", "https://democracy.wexcombe.gov.uk/"},
		{"https://democracy.wexcombe.gov.uk/mgWebService.asmx", "https://democracy.wexcombe.gov.uk/"},
		{"http://wexcombe.gov.uk/moderngov", "http://wexcombe.gov.uk/moderngov/"},
	} {
		c, err := NewClient(tc.in)
		if err != nil || c.Base.String() != tc.want {
			t.Errorf("NewClient(%q) = %v, %v; want %s", tc.in, c, err, tc.want)
		}
	}
	for _, bad := range []string{"", "ftp://x", "https://"} {
		if _, err := NewClient(bad); err == nil {
			t.Errorf("NewClient(%q): no error", bad)
		}
	}
}

// FuzzParse reads mangled responses: nothing panics or hangs, and what is
// read of a meeting is each paper once.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"GetCommittees.xml", "GetMeetings-21.xml", "GetMeeting-4102.xml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<meeting><meetingdate>31/02/2026</meetingdate></meeting>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			ParseCommittees(data)
			ParseMeetings(data)
			m, err := ParseMeeting(data)
			if err != nil {
				return nil
			}
			seen := map[int]bool{}
			for _, p := range m.Papers {
				if seen[p.ID] {
					return fmt.Errorf("paper %d read twice", p.ID)
				}
				seen[p.ID] = true
			}
			return nil
		})
	})
}

// Fetch downloads a committee's new papers once, names what it fetched
// with its meeting, lists them in a dry run, and says which committees
// there are when none matches.
func TestFetchLoop(t *testing.T) {
	s := newSite(t)
	c := client(t, s)
	ctx := context.Background()
	dir := t.TempDir()
	opts := Options{Committees: []string{"children"}, Since: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), Dir: dir}

	var listed []string
	dry := opts
	dry.DryRun, dry.Listed = true, func(m Meeting, p Paper) { listed = append(listed, p.Title) }
	if res, err := c.Fetch(ctx, dry); err != nil || len(res.Fetched) != 0 || len(listed) != 2 {
		t.Fatalf("dry run: %v, fetched %d, listed %q", err, len(res.Fetched), listed)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a dry run wrote %d files", len(entries))
	}

	res, err := c.Fetch(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Fetched) != 2 || res.Counts[New] != 2 || len(res.Failures) != 0 {
		t.Fatalf("first fetch: %+v", res)
	}
	pack := res.Fetched[0]
	if !pack.Paper.IsPack() || pack.Meeting.Committee != "Children and Young People Scrutiny Committee" || pack.Meeting.Date.Format("2006-01-02") != "2026-10-14" || pack.Outcome != New {
		t.Errorf("the pack: %+v", pack)
	}
	if res.Fetched[1].Paper.IsPack() {
		t.Errorf("the minutes taken for a pack: %+v", res.Fetched[1].Paper)
	}
	if _, err := os.Stat(pack.Path); err != nil {
		t.Errorf("the pack's file: %v", err)
	}

	res, err = c.Fetch(ctx, opts)
	if err != nil || len(res.Fetched) != 0 || res.Counts[Unchanged] != 2 {
		t.Errorf("second fetch: %v %+v", err, res)
	}

	opts.Committees = []string{"planning"}
	if _, err := c.Fetch(ctx, opts); !errors.Is(err, ErrNoCommittee) || !strings.Contains(err.Error(), "Corporate Parenting Panel") {
		t.Errorf("no such committee: %v", err)
	}
}
