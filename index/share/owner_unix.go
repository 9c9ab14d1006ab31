//go:build unix

package share

import (
	"io/fs"
	"syscall"
)

// ownerOf is the user ID of the owner of the file fi describes.
func ownerOf(fi fs.FileInfo) (int, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}
