package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus/corpustest/hostile"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
)

// TestCLIChild is the command line in a child process started by the
// tests below: it runs the arguments in SCRUTINEER_CLI_ARGS (JSON) under
// the process's signals, with the grace period in SCRUTINEER_CLI_GRACE,
// prints "watching" once signals are watched, and exits with the code.
func TestCLIChild(t *testing.T) {
	argsJSON := os.Getenv("SCRUTINEER_CLI_ARGS")
	if argsJSON == "" {
		t.Skip("run as a child process only")
	}
	var args []string
	if err := json.Unmarshal([]byte(argsJSON), &args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(99)
	}
	grace, _ := time.ParseDuration(os.Getenv("SCRUTINEER_CLI_GRACE"))
	// stuck is a command that heeds no context, as a read stuck inside a
	// parser would.
	register(&command{name: "stuck", summary: "wait for ever", run: func(context.Context, *flag.FlagSet, []string, Stdio) error {
		time.Sleep(time.Hour)
		return nil
	}})
	code := runWithSignals(args, Stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, grace, os.Exit, func() { fmt.Println("watching") })
	os.Exit(code)
}

// child is a running command line in a child process.
type child struct {
	cmd    *exec.Cmd
	stdout *bufio.Scanner
	mu     sync.Mutex
	stderr bytes.Buffer
	done   chan struct{}
	err    error
}

func (c *child) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stderr.Write(p)
}

func (c *child) errText() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stderr.String()
}

// startCLI runs the command line with args in a child process and waits
// until it watches signals.
func startCLI(t *testing.T, grace time.Duration, args ...string) *child {
	t.Helper()
	data, _ := json.Marshal(args)
	c := &child{done: make(chan struct{})}
	c.cmd = exec.Command(os.Args[0], "-test.run=^TestCLIChild$")
	c.cmd.Env = append(os.Environ(), "SCRUTINEER_CLI_ARGS="+string(data), "SCRUTINEER_CLI_GRACE="+grace.String())
	c.cmd.Stderr = c
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.cmd.Process.Kill(); <-c.done })
	c.stdout = bufio.NewScanner(out)
	if !c.stdout.Scan() || c.stdout.Text() != "watching" {
		t.Fatalf("child did not start: %q %s", c.stdout.Text(), c.errText())
	}
	go func() {
		for c.stdout.Scan() {
		}
		c.err = c.cmd.Wait()
		close(c.done)
	}()
	return c
}

// wait waits at most d for the child to end and returns its exit code.
func (c *child) wait(t *testing.T, d time.Duration) int {
	t.Helper()
	select {
	case <-c.done:
	case <-time.After(d):
		t.Fatalf("the command did not end within %v; stderr:\n%s", d, c.errText())
	}
	var ee *exec.ExitError
	if errors.As(c.err, &ee) {
		return ee.ExitCode()
	}
	if c.err != nil {
		t.Fatal(c.err)
	}
	return 0
}

func (c *child) signal(t *testing.T, s os.Signal) {
	t.Helper()
	if err := c.cmd.Process.Signal(s); err != nil {
		t.Fatal(err)
	}
}

// waitStderr waits until the child's stderr holds phrase.
func (c *child) waitStderr(t *testing.T, phrase string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if strings.Contains(c.errText(), phrase) {
			return
		}
	}
	t.Fatalf("stderr never said %q:\n%s", phrase, c.errText())
}

