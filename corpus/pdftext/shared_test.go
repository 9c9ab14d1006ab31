package pdftext

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// TestSharedRobustness runs the awkward real files in the shared folder:
// each gives its documented error or text, never a panic or a hang.
func TestSharedRobustness(t *testing.T) {
	dir := filepath.Join(corpustest.Shared(t), "testdata", "pdfs", "real")
	tests := []struct {
		file     string
		opts     Options
		err      error
		errText  string // in the error message
		contains string // in the text of some page
		warn     string // in the warnings
		cut      int    // keep only this percentage of the file
	}{
		{file: "robustness/empty-zero-bytes.pdf", err: ErrMalformed, errText: "empty"},
		{file: "robustness/not-a-pdf-html-error-page-saved-as-ofsted-birmingham-2012.pdf", err: ErrMalformed, errText: "not a PDF"},
		{file: "robustness/encrypted-aes256-r6-userpw-usersecret.pdf", err: ErrEncrypted, errText: "AES-256"},
		{file: "robustness/encrypted-aes256-r6-userpw-usersecret.pdf", opts: Options{Password: "usersecret"}, err: ErrEncrypted, errText: "AES-256"},
		{file: "robustness/encrypted-userpw-test.pdf", err: ErrEncrypted, errText: "password"},
		{file: "robustness/encrypted-userpw-test.pdf", opts: Options{Password: "wrong"}, err: ErrEncrypted, errText: "wrong"},
		{file: "robustness/encrypted-userpw-test.pdf", opts: Options{Password: "test"}},
		{file: "robustness/japanese-cid-rc4-encrypted-empty-userpw-kampo.pdf", err: ErrEncrypted, errText: "40-bit"},
		{file: "other-uk/met-police-knife-crime-summary-2015-08.pdf", contains: "Knife"},
		{file: "robustness/scanned-no-text-typewritten-1974.pdf", err: ErrNoText},
		{file: "robustness/scanned-no-text-jbig2-xerox.pdf", err: ErrNoText},
		{file: "robustness/cid-identity-h-no-tounicode-czech.pdf", err: ErrNoText, errText: "Unicode map"},
		{file: "robustness/corrupted-zen-of-python.pdf", contains: "Beautiful is better than ugly"},
		{file: "robustness/malformed-from-pdfplumber-issue-932.pdf"},
		{file: "robustness/rotated-page-table-nics-2015-11.pdf", contains: "Hawaii 1,248"},
		{file: "other-uk/west-sussex-vulnerable-looked-after-children-needs-assessment-2008.pdf", contains: "looked after children", warn: "page 1: characters in fonts without a Unicode map"},
		{file: "council/kent-county-council-2025-03-13-agenda-frontsheet.pdf", contains: "Corporate Parenting Panel", warn: "page 2: no text"},
		// Truncated copies (cut in memory): the cross-reference table is
		// rebuilt from the objects that are left.
		{file: "ofsted/ofsted-ilacs-kent-2026-02.pdf", cut: 50, contains: "Inspection of Kent County Council", warn: "was repaired"},
		{file: "council/kent-county-council-2025-03-13-printed-minutes.pdf", cut: 90, contains: "RESOLVED"},
		{file: "council/kent-cabinet-2025-01-30-supplementary-pack-item7-18-25-transfer.pdf", cut: 50, contains: "Strengthening Independence", warn: "was repaired"},
		{file: "robustness/two-column-naacl06-paper.pdf", cut: 30, err: ErrMalformed, errText: "could not be repaired"},
		{file: "robustness/encrypted-userpw-test.pdf", cut: 50, err: ErrMalformed, errText: "could not be decoded"},
		{file: "robustness/encrypted-aes256-r6-userpw-usersecret.pdf", cut: 90, err: ErrEncrypted, errText: "keys are lost"},
	}
	for _, tc := range tests {
		name := tc.file
		if tc.cut > 0 {
			name += fmt.Sprintf(" cut to %d%%", tc.cut)
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Skipf("not present: %v", err)
			}
			if tc.cut > 0 {
				data = data[:len(data)*tc.cut/100]
			}
			res, err := Extract(context.Background(), data, tc.opts)
			if tc.err != nil {
				if !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.errText) {
					t.Fatalf("err = %v, want %v with %q", err, tc.err, tc.errText)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			all := strings.Join(res.Pages, "\n")
			if !strings.Contains(strings.Join(strings.Fields(all), " "), tc.contains) {
				t.Errorf("text lacks %q", tc.contains)
			}
			if w := strings.Join(res.Warnings, "\n"); !strings.Contains(w, tc.warn) {
				t.Errorf("warnings %q lack %q", res.Warnings, tc.warn)
			}
		})
	}
}
