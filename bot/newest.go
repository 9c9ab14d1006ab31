package bot

import (
	"regexp"
	"slices"
	"time"
)

// isoDate finds a date written 2026-10-14, as papers' dates and the file
// names of fetched packs are.
var isoDate = regexp.MustCompile(`(?:19|20)\d\d-[01]\d-[0-3]\d`)

// yearWord finds a year the user named ("fostering 2018"): then they
// want that paper, not the newest.
var yearWord = regexp.MustCompile(`\b(?:19|20)\d\d\b`)

// paperDate is the date of a paper's meeting: its own date, else one in
// its file name; the zero time when neither says.
func paperDate(p Paper) time.Time {
	for _, s := range []string{p.Date, p.Source} {
		if d := isoDate.FindString(s); d != "" {
			if t, err := time.Parse("2006-01-02", d); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// preferNewest orders papers, which come best match first, newest first:
// a councillor asking about "the fostering report" means this year's,
// not one from 2018 whose title happens to match better. Undated papers
// keep their order after the dated ones. When topic names a year the
// order is left as it is. It reports whether the first paper is now the
// newest of two or more dated papers.
func preferNewest(papers []Paper, topic string) bool {
	if yearWord.MatchString(topic) {
		return false
	}
	dated := 0
	for _, p := range papers {
		if !paperDate(p).IsZero() {
			dated++
		}
	}
	if dated < 2 {
		return false
	}
	slices.SortStableFunc(papers, func(a, b Paper) int {
		return paperDate(b).Compare(paperDate(a))
	})
	return true
}
