package cli

import (
	"path/filepath"
	"strings"
	"testing"
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
