package share

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// maxRequestBytes bounds a request's body: a query, or the paths of an
// ingest (thousands of them fit).
const maxRequestBytes = 4 << 20

// stopWait is how long Close waits for requests in flight once they are
// told to stop (an ingest stops after the file in hand).
const stopWait = 30 * time.Second

// Server serves one open index to the other processes of its user.
type Server struct {
	// Index is the open index served.
	Index *bleveindex.Index
	// Themer returns the themer for an ingest asked with the bank file
	// bank ("" for the built-in bank), as the command line would make it;
	// nil ingests without themes.
	Themer func(bank string) (index.Themer, error)
	// Remove takes the paper source out of the index and out of the packs
	// folder shared ("" for the server's own), with the error wrapping
	// index.ErrNotFound when there is no such paper; nil removes from the
	// index only.
	Remove func(ctx context.Context, ref, shared string) (string, error)
	// Ingested, when set, is called after an ingest that added or changed
	// papers (the bot tells its saved searches' channels).
	Ingested func(index.Summary)
	// Log gets a line for each request that failed; nil discards them.
	Log *slog.Logger

	mu      sync.Mutex
	running map[string]context.CancelFunc // ingests by request ID
}

// Listener is a Server listening on its socket.
type Listener struct {
	path string
	// dir is the index folder; pointer is set when the socket is outside
	// it, in a private folder its pointer file names.
	dir     string
	pointer bool
	srv     *http.Server
	cancel  context.CancelFunc
	done    chan error
	once    sync.Once
	err     error
}

// Listen removes a socket left by a process that died (the caller holds
// the index, so no live process owns it), listens on the index's socket
// with permission 0600 and serves requests until Close. The requests'
// contexts end when ctx does.
//
// The socket is SocketPath(s.Index.Dir()), in the index folder. When that
// path is longer than a Unix socket allows, the socket is made in a
// private folder (permission 0700, named by a hash of the index's
// absolute path and the user's ID) in $XDG_RUNTIME_DIR or the temporary
// folder, and the pointer file PointerName in the index folder says where
// it is; Dial finds it there. Close removes the socket, its folder and
// the pointer file.
func (s *Server) Listen(ctx context.Context) (*Listener, error) {
	if s.Index == nil {
		return nil, errors.New("share an index: no index")
	}
	dir := s.Index.Dir()
	path := SocketPath(dir)
	abs, err := canonical(dir)
	if err != nil {
		return nil, fmt.Errorf("share index %s: %w", dir, err)
	}
	given, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("share index %s: %w", dir, err)
	}
	// The socket must fit by the folder's name as given and as resolved.
	pointer := len(given) > maxSocketPath || len(filepath.Join(abs, SocketName)) > maxSocketPath
	if pointer {
		if path, err = shortSocket(abs); err != nil {
			return nil, fmt.Errorf("share index %s: %w", dir, err)
		}
		if err := makePrivateDir(filepath.Dir(path)); err != nil {
			return nil, fmt.Errorf("share index %s: %w", dir, err)
		}
	} else if err := removePointer(dir, ""); err != nil {
		// Left by a server of the index when it was at a longer path.
		return nil, fmt.Errorf("share index %s: %w", dir, err)
	}
	if err := removeSocket(path); err != nil {
		return nil, fmt.Errorf("share index %s: %w", dir, err)
	}
	ln, err := listenPrivate(path)
	if err != nil {
		return nil, fmt.Errorf("share index %s: %w", dir, err)
	}
	if pointer {
		if err := writePointer(dir, path); err != nil {
			ln.Close()
			_ = removeShort(dir, path)
			return nil, fmt.Errorf("share index %s: %w", dir, err)
		}
	}
	base, cancel := context.WithCancel(ctx)
	l := &Listener{
		path:    path,
		dir:     dir,
		pointer: pointer,
		cancel:  cancel,
		done:    make(chan error, 1),
		srv: &http.Server{
			Handler:           s.handler(),
			ReadHeaderTimeout: 10 * time.Second,
			BaseContext:       func(net.Listener) context.Context { return base },
		},
	}
	go func() { l.done <- l.srv.Serve(ln) }()
	return l, nil
}

