// Package analysis owns the scrutiny questions: it matches a paper's items
// and passages against the bank of key lines of enquiry (sub-package bank),
// and turns what a report says, and fails to say, into challenge questions
// with page cites. Rendering of briefs lives in sub-package render.
package analysis

import "github.com/scrutineer/scrutineer/corpus"

// Report is the analysis of one file: for `ask`, one item covering the
// whole file; for `brief`, every substantive item of a pack. Its JSON form
// is the stable contract of `ask --json` and `brief --json`.
type Report struct {
	Source string       `json:"source"`
	Meta   corpus.Meta  `json:"meta"`
	Items  []ItemReport `json:"items"`
}

// ItemReport is the analysis of one agenda item.
type ItemReport struct {
	Number    string      `json:"number"`
	Title     string      `json:"title"`
	Kind      corpus.Kind `json:"kind"`
	StartPage int         `json:"start_page"`
	EndPage   int         `json:"end_page"`
	// PrintedStart and PrintedEnd are the printed page range of the item
	// (as corpus.Item has them), 0 when unknown.
	PrintedStart int          `json:"printed_start,omitempty"`
	PrintedEnd   int          `json:"printed_end,omitempty"`
	Themes       []ThemeScore `json:"themes"`
	Questions    []Question   `json:"questions"`
	// Exempt marks an exempt or confidential item.
	Exempt bool `json:"exempt,omitempty"`
}

// ThemeScore is one theme an item is about, with a calibrated score in
// [0, 1].
type ThemeScore struct {
	ID    string  `json:"id"`
	Title string  `json:"title,omitempty"`
	Score float64 `json:"score"`
}

// Question kinds.
const (
	KindEvidence = "evidence"
	KindGap      = "gap"
	KindFollowup = "followup"
)

// Question is one challenge question a councillor can read out.
type Question struct {
	Text  string `json:"text"`
	Theme string `json:"theme"`
	// ThemeTitle is the theme's title from the bank, for display.
	ThemeTitle string `json:"theme_title,omitempty"`
	// Kind is KindEvidence, KindGap or KindFollowup.
	Kind     string     `json:"kind"`
	Evidence []Evidence `json:"evidence"`
}

// Evidence cites a page and a verbatim quote from it.
type Evidence struct {
	Page        int    `json:"page"`
	PrintedPage int    `json:"printed_page,omitempty"`
	Quote       string `json:"quote"`
}
