package pdftext

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads the cells of a page's tables: where a wide gap parts
// two cells, which lines are rows of a table of words, and the lines a
// row's cells wrap onto.

// cellMark follows the space of a gap wide enough to part a table's
// cells; text() makes it a second space on a row of a table of words (an
// action tracker's "1.1  Deliver …  Head of Fostering  March 2027  Red",
// set apart as laid-out text sets cells, so the table reader finds its
// columns as it does a text file's) and drops it elsewhere: a cover
// sheet's "Report to   Scrutiny Committee", a justified line's wide
// space, and rows of figures, which the table reader reads single spaced.
const cellMark = '\x1e'

// minWordCells is the fewest cells, most of them words, that make a line
// a row of a table of words.
const minWordCells = 4

// cellGap marks the space just written as a cell gap.
func (in *interp) cellGap() {
	if in.lastRune != ' ' {
		return
	}
	ln := in.lines[len(in.lines)-1]
	if b := ln.text.String(); strings.HasSuffix(b, string(cellMark)) || strings.HasSuffix(b, string(cellMark)+" ") {
		return
	}
	ln.text.WriteByte(cellMark)
}

// minWordRows is the fewest rows of a table of words, each with a long
// cell, a page must have for its rows' cell gaps to be kept: a lone line
// with wide gaps (a heading set out in columns, one row of a table of
// figures) stays single spaced.
const minWordRows = 3

// wordRow reports whether line t, with its cell marks, is a row of a
// table of words, and whether one of its cells is long (see minLongCell).
func wordRow(t string) (row, long bool) {
	if !strings.ContainsRune(t, cellMark) {
		return false, false
	}
	cells := strings.Split(t, string(cellMark))
	words := 0
	for _, c := range cells {
		if strings.IndexFunc(c, unicode.IsLetter) >= 0 {
			words++
		}
		long = long || len(strings.Fields(c)) >= minLongCell
	}
	row = len(cells) >= minWordCells && 2*words > len(cells)
	return row, row && long
}

// minLongCell is the fewest words of a long cell (an action, a
// description). A page keeps its rows' cell gaps only when minWordRows of
// them have one: columns of short labels alone are headings set out in
// columns, and a table's header row is kept with the rows below it.
const minLongCell = 4

// wordCells is a row of a table of words as its cells and where each
// starts, to which the lines its cells wrap onto are added.
type wordCells struct {
	text  []string
	start []float64
	tol   float64
	// sep sets the cells apart when the row is written: two spaces in a
	// table of words, one elsewhere.
	sep string
	// raw is the row's line as drawn, written as it was when no line
	// carried on its cells.
	raw     string
	wrapped bool
}

// newWordCells reads a row's cells; nil when its cell marks and cell
// starts do not agree.
func newWordCells(raw string, ln *line) *wordCells {
	parts := strings.Split(raw, string(cellMark))
	if len(parts) != len(ln.cells) {
		return nil
	}
	w := &wordCells{start: ln.cells, tol: 0.5 * math.Max(ln.size, 1), sep: "  ", raw: raw}
	for _, p := range parts {
		w.text = append(w.text, strings.TrimSpace(p))
	}
	return w
}

// absorb adds a line's cells to the row's cells they fall under; it
// reports false, changing nothing, when one of them starts under or left
// of the row's first cell or the line's cells cannot be placed.
func (w *wordCells) absorb(raw string, ln *line) bool {
	parts := strings.Split(raw, string(cellMark))
	if len(parts) != len(ln.cells) {
		return false
	}
	into := make([]int, len(parts))
	for k, pos := range ln.cells {
		j := w.column(pos)
		if j < 1 {
			// Under the row's first cell (a reference, a date): the
			// next row's key, or a first cell wrapped, which stays a
			// line of its own.
			return false
		}
		into[k] = j
	}
	w.add(parts, into)
	return true
}

// absorbWrap adds to a row outside a table of words (a table of grades or
// of figures) a line that carries on its cells' names: each of the line's
// cells starts under one of the row's cells that is not its last, and
// ends before the next one starts ("The impact of leaders on social |
// Requires improvement to be good | Good" / "work practice with children
// and"). The line must start in lower case, as a wrapped name does; a
// line of prose runs past the next cell and is never taken. It reports
// false, changing nothing, otherwise.
func (w *wordCells) absorbWrap(raw string, ln *line) bool {
	parts := strings.Split(raw, string(cellMark))
	if len(parts) != len(ln.cells) || len(ln.ends) != len(ln.cells) || !startsLower(parts[0]) {
		return false
	}
	into := make([]int, len(parts))
	for k, pos := range ln.cells {
		j := w.column(pos)
		if j < 0 || j == len(w.start)-1 || ln.ends[k] > w.start[j+1]-w.tol {
			return false
		}
		into[k] = j
	}
	w.add(parts, into)
	return true
}

// column is the row's last cell that starts at or left of pos (within
// tol), -1 when pos is left of them all.
func (w *wordCells) column(pos float64) int {
	j := len(w.start) - 1
	for j >= 0 && w.start[j] > pos+w.tol {
		j--
	}
	return j
}

// add appends each of parts to the row's cell into gives it.
func (w *wordCells) add(parts []string, into []int) {
	w.wrapped = true
	for k, p := range parts {
		p = strings.TrimSpace(p)
		switch c := &w.text[into[k]]; {
		case p == "":
		case *c == "" || strings.HasSuffix(*c, "-"):
			*c += p
		default:
			*c += " " + p
		}
	}
}

// startsLower reports whether s starts, after spaces, with a lower-case
// letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " "))
	return unicode.IsLower(r)
}

// String is the row as one line, its cells set apart by sep; as drawn
// (its own spaces kept) when no line carried on its cells.
func (w *wordCells) String() string {
	if !w.wrapped {
		return strings.TrimRight(cellGaps(w.raw, w.sep == "  "), " ")
	}
	return strings.Join(w.text, w.sep)
}

// cellGaps resolves a line's cell marks (see cellMark): a second space
// when keep is true, nothing otherwise.
func cellGaps(t string, keep bool) string {
	if !strings.ContainsRune(t, cellMark) {
		return t
	}
	if keep {
		return strings.ReplaceAll(t, string(cellMark), " ")
	}
	return strings.ReplaceAll(t, string(cellMark), "")
}