// TestSignals sends the process signals while a command runs: the first
// asks it to stop, a second or the grace period ends it.
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	t.Run("second Ctrl-C ends a stuck command at once", func(t *testing.T) {
		c := startCLI(t, time.Hour, "stuck")
		c.signal(t, os.Interrupt)
		c.waitStderr(t, "stopping (press Ctrl-C again to quit at once)")
		c.signal(t, os.Interrupt)
		if code := c.wait(t, 10*time.Second); code != 130 {
			t.Errorf("exit %d, want 130", code)
		}
	})
	t.Run("the grace period ends a stuck command", func(t *testing.T) {
		c := startCLI(t, time.Second, "stuck")
		start := time.Now()
		c.signal(t, syscall.SIGTERM)
		if code := c.wait(t, 20*time.Second); code != 143 {
			t.Errorf("exit %d, want 143", code)
		}
		if took := time.Since(start); took < time.Second {
			t.Errorf("ended %v after the signal, before the grace period", took)
		}
		if !strings.Contains(c.errText(), "quitting") {
			t.Errorf("stderr does not say it quit:\n%s", c.errText())
		}
	})
	t.Run("Ctrl-C stops an ingest, which keeps what it read and leaves the index whole", func(t *testing.T) {
		src := t.TempDir()
		const files = 120
		para := strings.Repeat("The panel heard how many foster carers were approved and why placements ended. ", 6)
		for i := 0; i < files; i++ {
			text := fmt.Sprintf("Report %d on fostering\n\n%s\n", i, strings.Repeat(para+"\n\n", 40))
			if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("p%03d.txt", i)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		dir := filepath.Join(t.TempDir(), "idx")
		c := startCLI(t, time.Hour, "ingest", "--index", dir, "--workers", "1", src)
		time.Sleep(500 * time.Millisecond)
		c.signal(t, os.Interrupt)
		code := c.wait(t, 30*time.Second)
		if code == ExitOK {
			t.Skipf("the ingest of %d files ended before the signal", files)
		}
		if code != 130 || !strings.Contains(c.errText(), "interrupted") {
			t.Errorf("exit %d, want 130 and an interrupted ingest; stderr:\n%s", code, c.errText())
		}
		x, err := bleveindex.Open(dir, bleveindex.Options{})
		if err != nil {
			t.Fatalf("open after the stop: %v", err)
		}
		defer x.Close()
		docs, err := x.Documents(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		recorded := 0
		for _, d := range docs {
			recorded += d.Passages
		}
		if n, _ := x.Passages(); n != uint64(recorded) {
			t.Errorf("%d passages indexed, %d recorded for %d files", n, recorded, len(docs))
		}
		t.Logf("%d of %d files indexed before the stop", len(docs), files)
		sum, err := x.IngestPaths(context.Background(), []string{src}, index.IngestOptions{})
		if err != nil || sum.Added+sum.Unchanged != files || sum.Unchanged != len(docs) {
			t.Errorf("ingest after the stop = %+v, %v (had %d files)", sum, err, len(docs))
		}
	})
}

// TestHostileFilesEnd runs the command line on each hostile PDF, in a
// child process: each command ends within a deadline, with a one-line
// error naming the file when it cannot be read; a folder ingest of them
// all indexes the good paper beside them.
func TestHostileFilesEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	const deadline = 30 * time.Second
	src := t.TempDir()
	good := filepath.Join(src, "good.txt")
	if err := os.WriteFile(good, []byte("Fostering report\n\nWe approved 31 foster carers this year.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var files []hostile.File
	for _, f := range hostile.Files() {
		files = append(files, f)
		if err := os.WriteFile(filepath.Join(src, f.Name+".pdf"), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("extract", func(t *testing.T) {
		for _, f := range files {
			t.Run(f.Name, func(t *testing.T) {
				t.Parallel()
				path := filepath.Join(src, f.Name+".pdf")
				c := startCLI(t, time.Hour, "extract", "--timeout", "2s", path)
				code := c.wait(t, deadline)
				stderr := strings.TrimSpace(c.errText())
				switch {
				case code == ExitOK:
					if f.Want != "" {
						t.Logf("read, where the reader should say %q", f.Want)
					}
				case code != ExitFailed:
					t.Errorf("exit %d, want 0 or 1; stderr:\n%s", code, stderr)
				case strings.Count(stderr, "\n") > 0 || !strings.HasPrefix(stderr, "scrutineer extract: ") || !strings.Contains(stderr, f.Name+".pdf"):
					t.Errorf("want one line naming the file, got:\n%s", stderr)
				}
			})
		}
	})
	t.Run("ingest", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "idx")
		c := startCLI(t, time.Hour, "ingest", "--index", dir, "--file-timeout", "2s", "--json", src)
		if code := c.wait(t, 2*deadline); code != ExitOK {
			t.Fatalf("exit %d; stderr:\n%s", code, c.errText())
		}
		for _, f := range files {
			if f.Want != "" && !strings.Contains(c.errText(), f.Name+".pdf: ") {
				t.Errorf("%s was neither read nor reported as skipped:\n%s", f.Name, c.errText())
			}
		}
		x, err := bleveindex.Open(dir, bleveindex.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		res, err := x.Search(context.Background(), index.Query{Text: "foster carers"})
		if err != nil || len(res.Hits) == 0 {
			t.Errorf("the good paper is not indexed: %v", err)
		}
	})
}
