package share

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// Timeouts of a client.
const (
	// DialTimeout bounds connecting to the socket and the server's first
	// answer.
	DialTimeout = 5 * time.Second
	// DefaultTimeout bounds each call but an ingest, which runs until it
	// is done or its context ends.
	DefaultTimeout = 2 * time.Minute
	// cancelWait is how long an ingest's caller waits, after its context
	// ends, for the server to stop at a safe point and say what it kept.
	cancelWait = 30 * time.Second
)

// Client asks the process that serves an index. Its methods are safe for
// concurrent use.
type Client struct {
	dir  string
	sock string
	hc   *http.Client
	// Timeout bounds each call but an ingest; 0 means none but the
	// context's. Dial sets DefaultTimeout.
	Timeout time.Duration
}

// Dial connects to the process serving the index in dir. It returns
// ErrNoServer when none does: no socket, or a socket nothing listens on
// (left by a process that died). It returns an error when the server
// answers but was built with another analysis version than this program.
func Dial(ctx context.Context, dir string) (*Client, error) {
	return dial(ctx, dir, DialTimeout)
}

// dial is Dial with the time the server has to answer.
func dial(ctx context.Context, dir string, wait time.Duration) (*Client, error) {
	sock, err := locate(dir)
	if err != nil {
		return nil, err
	}
	c := newClient(dir, sock)
	hctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	var h hello
	if err := c.call(hctx, http.MethodGet, pathHello, nil, &h); err != nil {
		c.Close()
		switch {
		case noListener(err):
			return nil, ErrNoServer
		case errors.Is(err, fs.ErrPermission):
			return nil, fmt.Errorf("index %s is served by a bot running as another user, and only that user may use its socket %s: run this command as that user: %w", dir, sock, fs.ErrPermission)
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case hctx.Err() != nil:
			return nil, fmt.Errorf("index %s: a process listens on %s but did not answer within %s; if the bot is stuck, restart it: %w", dir, sock, wait, ErrNotAnswering)
		}
		return nil, err
	}
	if h.Version != bleveindex.AnalysisVersion {
		c.Close()
		return nil, fmt.Errorf("index %s is served by a bot (process %d) built with analysis version %s, this program has %s: %w; use the same version of scrutineer for both",
			dir, h.PID, h.Version, bleveindex.AnalysisVersion, index.ErrVersion)
	}
	return c, nil
}

// locate finds the socket of the index in dir: in the index folder, or,
// for an index whose folder's path is too long for a socket, where its
// pointer file says (see Server.Listen), when that is the private folder
// of this index and this user. It returns ErrNoServer when there is no
// socket, and an error wrapping fs.ErrPermission when the socket is in
// another user's folder.
func locate(dir string) (string, error) {
	sock := SocketPath(dir)
	if isSocket(sock) {
		return sock, nil
	}
	sock, err := readPointer(dir)
	if err != nil {
		// No pointer, or one no server wrote: nothing to connect to.
		return "", ErrNoServer
	}
	switch err := ownShortSocket(dir, sock); {
	case errors.Is(err, errOtherUser):
		return "", fmt.Errorf("index %s is served by a bot running as another user, and only that user may use its socket %s: run this command as that user: %w", dir, sock, fs.ErrPermission)
	case errors.Is(err, fs.ErrNotExist):
		// Left by a server that stopped (the folder emptied at logout or
		// a restart), or by the index at another path.
		return "", ErrNoServer
	case err != nil:
		return "", fmt.Errorf("index %s: %w", dir, err)
	}
	if !isSocket(sock) {
		return "", ErrNoServer
	}
	return sock, nil
}

// isSocket reports whether there is a socket at path.
func isSocket(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode()&fs.ModeSocket != 0
}

// newClient is a client of the socket sock of the index in dir.
func newClient(dir, sock string) *Client {
	return &Client{dir: dir, sock: sock, Timeout: DefaultTimeout, hc: &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", sock)
		},
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     30 * time.Second,
	}}}
}

