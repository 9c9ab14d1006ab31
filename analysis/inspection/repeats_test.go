package inspection

import (
	"fmt"
	"testing"
)

func TestRepeats(t *testing.T) {
	before := []Point{
		{Text: "Ensure that return home interviews are offered to all children who go missing and that what they say informs their plans."},
		{Text: "Improve the timeliness of initial health assessments for children in care."},
		{Text: "Ensure that pathway plans for care leavers are up to date and written with them."},
	}
	now := []Point{
		{Text: "The quality and timeliness of pathway plans for care leavers."},
		{Text: "The response to domestic abuse."},
		{Text: "Return home interviews for children who go missing, and the use of what children say."},
		{Text: "The timeliness of health assessments for children in care."},
		{Text: "Care leavers' access to their health histories."},
	}
	got := fmt.Sprint(Repeats(now, before))
	if want := "[2 -1 0 1 -1]"; got != want {
		t.Errorf("Repeats = %s, want %s", got, want)
	}
	if got := Repeats(now, nil); len(got) != len(now) || got[0] != -1 {
		t.Errorf("Repeats with nothing before = %v", got)
	}
}
