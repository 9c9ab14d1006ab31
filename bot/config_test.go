package bot

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestLoadConfig(t *testing.T) {
	t.Setenv(EnvBotToken, "xoxb-from-env")
	t.Setenv(EnvAppToken, "")
	t.Setenv(EnvSigningSecret, "secret-from-env")
	t.Setenv(EnvAPIURL, "http://127.0.0.1:9/api/")
	c, err := LoadConfig(filepath.Join("testdata", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		BotToken: "xoxb-from-env", SigningSecret: "secret-from-env", APIURL: "http://127.0.0.1:9/api/",
		Addr: ":8080", Index: "/var/lib/scrutineer/index", SharedDir: "/var/lib/scrutineer/shared", ExemptChannels: []string{"C0SCRUTINY1", "console"},
		PapersChannels: []string{"C0PAPERS01"}, BriefFormat: "html",
		Limits: Limits{MaxFileMB: 40, MaxBodyKB: 512, SearchResults: 6, Candidates: 2, Questions: 10, Jobs: 3,
			JobTimeout: 3 * time.Minute, ShutdownWait: 20 * time.Second, SlackTimeout: 90 * time.Second},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	if !c.ExemptAllowed("C0SCRUTINY1") || c.ExemptAllowed("C0OTHER") || c.ExemptAllowed("") {
		t.Error("ExemptAllowed does not follow exempt_channels")
	}
	for ch, want := range map[string]bool{"C0PAPERS01": true, "D0DIRECT1": true, "C0SCRUTINY1": false, "G0PRIVATE1": false, "": false} {
		if got := c.BriefsUnasked(ch); got != want {
			t.Errorf("BriefsUnasked(%q) = %v, want %v", ch, got, want)
		}
	}
}

func TestLoadConfigErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, yaml, want string
	}{
		{"unknown key", "exempt_channel: [C1]\n", "field exempt_channel not found"},
		{"token in file", "bot_token: xoxb-1\n", "field bot_token not found"},
		{"bad duration", "limits:\n  job_timeout: soon\n", "line 2: cannot unmarshal !!str `soon` into time.Duration"},
		{"zero limit", "limits:\n  search_results: 0\n", "limits.search_results must be at least 1"},
		{"bad format", "brief_format: pdf\n", "brief_format must be markdown or html"},
		{"not yaml", "limits: [\n", "yaml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".yaml")
			if err := os.WriteFile(p, []byte(c.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadConfig(p)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
	if _, err := LoadConfig(filepath.Join(dir, "absent.yaml")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestConfigFromEnvAndEmptyFile(t *testing.T) {
	t.Setenv(EnvBotToken, "xoxb-a")
	t.Setenv(EnvAppToken, "xapp-b")
	t.Setenv(EnvSigningSecret, "")
	t.Setenv(EnvAPIURL, "")
	c, err := ConfigFromEnv()
	if err != nil {
		t.Fatal(err)
	}
	d := DefaultConfig()
	d.BotToken, d.AppToken = "xoxb-a", "xapp-b"
	if !reflect.DeepEqual(c, d) {
		t.Errorf("got %+v", c)
	}
	empty := filepath.Join(t.TempDir(), "empty.yaml")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if c2, err := LoadConfig(empty); err != nil || !reflect.DeepEqual(c2, c) {
		t.Errorf("empty file: %+v %v", c2, err)
	}
}

// Logging the settings never prints a secret.
func TestConfigLogValueHidesSecrets(t *testing.T) {
	c := DefaultConfig()
	c.BotToken, c.AppToken, c.SigningSecret = "xoxb-secret-1", "xapp-secret-2", "signing-secret-3"
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("starting", "config", c)
	out := buf.String()
	for _, s := range []string{"xoxb-secret-1", "xapp-secret-2", "signing-secret-3"} {
		if strings.Contains(out, s) {
			t.Errorf("log carries %q: %s", s, out)
		}
	}
	if !strings.Contains(out, "config.bot_token_set=true") {
		t.Errorf("log does not say the token is set: %s", out)
	}
}

func TestPacksDir(t *testing.T) {
	cases := []struct{ index, shared, want string }{
		{"/idx", "/keep", "/keep"},
		{"/idx", "", filepath.Join("/idx", "shared")},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := (Config{Index: c.index, SharedDir: c.shared}).PacksDir(); got != c.want {
			t.Errorf("PacksDir(index %q, shared_dir %q) = %q, want %q", c.index, c.shared, got, c.want)
		}
	}
}
