package pdftext

import "strings"

// courierWidth is the advance of every Courier glyph.
var courierWidths = func() (w [256]uint16) {
	for i := range w {
		w[i] = 600
	}
	return w
}()

// std14Widths returns the widths of one of the standard 14 fonts (or a
// common metric-compatible substitute such as Arial) by its base name, for
// fonts that carry no Widths array. It returns nil for other fonts.
func std14Widths(base string) *[256]uint16 {
	if i := strings.IndexByte(base, '+'); i == 6 {
		base = base[i+1:] // subset prefix
	}
	n := strings.ToLower(base)
	bold := strings.Contains(n, "bold") || strings.Contains(n, "black") || strings.Contains(n, "heavy")
	italic := strings.Contains(n, "italic") || strings.Contains(n, "oblique")
	switch {
	case strings.HasPrefix(n, "courier"):
		return &courierWidths
	case strings.HasPrefix(n, "helvetica") || strings.HasPrefix(n, "arial"):
		if bold {
			return &helveticaBoldWidths
		}
		return &helveticaWidths
	case strings.HasPrefix(n, "times"):
		switch {
		case bold && italic:
			return &timesBoldItalicWidths
		case bold:
			return &timesBoldWidths
		case italic:
			return &timesItalicWidths
		}
		return &timesWidths
	}
	return nil
}