// listenPrivate listens on a Unix socket at path that only its owner may
// connect to: it is made under a temporary name, given permission 0600
// and then renamed into place, so it is never reachable with wider
// permission.
func listenPrivate(path string) (*net.UnixListener, error) {
	tmp := filepath.Join(filepath.Dir(path), fmt.Sprintf(".sock%d", os.Getpid()))
	_ = os.Remove(tmp)
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: tmp, Net: "unix"})
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	ln.SetUnlinkOnClose(false)
	if err := os.Chmod(tmp, 0o600); err != nil {
		ln.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		ln.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	return ln, nil
}

// Path is the socket's path: in the index folder, or in its private
// folder outside it (see Listen).
func (l *Listener) Path() string { return l.path }

// Close stops listening, tells the requests in flight to stop (an ingest
// keeps the files it has read), waits for them a while and removes the
// socket (and, for a socket outside the index folder, its folder and the
// pointer file). Calls after the first return its error.
func (l *Listener) Close() error {
	l.once.Do(func() { l.err = l.close() })
	return l.err
}

func (l *Listener) close() error {
	l.cancel()
	ctx, cancel := context.WithTimeout(context.Background(), stopWait)
	defer cancel()
	err := l.srv.Shutdown(ctx)
	if err != nil {
		l.srv.Close()
	}
	<-l.done
	var rerr error
	if l.pointer {
		rerr = errors.Join(removePointer(l.dir, l.path), removeShort(l.dir, l.path))
	} else {
		rerr = removeSocket(l.path)
	}
	if err = errors.Join(err, rerr); err != nil {
		return fmt.Errorf("stop sharing %s: %w", l.dir, err)
	}
	return nil
}

// RemoveStale removes the socket of the index in dir, if there is one: in
// the index folder, or in its private folder outside it (with that folder
// and the pointer file). Call it only while holding the index: then no
// live process owns the socket.
func RemoveStale(dir string) error {
	errs := []error{removeSocket(SocketPath(dir))}
	var socks []string
	if sock, err := readPointer(dir); err == nil {
		socks = append(socks, sock)
	}
	if abs, err := canonical(dir); err == nil {
		socks = append(socks, shortSockets(abs)...)
	}
	for _, sock := range socks {
		errs = append(errs, removeShort(dir, sock))
	}
	errs = append(errs, removePointer(dir, ""))
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("remove the old socket of %s: %w", dir, err)
	}
	return nil
}

// removeSocket removes the socket at path; nothing there is not an error,
// and a file there that is not a socket is left alone.
func removeSocket(path string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("remove old socket: %w", err)
	}
	if fi.Mode()&fs.ModeSocket == 0 {
		return fmt.Errorf("%s is in the way of the socket and is not one: move it away", path)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove old socket: %w", err)
	}
	return nil
}

func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+pathHello, func(w http.ResponseWriter, r *http.Request) {
		s.reply(w, r, hello{Index: s.Index.Dir(), Version: bleveindex.AnalysisVersion, PID: os.Getpid()}, nil)
	})
	mux.HandleFunc("POST "+pathSearch, func(w http.ResponseWriter, r *http.Request) {
		var q index.Query
		if !s.decode(w, r, &q) {
			return
		}
		res, err := s.Index.Search(r.Context(), q)
		s.reply(w, r, res, err)
	})
	mux.HandleFunc("GET "+pathDocuments, func(w http.ResponseWriter, r *http.Request) {
		docs, err := s.Index.Documents(r.Context())
		s.reply(w, r, docs, err)
	})
	mux.HandleFunc("GET "+pathPassages, func(w http.ResponseWriter, r *http.Request) {
		n, err := s.Index.Passages()
		s.reply(w, r, passageCount{Passages: n}, err)
	})
	mux.HandleFunc("POST "+pathRemove, func(w http.ResponseWriter, r *http.Request) {
		var req removeRequest
		if !s.decode(w, r, &req) {
			return
		}
		removed, err := req.Source, error(nil)
		if s.Remove != nil {
			removed, err = s.Remove(r.Context(), req.Source, req.Shared)
		} else {
			err = s.Index.Delete(r.Context(), req.Source)
		}
		s.reply(w, r, removeReply{Removed: removed}, err)
	})
	mux.HandleFunc("POST "+pathResolve, func(w http.ResponseWriter, r *http.Request) {
		var req resolveRequest
		if !s.decode(w, r, &req) {
			return
		}
		d, err := s.Index.Resolve(r.Context(), req.Ref)
		s.reply(w, r, d, err)
	})
	mux.HandleFunc("POST "+pathItem, func(w http.ResponseWriter, r *http.Request) {
		var req itemRequest
		if !s.decode(w, r, &req) {
			return
		}
		it, d, err := s.Index.Item(r.Context(), req.Ref, req.Number)
		rep := itemReply{Item: it, Document: d}
		if it != nil {
			rep.Passages = it.Passages
		}
		s.reply(w, r, rep, err)
	})
	mux.HandleFunc("POST "+pathPages, func(w http.ResponseWriter, r *http.Request) {
		var req resolveRequest
		if !s.decode(w, r, &req) {
			return
		}
		pages, err := s.Index.Pages(r.Context(), req.Ref)
		s.reply(w, r, index.PageTexts(pages), err)
	})
	mux.HandleFunc("POST "+pathIngest, s.ingest)
	mux.HandleFunc("POST "+pathCancel, func(w http.ResponseWriter, r *http.Request) {
		var req cancelRequest
		if !s.decode(w, r, &req) {
			return
		}
		s.mu.Lock()
		if cancel := s.running[req.ID]; cancel != nil {
			cancel()
		}
		s.mu.Unlock()
		s.reply(w, r, struct{}{}, nil)
	})
	return mux
}

