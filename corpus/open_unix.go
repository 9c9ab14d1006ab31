//go:build unix

package corpus

import (
	"os"
	"syscall"
)

// openNonBlocking opens path for reading without blocking: a FIFO put in
// place of a checked file opens at once instead of waiting for a writer.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
