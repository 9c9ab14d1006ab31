package hostile

import (
	"bytes"
	"testing"
)

// TestFiles checks that every file is well formed as a test case: a
// unique name, a PDF header and end marker, and either an error to expect
// or text to find.
func TestFiles(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range Files() {
		if f.Name == "" || seen[f.Name] {
			t.Errorf("name %q empty or repeated", f.Name)
		}
		seen[f.Name] = true
		if !bytes.HasPrefix(f.Data, []byte("%PDF-1.")) || !bytes.HasSuffix(f.Data, []byte("%%EOF\n")) {
			t.Errorf("%s: not framed as a PDF", f.Name)
		}
		if (f.Want == "") == (f.Text == "") {
			t.Errorf("%s: want exactly one of an error (%q) and a text (%q)", f.Name, f.Want, f.Text)
		}
		if f.Sound && f.Want != "" {
			t.Errorf("%s: a sound file cannot expect an error", f.Name)
		}
		if f.Big != (len(f.Data) > 1<<20) {
			t.Errorf("%s: Big is %v for %d bytes", f.Name, f.Big, len(f.Data))
		}
		if f.About == "" {
			t.Errorf("%s: no description", f.Name)
		}
	}
	if _, ok := ByName("xref-prev-self-loop"); !ok {
		t.Error("ByName does not find xref-prev-self-loop")
	}
}