// noListener reports whether err says nothing listens on the socket.
func noListener(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT)
}

// Dir is the index folder, as given to Dial.
func (c *Client) Dir() string { return c.dir }

// Close lets go of the client's idle connections.
func (c *Client) Close() error {
	c.hc.CloseIdleConnections()
	return nil
}

// Search runs q on the served index.
func (c *Client) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	var res index.Results
	if err := c.call(ctx, http.MethodPost, pathSearch, q, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// Documents lists the served index's papers, as bleveindex.Index.Documents.
func (c *Client) Documents(ctx context.Context) ([]index.DocumentInfo, error) {
	var docs []index.DocumentInfo
	if err := c.call(ctx, http.MethodGet, pathDocuments, nil, &docs); err != nil {
		return nil, err
	}
	return docs, nil
}

// Passages returns how many passages the served index holds.
func (c *Client) Passages(ctx context.Context) (uint64, error) {
	var n passageCount
	if err := c.call(ctx, http.MethodGet, pathPassages, nil, &n); err != nil {
		return 0, err
	}
	return n.Passages, nil
}

// Resolve finds the one paper ref names, as the index's Resolve does: an
// error wrapping index.ErrNotFound when none fits, an
// *index.AmbiguousError when several do.
func (c *Client) Resolve(ctx context.Context, ref string) (*index.DocumentInfo, error) {
	var d index.DocumentInfo
	if err := c.call(ctx, http.MethodPost, pathResolve, resolveRequest{Ref: ref}, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

// Item returns the agenda item numbered number of the paper ref names,
// with its passages, and the paper's record, as the index's Item does.
func (c *Client) Item(ctx context.Context, ref, number string) (*corpus.Item, *index.DocumentInfo, error) {
	var r itemReply
	if err := c.call(ctx, http.MethodPost, pathItem, itemRequest{Ref: ref, Number: number}, &r); err != nil {
		return nil, nil, err
	}
	if r.Item == nil || r.Document == nil {
		return nil, nil, fmt.Errorf("the bot serving index %s sent no item %s of %s: %w", c.dir, number, ref, index.ErrNotFound)
	}
	r.Item.Passages = r.Passages
	return r.Item, r.Document, nil
}

// Pages returns the pages of the paper ref names, as the index's Pages
// does: the error wraps index.ErrNotFound when there is no such paper or
// the index has not kept its pages.
func (c *Client) Pages(ctx context.Context, ref string) ([]corpus.Page, error) {
	var ps []index.PageText
	if err := c.call(ctx, http.MethodPost, pathPages, resolveRequest{Ref: ref}, &ps); err != nil {
		return nil, err
	}
	return index.Pages(ps), nil
}

// Remove takes the paper ref names out of the served index and the packs
// folder shared ("" for the server's own), and says which paper it was;
// the error wraps index.ErrNotFound when there is no such paper.
func (c *Client) Remove(ctx context.Context, ref, shared string) (string, error) {
	if shared != "" {
		abs, err := filepath.Abs(shared)
		if err != nil {
			return "", fmt.Errorf("remove %s: %w", ref, err)
		}
		shared = abs
	}
	var r removeReply
	if err := c.call(ctx, http.MethodPost, pathRemove, removeRequest{Source: ref, Shared: shared}, &r); err != nil {
		return "", err
	}
	return r.Removed, nil
}

// Ingest has the server ingest paths (files and folders, made absolute
// here) with opts, as bleveindex.Index.IngestPaths; the themes come from the
// bank file bank ("" for the built-in bank), read by the server, and
// opts.Themer is not used. opts.Progress is called after each file. When
// ctx ends the server is asked to stop after the file in hand, and the
// summary of what it kept is returned with ctx's error.
func (c *Client) Ingest(ctx context.Context, paths []string, opts index.IngestOptions, bank string) (index.Summary, error) {
	req := ingestRequest{ID: newID(), Options: opts}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p // the server reports it as skipped
		}
		req.Paths = append(req.Paths, abs)
		if _, err := os.Stat(abs); err == nil {
			req.Seen = append(req.Seen, abs)
		}
	}
	if bank != "" {
		abs, err := filepath.Abs(bank)
		if err != nil {
			return index.Summary{}, fmt.Errorf("bank %s: %w", bank, err)
		}
		req.Bank = abs
	}
	// The request outlives ctx by a little, so that after a cancel the
	// server can say what it kept.
	rctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	defer stop()
	go func() {
		select {
		case <-rctx.Done():
			return
		case <-ctx.Done():
		}
		cctx, cancel := context.WithTimeout(rctx, DialTimeout)
		err := c.call(cctx, http.MethodPost, pathCancel, cancelRequest{ID: req.ID}, nil)
		cancel()
		if err != nil {
			stop()
			return
		}
		select {
		case <-rctx.Done():
		case <-time.After(cancelWait):
			stop()
		}
	}()
	resp, err := c.do(rctx, http.MethodPost, pathIngest, req)
	if err != nil {
		return index.Summary{}, c.callErr(ctx, err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), maxRequestBytes)
	for sc.Scan() {
		var f ingestFrame
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			return index.Summary{}, fmt.Errorf("read the answer of the bot serving index %s: %w", c.dir, err)
		}
		if f.Progress != nil && opts.Progress != nil {
			opts.Progress(*f.Progress)
		}
		if f.Summary != nil {
			sum := *f.Summary
			sum.Took = time.Duration(f.TookNS)
			return sum, fromWire(c.dir, f.Error)
		}
	}
	err = sc.Err()
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return index.Summary{}, c.callErr(ctx, err)
}

