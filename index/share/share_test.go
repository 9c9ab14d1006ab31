package share

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// paper is a plain-text paper of n paragraphs about topic.
func paper(topic string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Report on %s\n\n", topic)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Paragraph %d. The committee discussed %s and the number of households in the borough, item %d.\n\n", i, topic, i)
	}
	return b.String()
}

func writePaper(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// serve opens an index in a new folder with one paper in it and serves it;
// the server stops at the end of the test.
func serve(t *testing.T) (*bleveindex.Index, *Listener) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	x, err := bleveindex.Open(dir, bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	src := t.TempDir()
	if _, err := x.IngestPaths(t.Context(), []string{writePaper(t, src, "fostering.txt", paper("recruitment of foster carers", 6))}, index.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	s := &Server{Index: x, Themer: func(bank string) (index.Themer, error) {
		if bank != "" {
			return nil, fmt.Errorf("load bank: %s: %w", bank, fs.ErrNotExist)
		}
		return func(*index.DocumentInfo, *corpus.Item, *corpus.Passage) []string { return []string{"fostering"} }, nil
	}}
	l, err := s.Listen(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return x, l
}

func mustDial(t *testing.T, dir string) *Client {
	t.Helper()
	c, err := Dial(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// Every call answers through the socket as the index itself does, errors
// included, and what a client ingests the server's own searches find at
// once.
func TestClientAsksTheServedIndex(t *testing.T) {
	x, l := serve(t)
	ctx := t.Context()
	c := mustDial(t, x.Dir())

	q := index.Query{Text: "foster carers", Limit: 5, PerItem: 2}
	want, err := x.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	// The same as JSON, as the command line prints it (an empty list may
	// come back as none).
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if got.Total == 0 || string(gj) != string(wj) {
		t.Errorf("search over the socket: %+v\nwant %+v", got, want)
	}

	src := t.TempDir()
	var progress []index.Progress
	sum, err := c.Ingest(ctx, []string{writePaper(t, src, "adoption.txt", paper("adoption panels and matching", 5)), filepath.Join(src, "missing.txt")},
		index.IngestOptions{Progress: func(p index.Progress) { progress = append(progress, p) }}, "")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 || len(sum.Skipped) != 1 || sum.Took <= 0 || len(progress) != 1 || progress[0].FilesDone != 1 {
		t.Errorf("ingest summary %+v, progress %+v", sum, progress)
	}
	res, err := x.Search(ctx, index.Query{Text: "adoption panels", Theme: "fostering"})
	if err != nil || res.Total == 0 || res.Hits[0].Source != "adoption.txt" {
		t.Fatalf("the server's own search does not find the paper ingested through it (themed by the server): %+v %v", res, err)
	}

	docs, err := c.Documents(ctx)
	if err != nil || len(docs) != 2 || docs[0].Source != "adoption.txt" || docs[0].Path != filepath.Join(src, "adoption.txt") {
		t.Errorf("documents: %+v %v", docs, err)
	}
	n, err := c.Passages(ctx)
	if m, _ := x.Passages(); err != nil || n != m || n == 0 {
		t.Errorf("passages %d (%v), index holds %d", n, err, m)
	}

	// Errors keep their kind and their message.
	_, err = c.Search(ctx, index.Query{Text: "-everything"})
	_, werr := x.Search(ctx, index.Query{Text: "-everything"})
	if !errors.Is(err, index.ErrQuery) || err.Error() != werr.Error() {
		t.Errorf("bad query: %v, want %v", err, werr)
	}
	if removed, err := c.Remove(ctx, "adoption.txt", ""); err != nil || removed != "adoption.txt" {
		t.Fatalf("remove: %q, %v", removed, err)
	}
	if _, err := c.Remove(ctx, "adoption.txt", ""); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("second remove: %v, want ErrNotFound", err)
	}
	if _, err := c.Ingest(ctx, []string{src}, index.IngestOptions{}, "no-such-bank.yaml"); err == nil || !strings.Contains(err.Error(), "no-such-bank.yaml") {
		t.Errorf("ingest with a missing bank: %v", err)
	}

	// Only the owner may connect.
	fi, err := os.Stat(l.Path())
	if err != nil || fi.Mode()&fs.ModeSocket == 0 || fi.Mode().Perm() != 0o600 {
		t.Errorf("socket %v mode %v, want a socket with permission 0600", err, fi.Mode())
	}
}

// Many clients at once, searching while one ingests, all get answers and
// the ingest's papers are all there after.
func TestConcurrentClients(t *testing.T) {
	x, _ := serve(t)
	ctx := t.Context()
	src := t.TempDir()
	var files []string
	for i := range 6 {
		files = append(files, writePaper(t, src, fmt.Sprintf("sufficiency-%d.txt", i), paper(fmt.Sprintf("sufficiency of placements %d", i), 8)))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	client := func(f func(c *Client) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := Dial(ctx, x.Dir())
			if err == nil {
				err = f(c)
				c.Close()
			}
			errs <- err
		}()
	}
	client(func(c *Client) error {
		sum, err := c.Ingest(ctx, files, index.IngestOptions{Workers: 2}, "")
		if err == nil && sum.Added != len(files) {
			err = fmt.Errorf("ingest added %d of %d", sum.Added, len(files))
		}
		return err
	})
	for range 12 {
		client(func(c *Client) error {
			res, err := c.Search(ctx, index.Query{Text: "foster carers"})
			if err == nil && res.Total == 0 {
				return errors.New("a search found nothing")
			}
			if err == nil {
				_, err = c.Documents(ctx)
			}
			return err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	docs, err := x.Documents(ctx)
	if err != nil || len(docs) != 1+len(files) {
		t.Errorf("after: %d papers (%v), want %d", len(docs), err, 1+len(files))
	}
}

// A socket nothing listens on (left by a killed bot) is no server: Dial
// says so and leaves it; the next holder of the index removes it, and a
// new server listens in its place. After a server stops there is no
// socket.
func TestStaleSocket(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	x, err := bleveindex.Open(dir, bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	x.Close()
	if _, err := Dial(t.Context(), dir); !errors.Is(err, ErrNoServer) {
		t.Fatalf("no socket: %v, want ErrNoServer", err)
	}
	stale := SocketPath(dir)
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: stale, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Lstat(stale); err != nil {
		t.Fatalf("the stale socket is not there: %v", err)
	}
	dialStale(t, dir, stale)

	x, err = bleveindex.Open(dir, bleveindex.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	l, err := (&Server{Index: x}).Listen(t.Context())
	if err != nil {
		t.Fatalf("listen over a stale socket: %v", err)
	}
	c := mustDial(t, dir)
	if _, err := c.Documents(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("socket after the server stopped: %v", err)
	}
	if _, err := Dial(t.Context(), dir); !errors.Is(err, ErrNoServer) {
		t.Errorf("after the server stopped: %v, want ErrNoServer", err)
	}
	// A client of a server that went away says what to do.
	if _, err := c.Documents(t.Context()); err == nil || !strings.Contains(err.Error(), "run the command again") {
		t.Errorf("call after the server stopped: %v", err)
	}

	// RemoveStale removes a socket, and leaves anything else alone.
	if err := os.WriteFile(stale, []byte("not a socket"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := RemoveStale(dir); err == nil {
		t.Error("RemoveStale removed a plain file")
	}
	if _, err := Dial(t.Context(), dir); !errors.Is(err, ErrNoServer) {
		t.Errorf("a plain file for a socket: %v, want ErrNoServer", err)
	}
}

// dialStale checks that Dial finds no server, at once, for the index in
// dir whose socket stale nothing listens on, and leaves the socket.
func dialStale(t *testing.T, dir, stale string) {
	t.Helper()
	start := time.Now()
	if _, err := Dial(t.Context(), dir); !errors.Is(err, ErrNoServer) {
		t.Fatalf("stale socket: %v, want ErrNoServer", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Dial took %s to find a stale socket", d)
	}
	if _, err := os.Lstat(stale); err != nil {
		t.Errorf("Dial removed the socket: %v", err)
	}
}

// A server refuses to start on an unusable socket path: an index at a
// long path when even the temporary folder's is too long for a socket.
func TestListenErrors(t *testing.T) {
	base := t.TempDir()
	long := filepath.Join(base, strings.Repeat("d", 120))
	x, err := bleveindex.Open(long, bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	t.Setenv("XDG_RUNTIME_DIR", "")
	t.Setenv("TMPDIR", long)
	if _, err := (&Server{Index: x}).Listen(t.Context()); err == nil || !strings.Contains(err.Error(), "set TMPDIR to a shorter folder") {
		t.Errorf("listen with no short folder for the socket: %v", err)
	}
	if _, err := (&Server{}).Listen(t.Context()); err == nil {
		t.Error("listen without an index: no error")
	}
}

// A path the client sees and the server does not (another container,
// another mount) is refused, not skipped as missing; a socket the user may
// not use says whose it is.
func TestDifferentViews(t *testing.T) {
	x, l := serve(t)
	c := mustDial(t, x.Dir())
	unseen := filepath.Join(t.TempDir(), "only-the-client-sees-this.txt")
	_, err := c.do(t.Context(), http.MethodPost, pathIngest, ingestRequest{Paths: []string{unseen}, Seen: []string{unseen}})
	if err == nil || !strings.Contains(err.Error(), "cannot see "+unseen) {
		t.Errorf("ingest of a path the server cannot see: %v", err)
	}
	if os.Geteuid() == 0 {
		t.Skip("root may use any socket")
	}
	if err := os.Chmod(l.Path(), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(l.Path(), 0o600)
	if _, err := Dial(t.Context(), x.Dir()); !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), "another user") {
		t.Errorf("dial a socket of another user: %v", err)
	}
}

// An ingest stopped part-way, by its caller or by the server stopping,
// stops after the file in hand; the summary says what was kept, with
// context.Canceled. A server that stops removes its socket.
func TestIngestStoppedKeepsWhatWasRead(t *testing.T) {
	for _, byServer := range []bool{false, true} {
		t.Run(fmt.Sprintf("server stops %v", byServer), func(t *testing.T) {
			x, l := serve(t)
			c := mustDial(t, x.Dir())
			src := t.TempDir()
			var files []string
			for i := range 5 {
				files = append(files, writePaper(t, src, fmt.Sprintf("paper-%d.txt", i), paper(fmt.Sprintf("topic %d", i), 40)))
			}
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			closed := make(chan error, 1)
			sum, err := c.Ingest(ctx, files, index.IngestOptions{Workers: 1, BatchSize: 1,
				Progress: func(p index.Progress) {
					switch {
					case p.FilesDone != 1:
					case byServer:
						go func() { closed <- l.Close() }()
					default:
						cancel()
						closed <- nil
					}
				}}, "")
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err %v, want context.Canceled", err)
			}
			if err := <-closed; err != nil {
				t.Fatal(err)
			}
			docs, derr := x.Documents(t.Context())
			if derr != nil {
				t.Fatal(derr)
			}
			if sum.Added < 1 || sum.Added >= len(files) || len(docs) != 1+sum.Added {
				t.Errorf("stopped ingest: summary %+v, index holds %d papers", sum, len(docs))
			}
			if _, err := os.Lstat(l.Path()); byServer && !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("socket after stop: %v", err)
			}
		})
	}
}

// A process that listens on the socket and never answers is reported as
// such, with what to do, within the time allowed, for Dial and for a call.
func TestServerNotAnswering(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("unix", SocketPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var held []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, conn)
			mu.Unlock()
		}
	}()
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range held {
			c.Close()
		}
	}()
	start := time.Now()
	_, err = dial(t.Context(), dir, 200*time.Millisecond)
	if !errors.Is(err, ErrNotAnswering) || !strings.Contains(err.Error(), "restart it") {
		t.Errorf("dial a server that does not answer: %v", err)
	}
	c := newClient(dir, SocketPath(dir))
	defer c.Close()
	c.Timeout = 200 * time.Millisecond
	_, err = c.Search(t.Context(), index.Query{Text: "x"})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "did not answer within 200ms") {
		t.Errorf("a call the server does not answer: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %s to give up, want about 400ms", d)
	}
	// The caller's own deadline is the caller's error.
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	c.Timeout = time.Minute
	if _, err := c.Search(ctx, index.Query{Text: "x"}); !errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "did not answer") {
		t.Errorf("a call past the caller's deadline: %v", err)
	}
}

// A paper's record and items read through the socket are the index's own,
// and a name several papers share comes back as the same candidates.
func TestClientReadsPapers(t *testing.T) {
	x, _ := serve(t)
	ctx := t.Context()
	c := mustDial(t, x.Dir())

	want, err := x.Resolve(ctx, "fostering.txt")
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Resolve(ctx, "fostering.txt")
	if err != nil || got.ID != want.ID || got.Path != want.Path || len(got.Items) != len(want.Items) {
		t.Fatalf("resolve: %+v %v; want %+v", got, err, want)
	}
	number := want.Items[0].Number
	wi, _, err := x.Item(ctx, want.ID, number)
	if err != nil {
		t.Fatal(err)
	}
	gi, gd, err := c.Item(ctx, want.ID, number)
	if err != nil || gd.ID != want.ID || gi.Title != wi.Title || len(gi.Passages) != len(wi.Passages) || gi.Passages[0].Text != wi.Passages[0].Text {
		t.Errorf("item: %+v %+v %v; want %+v", gi, gd, err, wi)
	}

	for _, tc := range []struct {
		name, ref, number string
	}{
		{"no such paper", "nothing.txt", ""},
		{"no such item", want.ID, "99z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.number == "" {
				_, err = c.Resolve(ctx, tc.ref)
			} else {
				_, _, err = c.Item(ctx, tc.ref, tc.number)
			}
			if !errors.Is(err, index.ErrNotFound) {
				t.Errorf("%v, want ErrNotFound", err)
			}
		})
	}

	// Another paper of the same name in another folder.
	other := writePaper(t, t.TempDir(), "fostering.txt", paper("fostering allowances", 3))
	if _, err := c.Ingest(ctx, []string{other}, index.IngestOptions{}, ""); err != nil {
		t.Fatal(err)
	}
	_, err = c.Resolve(ctx, "fostering.txt")
	var amb *index.AmbiguousError
	if !errors.As(err, &amb) || amb.Ref != "fostering.txt" || len(amb.Papers) != 2 {
		t.Errorf("ambiguous name: %v, want an *index.AmbiguousError with both papers", err)
	}
}
