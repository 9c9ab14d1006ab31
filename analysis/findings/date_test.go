package findings

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

func TestParseDate(t *testing.T) {
	d := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in         string
		ok         bool
		start, end time.Time
	}{
		{"31 October 2026", true, d(2026, 10, 31), d(2026, 10, 31)},
		{"31st October 2026", true, d(2026, 10, 31), d(2026, 10, 31)},
		{"1st of Sept 2026", true, d(2026, 9, 1), d(2026, 9, 1)},
		{"October 31, 2026", true, d(2026, 10, 31), d(2026, 10, 31)},
		{"September 2026", true, d(2026, 9, 1), d(2026, 9, 30)},
		{"Feb 2028", true, d(2028, 2, 1), d(2028, 2, 29)},
		{"end of March 2027", true, d(2027, 3, 1), d(2027, 3, 31)},
		{"by the end of March 2027", true, d(2027, 3, 1), d(2027, 3, 31)},
		{"Q3 2026/27", true, d(2026, 10, 1), d(2026, 12, 31)},
		{"Q4 2026/27", true, d(2027, 1, 1), d(2027, 3, 31)},
		{"Q1 2026-2027", true, d(2026, 4, 1), d(2026, 6, 30)},
		{"Q2 2026", true, d(2026, 4, 1), d(2026, 6, 30)},
		{"31/10/2026", true, d(2026, 10, 31), d(2026, 10, 31)},
		{"31.10.26", true, d(2026, 10, 31), d(2026, 10, 31)},
		{"1.10.2026", true, d(2026, 10, 1), d(2026, 10, 1)},
		{"31/10/26", true, d(2026, 10, 31), d(2026, 10, 31)},
		{"1.1.13", false, time.Time{}, time.Time{}},
		{"2026-10-31", true, d(2026, 10, 31), d(2026, 10, 31)},
		{"autumn 2026", true, d(2026, 9, 1), d(2026, 11, 30)},
		{"winter 2026", true, d(2026, 12, 1), d(2027, 2, 28)},
		{"end of 2026/27", true, d(2026, 4, 1), d(2027, 3, 31)},
		{"end of 2026", true, d(2026, 12, 1), d(2026, 12, 31)},
		{"31 September 2026", false, time.Time{}, time.Time{}},
		{"13/13/2026", false, time.Time{}, time.Time{}},
		{"Q3 2026/29", false, time.Time{}, time.Time{}},
		{"March", false, time.Time{}, time.Time{}},
		{"2026", false, time.Time{}, time.Time{}},
		{"September 2026 and October 2026", false, time.Time{}, time.Time{}},
		{"", false, time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if ok != tt.ok {
			t.Errorf("parseDate(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if ok && (!got.Start.Equal(tt.start) || !got.End.Equal(tt.end)) {
			t.Errorf("parseDate(%q) = %s..%s, want %s..%s", tt.in, got.Start.Format(time.DateOnly), got.End.Format(time.DateOnly), tt.start.Format(time.DateOnly), tt.end.Format(time.DateOnly))
		}
	}
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The strategy will be published by September 2026 and reviewed on 31 October 2026.", []string{"September 2026", "31 October 2026"}},
		{"Target date: 31/10/2026 | Owner: Head of Service", []string{"31/10/2026"}},
		{"due by the end of March 2027", []string{"March 2027"}},
		{"In Q3 2026/27 the service", []string{"Q3 2026/27"}},
		{"There were 2026 referrals in March.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range findDates(tt.in) {
			got = append(got, d.Text)
			if tt.in[d.Pos:d.Stop] != d.Text {
				t.Errorf("findDates(%q): offsets %d:%d do not hold %q", tt.in, d.Pos, d.Stop, d.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("findDates(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{"31 October 2026", "end of March 2027", "Q3 2026/27", "31/10/2026", "September 2026", "Sept '26", "winter 2099", "29 February 2027", "Q4 2099/00", "2026-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		corpustest.Within(t, corpustest.FuzzDeadline, func() error {
			prev := 0
			for _, d := range findDates(s) {
				if d.Pos < prev || d.Stop > len(s) || d.Pos >= d.Stop || s[d.Pos:d.Stop] != d.Text {
					return fmt.Errorf("findDates(%q): bad span %+v", s, d)
				}
				if d.End.Before(d.Start) {
					return fmt.Errorf("findDates(%q): %q ends before it starts", s, d.Text)
				}
				prev = d.Stop
			}
			if d, ok := parseDate(s); ok && d.End.Before(d.Start) {
				return fmt.Errorf("parseDate(%q): ends before it starts", s)
			}
			return nil
		})
	})
}
