package english

import (
	"strings"
)

// Analysed is a text's analysed terms, as the theme matcher reads them.
type Analysed struct {
	Terms []string // analysed terms, jargon keys in place after their match
	N     int      // number of analysed (non-key) terms
}

// Analyse analyses a text: its terms with jargon keys after the phrases
// they stand for, and the count of real terms.
func Analyse(text string) Analysed {
	toks := Expand(Analyze(text))
	a := Analysed{Terms: make([]string, len(toks))}
	for i, t := range toks {
		a.Terms[i] = t.Term
		if !strings.HasPrefix(t.Term, "syn_") {
			a.N++
		}
	}
	return a
}
