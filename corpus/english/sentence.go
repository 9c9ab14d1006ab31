package english

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "eg": true, "ie": true, "etc": true, "no": true, "nos": true,
	"cllr": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "para": true,
	"paras": true, "ref": true, "vs": true, "approx": true, "fig": true, "cf": true, "p": true,
	"pp": true, "sch": true, "art": true, "reg": true, "min": true, "v": true, "inc": true,
	"co": true, "ltd": true, "vol": true, "cl": true,
}

// Abbreviation reports whether a word (without its full stop) is an
// abbreviation whose stop does not end a sentence: a known one ("e.g",
// "Cllr", "para") or a single letter (an initial).
func Abbreviation(word string) bool {
	return abbreviations[strings.ToLower(word)] || utf8.RuneCountInString(word) == 1
}

// SentenceEnds splits text[start:end] into sentences, returning each
// one's byte range. A sentence ends at ".", "!" or "?" (maybe followed by
// closing quotes or brackets), then white space, then a capital, a digit,
// an opening quote or bracket, unless the word before a full stop is an
// abbreviation. This is the one sentence splitter of the project: passages
// are cut at its ends, and the analysis reads the sentences it gives.
func SentenceEnds(text string, start, end int) [][2]int {
	var out [][2]int
	s := start
	for i := start; i < end; i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < end && strings.IndexByte(`"')]`, text[j]) >= 0 {
			j++
		}
		for j+3 <= end && (text[j:j+3] == "’" || text[j:j+3] == "”") {
			j += 3
		}
		if j >= end || (text[j] != ' ' && text[j] != '\n' && text[j] != '\t') {
			continue
		}
		k := j
		for k < end && (text[k] == ' ' || text[k] == '\n' || text[k] == '\t') {
			k++
		}
		if k >= end {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:end])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'‘“(`, r)) {
			continue
		}
		if c == '.' && Abbreviation(lastWord(text[s:i])) {
			continue
		}
		out = append(out, [2]int{s, j})
		s = k
		i = k - 1
	}
	if strings.TrimSpace(text[s:end]) != "" {
		out = append(out, [2]int{s, end})
	}
	return out
}

// lastWord returns the word that ends s: what follows its last space, tab
// or opening bracket ("e.g" of "as (e.g", "£1.2m" of "cost £1.2m").
func lastWord(s string) string {
	return s[strings.LastIndexAny(s, " \t\n(")+1:]
}
