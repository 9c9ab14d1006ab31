package pdftext

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// normText makes the two extractors' output comparable word by word:
// NFKC (ligatures), and typographic quotes and dashes as ASCII.
func normText(s string) string {
	s = norm.NFKC.String(s)
	return strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "–", "-", "—", "-", "\u00ad", "-").Replace(s)
}
