// Package questions turns an item's facts, findings and themes into the
// questions a councillor can read out: wording by kind, gap questions
// (what the guidance expects and the paper does not give), follow-ups,
// ranking and limits.
package questions

import (
	"sync"

	"github.com/scrutineer/scrutineer/analysis/themes"
)

// Asker words and ranks an item's questions from the bank of lines of
// enquiry its matcher was built from. It is safe for concurrent use.
type Asker struct {
	m *themes.Matcher

	mu    sync.Mutex
	lines map[string][]map[string]bool // per theme, each line's words
}

// NewAsker returns an Asker for a theme matcher and its bank.
func NewAsker(m *themes.Matcher) *Asker {
	return &Asker{m: m}
}
