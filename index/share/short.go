package share

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// An index whose folder's path is too long for a Unix socket (see
// maxSocketPath) is served on a socket in a short private folder instead:
// ShortDirPrefix and a hash of the index's absolute path and the user's
// ID, in $XDG_RUNTIME_DIR or else the temporary folder, with permission
// 0700. The pointer file PointerName in the index folder says where the
// socket is. A client reads it and uses the socket only when its folder
// is the user's own, private and named for this index, so a pointer left
// in a copied or moved index folder leads nowhere.

// PointerName is the file in the index folder that says where the
// index's socket is when the folder's path is too long for one.
const PointerName = "scrutineer.sock.path"

// ShortDirPrefix begins the name of the private folder of a socket
// served outside its index folder.
const ShortDirPrefix = "scrutineer-"

// maxPointerBytes bounds what is read of a pointer file.
const maxPointerBytes = 4096

// getuid is the user's ID (a variable so tests can play another user).
var getuid = os.Getuid

// errOtherUser is returned (wrapped) by checkPrivateDir for a folder
// that belongs to another user.
var errOtherUser = errors.New("belongs to another user")

// canonical is the absolute path of dir with its links resolved (where it
// exists): the name every process gives the same index.
func canonical(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("the absolute path of %s: %w", dir, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	return abs, nil
}

// shortDirName names the private socket folder of the index at the
// canonical path abs, for the user uid.
func shortDirName(abs string, uid int) string {
	h := sha256.Sum256([]byte(strconv.Itoa(uid) + "\x00" + abs))
	return ShortDirPrefix + hex.EncodeToString(h[:8])
}

// shortBases are the folders a private socket folder may be made in,
// first choice first: $XDG_RUNTIME_DIR (the user's own, emptied at
// logout) when it is set to a folder, then the temporary folder.
func shortBases() []string {
	var bases []string
	if x := os.Getenv("XDG_RUNTIME_DIR"); filepath.IsAbs(x) {
		if fi, err := os.Stat(x); err == nil && fi.IsDir() {
			bases = append(bases, x)
		}
	}
	return append(bases, os.TempDir())
}

// shortSockets are the sockets the index at the canonical path abs may be
// served on outside its folder, one per base, the first one that fits
// first.
func shortSockets(abs string) []string {
	name := shortDirName(abs, getuid())
	var socks []string
	for _, base := range shortBases() {
		socks = append(socks, filepath.Join(base, name, SocketName))
	}
	return socks
}

// shortSocket is the socket the index at the canonical path abs is served
// on when its folder's path is too long: in the first base where the
// socket's path fits.
func shortSocket(abs string) (string, error) {
	socks := shortSockets(abs)
	for _, s := range socks {
		if len(s) <= maxSocketPath {
			return s, nil
		}
	}
	return "", fmt.Errorf("the socket path %s, and %s, are longer than the %d bytes a Unix socket allows: set TMPDIR to a shorter folder, or move the index to a shorter path",
		filepath.Join(abs, SocketName), strings.Join(socks, " and "), maxSocketPath)
}

// makePrivateDir makes the folder dir with permission 0700, or checks
// that the one there is the user's own and private.
func makePrivateDir(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("make the socket folder: %w", err)
	}
	return checkPrivateDir(dir)
}

// checkPrivateDir reports whether dir is a folder (not a link) of the
// user's own that nobody else may enter. The error wraps fs.ErrNotExist
// when there is no such folder, and errOtherUser when it is another
// user's.
func checkPrivateDir(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("the socket folder: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("the socket folder %s is not a folder: move it away", dir)
	}
	if uid, ok := ownerOf(fi); ok && uid != getuid() {
		return fmt.Errorf("the socket folder %s %w (user ID %d)", dir, errOtherUser, uid)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("the socket folder %s may be opened by other users (permission %v), so it is not used: remove it, and it is made again private", dir, fi.Mode().Perm())
	}
	return nil
}

// pointerPath is the pointer file of the index in dir.
func pointerPath(dir string) string { return filepath.Join(dir, PointerName) }

// writePointer records in the index folder dir that its socket is sock.
// The file is written under a temporary name and renamed into place, so a
// client never reads half of it.
func writePointer(dir, sock string) error {
	path := pointerPath(dir)
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	if err := os.WriteFile(tmp, []byte(sock+"\n"), 0o644); err != nil {
		return fmt.Errorf("write where the socket is: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write where the socket is: %w", err)
	}
	return nil
}

// readPointer returns the socket the pointer file of the index in dir
// names. The error wraps fs.ErrNotExist when there is none, and says so
// when it does not name a socket served outside an index folder.
func readPointer(dir string) (string, error) {
	f, err := os.Open(pointerPath(dir))
	if err != nil {
		return "", err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPointerBytes))
	if err != nil {
		return "", fmt.Errorf("read where the socket is: %w", err)
	}
	sock := strings.TrimSpace(string(data))
	if !filepath.IsAbs(sock) || filepath.Clean(sock) != sock || filepath.Base(sock) != SocketName ||
		!strings.HasPrefix(filepath.Base(filepath.Dir(sock)), ShortDirPrefix) {
		return "", fmt.Errorf("%s does not name a socket: %q", pointerPath(dir), sock)
	}
	return sock, nil
}

// removePointer removes the pointer file of the index in dir when it
// names sock ("" for whatever it names); no file is not an error.
func removePointer(dir, sock string) error {
	if sock != "" {
		if named, err := readPointer(dir); err != nil || named != sock {
			return nil // another server's, or none
		}
	}
	if err := os.Remove(pointerPath(dir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove where the socket was: %w", err)
	}
	return nil
}

// ownShortSocket reports whether sock is in the private socket folder of
// the index in dir: a folder named for this index and this user, which
// is the user's own and private. err is nil when it is; it wraps
// errOtherUser when the folder is another user's and fs.ErrNotExist when
// there is none.
func ownShortSocket(dir, sock string) error {
	folder := filepath.Dir(sock)
	if err := checkPrivateDir(folder); err != nil {
		return err
	}
	abs, err := canonical(dir)
	if err != nil {
		return err
	}
	if filepath.Base(folder) != shortDirName(abs, getuid()) {
		return fmt.Errorf("the socket folder %s is not this index's: %w", folder, fs.ErrNotExist)
	}
	return nil
}

// removeShort removes the socket sock and its folder when they are the
// index in dir's own (see ownShortSocket); otherwise it leaves them.
func removeShort(dir, sock string) error {
	if ownShortSocket(dir, sock) != nil {
		return nil
	}
	if err := removeSocket(sock); err != nil {
		return err
	}
	// A folder something else was left in is left too: it is private.
	if err := os.Remove(filepath.Dir(sock)); err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTEMPTY) {
		return fmt.Errorf("remove the socket folder: %w", err)
	}
	return nil
}
