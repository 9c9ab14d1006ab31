package samplepack

import (
	"errors"
	"strings"
	"testing"
)

func TestCells(t *testing.T) {
	got := cells("CS01  Contacts with a decision (%)  High   95.0")
	want := []string{"CS01", "Contacts with a decision (%)", "High", "95.0"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells = %q, want %q", got, want)
	}
}

func TestSpanCells(t *testing.T) {
	header := "Ref  Indicator  Target  Dec 2025  Mar 2026  England  RAG"
	span := "                        Quarter ending      Comparators"
	cs, cols := spanCells(span, header)
	if strings.Join(cs, "|") != "Quarter ending|Comparators" {
		t.Fatalf("cells %q", cs)
	}
	if cols[0] != 3 || cols[1] != 5 {
		t.Errorf("columns %v, want [3 5]", cols)
	}
}

func TestRenderTextLandscapeAndOverflow(t *testing.T) {
	wide := "Agenda Item 1\n" + strings.Repeat("A long indicator name that needs room  ", 8) + "\n" +
		strings.Repeat("A long indicator name that needs room  ", 8) + "\nPage 1"
	p, err := layTextPage(newMeasurer(), strings.Split(wide, "\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if !p.landscape {
		t.Error("a table too wide for portrait should turn the page")
	}
	full := "Agenda Item 1\n" + strings.Repeat("a line of running text\n", 80) + "Page 1"
	if _, err := RenderText(TextPack{Text: full}); !errors.Is(err, ErrPageFull) {
		t.Errorf("overfull page: err %v, want ErrPageFull", err)
	}
}
