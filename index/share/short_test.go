package share

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// longIndexDir is an index folder under base whose socket path is longer
// than a Unix socket allows.
func longIndexDir(t *testing.T, base string) string {
	t.Helper()
	dir := filepath.Join(base, strings.Repeat("d", 60), strings.Repeat("e", 60), "index")
	if len(filepath.Join(dir, SocketName)) <= maxSocketPath {
		t.Fatalf("%s is not too long for a socket", dir)
	}
	return dir
}

// openIndex opens (making it) the index in dir, closed at the end of the
// test.
func openIndex(t *testing.T, dir string) *bleveindex.Index {
	t.Helper()
	x, err := bleveindex.Open(dir, bleveindex.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// gone fails when something is at path.
func gone(t *testing.T, what, path string) {
	t.Helper()
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s %s is still there: %v", what, path, err)
	}
}

// An index at a path too long for a socket in its folder is served on a
// socket in a private folder (in $XDG_RUNTIME_DIR, or else the temporary
// folder) that its pointer file names: clients search and ingest through
// it, by the index's path or a link to it, and when the server stops the
// socket, its folder and the pointer go.
func TestLongIndexPath(t *testing.T) {
	for _, xdg := range []bool{true, false} {
		name := "temporary folder"
		if xdg {
			name = "runtime folder"
		}
		t.Run(name, func(t *testing.T) {
			dir := longIndexDir(t, t.TempDir())
			runtime, tmp, src := t.TempDir(), t.TempDir(), t.TempDir()
			want := tmp
			if xdg {
				t.Setenv("XDG_RUNTIME_DIR", runtime)
				want = runtime
			} else {
				t.Setenv("XDG_RUNTIME_DIR", "")
			}
			t.Setenv("TMPDIR", tmp)
			x := openIndex(t, dir)
			if _, err := x.IngestPaths(t.Context(), []string{writePaper(t, src, "fostering.txt", paper("recruitment of foster carers", 6))}, index.IngestOptions{}); err != nil {
				t.Fatal(err)
			}
			l, err := (&Server{Index: x}).Listen(t.Context())
			if err != nil {
				t.Fatalf("listen for an index at a long path: %v", err)
			}
			t.Cleanup(func() { l.Close() })

			sock, folder := l.Path(), filepath.Dir(l.Path())
			if len(sock) > maxSocketPath || filepath.Dir(folder) != want || !strings.HasPrefix(filepath.Base(folder), ShortDirPrefix) {
				t.Errorf("socket %s, want a short one in a folder of %s", sock, want)
			}
			if fi, err := os.Lstat(folder); err != nil || !fi.IsDir() || fi.Mode().Perm() != 0o700 {
				t.Errorf("socket folder: %v, mode %v; want a folder with permission 0700", err, fi.Mode())
			}
			if fi, err := os.Lstat(sock); err != nil || fi.Mode()&fs.ModeSocket == 0 || fi.Mode().Perm() != 0o600 {
				t.Errorf("socket: %v, mode %v; want a socket with permission 0600", err, fi.Mode())
			}
			if data, err := os.ReadFile(filepath.Join(dir, PointerName)); err != nil || string(data) != sock+"\n" {
				t.Errorf("pointer file: %q, %v; want %q", data, err, sock)
			}

			ctx := t.Context()
			c := mustDial(t, dir)
			if res, err := c.Search(ctx, index.Query{Text: "foster carers"}); err != nil || res.Total == 0 {
				t.Fatalf("search through the socket: %v, %+v", err, res)
			}
			sum, err := c.Ingest(ctx, []string{writePaper(t, src, "adoption.txt", paper("adoption support", 6))}, index.IngestOptions{}, "")
			if err != nil || sum.Added != 1 {
				t.Fatalf("ingest through the socket: %+v, %v", sum, err)
			}
			if docs, err := x.Documents(ctx); err != nil || len(docs) != 2 {
				t.Errorf("the server's index holds %d papers (%v), want 2", len(docs), err)
			}
			link := filepath.Join(t.TempDir(), "ix")
			if err := os.Symlink(dir, link); err != nil {
				t.Fatal(err)
			}
			if res, err := mustDial(t, link).Search(ctx, index.Query{Text: "adoption support"}); err != nil || res.Total == 0 {
				t.Errorf("search through a link to the index: %v, %+v", err, res)
			}

			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			gone(t, "socket", sock)
			gone(t, "socket folder", folder)
			gone(t, "pointer file", filepath.Join(dir, PointerName))
			if _, err := Dial(ctx, dir); !errors.Is(err, ErrNoServer) {
				t.Errorf("after the server stopped: %v, want ErrNoServer", err)
			}
		})
	}
}

// leaveSocket leaves what a killed server of the index in dir at a long
// path leaves: its socket, nothing listening, and the pointer file.
func leaveSocket(t *testing.T, dir string) string {
	t.Helper()
	abs, err := canonical(dir)
	if err != nil {
		t.Fatal(err)
	}
	sock, err := shortSocket(abs)
	if err != nil {
		t.Fatal(err)
	}
	if err := makePrivateDir(filepath.Dir(sock)); err != nil {
		t.Fatal(err)
	}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: sock, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	ln.Close()
	if err := writePointer(dir, sock); err != nil {
		t.Fatal(err)
	}
	return sock
}

// A socket left outside the index folder by a killed server is no
// server: Dial says so at once and leaves it; the next holder of the
// index removes it with its folder and the pointer (RemoveStale), or a new
// server listens in its place.
func TestLongIndexPathStale(t *testing.T) {
	dir := longIndexDir(t, t.TempDir())
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	x := openIndex(t, dir)

	sock := leaveSocket(t, dir)
	dialStale(t, dir, sock)
	if err := RemoveStale(dir); err != nil {
		t.Fatal(err)
	}
	gone(t, "stale socket", sock)
	gone(t, "stale socket folder", filepath.Dir(sock))
	gone(t, "stale pointer file", filepath.Join(dir, PointerName))

	sock = leaveSocket(t, dir)
	l, err := (&Server{Index: x}).Listen(t.Context())
	if err != nil {
		t.Fatalf("listen over a stale socket: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	if l.Path() != sock {
		t.Errorf("listens on %s, want %s", l.Path(), sock)
	}
	if _, err := mustDial(t, dir).Documents(t.Context()); err != nil {
		t.Fatal(err)
	}
}

// A pointer file is followed only to this index's own private folder: a
// pointer copied into another index, or naming something else, leads to
// no server; a folder other users may open is refused by the client and
// the server; a folder of another user says whose it is.
func TestLongIndexPathGuards(t *testing.T) {
	base := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	dir := longIndexDir(t, filepath.Join(base, "a"))
	x := openIndex(t, dir)
	l, err := (&Server{Index: x}).Listen(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	folder := filepath.Dir(l.Path())
	other := longIndexDir(t, filepath.Join(base, "b"))
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	uid := getuid()

	for _, tc := range []struct {
		name string
		// pointer is written to the other index's pointer file ("" for
		// none); dial is the index dialled.
		pointer, dial string
		// before changes things before the dial; it returns what undoes it.
		before    func(t *testing.T) func()
		want      error
		wantWords string
	}{
		{name: "own", dial: dir},
		{name: "copied pointer", pointer: l.Path() + "\n", dial: other, want: ErrNoServer},
		{name: "pointer to a file", pointer: "/etc/passwd", dial: other, want: ErrNoServer},
		{name: "pointer to a relative path", pointer: ShortDirPrefix + "x/" + SocketName, dial: other, want: ErrNoServer},
		{name: "open folder", dial: dir, wantWords: "may be opened by other users",
			before: func(t *testing.T) func() {
				if err := os.Chmod(folder, 0o755); err != nil {
					t.Fatal(err)
				}
				return func() { os.Chmod(folder, 0o700) }
			}},
		{name: "another user's folder", dial: dir, want: fs.ErrPermission, wantWords: "served by a bot running as another user",
			before: func(t *testing.T) func() {
				getuid = func() int { return uid + 1 }
				return func() { getuid = os.Getuid }
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(filepath.Join(other, PointerName))
			if tc.pointer != "" {
				if err := os.WriteFile(filepath.Join(other, PointerName), []byte(tc.pointer), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tc.before != nil {
				defer tc.before(t)()
			}
			c, err := Dial(t.Context(), tc.dial)
			if err == nil {
				defer c.Close()
			}
			switch {
			case tc.want == nil && tc.wantWords == "":
				if err != nil {
					t.Fatalf("dial: %v", err)
				}
				if _, err := c.Documents(t.Context()); err != nil {
					t.Error(err)
				}
			case err == nil:
				t.Fatalf("dial: connected, want %v %q", tc.want, tc.wantWords)
			case tc.want != nil && !errors.Is(err, tc.want), !strings.Contains(err.Error(), tc.wantWords):
				t.Errorf("dial: %v, want %v %q", err, tc.want, tc.wantWords)
			}
		})
	}

	// A server does not use a socket folder others may open.
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(folder, 0o755); err != nil { // whatever the umask
		t.Fatal(err)
	}
	if _, err := (&Server{Index: x}).Listen(t.Context()); err == nil || !strings.Contains(err.Error(), "may be opened by other users") {
		t.Errorf("listen with an open socket folder: %v", err)
	}
}
