package index

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	}
	x.Close()
}

func helper(t *testing.T, mode, dir, src string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "SCRUTINEER_HELPER="+mode, "SCRUTINEER_HELPER_DIR="+dir, "SCRUTINEER_HELPER_SRC="+src)
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
	if !errors.Is(err, ErrInUse) {
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
