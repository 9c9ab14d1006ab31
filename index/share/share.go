// Package share lets several processes of one user use one index at once.
//
// An index can be open in one process only (its files are locked), and the
// Slack bot keeps its index open for as long as it runs. So the process
// that holds the index serves it to the others: a Server listens on a Unix
// socket inside the index folder (SocketName, permission 0600, so only the
// user who owns it can connect) and answers small JSON requests over HTTP
// on it: search, list the papers, count the passages, ingest files and
// remove a paper. A Client, got with Dial, asks it. Dial returns
// ErrNoServer when nothing listens (no socket, or a socket left by a
// process that died); the caller then opens the index itself. Papers
// ingested through the server are searchable by the server's own users as
// soon as the ingest returns: there is one index writer, in one process.
//
// An index whose folder's path is too long for a Unix socket is served on
// a socket in a short private folder instead (permission 0700, in
// $XDG_RUNTIME_DIR or the temporary folder, named by a hash of the
// index's absolute path and the user's ID); the file PointerName in the
// index folder says where, and Dial uses it only when that folder is the
// user's own, private and this index's.
//
// The socket is removed when the server stops. A socket left by a process
// that was killed is removed by the next holder of the index (Listen, or
// RemoveStale after opening the index): holding the index's lock proves no
// server owns it. A client never removes a socket.
package share

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// SocketName is the name of the socket file inside the index folder.
const SocketName = "scrutineer.sock"

// SocketPath is the socket of the index in dir, inside its folder. An
// index whose folder's path is too long for that is served elsewhere (see
// Server.Listen); Listener.Path says where.
func SocketPath(dir string) string { return filepath.Join(dir, SocketName) }

// maxSocketPath is the longest socket path every Unix accepts (the sun_path
// field holds 104 bytes on BSD and macOS, 108 on Linux, with the NUL).
const maxSocketPath = 103

// ErrNoServer is returned by Dial when no process serves the index: the
// caller may open it itself.
var ErrNoServer = errors.New("no process serves the index")

// ErrNotAnswering is returned (wrapped) by Dial when a process listens on
// the socket but does not answer in time.
var ErrNotAnswering = errors.New("the process serving the index does not answer")

// The requests' paths.
const (
	pathHello     = "/v1/hello"
	pathSearch    = "/v1/search"
	pathDocuments = "/v1/documents"
	pathPassages  = "/v1/passages"
	pathIngest    = "/v1/ingest"
	pathCancel    = "/v1/cancel"
	pathRemove    = "/v1/remove"
	pathResolve   = "/v1/resolve"
	pathItem      = "/v1/item"
	pathPages     = "/v1/pages"
)

// hello is the server's answer to a new client: which index it serves,
// built with which analysis version.
type hello struct {
	Index   string `json:"index"`
	Version string `json:"version"`
	PID     int    `json:"pid"`
}

// ingestRequest asks the server to ingest files.
type ingestRequest struct {
	// ID names the request so that a cancel can name it.
	ID string `json:"id"`
	// Paths are absolute: the server runs in another folder.
	Paths []string `json:"paths"`
	// Options are the caller's, but for Themer and Progress (functions,
	// which the server supplies).
	Options index.IngestOptions `json:"options"`
	// Bank is the absolute path of a file of local lines of enquiry that
	// give passages their themes; "" for the built-in bank.
	Bank string `json:"bank,omitempty"`
	// Seen are the paths the client can see. One the server cannot see
	// means the two see different files (another container, another
	// mount): the server refuses rather than skip it as missing.
	Seen []string `json:"seen,omitempty"`
}

// ingestFrame is one line of an ingest's answer: progress after each
// file, then the summary with the error, if any.
type ingestFrame struct {
	Progress *index.Progress `json:"progress,omitempty"`
	Summary  *index.Summary  `json:"summary,omitempty"`
	// TookNS is Summary.Took, which the summary's JSON gives only in
	// whole milliseconds.
	TookNS int64      `json:"took_ns,omitempty"`
	Error  *wireError `json:"error,omitempty"`
}

type cancelRequest struct {
	ID string `json:"id"`
}

type removeRequest struct {
	Source string `json:"source"`
	// Shared is the packs folder the caller named, "" for the server's.
	Shared string `json:"shared,omitempty"`
}

// removeReply says which paper a remove took out ("name [ID]").
type removeReply struct {
	Removed string `json:"removed"`
}

// resolveRequest names a paper as Resolve reads a reference.
type resolveRequest struct {
	Ref string `json:"ref"`
}

// itemRequest names an agenda item of a paper.
type itemRequest struct {
	Ref    string `json:"ref"`
	Number string `json:"number"`
}

// itemReply is an agenda item, its passages (which an item's JSON leaves
// out), and its paper's record.
type itemReply struct {
	Item     *corpus.Item        `json:"item"`
	Passages []corpus.Passage    `json:"passages"`
	Document *index.DocumentInfo `json:"document"`
}

type passageCount struct {
	Passages uint64 `json:"passages"`
}

// Kinds of error, so that a client's caller can test them with errors.Is
// as if it had called the index itself.
const (
	kindQuery    = "query"
	kindNotFound = "not_found"
	kindClosed   = "closed"
	kindCanceled = "canceled"
	kindDeadline = "deadline"
	kindRequest  = "request"
	// kindAmbiguous carries the papers a reference fits, so the client
	// gives its caller an *index.AmbiguousError.
	kindAmbiguous = "ambiguous"
)

var kinds = []struct {
	name string
	err  error
}{
	{kindQuery, index.ErrQuery},
	{kindNotFound, index.ErrNotFound},
	{kindClosed, index.ErrClosed},
	{kindCanceled, context.Canceled},
	{kindDeadline, context.DeadlineExceeded},
}

// wireError is an error as the server sends it.
type wireError struct {
	Message string `json:"message"`
	Kind    string `json:"kind,omitempty"`
	// Ref and Papers are an ambiguous reference and the papers it fits.
	Ref    string               `json:"ref,omitempty"`
	Papers []index.DocumentInfo `json:"papers,omitempty"`
}

// toWire is err as sent; nil for nil.
func toWire(err error) *wireError {
	if err == nil {
		return nil
	}
	w := &wireError{Message: err.Error()}
	var amb *index.AmbiguousError
	if errors.As(err, &amb) {
		w.Kind, w.Ref, w.Papers = kindAmbiguous, amb.Ref, amb.Papers
		return w
	}
	for _, k := range kinds {
		if errors.Is(err, k.err) {
			w.Kind = k.name
			break
		}
	}
	return w
}

// RemoteError is an error the server answered with. Its message is the
// server's; it wraps the index's sentinel error (index.ErrQuery,
// index.ErrNotFound, ...) the server's error wrapped.
type RemoteError struct {
	Message string
	kind    error
}

func (e *RemoteError) Error() string { return e.Message }

// Unwrap returns the sentinel error the server's error wrapped, or nil.
func (e *RemoteError) Unwrap() error { return e.kind }

// fromWire is the error w stands for, as the index returned it.
func fromWire(dir string, w *wireError) error {
	if w == nil {
		return nil
	}
	if w.Kind == kindAmbiguous {
		return &index.AmbiguousError{Ref: w.Ref, Papers: w.Papers}
	}
	e := &RemoteError{Message: w.Message}
	for _, k := range kinds {
		if k.name == w.Kind {
			e.kind = k.err
		}
	}
	if w.Kind == kindClosed {
		return fmt.Errorf("the bot serving index %s is stopping: try again once it has stopped or restarted: %w", dir, e)
	}
	return e
}
