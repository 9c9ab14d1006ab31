package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

// serve --console plays the channel and user it is given, answers the
// slash-command and mention forms as Slack would, and prints Block Kit
// JSON on request; the console's flags are refused without --console.
func TestServeConsolePlays(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "index")
	if code, _, errs := run(t, "ingest", "--index", idx, samplePack(t)); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		name  string
		args  []string
		input string
		code  int
		want  []string
	}{
		{"slash private", []string{"--channel", "C0CHILDREN", "--user", "U0CLERK"}, "/scrutineer search foster carers\n", ExitOK,
			[]string{"(as user U0CLERK in channel C0CHILDREN)", "[only you can see this]"}},
		{"mention in thread", nil, "@scrutineer search foster carers\n", ExitOK, []string{"↳ thread", "  │ Search: foster carers"}},
		{"blocks", []string{"--blocks"}, "search foster carers\n", ExitOK, []string{`"type": "header"`}},
		{"channel without --console", []string{"--channel", "C1"}, "", ExitUsage, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"serve", "--index", idx}
			if tc.code == ExitOK {
				args = append(args, "--console")
			}
			args = append(args, tc.args...)
			var out, errb strings.Builder
			code := Main(t.Context(), args, Stdio{In: strings.NewReader(tc.input), Out: &out, Err: &errb})
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errb.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}

// serve reads its settings from flags, then the environment, then the
// file; bad values are usage errors named after their flag or variable.
func TestServeSettingsFromEnv(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "index")
	if code, _, errs := run(t, "ingest", "--index", idx, samplePack(t)); code != ExitOK {
		t.Fatalf("ingest: %s", errs)
	}
	cwd := t.TempDir()
	t.Chdir(cwd)
	for _, tc := range []struct {
		name     string
		env      map[string]string
		args     []string
		input    string
		code     int
		want     string // in stdout
		wantErr  string // in stderr
		briefDir string // a brief file is saved here, under the index
		absent   string // not in stderr
	}{
		{"bad level", nil, []string{"--log-level", "loud"}, "", ExitUsage, "", `--log-level "loud"`, "", ""},
		{"bad format env", map[string]string{"SCRUTINEER_LOG_FORMAT": "xml"}, nil, "", ExitUsage, "", `--log-format "xml"`, "", ""},
		{"bad limit env", map[string]string{"SCRUTINEER_LIMITS_JOBS": "two"}, nil, "", ExitFailed, "", "SCRUTINEER_LIMITS_JOBS", "", ""},
		{"json info logs", map[string]string{"SCRUTINEER_LOG_FORMAT": "json", "SCRUTINEER_LOG_LEVEL": "info"}, nil, "search foster carers\n", ExitOK, "Search: foster carers", `"level":"INFO","msg":"search answered"`, "", ""},
		{"console logs warnings only", nil, nil, "search foster carers\n", ExitOK, "Search: foster carers", "", "", "search answered"},
		{"env limit", map[string]string{"SCRUTINEER_LIMITS_SEARCH_RESULTS": "1"}, nil, "search foster carers\n", ExitOK, "here are the top 1", "", "", ""},
		{"brief saved under index", nil, nil, "brief " + filepath.Join(samplePack(t), corpus.SampleName) + "\n", ExitOK, "Saved the file to " + filepath.Join(idx, "briefs"), "", "briefs", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			args := append([]string{"serve", "--index", idx, "--console"}, tc.args...)
			var out, errb strings.Builder
			code := Main(t.Context(), args, Stdio{In: strings.NewReader(tc.input), Out: &out, Err: &errb})
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errb.String())
			}
			if !strings.Contains(out.String(), tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, out.String())
			}
			if !strings.Contains(errb.String(), tc.wantErr) {
				t.Errorf("errors lack %q:\n%s", tc.wantErr, errb.String())
			}
			if tc.absent != "" && strings.Contains(errb.String(), tc.absent) {
				t.Errorf("errors have %q:\n%s", tc.absent, errb.String())
			}
			if tc.briefDir != "" {
				if files, _ := filepath.Glob(filepath.Join(idx, tc.briefDir, "*")); len(files) == 0 {
					t.Errorf("no brief file in %s", filepath.Join(idx, tc.briefDir))
				}
				if files, _ := filepath.Glob(filepath.Join(cwd, "*")); len(files) != 0 {
					t.Errorf("console wrote into the current folder: %v", files)
				}
			}
		})
	}
}
