package index

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors callers can test with errors.Is.
var (
	// ErrInUse is returned when another process (or another Open in this
	// one) holds the index.
	ErrInUse = errors.New("in use by another process")
	// ErrVersion is returned for an index built with a different analysis
	// chain; it must be rebuilt (remove the folder and ingest again).
	ErrVersion = errors.New("index was built with a different analysis version")
	// ErrNoIndex is returned by a backend's Open without Create when
	// there is no index.
	ErrNoIndex = errors.New("no index")
	// ErrNotFound is returned when a file or item is not in the index.
	ErrNotFound = errors.New("not found")
	// ErrClosed is returned by calls on a closed index.
	ErrClosed = errors.New("index is closed")
)

// ErrQuery is returned (wrapped, with what is wrong) for a query that
// cannot be read; a caller shows the message as it is.
var ErrQuery = errors.New("cannot read the query")

// ErrAmbiguous is returned (wrapped in an *AmbiguousError) when a name
// given for a paper fits several papers.
var ErrAmbiguous = errors.New("names several papers")

// AmbiguousError tells which papers a reference fits; Papers has each
// one's ID, name, path and address (no items).
type AmbiguousError struct {
	Ref    string
	Papers []DocumentInfo
}

// Error lists the candidates by ID and path or address.
func (e *AmbiguousError) Error() string {
	var c []string
	for _, d := range e.Papers {
		where := d.Path
		if where == "" {
			where = d.URL
		}
		if where == "" {
			where = d.Source
		}
		c = append(c, d.ID+" ("+where+")")
	}
	return fmt.Sprintf("%q %s (%d): give the ID or the path of the one you mean: %s",
		e.Ref, ErrAmbiguous, len(e.Papers), strings.Join(c, ", "))
}

// Unwrap makes errors.Is(err, ErrAmbiguous) true.
func (e *AmbiguousError) Unwrap() error { return ErrAmbiguous }
