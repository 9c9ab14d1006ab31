package bot

import (
	"testing"
)

// A paper shared privately, then removed by another command, is forgotten
// by the running bot: the same name added again is everyone's.
func TestForget(t *testing.T) {
	private := paperRef{ID: "0123456789ab", Name: "private.pdf"}
	b, _ := newTestBot(t, nil, Deps{}, func(c *Config) { c.SharedDir = t.TempDir() })
	if err := b.access.shared(private, "D0CLERK", "U0CLERK", "", false); err != nil {
		t.Fatal(err)
	}
	if b.access.visibleTo(private, "U0OTHER") {
		t.Fatal("a paper shared in a direct message is seen by others")
	}
	if err := b.Forget(private.ID, private.Name); err != nil {
		t.Fatal(err)
	}
	if !b.access.visibleTo(private, "U0OTHER") {
		t.Error("after Forget the bot still keeps the paper private")
	}
	a, err := loadAccess(b.cfg.PacksDir())
	if err != nil {
		t.Fatal(err)
	}
	if !a.visibleTo(private, "U0OTHER") {
		t.Error("after Forget the packs folder still records the paper as private")
	}
}
