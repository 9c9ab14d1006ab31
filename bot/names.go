package bot

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes bounds a kept file's name, well under the 255 bytes most
// file systems allow.
const maxNameBytes = 200

// safeName reduces the name a user gave a shared file to a plain file
// name the bot can keep it under: the part after the last slash or
// backslash, control characters replaced, at most maxNameBytes long (the
// extension kept). It reports false when nothing usable is left: an
// empty name, "." or "..".
func safeName(name string) (string, bool) {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	if len(name) > maxNameBytes {
		ext := filepath.Ext(name)
		if len(ext) > 16 {
			ext = ""
		}
		stem := name[:maxNameBytes-len(ext)]
		for !utf8.ValidString(stem) {
			stem = stem[:len(stem)-1]
		}
		name = stem + ext
	}
	if name == "" || name == "." || name == ".." {
		return "", false
	}
	return name, true
}

// fileRef names a file in the logs without its name, which may say what
// an exempt report is about: a short hash of the name.
func fileRef(name string) string {
	sum := sha256.Sum256([]byte(name))
	return "file-" + hex.EncodeToString(sum[:4])
}
