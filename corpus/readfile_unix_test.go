//go:build unix

package corpus

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// TestOpenFIFO checks that a FIFO is refused at once: reading it would
// block until some writer came, which none will.
func TestOpenFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pack.pdf")
	if err := mkfifo(p); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	corpustest.Within(t, corpustest.FuzzDeadline, func() error {
		_, err := Open(context.Background(), p, Options{})
		if !errors.Is(err, ErrNotRegular) {
			return fmt.Errorf("err = %v, want ErrNotRegular", err)
		}
		f, err := openNonBlocking(p)
		if err != nil {
			return fmt.Errorf("opening a FIFO without blocking: %v", err)
		}
		return f.Close()
	})
}

// mkfifo makes a FIFO at path.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }
