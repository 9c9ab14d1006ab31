package moderngov

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// UserAgent names the fetcher to the sites it reads.
const UserAgent = "Scrutineer/1 (+https://github.com/scrutineer/scrutineer; papers for councillors' scrutiny)"

// Client reads one ModernGov site. It makes one request at a time, waits
// Delay between requests, and retries a failed request (a network error,
// a timeout, 429 or a 5xx answer) up to Retries times with a growing pause,
// honouring Retry-After. It is safe for concurrent use; the requests still
// go one at a time.
type Client struct {
	// Base is the site's folder holding mgWebService.asmx
	// ("https://democracy.example.gov.uk/").
	Base *url.URL
	// HTTP makes the requests; its Timeout bounds each (self-hosted sites
	// can take a minute to answer).
	HTTP *http.Client
	// Delay is the pause between two requests to the site.
	Delay time.Duration
	// Retries is how many times a failed request is tried again.
	Retries int
	// MaxBytes bounds a response's body.
	MaxBytes int64

	one  sync.Mutex // held for a request, retries included: one at a time
	mu   sync.Mutex
	last time.Time
}

// Defaults of a Client.
const (
	DefaultDelay    = time.Second
	DefaultRetries  = 3
	DefaultTimeout  = 90 * time.Second
	DefaultMaxBytes = 200 << 20
)

// NewClient returns a client for the site at base ("democracy.example.gov.uk"
// or a full URL), with the defaults.
func NewClient(base string) (*Client, error) {
	if !strings.Contains(base, "://") {
		base = "https://" + base
	}
	u, err := url.Parse(base)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("site %q: want a web address such as democracy.example.gov.uk", base)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path = strings.TrimSuffix(u.Path, "mgWebService.asmx") + "/"
		u.Path = strings.ReplaceAll(u.Path, "//", "/")
	}
	return &Client{Base: u, HTTP: &http.Client{Timeout: DefaultTimeout}, Delay: DefaultDelay, Retries: DefaultRetries, MaxBytes: DefaultMaxBytes}, nil
}

// ErrHTTP is returned (wrapped) for an answer that is not a success.
var ErrHTTP = errors.New("the site answered with an error")

// Committees lists the site's committees.
func (c *Client) Committees(ctx context.Context) ([]Committee, error) {
	body, err := c.service(ctx, "GetCommittees", nil)
	if err != nil {
		return nil, err
	}
	return ParseCommittees(body)
}

// Meetings lists a committee's meetings between two dates.
func (c *Client) Meetings(ctx context.Context, committee int, from, to time.Time) ([]Meeting, error) {
	body, err := c.service(ctx, "GetMeetings", url.Values{
		"lCommitteeId": {strconv.Itoa(committee)}, "sFromDate": {from.Format("02/01/2006")}, "sToDate": {to.Format("02/01/2006")},
	})
	if err != nil {
		return nil, err
	}
	return ParseMeetings(body)
}

// Meeting reads a meeting and its papers.
func (c *Client) Meeting(ctx context.Context, id int) (Meeting, error) {
	body, err := c.service(ctx, "GetMeeting", url.Values{"lMeetingId": {strconv.Itoa(id)}})
	if err != nil {
		return Meeting{}, err
	}
	return ParseMeeting(body)
}

// service calls one of the web service's operations.
func (c *Client) service(ctx context.Context, op string, q url.Values) ([]byte, error) {
	u := c.Base.ResolveReference(&url.URL{Path: "mgWebService.asmx/" + op, RawQuery: q.Encode()})
	resp, err := c.get(ctx, u.String(), nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return c.read(resp, u.String())
}

func (c *Client) read(resp *http.Response, u string) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", u, err)
	}
	if int64(len(body)) > c.MaxBytes {
		return nil, fmt.Errorf("read %s: larger than %d MB", u, c.MaxBytes>>20)
	}
	return body, nil
}

// get fetches u politely, with the given extra headers; it returns a
// response with status 200 or 304 (the caller closes its body), or an
// error after the retries.
func (c *Client) get(ctx context.Context, u string, header http.Header) (*http.Response, error) {
	c.one.Lock()
	defer c.one.Unlock()
	var last error
	for attempt := 0; attempt <= c.Retries; attempt++ {
		if err := c.wait(ctx, attempt, last); err != nil {
			return nil, err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, fmt.Errorf("request %s: %w", u, err)
		}
		req.Header.Set("User-Agent", UserAgent)
		for k, vs := range header {
			req.Header[k] = vs
		}
		resp, err := c.HTTP.Do(req)
		c.mu.Lock()
		c.last = time.Now()
		c.mu.Unlock()
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			last = fmt.Errorf("get %s: %w", u, err)
			continue
		}
		switch {
		case resp.StatusCode == http.StatusOK, resp.StatusCode == http.StatusNotModified:
			return resp, nil
		case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
			last = &retryAfter{err: fmt.Errorf("get %s: %w: %s", u, ErrHTTP, resp.Status), after: retryAfterOf(resp)}
			resp.Body.Close()
		default:
			resp.Body.Close()
			return nil, fmt.Errorf("get %s: %w: %s", u, ErrHTTP, resp.Status)
		}
	}
	var ra *retryAfter
	if errors.As(last, &ra) {
		return nil, ra.err
	}
	return nil, last
}

// wait holds a request until Delay has passed since the last one, and
// before a retry for a growing pause (or the site's Retry-After).
func (c *Client) wait(ctx context.Context, attempt int, last error) error {
	c.mu.Lock()
	d := c.Delay - time.Since(c.last)
	c.mu.Unlock()
	if attempt > 0 {
		back := c.Delay * time.Duration(1<<attempt)
		var ra *retryAfter
		if errors.As(last, &ra) && ra.after > back {
			back = ra.after
		}
		d = max(d, back)
	}
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryAfter is a failure the site asked to retry after a while.
type retryAfter struct {
	err   error
	after time.Duration
}

func (r *retryAfter) Error() string { return r.err.Error() }
func (r *retryAfter) Unwrap() error { return r.err }

// maxRetryAfter bounds how long a site may ask the fetcher to wait.
const maxRetryAfter = 5 * time.Minute

func retryAfterOf(resp *http.Response) time.Duration {
	s := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return min(time.Duration(n)*time.Second, maxRetryAfter)
	}
	if t, err := http.ParseTime(s); err == nil {
		return min(max(time.Until(t), 0), maxRetryAfter)
	}
	return 0
}
