package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// DefaultTimeout is how long Extract spends on one file when
// Options.Timeout is 0 and the caller's context has no earlier deadline.
// The largest real papers read in well under five seconds.
const DefaultTimeout = 60 * time.Second

// Budgets for one document. A sound file of the largest size the project
// accepts stays well inside them; a file built to make the reader work for
// ever runs out of one.
const (
	// maxInflatedBase plus inflatedPerByte for every byte of the file is
	// the most stream data decoded for one document (content, forms and
	// font maps, counted each time they are read). The real papers tried
	// decode to at most 5.1 times their size and 6 MB in all.
	maxInflatedBase = 128 << 20
	inflatedPerByte = 32
	// maxObjects is the most page-tree nodes, fonts and form calls
	// visited in one document.
	maxObjects = 1 << 20
	// maxPageRefs is the most /Kids entries walked in one page tree,
	// repeats included.
	maxPageRefs = 4 << 20
)

// budget counts the work done on one document and watches its deadline.
// Its checks sit inside the loops the package controls (page-tree walk,
// stream reads, content-stream interpretation). Once spent, every check
// fails with the same error.
type budget struct {
	ctx    context.Context // the caller's, with the per-file deadline
	parent context.Context // the caller's
	own    time.Duration   // the per-file deadline
	done   <-chan struct{}

	inflated, maxInflated int64
	objects               int
	pageRefs              int

	err error // why the work stopped; nil while there is budget left
}

func newBudget(parent, ctx context.Context, own time.Duration, fileSize int) *budget {
	return &budget{
		ctx:         ctx,
		parent:      parent,
		own:         own,
		done:        ctx.Done(),
		maxInflated: maxInflatedBase + inflatedPerByte*int64(fileSize),
	}
}

// stopped reports whether the budget is spent or the deadline passed.
func (b *budget) stopped() bool {
	if b == nil {
		return false
	}
	if b.err != nil {
		return true
	}
	select {
	case <-b.done:
		b.err = b.ctx.Err()
		return true
	default:
		return false
	}
}

// spend fails the budget with err (once: the first reason is kept).
func (b *budget) spend(err error) {
	if b != nil && b.err == nil {
		b.err = err
	}
}

// object counts one object visited.
func (b *budget) object() bool {
	if b == nil {
		return true
	}
	b.objects++
	if b.objects > maxObjects {
		b.spend(fmt.Errorf("%w: more than %d page-tree nodes, fonts and forms", ErrTooComplex, maxObjects))
	}
	return !b.stopped()
}

// pageRef counts one page-tree reference walked.
func (b *budget) pageRef() bool {
	if b == nil {
		return true
	}
	b.pageRefs++
	if b.pageRefs > maxPageRefs {
		b.spend(fmt.Errorf("%w: the page tree has more than %d references", ErrTooComplex, maxPageRefs))
		return false
	}
	if b.pageRefs&1023 == 0 {
		return !b.stopped()
	}
	return b.err == nil
}

// reader counts the bytes read through r against the inflation budget
// and stops at the deadline.
func (b *budget) reader(r io.Reader) io.Reader {
	if b == nil {
		return r
	}
	return &budgetReader{r: r, b: b}
}

type budgetReader struct {
	r io.Reader
	b *budget
}

func (br *budgetReader) Read(p []byte) (int, error) {
	if br.b.stopped() {
		return 0, br.b.err
	}
	n, err := br.r.Read(p)
	br.b.inflated += int64(n)
	if br.b.inflated > br.b.maxInflated {
		br.b.spend(fmt.Errorf("%w: its streams decompressed to more than %d MiB", ErrTooComplex, br.b.maxInflated>>20))
		return n, br.b.err
	}
	return n, err
}

// errStopped is what a stopped budget says: the reason it stopped, in
// the package's errors.
func (b *budget) errStopped() error {
	err := b.err
	if err == nil {
		err = b.ctx.Err()
	}
	if errors.Is(err, ErrTooComplex) {
		return err
	}
	return b.deadlineErr()
}

// deadlineErr says why reading stopped at a deadline: a deadline or
// cancellation of the caller's stays the caller's context error; the
// package's own per-file deadline is ErrDeadline.
func (b *budget) deadlineErr() error {
	if err := b.parent.Err(); err != nil {
		return err
	}
	return fmt.Errorf("%w: gave up after %v", ErrDeadline, b.own)
}
