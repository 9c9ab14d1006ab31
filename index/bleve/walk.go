package bleveindex

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// extensions are the file types picked up from a folder.
var extensions = map[string]bool{".pdf": true, ".txt": true}

// hidden reports whether a file or folder name is hidden (".x", macOS "._x").
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// walker lists the files an ingest reads. Symbolic links are followed,
// each folder is read once (a link back to a folder being read is a
// loop), and every file passed over is recorded with why.
type walker struct {
	files   []string
	skipped []Skipped
	// dirs maps the real path of each folder read to the path it was
	// read under; real does the same for files.
	dirs map[string]string
	real map[string]string
}

// expandPaths lists the files named by paths, as absolute paths: files as
// given, every .pdf and .txt below a folder. Hidden files and folders in
// a folder are passed over in silence; every other file not listed is in
// skipped with the reason.
func expandPaths(paths []string) (files []string, skipped []Skipped) {
	w := &walker{dirs: map[string]string{}, real: map[string]string{}}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			w.skip(p, err.Error())
			continue
		}
		fi, err := os.Stat(abs)
		if err != nil {
			w.skip(abs, statReason(abs, err))
			continue
		}
		if fi.IsDir() {
			w.dir(abs, nil)
			continue
		}
		w.file(abs, fi, true)
	}
	return w.files, w.skipped
}

func (w *walker) skip(path, reason string) {
	w.skipped = append(w.skipped, Skipped{Path: path, Reason: reason})
}

// dir lists the folder at path; above holds the real paths of the folders
// it is inside, to tell a loop.
func (w *walker) dir(path string, above []string) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		w.skip(path, statReason(path, err))
		return
	}
	if slices.Contains(above, real) {
		w.skip(path, "symlink loop: it leads back to "+w.dirs[real]+", which contains it")
		return
	}
	if first, ok := w.dirs[real]; ok {
		w.skip(path, "the same folder as "+first+", read already")
		return
	}
	w.dirs[real] = path
	entries, err := os.ReadDir(path)
	if err != nil {
		w.skip(path, "unreadable folder: "+errText(err))
		// ReadDir returns what it could read before the error.
	}
	above = append(above, real)
	for _, e := range entries {
		if hidden(e.Name()) {
			continue
		}
		child := filepath.Join(path, e.Name())
		fi, err := os.Stat(child) // follows a symbolic link
		if err != nil {
			w.skip(child, statReason(child, err))
			continue
		}
		if fi.IsDir() {
			w.dir(child, above)
			continue
		}
		w.file(child, fi, false)
	}
}

// file lists the file at path (fi is what it leads to). A file named on
// the command line is read whatever its extension; one found in a folder
// only when it is a .pdf or .txt.
func (w *walker) file(path string, fi fs.FileInfo, named bool) {
	if !fi.Mode().IsRegular() {
		w.skip(path, "not a regular file ("+kindOf(fi.Mode())+")")
		return
	}
	if !named && !extensions[strings.ToLower(filepath.Ext(path))] {
		w.skip(path, "not a .pdf or .txt file")
		return
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		w.skip(path, statReason(path, err))
		return
	}
	if first, ok := w.real[real]; ok {
		if first != path {
			w.skip(path, "the same file as "+first)
		}
		return
	}
	w.real[real] = path
	w.files = append(w.files, path)
}

// statReason says why path could not be followed: a symbolic link loop, a
// link to nothing, a missing file or another error.
func statReason(path string, err error) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "symlink loop"
	case errors.Is(err, fs.ErrNotExist):
		if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return "broken symlink: what it points to does not exist"
		}
		return "does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "unreadable: permission denied"
	}
	return "unreadable: " + errText(err)
}

// errText is err's message without the path an *fs.PathError repeats.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// kindOf names a file mode that is not a regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return fmt.Sprintf("mode %v", m.Type())
}