// decode reads a request's JSON body into v, or answers 400 and reports
// false.
func (s *Server) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	err := json.NewDecoder(io.LimitReader(r.Body, maxRequestBytes)).Decode(v)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, &wireError{Message: "read the request: " + err.Error(), Kind: kindRequest})
		return false
	}
	return true
}

// reply answers v as JSON, or err.
func (s *Server) reply(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		status := http.StatusInternalServerError
		we := toWire(err)
		switch we.Kind {
		case kindQuery:
			status = http.StatusBadRequest
		case kindNotFound:
			status = http.StatusNotFound
		case kindClosed:
			status = http.StatusServiceUnavailable
		}
		s.fail(w, r, status, we)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		s.logf(r, "write the answer", err)
	}
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, we *wireError) {
	if status >= 500 {
		s.logf(r, "request failed", errors.New(we.Message))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(we)
}

func (s *Server) logf(r *http.Request, msg string, err error) {
	if s.Log != nil {
		s.Log.Warn("index socket: "+msg, "path", r.URL.Path, "err", err)
	}
}

// ingest runs an ingest, answering a line of JSON after each file and a
// last one with the summary. It stops, keeping what it has read, when the
// client goes away, cancels it by its ID or the server stops.
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	var req ingestRequest
	if !s.decode(w, r, &req) {
		return
	}
	for _, p := range append([]string{req.Bank}, req.Paths...) {
		if p != "" && !filepath.IsAbs(p) {
			s.fail(w, r, http.StatusBadRequest, &wireError{Message: fmt.Sprintf("ingest: path %q is not absolute", p), Kind: kindRequest})
			return
		}
	}
	for _, p := range req.Seen {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			s.fail(w, r, http.StatusBadRequest, &wireError{Kind: kindRequest, Message: fmt.Sprintf(
				"the bot serving index %s cannot see %s, which this command can: it runs in another container or sees another mount; "+
					"put the papers where the bot can read them too, or stop the bot and ingest again", s.Index.Dir(), p)})
			return
		}
	}
	opts := req.Options
	opts.Themer, opts.Progress = nil, nil
	if s.Themer != nil {
		th, err := s.Themer(req.Bank)
		if err != nil {
			s.fail(w, r, http.StatusBadRequest, &wireError{Message: err.Error(), Kind: kindRequest})
			return
		}
		opts.Themer = th
	}
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	if req.ID != "" {
		s.mu.Lock()
		if s.running == nil {
			s.running = map[string]context.CancelFunc{}
		}
		s.running[req.ID] = cancel
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			delete(s.running, req.ID)
			s.mu.Unlock()
		}()
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(w)
	flush := func() {
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
	}
	opts.Progress = func(p index.Progress) {
		_ = enc.Encode(ingestFrame{Progress: &p})
		flush()
	}
	sum, err := s.Index.IngestPaths(ctx, req.Paths, opts)
	if err != nil && !errors.Is(err, context.Canceled) {
		s.logf(r, "ingest failed", err)
	}
	if err := enc.Encode(ingestFrame{Summary: &sum, TookNS: int64(sum.Took), Error: toWire(err)}); err != nil {
		s.logf(r, "write the answer", err)
	}
	flush()
	if s.Ingested != nil && sum.Added+sum.Updated > 0 {
		s.Ingested(sum)
	}
}
