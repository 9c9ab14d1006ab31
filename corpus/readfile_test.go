package corpus

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/corpus/corpustest/hostile"
)

// sparseFile makes a file of size bytes that holds no data (a hole), so
// it costs nothing on disk.
func sparseFile(t *testing.T, dir, name string, size int64) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, size); err != nil {
		t.Skipf("cannot make a sparse file: %v", err)
	}
	return p
}

// TestReadFileRefuses checks that what is not a regular file, or is over
// the size limit, is refused before it is read: a sparse 3 GB file costs
// no memory, /dev/zero does not stream, and each ends in a clear error
// naming the path. (Open reads through ReadFile.)
func TestReadFileRefuses(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "paper.txt")
	if err := os.WriteFile(text, []byte("Report to the committee\fPage two"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		opts Options
		want error // nil: the file is read
	}{
		{"sparse 3 GB", sparseFile(t, dir, "sparse.pdf", 3<<30), Options{}, ErrTooLarge},
		{"over a small limit", text, Options{MaxBytes: 10}, ErrTooLarge},
		{"/dev/zero", "/dev/zero", Options{}, ErrNotRegular},
		{"directory", dir, Options{}, ErrNotRegular},
		{"missing", filepath.Join(dir, "none.pdf"), Options{}, fs.ErrNotExist},
		{"regular text", text, Options{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.path); err != nil && tc.want != fs.ErrNotExist {
				t.Skipf("%s: %v", tc.path, err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			corpustest.Within(t, corpustest.FuzzDeadline, func() error {
				data, err := ReadFile(context.Background(), tc.path, tc.opts)
				if tc.want == nil {
					if err == nil && string(data) != "Report to the committee\fPage two" {
						return errors.New("read " + string(data))
					}
					return err
				}
				if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.path) {
					return errors.New("err = " + errString(err) + ", want " + tc.want.Error() + " naming " + tc.path)
				}
				return nil
			})
			runtime.ReadMemStats(&after)
			if grew := after.TotalAlloc - before.TotalAlloc; tc.want != nil && grew > 1<<20 {
				t.Errorf("refusing it allocated %d bytes", grew)
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}

// TestTextCheckedWhole checks that invalid UTF-8 or a NUL byte anywhere in
// a text file is an error saying where, not only in its first 64 KB.
func TestTextCheckedWhole(t *testing.T) {
	head := strings.Repeat("Looked after children.\n", 4000) // 92,000 bytes
	tests := []struct {
		name string
		data string
		want string // in the error; "" when the file reads
	}{
		{"clean", head, ""},
		{"NUL after 64 KB", head + "\x00tail", "a NUL byte at byte 92000 (line 4001)"},
		{"invalid UTF-8 after 64 KB", head + "caf\xe9", "invalid UTF-8 at byte 92003 (line 4001)"},
		{"NUL before invalid UTF-8", head + "\x00\xff", "a NUL byte at byte 92000"},
		{"invalid UTF-8 before NUL", head + "\xff\x00", "invalid UTF-8 at byte 92000"},
		{"rune cut at the end", head + "\xe2\x80", "invalid UTF-8 at byte 92000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(context.Background(), "paper.txt", []byte(tc.data), Options{})
			if tc.want == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrUnsupported with %q", err, tc.want)
			}
		})
	}
}

// TestOpenHostile opens every generated hostile PDF from a file: each
// gives its error, naming the file, or its text; none hangs.
func TestOpenHostile(t *testing.T) {
	dir := t.TempDir()
	for _, f := range hostile.Files() {
		t.Run(f.Name, func(t *testing.T) {
			p := filepath.Join(dir, f.Name+".pdf")
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			corpustest.Within(t, corpustest.FuzzDeadline, func() error {
				doc, err := Open(context.Background(), p, Options{})
				if f.Want != "" {
					if err == nil || !strings.Contains(err.Error(), f.Want) || !strings.Contains(err.Error(), p) {
						return errors.New("err = " + errString(err) + ", want " + f.Want + " naming the file")
					}
					return nil
				}
				if err != nil {
					return err
				}
				var all strings.Builder
				for _, pg := range doc.Pages {
					all.WriteString(pg.Text)
				}
				if !strings.Contains(all.String(), f.Text) {
					return errors.New("text lacks " + f.Text)
				}
				if f.Sound && len(doc.Warnings) > 0 {
					return errors.New("a sound file gave warnings: " + strings.Join(doc.Warnings, "; "))
				}
				return nil
			})
		})
	}
}
