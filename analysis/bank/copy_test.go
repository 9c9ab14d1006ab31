package bank

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// copyRun is the shortest run of words the bank may share with the
// guidance it cites. Shorter runs ("how many care leavers are") are normal
// English; eight or more identical words in a row is copying.
const copyRun = 8

// words folds text to lower-case words, treating hyphens, quotes and
// punctuation as breaks, so "looked-after" and "looked after" compare equal.
func words(text string) []string {
	text = strings.NewReplacer("’", "'", "‘", "'").Replace(text)
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

func ngrams(ws []string, n int, into map[string]bool) {
	for i := 0; i+n <= len(ws); i++ {
		into[strings.Join(ws[i:i+n], " ")] = true
	}
}

// TestNoCopyingFromGuidance checks that no description or question of the
// default bank repeats a run of copyRun words from the guidance documents
// it cites. It reads the seed files in place and skips when they are
// absent.
func TestNoCopyingFromGuidance(t *testing.T) {
	shared := corpustest.Shared(t)
	files, _ := filepath.Glob(filepath.Join(shared, "seeds", "guidance", "*.txt"))
	files = append(files, filepath.Join(shared, "seeds", "packs", "hampshire-corporate-parenting-board-2017-11-27.txt"))
	grams := map[string]bool{}
	read := 0
	var probe string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		read++
		ws := words(string(data))
		ngrams(ws, copyRun, grams)
		if probe == "" && len(ws) > 100+copyRun {
			probe = strings.Join(ws[100:100+copyRun+2], " ")
		}
	}
	if read == 0 {
		t.Skip("no guidance seed files found")
	}
	b := mustDefault(t)
	hits := func(text string) bool {
		ws := words(text)
		for i := 0; i+copyRun <= len(ws); i++ {
			if grams[strings.Join(ws[i:i+copyRun], " ")] {
				return true
			}
		}
		return false
	}
	// The check must catch a run lifted from a seed file.
	if !hits("Councillors asked: " + probe + "?") {
		t.Fatalf("copy check missed a run taken from the guidance: %q", probe)
	}
	check := func(where, text string) {
		ws := words(text)
		for i := 0; i+copyRun <= len(ws); i++ {
			g := strings.Join(ws[i:i+copyRun], " ")
			if grams[g] {
				t.Errorf("%s repeats the guidance word for word: %q", where, g)
				return
			}
		}
	}
	for _, th := range b.Themes {
		check(th.ID+" description", th.Description)
		check(th.ID+" title", th.Title)
		for _, l := range th.Lines {
			check(l.ID, l.Question)
		}
	}
	t.Logf("checked against %d guidance files (%d %d-word runs)", read, len(grams), copyRun)
}

func TestWordsFold(t *testing.T) {
	got := strings.Join(words("Looked-after children’s PEPs: 10,000!"), " ")
	if want := "looked after children's peps 10 000"; got != want {
		t.Errorf("words = %q, want %q", got, want)
	}
}
