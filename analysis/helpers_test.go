package analysis

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/bank"
)

// testBank is the embedded default bank; tests that need the whole bank
// fail when it does not load.
func testBank(t testing.TB) *bank.Bank {
	t.Helper()
	b, err := bank.Default()
	if err != nil {
		t.Fatalf("default bank: %v", err)
	}
	return b
}
