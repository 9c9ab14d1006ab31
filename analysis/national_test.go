package analysis

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/scrutineer/scrutineer/analysis/internal/testbank"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// TestNationalFiguresOfKent briefs Kent's Q3 2024/25 performance report
// and checks each indicator set against the national figures: the year is
// the latest DfE had published when the report came out (January 2025:
// 2024 for children in need and care leavers, 2023 for the workforce),
// and the council's and England's figures are those of the published
// files in ../shared.
func TestNationalFiguresOfKent(t *testing.T) {
	path := corpustest.SharedFile(t, "testdata/pdfs/real/council/kent-quarterly-performance-report-q3-2024-25.pdf")
	dir := filepath.Join(corpustest.Shared(t), "data", "national")
	doc, err := corpus.Open(context.Background(), path, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(testbank.Default(t)).Brief(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if r.Meta.CouncilCode != "886" {
		t.Errorf("council code %q, want 886 (Kent)", r.Meta.CouncilCode)
	}
	wantYear := map[string]int{"rereferrals_12m": 2024, "care_leavers_eet_19_21": 2024, "sw_caseload": 2023}
	checked := map[string]bool{}
	for _, it := range r.Items {
		for _, ind := range it.Indicators {
			n := ind.National
			if y, ok := wantYear[n.Measure]; ok && n.Year != y {
				t.Errorf("%s: year %d, want %d", n.Measure, n.Year, y)
			}
			rows := csvRows(t, filepath.Join(dir, n.Source))
			if rows == nil {
				continue // a measure from the LAIT table, not a tidy file
			}
			if n.Value != nil && !rowHas(rows, strconv.Itoa(n.Year), "886", *n.Value) {
				t.Errorf("%s %d: Kent's %v is not in %s", n.Measure, n.Year, *n.Value, n.Source)
			}
			if n.England != nil && !rowHas(rows, strconv.Itoa(n.Year), "", *n.England) {
				t.Errorf("%s %d: England's %v is not in %s", n.Measure, n.Year, *n.England, n.Source)
			}
			checked[n.Measure] = true
		}
	}
	for m := range wantYear {
		if !checked[m] {
			t.Errorf("%s: not set against the national figures", m)
		}
	}
}

// csvRows reads a tidy release file; nil when it is not one.
func csvRows(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err == nil && len(rows) > 0 && len(rows[0]) > 0 {
		rows[0][0] = strings.TrimPrefix(rows[0][0], "\ufeff")
	}
	if err != nil || len(rows) == 0 || rows[0][0] != "time_period" {
		return nil
	}
	return rows
}

// rowHas reports whether a row of the year for a council (code "" for
// England) holds the value in one of its cells.
func rowHas(rows [][]string, year, code string, v float64) bool {
	head := rows[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		return -1
	}
	yc, lc, gc := col("time_period"), col("old_la_code"), col("geographic_level")
	for _, r := range rows[1:] {
		if r[yc] != year {
			continue
		}
		if code == "" && r[gc] != "National" || code != "" && (lc < 0 || r[lc] != code) {
			continue
		}
		for _, c := range r {
			if x, err := strconv.ParseFloat(strings.TrimSpace(c), 64); err == nil && x == v {
				return true
			}
		}
	}
	return false
}
