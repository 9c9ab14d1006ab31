package cli

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

func TestFigures(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{"short form", []string{"figures", "Bath and NE Somerset"}, ExitOK,
			[]string{"Bath and North East Somerset (DfE 800, E06000022), South West", "Re-referrals within 12 months", "Statistical neighbours", "Open Government Licence v3.0"}, ""},
		{"formal name, one measure", []string{"figures", "Kent County Council", "--measure", "rereferrals_12m"}, ExitOK,
			[]string{"Kent (DfE 886", "2025", "21.6%", "22.6%", "28.4%", "20.5%", "6 of 11", "better", "worse", "21-25: 28.1 21.5 21.8 23.3 21.6", "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"}, ""},
		{"name in words", []string{"figures", "London", "Borough", "of", "Brent", "--measure", "cla_rate"}, ExitOK, []string{"Brent (DfE 304"}, ""},
		{"ambiguous", []string{"figures", "Kingston"}, ExitFailed, nil, "Kingston upon Hull, City of (810) or Kingston upon Thames (314)"},
		{"unknown", []string{"figures", "Kentt"}, ExitFailed, nil, "the closest are Kent (886)"},
		{"unknown measure", []string{"figures", "Kent", "--measure", "nope"}, ExitFailed, nil, "unknown measure"},
		{"no council", []string{"figures"}, ExitUsage, nil, "missing COUNCIL"},
		{"measure list", []string{"figures", "--measure", "list"}, ExitOK, []string{"rereferrals_12m", "sw_caseload"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errs)
			}
			for _, s := range tc.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			if !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tc.stderr)
			}
		})
	}
}

// The JSON form has the shape: council, neighbours and measures
// with exactly their keys.
func TestFiguresJSON(t *testing.T) {
	code, out, errs := run(t, "figures", "--json", "Kent")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var council map[string]any
	json.Unmarshal(doc["council"], &council)
	wantKeys(t, "council", council, "name", "code", "new_code", "region")
	if council["code"] != "886" || council["new_code"] != "E10000016" || council["region"] != "South East" {
		t.Errorf("council %v", council)
	}
	var neighbours []map[string]any
	json.Unmarshal(doc["neighbours"], &neighbours)
	if len(neighbours) != 10 {
		t.Fatalf("%d neighbours", len(neighbours))
	}
	wantKeys(t, "neighbour", neighbours[0], "name", "code")
	var measures []map[string]any
	json.Unmarshal(doc["measures"], &measures)
	if len(measures) < 30 {
		t.Fatalf("%d measures", len(measures))
	}
	var rr map[string]any
	for _, m := range measures {
		wantKeys(t, "measure", m, "id", "title", "unit", "polarity", "year", "value", "england", "region", "neighbours", "neighbour_rank", "suppressed", "source", "trend")
		if m["id"] == "rereferrals_12m" {
			rr = m
		}
	}
	if rr == nil {
		t.Fatal("no rereferrals_12m")
	}
	if rr["value"] != 21.6 || rr["england"] != 22.6 || rr["region"] != 28.4 || rr["neighbours"] != 20.5 || rr["neighbour_rank"] != 6.0 || rr["suppressed"] != false || rr["polarity"] != "Low" || rr["year"] != 2025.0 {
		t.Errorf("rereferrals_12m: %v", rr)
	}
	trend := rr["trend"].([]any)
	if len(trend) != 5 {
		t.Fatalf("trend %v", trend)
	}
	wantKeys(t, "trend", trend[0].(map[string]any), "year", "value")
	if !strings.Contains(out, `"attribution": "Contains public sector information licensed under the Open Government Licence v3.0."`) {
		t.Error("no attribution")
	}
}

// A suppressed value is null and marked suppressed, never zero.
func TestFiguresJSONSuppressed(t *testing.T) {
	code, out, errs := run(t, "figures", "--json", "--measure", "referrals_nfa", "North Tyneside")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc figuresOut
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Measures[0]
	if m.Year != 2025 || m.Value != nil || !m.Suppressed || m.NeighbourRank != nil {
		t.Errorf("North Tyneside's suppressed 2025 NFA rate: %+v", m)
	}
}

func wantKeys(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	if len(m) != len(keys) {
		t.Errorf("%s has %d keys, want %v: %v", what, len(m), keys, m)
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks %q", what, k)
		}
	}
}

// BenchmarkFigures is the whole figures command for a council, text and
// JSON, the snapshot read once as a command does it.
func BenchmarkFigures(b *testing.B) {
	for _, args := range [][]string{{"figures", "Kent County Council"}, {"figures", "--json", "Bath and NE Somerset"}} {
		b.Run(args[len(args)-1], func(b *testing.B) {
			for b.Loop() {
				if code := Main(context.Background(), args, Stdio{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}); code != ExitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
