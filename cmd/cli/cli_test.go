package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the command line and returns its exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExitCodes(t *testing.T) {
	text := writeFile(t, "report.txt", "Fostering Service Annual Report\n\nWe approved 31 new foster carers.\f Second page text.\n")
	empty := writeFile(t, "empty.pdf", "")
	html := writeFile(t, "saved.pdf", "<!DOCTYPE html><html><body>Not found</body></html>\x00")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no args prints usage", nil, ExitUsage, "Commands:", ""},
		{"help", []string{"help"}, ExitOK, "Commands:", ""},
		{"help for a command", []string{"help", "split"}, ExitOK, "Usage: scrutineer split", ""},
		{"unknown command", []string{"frobnicate"}, ExitUsage, "", `unknown command "frobnicate"`},
		{"command -h", []string{"extract", "-h"}, ExitOK, "", "Usage: scrutineer extract"},
		{"missing file", []string{"extract"}, ExitUsage, "", "missing FILE"},
		{"two files", []string{"split", text, text}, ExitUsage, "", "one FILE expected"},
		{"unknown flag", []string{"split", "--nope", text}, ExitUsage, "", "flag provided but not defined"},
		{"no such file", []string{"extract", "/nonexistent/x.pdf"}, ExitFailed, "", "/nonexistent/x.pdf"},
		{"empty file", []string{"extract", empty}, ExitFailed, "", "empty file"},
		{"html saved as pdf", []string{"extract", html}, ExitFailed, "", "not a PDF or UTF-8 text file"},
		{"extract text", []string{"extract", text}, ExitOK, "We approved 31 new foster carers.", ""},
		{"flags after file", []string{"extract", text, "--json"}, ExitOK, `"number": 2`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errs)
			}
			if !strings.Contains(out, tc.stdout) {
				t.Errorf("stdout %q does not contain %q", out, tc.stdout)
			}
			if !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr %q does not contain %q", errs, tc.stderr)
			}
			if tc.code == ExitFailed && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("a failed run must print a one-line error, got %q", errs)
			}
		})
	}
}

func TestExtractJSON(t *testing.T) {
	p := writeFile(t, "two.txt", "first page\fsecond page")
	code, out, errs := run(t, "extract", "--json", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Source string `json:"source"`
		Pages  []struct {
			Number int    `json:"number"`
			Text   string `json:"text"`
		} `json:"pages"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if got.Source != "two.txt" || len(got.Pages) != 2 || got.Pages[1].Number != 2 || !strings.Contains(got.Pages[1].Text, "second page") {
		t.Errorf("unexpected extract JSON: %+v", got)
	}
}

func TestSplitJSONContract(t *testing.T) {
	p := writeFile(t, "one.txt", "A single report about fostering.\n")
	code, out, errs := run(t, "split", "--json", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	for _, k := range []string{"source", "pages", "items"} {
		if _, ok := got[k]; !ok {
			t.Errorf("split --json lacks %q: %s", k, out)
		}
	}
	items, _ := got["items"].([]any)
	if len(items) != 1 {
		t.Fatalf("want one item for a file that is not a pack, got %d", len(items))
	}
	for _, k := range []string{"number", "title", "start_page", "end_page", "kind"} {
		if _, ok := items[0].(map[string]any)[k]; !ok {
			t.Errorf("item lacks %q", k)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "version", "--json")
	if code != ExitOK || !strings.Contains(out, `"schema_version": `) || !strings.Contains(out, `"go": "go`) {
		t.Errorf("version --json: exit %d, %s", code, out)
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := run(t, args...)
		if code != ExitOK || !strings.HasPrefix(out, "scrutineer ") || !strings.Contains(out, "go1.") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	if b := (BuildInfo{Version: "v1.2.0", Commit: "3f7e031abcdef0123", Modified: true, Go: "go1.26.8"}); b.String() != "v1.2.0 commit 3f7e031abcde (modified), go1.26.8" {
		t.Errorf("BuildInfo.String = %q", b.String())
	}
}

func TestPaperFromStandardInput(t *testing.T) {
	paper := "Fostering Service Annual Report\n\n1. Summary\n\nThe service approved 14 new fostering households against a target of 25 in 2025/26.\n"
	var out, errb strings.Builder
	code := Main(context.Background(), []string{"ask", "--json", "-"}, Stdio{In: strings.NewReader(paper), Out: &out, Err: &errb})
	if code != ExitOK || !strings.Contains(out.String(), `"source": "standard input"`) {
		t.Fatalf("ask -: exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	code = Main(context.Background(), []string{"extract", "-"}, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb})
	if code != ExitFailed {
		t.Errorf("an empty standard input: exit %d, want %d", code, ExitFailed)
	}
}

func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, out, errs := run(t, "completion", sh)
		if code != ExitOK || !strings.Contains(out, "brief") || !strings.Contains(out, "full") {
			t.Errorf("%s: exit %d, %s%s", sh, code, out, errs)
		}
	}
	if code, _, _ := run(t, "completion", "tcsh"); code != ExitUsage {
		t.Errorf("an unknown shell: exit %d, want %d", code, ExitUsage)
	}
	if _, err := exec.LookPath("bash"); err == nil {
		_, script, _ := run(t, "completion", "bash")
		if out, err := exec.Command("bash", "-n", "-c", script).CombinedOutput(); err != nil {
			t.Errorf("bash does not parse the script: %v\n%s", err, out)
		}
	}
}
