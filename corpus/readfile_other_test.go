//go:build !unix

package corpus

import "errors"

// mkfifo is not available here: the tests that need a FIFO skip.
func mkfifo(path string) error { return errors.New("no FIFOs on this system") }
