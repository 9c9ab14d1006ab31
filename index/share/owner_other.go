//go:build !unix

package share

import "io/fs"

// ownerOf is the user ID of the owner of the file fi describes: not known
// here.
func ownerOf(fs.FileInfo) (int, bool) { return 0, false }
