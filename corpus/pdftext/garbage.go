package pdftext

import (
	"strings"
	"unicode"
)

// looksGarbled reports whether a page's text looks like raw font codes
// rather than words: what comes out of fonts without a usable Unicode map.
// Two shapes are caught: runs of ASCII punctuation standing for letters
// (subset fonts numbered from 0x21, giving `!"#$%&'()*'+`), and mojibake
// where letters come out shifted (`3HQČåQtSURVWĜHGN`), whose words mix
// case at random. Pages with few characters are never judged.
func looksGarbled(t string) bool {
	var total, alnum, punct, bad int
	for _, r := range t {
		switch {
		case r == ' ' || r == '\n':
			continue
		case r == 0xfffd || (r >= 0xe000 && r <= 0xf8ff) || unicode.IsControl(r):
			bad++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			alnum++
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			punct++
		}
		total++
	}
	if total < 40 {
		return false
	}
	if bad*10 > total {
		return true
	}
	if punct*100 > total*40 && alnum*2 < total {
		return true
	}
	words, weird := 0, 0
	for _, w := range strings.Fields(t) {
		rs := []rune(w)
		if len(rs) < 4 {
			continue
		}
		letters := 0
		for _, r := range rs {
			if unicode.IsLetter(r) {
				letters++
				if r >= 0x370 {
					// Other scripts (CJK, Arabic...) are not judged by
					// word shape.
					letters = -1 << 20
				}
			}
		}
		if letters < 3 {
			continue
		}
		words++
		if mixedCase(rs) {
			weird++
		}
	}
	return words >= 15 && weird*100 > words*30
}

// mixedCase reports an upper-case letter straight after a lower-case one,
// or a letter-symbol-letter sandwich, both rare in real words.
func mixedCase(rs []rune) bool {
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
			return true
		}
		if i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) &&
			!unicode.IsLetter(rs[i]) && !strings.ContainsRune("-'’.&/", rs[i]) && !unicode.IsDigit(rs[i]) {
			return true
		}
	}
	return false
}
