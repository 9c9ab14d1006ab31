package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is returned for a path that is not a regular file: a
// directory, a device such as /dev/zero, a FIFO or a socket. Such a path
// is refused before it is opened, so a FIFO never blocks and a device
// never streams without end.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile returns the bytes of the file at path, safely: it refuses a
// path that is not a regular file, and a file over opts.MaxBytes, before
// reading any of it (a sparse file of gigabytes costs nothing), opens it
// without blocking, checks again what it opened, and reads at most
// MaxBytes+1 bytes, so a file that grows while it is read is refused too.
// It is what Open reads with; a caller that needs the bytes first (to
// hash them, say) calls ReadFile and then Read.
func ReadFile(ctx context.Context, path string, opts Options) ([]byte, error) {
	opts = opts.withDefaults()
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkKind(path, fi, opts); err != nil {
		return nil, err
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The path may have changed between Stat and open: check the file
	// actually opened.
	fi, err = f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkKind(path, fi, opts); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + 1)
	r := io.LimitReader(f, opts.MaxBytes+1)
	chunk := make([]byte, 1<<20)
	for {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		n, rerr := r.Read(chunk)
		buf.Write(chunk[:n])
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return nil, fmt.Errorf("%s: %w", path, rerr)
		}
	}
	if int64(buf.Len()) > opts.MaxBytes {
		return nil, fmt.Errorf("%s: %w (it grew past %d bytes while being read)", path, ErrTooLarge, opts.MaxBytes)
	}
	return buf.Bytes(), nil
}

// checkKind refuses what is not a regular file, and a file over the size
// limit.
func checkKind(path string, fi os.FileInfo, opts Options) error {
	switch m := fi.Mode(); {
	case m.IsDir():
		return fmt.Errorf("%s: is a directory: %w", path, ErrNotRegular)
	case m&os.ModeNamedPipe != 0:
		return fmt.Errorf("%s: %w (a FIFO)", path, ErrNotRegular)
	case m&os.ModeSocket != 0:
		return fmt.Errorf("%s: %w (a socket)", path, ErrNotRegular)
	case m&os.ModeDevice != 0:
		return fmt.Errorf("%s: %w (a device)", path, ErrNotRegular)
	case !m.IsRegular():
		return fmt.Errorf("%s: %w (mode %v)", path, ErrNotRegular, m)
	}
	if fi.Size() > opts.MaxBytes {
		return fmt.Errorf("%s: %w (%d bytes, limit %d)", path, ErrTooLarge, fi.Size(), opts.MaxBytes)
	}
	return nil
}
