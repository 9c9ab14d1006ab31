// Package questions turns an item's facts, findings and themes into the
// questions a councillor can read out: wording by kind, gap questions
// (what the guidance expects and the paper does not give), follow-ups,
// ranking and limits.
package questions

import (
	"sync"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/themes"
)

// Asker words and ranks an item's questions from a bank of lines of
// enquiry. It is safe for concurrent use.
type Asker struct {
	bank *bank.Bank
	m    *themes.Matcher

	mu    sync.Mutex
	lines map[string][]map[string]bool // per theme, each line's words
}

// NewAsker returns an Asker for a bank and the matcher built from it.
func NewAsker(b *bank.Bank, m *themes.Matcher) *Asker {
	return &Asker{bank: b, m: m}
}
