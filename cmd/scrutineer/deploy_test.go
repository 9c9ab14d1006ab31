package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// TestDockerImage builds the image when a Docker daemon is there to build
// it, and says why it did not when not.
func TestDockerImage(t *testing.T) {
	if testing.Short() {
		t.Skip("building the image takes minutes")
	}
	if _, err := exec.LookPath("docker"); err != nil {
		t.Skip("docker is not installed: the image is not built")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := exec.CommandContext(ctx, "docker", "info").Run(); err != nil {
		t.Skip("no Docker daemon answers: the image is not built")
	}
	root := corpustest.Root()
	out, err := exec.CommandContext(ctx, "docker", "build", "-f", filepath.Join(root, "cmd", "scrutineer", "Dockerfile"), "-t", "scrutineer-test", root).CombinedOutput()
	if err != nil && reNoRegistry.Match(out) {
		t.Skipf("the base images cannot be fetched here: the image is not built\n%s", lastLines(out, 5))
	}
	if err != nil {
		t.Fatalf("docker build: %v\n%s", err, out)
	}
	out, err = exec.CommandContext(ctx, "docker", "run", "--rm", "scrutineer-test", "version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "scrutineer ") {
		t.Fatalf("the image's version: %v\n%s", err, out)
	}
}

// reNoRegistry is docker's word that a base image cannot be fetched: no
// network to the registry, which a build machine may not have.
var reNoRegistry = regexp.MustCompile(`(?i)failed to resolve source metadata|pull access denied|dial tcp|no such host|TLS handshake|i/o timeout|connection refused|failed to fetch anonymous token`)

// lastLines is the last n lines of out.
func lastLines(out []byte, n int) string {
	ls := strings.Split(strings.TrimSpace(string(out)), "\n")
	return strings.Join(ls[max(0, len(ls)-n):], "\n")
}

// TestServiceUnit checks the systemd unit's shape: its sections, and a
// service that runs serve as an unprivileged user with its state in
// systemd's state folder; systemd-analyze verifies it where installed.
func TestServiceUnit(t *testing.T) {
	f, err := os.Open("scrutineer.service")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	keys := map[string]string{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]"):
			section = l
		default:
			k, v, ok := strings.Cut(l, "=")
			if !ok || section == "" {
				t.Fatalf("not a unit line: %q", l)
			}
			keys[section+k] = v
		}
	}
	for k, want := range map[string]string{
		"[Service]DynamicUser":     "yes",
		"[Service]StateDirectory":  "scrutineer",
		"[Service]Restart":         "on-failure",
		"[Install]WantedBy":        "multi-user.target",
		"[Service]NoNewPrivileges": "yes",
	} {
		if keys[k] != want {
			t.Errorf("%s = %q, want %q", k, keys[k], want)
		}
	}
	if !strings.Contains(keys["[Service]ExecStart"], "scrutineer serve") {
		t.Errorf("ExecStart = %q, want scrutineer serve", keys["[Service]ExecStart"])
	}
}
