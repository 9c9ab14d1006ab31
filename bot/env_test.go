package bot

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// Every setting of the file can come from the environment, over the file.
func TestSettingsFromEnv(t *testing.T) {
	env := map[string]string{
		"SCRUTINEER_ADDR":                  ":8080",
		"SCRUTINEER_INDEX":                 "/data/index",
		"SCRUTINEER_PAPERS_CHANNELS":       "C1, C2,,",
		"SCRUTINEER_LIMITS_JOBS":           "4",
		"SCRUTINEER_LIMITS_JOB_TIMEOUT":    "90s",
		"SCRUTINEER_BRIEF_FORMAT":          "html",
		"SCRUTINEER_HEALTH_ADDR":           "127.0.0.1:8081",
		"SCRUTINEER_LIMITS_SEARCH_RESULTS": "",
	}
	c := DefaultConfig()
	if err := c.applyEnv(func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	want := DefaultConfig()
	want.Addr, want.Index, want.BriefFormat, want.HealthAddr = ":8080", "/data/index", "html", "127.0.0.1:8081"
	want.PapersChannels = []string{"C1", "C2"}
	want.Limits.Jobs, want.Limits.JobTimeout = 4, 90*time.Second
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
}

func TestSettingsFromEnvErrors(t *testing.T) {
	for _, tc := range []struct{ name, value, want string }{
		{"SCRUTINEER_LIMITS_JOBS", "four", `SCRUTINEER_LIMITS_JOBS="four": not a valid whole number`},
		{"SCRUTINEER_LIMITS_JOB_TIMEOUT", "soon", "not a valid duration"},
	} {
		c := DefaultConfig()
		err := c.applyEnv(func(k string) string {
			if k == tc.name {
				return tc.value
			}
			return ""
		})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s=%s: error %v, want %q", tc.name, tc.value, err, tc.want)
		}
	}
}

// Every YAML key has a variable, nested limits included.
func TestEnvSettingsListsEveryKey(t *testing.T) {
	names := EnvSettings()
	for _, want := range []string{"SCRUTINEER_ADDR", "SCRUTINEER_EXEMPT_CHANNELS", "SCRUTINEER_LIMITS_MAX_FILE_MB", "SCRUTINEER_HEALTH_ADDR", "SCRUTINEER_FETCH_EVERY", "SCRUTINEER_FETCH_SITES"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s missing from %v", want, names)
		}
	}
	for _, n := range names {
		if strings.Contains(n, "TOKEN") || strings.Contains(n, "SECRET") {
			t.Errorf("a secret is a setting: %s", n)
		}
	}
}

// Secrets come from their variable or from the file a _FILE variable
// names, as container platforms mount them; not from both.
func TestSecretFiles(t *testing.T) {
	dir := t.TempDir()
	tok := filepath.Join(dir, "bot-token")
	if err := os.WriteFile(tok, []byte("xoxb-from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		env     map[string]string
		want    string
		wantErr string
	}{
		{"variable", map[string]string{EnvBotToken: "xoxb-var"}, "xoxb-var", ""},
		{"file", map[string]string{EnvBotToken + "_FILE": tok}, "xoxb-from-file", ""},
		{"both", map[string]string{EnvBotToken: "x", EnvBotToken + "_FILE": tok}, "", "both SLACK_BOT_TOKEN and SLACK_BOT_TOKEN_FILE"},
		{"missing file", map[string]string{EnvBotToken + "_FILE": filepath.Join(dir, "absent")}, "", "read SLACK_BOT_TOKEN_FILE"},
		{"empty file", map[string]string{EnvBotToken + "_FILE": empty}, "", "is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := DefaultConfig()
			err := c.applyEnv(func(k string) string { return tc.env[k] })
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || c.BotToken != tc.want {
				t.Errorf("token %q, err %v; want %q", c.BotToken, err, tc.want)
			}
		})
	}
}

func TestBriefsDir(t *testing.T) {
	for _, tc := range []struct{ console, index, want string }{
		{"/out", "/idx", "/out"},
		{"", "/idx", filepath.Join("/idx", "briefs")},
		{"", "", ""},
	} {
		c := Config{ConsoleDir: tc.console, Index: tc.index}
		if got := c.BriefsDir(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc, got, tc.want)
		}
	}
}
