//go:build !unix

package corpus

import "os"

// openNonBlocking opens path for reading. Systems without O_NONBLOCK rely
// on the check made before opening.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
