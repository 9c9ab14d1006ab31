package bleveindex

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/index"
)

// The helper runs in a child process started by the tests below: it opens
// the index named by SCRUTINEER_HELPER_DIR and does what
// SCRUTINEER_HELPER says.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv("SCRUTINEER_HELPER")
	if mode == "" {
		t.Skip("run as a child process only")
	}
	dir := os.Getenv("SCRUTINEER_HELPER_DIR")
	if at := os.Getenv("SCRUTINEER_HELPER_STAGE"); at != "" {
		createHook = func(stage string) {
			if stage == at {
				// Die as a kill would: no deferred calls, no Close.
				_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
				time.Sleep(time.Minute)
			}
		}
	}
	x, err := Open(dir, Options{Create: true, LockTimeout: 200 * time.Millisecond})
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	switch mode {
	case "hold":
		fmt.Println("opened")
		time.Sleep(time.Minute) // until killed
	case "ingest":
		_, err := x.IngestPaths(context.Background(), []string{os.Getenv("SCRUTINEER_HELPER_SRC")}, IngestOptions{
			BatchSize: 30, Workers: 1,
			Progress: func(p Progress) { fmt.Printf("done %d\n", p.FilesDone) },
		})
		fmt.Println("ingest:", err)
	case "ingest-json":
		timeout, _ := time.ParseDuration(os.Getenv("SCRUTINEER_HELPER_TIMEOUT"))
		sum, err := x.IngestPaths(context.Background(), []string{os.Getenv("SCRUTINEER_HELPER_SRC")}, IngestOptions{FileTimeout: timeout, Workers: 2})
		data, _ := json.Marshal(sum)
		fmt.Printf("summary: %s\n", data)
		fmt.Println("ingest:", err)
	}
	x.Close()
}

func helper(t *testing.T, mode, dir, src string, env ...string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "SCRUTINEER_HELPER="+mode, "SCRUTINEER_HELPER_DIR="+dir, "SCRUTINEER_HELPER_SRC="+src)
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, bufio.NewScanner(out)
}

// waitFor reads the child's lines until one starts with prefix.
func waitFor(t *testing.T, sc *bufio.Scanner, prefix string) {
	t.Helper()
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), prefix) {
			return
		}
		if strings.HasPrefix(sc.Text(), "open:") {
			t.Fatalf("child: %s", sc.Text())
		}
	}
	t.Fatalf("child ended before printing %q", prefix)
}

// TestOpenHeldByOtherProcess opens an index another process holds.
func TestOpenHeldByOtherProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	_, sc := helper(t, "hold", dir, "")
	waitFor(t, sc, "opened")
	_, err := Open(dir, Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, index.ErrInUse) {
		t.Fatalf("open of a held index: %v", err)
	}
	if want := "index " + dir + " is in use by another process"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}

// TestIngestKilled kills a process half way through an ingest and checks
// that the index opens, searches and agrees with its file records.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	src := t.TempDir()
	for i := 0; i < 40; i++ {
		writeFile(t, src, fmt.Sprintf("p%02d.txt", i), paper(fmt.Sprintf("topic %d", i), 40))
	}
	dir := filepath.Join(t.TempDir(), "idx")
	cmd, sc := helper(t, "ingest", dir, src)
	waitFor(t, sc, "done 8")
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	x, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer x.Close()
	docs, err := x.Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, d := range docs {
		total += d.Passages
	}
	if n, _ := x.Passages(); n != uint64(total) {
		t.Errorf("%d passages indexed, %d recorded for %d files", n, total, len(docs))
	}
	t.Logf("%d of 40 files in the index after the kill", len(docs))
	if len(docs) == 40 {
		t.Logf("the child finished before it was killed")
	}
	if len(docs) > 0 {
		if r := doSearch(t, x, Query{Text: "fostering households"}); len(r.Hits) == 0 {
			t.Errorf("no hits after the kill")
		}
	}
	sum, err := x.IngestPaths(context.Background(), []string{src}, IngestOptions{})
	if err != nil || sum.Added+sum.Unchanged != 40 || sum.Unchanged != len(docs) {
		t.Errorf("ingest after the kill = %+v, %v (had %d files)", sum, err, len(docs))
	}
}

// checkAfterKill opens the index a killed child left in dir and ingests
// src into it: both must work, whatever the moment of the kill, and the
// index must then hold every file of src.
func checkAfterKill(t *testing.T, dir, src string, files int) {
	t.Helper()
	if x, err := Open(dir, Options{}); err == nil {
		x.Close()
	} else if !errors.Is(err, index.ErrNoIndex) {
		t.Fatalf("open without create after the kill: %v", err)
	}
	x, err := Open(dir, Options{Create: true})
	if err != nil {
		t.Fatalf("open after the kill: %v", err)
	}
	defer x.Close()
	sum, err := x.IngestPaths(context.Background(), []string{src}, IngestOptions{})
	if err != nil || sum.Added+sum.Unchanged != files || len(sum.Skipped) > 0 {
		t.Fatalf("ingest after the kill = %+v, %v", sum, err)
	}
	docs, err := x.Documents(context.Background())
	if err != nil || len(docs) != files {
		t.Fatalf("%d documents after the kill and a new ingest, want %d (%v)", len(docs), files, err)
	}
}

// TestCreateKilledAtEachStage kills the process at each stage of creating
// an index, before and after the version record is written: the next open
// and ingest work.
func TestCreateKilledAtEachStage(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	src := t.TempDir()
	writeFile(t, src, "a.txt", paper("foster carers", 3))
	for _, at := range []string{"created", "versioned", "closed", "renamed"} {
		t.Run(at, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "idx")
			cmd, sc := helper(t, "ingest", dir, src, "SCRUTINEER_HELPER_STAGE="+at)
			for sc.Scan() {
				t.Logf("child: %s", sc.Text())
			}
			if err := cmd.Wait(); err == nil {
				t.Fatalf("the child was not killed at %q", at)
			}
			checkAfterKill(t, dir, src, 1)
		})
	}
}

// TestIngestKilledEarly kills an ingest into a new index at twenty moments
// of its first second (most in its first 200 ms, while the index is being
// created and its first files written): the next open and ingest work
// every time.
func TestIngestKilledEarly(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	src := t.TempDir()
	for i := 0; i < 4; i++ {
		writeFile(t, src, fmt.Sprintf("p%d.txt", i), paper(fmt.Sprintf("topic %d", i), 30))
	}
	const kills = 20
	finished := 0
	for i := 0; i < kills; i++ {
		// Spread over the first second, closer together at its start,
		// where the index is created and the first files written.
		after := time.Duration(float64(time.Second) * float64(i*i) / float64(kills*kills))
		dir := filepath.Join(t.TempDir(), "idx")
		cmd, sc := helper(t, "ingest", dir, src)
		time.Sleep(after)
		_ = cmd.Process.Kill()
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "ingest: <nil>") {
				finished++
			}
		}
		cmd.Wait()
		checkAfterKill(t, dir, src, 4)
	}
	t.Logf("%d of %d children finished before their kill", finished, kills)
}
