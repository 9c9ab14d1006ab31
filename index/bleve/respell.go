package bleveindex

import (
	"context"
	"fmt"
	"unicode/utf8"
)

// Spelling is corrected word by word: a word of the query that no passage
// has ("safegaurding") is searched as the words spelled nearly so, while
// the query's other words are searched as typed. A word that some passage
// has is never respelled, however few passages have it.

// unknownWords returns the query's plain words (not quoted, not in a
// field, not excluded) of at least minFuzzyWord letters whose terms no
// passage text holds.
func (x *Index) unknownWords(ctx context.Context, cs []clause) ([]string, error) {
	var cands []clause
	for _, c := range cs {
		if c.field == "" && !c.not && !c.phrase && utf8.RuneCountInString(c.text) >= minFuzzyWord {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return nil, nil
	}
	adv, err := x.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("open reader: %w", err)
	}
	defer r.Close()
	var out []string
	for _, c := range cands {
		toks := analyze(c.text)
		if len(toks) == 0 {
			continue // a stop word
		}
		known := false
		for _, t := range toks {
			tfr, err := r.TermFieldReader(ctx, t.Term, fText, false, false, false)
			if err != nil {
				return nil, fmt.Errorf("look up %q: %w", t.Term, err)
			}
			n := tfr.Count()
			tfr.Close()
			if n > 0 {
				known = true
				break
			}
		}
		if !known {
			out = append(out, c.text)
		}
	}
	return out, nil
}

// countWords counts the clauses that find words (not excluded, not
// filters).
func countWords(cs []clause) int {
	n := 0
	for _, c := range cs {
		if c.findsWords() {
			n++
		}
	}
	return n
}
