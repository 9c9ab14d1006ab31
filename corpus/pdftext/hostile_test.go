package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
	"github.com/scrutineer/scrutineer/corpus/corpustest/hostile"
)

// TestHostile reads every generated hostile file under a deadline: each
// gives the error it should, or its text with the warning it should, and
// none hangs.
func TestHostile(t *testing.T) {
	for _, f := range hostile.Files() {
		t.Run(f.Name, func(t *testing.T) {
			corpustest.Within(t, corpustest.FuzzDeadline, func() error {
				res, err := Extract(context.Background(), f.Data, Options{})
				return checkHostile(f, res, err)
			})
		})
	}
}

// checkHostile says how a result differs from what f expects.
func checkHostile(f hostile.File, res *Result, err error) error {
	if f.Want != "" {
		if err == nil {
			return fmt.Errorf("read %d pages, want an error with %q", len(res.Pages), f.Want)
		}
		if !strings.Contains(err.Error(), f.Want) {
			return fmt.Errorf("err = %v, want %q", err, f.Want)
		}
		if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooComplex) {
			return fmt.Errorf("err = %v wraps neither ErrMalformed nor ErrTooComplex", err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("err = %v, want text %q", err, f.Text)
	}
	if !strings.Contains(strings.Join(res.Pages, "\n"), f.Text) {
		return fmt.Errorf("text %q lacks %q", res.Pages, f.Text)
	}
	warnings := strings.Join(res.Warnings, "\n")
	if !strings.Contains(warnings, f.Warn) {
		return fmt.Errorf("warnings %q lack %q", res.Warnings, f.Warn)
	}
	if f.Sound && len(res.Warnings) > 0 {
		return fmt.Errorf("a sound file gave warnings %q", res.Warnings)
	}
	return nil
}

// TestXrefChain checks the reading of /Prev chains before the library
// sees them.
func TestXrefChain(t *testing.T) {
	file := func(name string) []byte {
		f, ok := hostile.ByName(name)
		if !ok {
			t.Fatalf("no hostile file %s", name)
		}
		return f.Data
	}
	sound := pagesPDF([]string{"BT /F1 12 Tf 72 700 Td (Sound) Tj ET"}, f1, "", "")
	tests := []struct {
		name              string
		data              []byte
		loop, undercounts bool
	}{
		{"sound", sound, false, false},
		{"self loop", file("xref-prev-self-loop"), true, false},
		{"two sections", file("xref-prev-two-section-loop"), true, false},
		{"xref stream", file("xref-stream-prev-self-loop"), true, false},
		{"merged, trailer undercounts", file("merged-undercounted-trailer"), false, true},
		{"no startxref", sound[:len(sound)/2], false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := scanXrefChain(tc.data)
			if c.loop != tc.loop || c.undercounted() != tc.undercounts {
				t.Errorf("loop %v undercounted %v (size %d, table %d), want %v %v", c.loop, c.undercounted(), c.size, c.tableLen, tc.loop, tc.undercounts)
			}
		})
	}
	// The grown trailer reads whole and adds nothing to a sound file's
	// text.
	merged := file("merged-undercounted-trailer")
	grown := growTrailer(merged, scanXrefChain(merged))
	if !bytes.HasPrefix(grown, merged) {
		t.Fatal("growTrailer changed the file's own bytes")
	}
	if c := scanXrefChain(grown); c.loop || c.undercounted() {
		t.Errorf("grown file: loop %v, undercounted %v", c.loop, c.undercounted())
	}
}

// TestDeadline checks that Extract returns at its deadline even while the
// reading is busy, with ErrDeadline for its own deadline and the context's
// error for the caller's.
func TestDeadline(t *testing.T) {
	bomb, _ := hostile.ByName("deflate-bomb")
	corpustest.Within(t, corpustest.FuzzDeadline, func() error {
		start := time.Now()
		_, err := Extract(context.Background(), bomb.Data, Options{Timeout: 20 * time.Millisecond})
		if !errors.Is(err, ErrDeadline) || errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("own deadline: err = %v, want ErrDeadline only", err)
		}
		if d := time.Since(start); d > 2*time.Second {
			return fmt.Errorf("own deadline of 20ms returned after %v", d)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		_, err = Extract(ctx, bomb.Data, Options{})
		if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrDeadline) {
			return fmt.Errorf("caller's deadline: err = %v, want context.DeadlineExceeded", err)
		}
		return nil
	})
}

// TestBudget checks each budget on its own: a bomb spends the inflation
// budget, and a small budget of page references stops a long /Kids.
func TestBudget(t *testing.T) {
	bomb, _ := hostile.ByName("deflate-bomb")
	_, err := Extract(context.Background(), bomb.Data, Options{})
	if !errors.Is(err, ErrTooComplex) || !strings.Contains(err.Error(), "decompressed") {
		t.Errorf("bomb: err = %v, want ErrTooComplex about decompressed data", err)
	}
	b := newBudget(context.Background(), context.Background(), 0, 0)
	b.pageRefs = maxPageRefs
	if b.pageRef() || !errors.Is(b.errStopped(), ErrTooComplex) {
		t.Errorf("page references past the budget: err = %v, want ErrTooComplex", b.errStopped())
	}
	b = newBudget(context.Background(), context.Background(), 0, 0)
	b.objects = maxObjects
	if b.object() || !errors.Is(b.errStopped(), ErrTooComplex) {
		t.Errorf("objects past the budget: err = %v, want ErrTooComplex", b.errStopped())
	}
}