// call sends in (when not nil) as JSON and decodes the answer into out
// (when not nil), within c.Timeout.
func (c *Client) call(ctx context.Context, method, path string, in, out any) error {
	tctx := ctx
	if c.Timeout > 0 {
		var cancel context.CancelFunc
		tctx, cancel = context.WithTimeout(ctx, c.Timeout)
		defer cancel()
	}
	resp, err := c.do(tctx, method, path, in)
	if err == nil {
		if out == nil {
			_, err = io.Copy(io.Discard, resp.Body)
		} else {
			err = json.NewDecoder(resp.Body).Decode(out)
		}
		resp.Body.Close()
	}
	if err != nil && ctx.Err() == nil && tctx.Err() != nil {
		return fmt.Errorf("the bot serving index %s did not answer within %s: it may be busy or stuck; try again, or restart it: %w", c.dir, c.Timeout, context.DeadlineExceeded)
	}
	if err != nil {
		return c.callErr(ctx, err)
	}
	return nil
}

// do sends one request and returns the answer when its status is 200;
// any other status is the server's error.
func (c *Client) do(ctx context.Context, method, path string, in any) (*http.Response, error) {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return nil, fmt.Errorf("ask the bot serving index %s: %w", c.dir, err)
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, "http://scrutineer"+path, body)
	if err != nil {
		return nil, err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusOK {
		return resp, nil
	}
	defer resp.Body.Close()
	var we wireError
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if json.Unmarshal(data, &we) != nil || we.Message == "" {
		we = wireError{Message: fmt.Sprintf("the bot serving index %s answered %s", c.dir, resp.Status)}
	}
	return nil, fromWire(c.dir, &we)
}

// callErr explains an error in talking to the server: the server's own
// errors as they are, ctx's end as ctx's error, the rest with what to do.
func (c *Client) callErr(ctx context.Context, err error) error {
	var re *RemoteError
	switch {
	case errors.As(err, &re):
		return err
	case ctx.Err() != nil:
		return ctx.Err()
	case noListener(err):
		return fmt.Errorf("the bot serving index %s has stopped (socket %s): run the command again and it will open the index itself: %w", c.dir, c.sock, err)
	}
	return fmt.Errorf("lost the bot serving index %s (socket %s): %w; check that it is still running (its log says why) and try again", c.dir, c.sock, err)
}

// newID is a random request ID.
func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
