package samplepack

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	m := newMeasurer()
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "Page 1", 100, []string{"Page 1"}},
		{"forced break", "That the committee:\n(a) notes the report", 170, []string{"That the committee:", "(a) notes the report"}},
		{"empty line kept", "a\n\nb", 170, []string{"a", "", "b"}},
		{"long word alone", "supercalifragilistic", 5, []string{"supercalifragilistic"}},
		{"wraps at spaces", "one two three four", 20, []string{"one two", "three four"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := m.wrap(tc.text, "", bodySize, tc.width)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrap(%q, %.0f) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
			for _, l := range got {
				if strings.Contains(l, " ") && m.width(l, "", bodySize) > tc.width {
					t.Errorf("line %q is wider than %.0f mm", l, tc.width)
				}
			}
		})
	}
}

func TestRAGFill(t *testing.T) {
	tests := []struct {
		text string
		want *rgb
	}{
		{"Red", red}, {"Amber", amber}, {"Green", green}, {"red", nil}, {"Outstanding", nil},
	}
	for _, tc := range tests {
		if got := ragFill(tc.text); got != tc.want {
			t.Errorf("ragFill(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
