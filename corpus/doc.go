// Package corpus owns the reading of committee papers: it turns a PDF or a
// plain-text file into a Document of pages, agenda items and passages that
// keep their page numbers. Extraction of PDF text lives in the pdftext
// sub-package; this package cleans pages (running headers and footers, blank
// pages), splits agenda packs into items and cuts items into passages.
package corpus

// Kind classifies an agenda item.
type Kind string

// Item kinds, as used in the JSON contract.
const (
	KindAgenda   Kind = "agenda"
	KindMinutes  Kind = "minutes"
	KindReport   Kind = "report"
	KindAppendix Kind = "appendix"
	KindOther    Kind = "other"
)

// Page is one physical page of a file.
type Page struct {
	// Number is the 1-based physical page (PDF page index, or the count of
	// form-feed separated pages of a text file).
	Number int `json:"number"`
	// Printed is the page number printed on the page ("Page 63"), 0 when the
	// page carries none.
	Printed int `json:"printed_page,omitempty"`
	// Text is the page's text as extracted, in reading order.
	Text string `json:"text"`
	// Body is Text without running headers, footers and page stamps; it is
	// what passages are cut from.
	Body string `json:"-"`
	// Stamp is the agenda item number of an "Agenda Item N" stamp on the
	// page, "" when there is none.
	Stamp string `json:"-"`
	// Blank marks a page with no content beyond a filler such as "This page
	// is intentionally left blank".
	Blank bool `json:"blank,omitempty"`
	// NoText marks a page with no text layer at all (a scan).
	NoText bool `json:"no_text,omitempty"`
	// Marks are the item stamps and blank-page fillers Clean took out of
	// the page, with their places in Body. A text file without form feeds
	// is one long page, so the boundaries between its agenda items are
	// found from these marks.
	Marks []Mark `json:"-"`
}

// Mark is something Clean removed from a page's text that still tells
// where an agenda item starts.
type Mark struct {
	// Offset is the byte offset in Page.Body where the removed line stood.
	Offset int
	// Stamp is the item number of an "Agenda Item N" stamp, "" for a filler.
	Stamp string
	// Filler is true for a "This page is intentionally left blank" line: a
	// page break that a flowing text file no longer shows.
	Filler bool
}

// Meta is what a pack's front page says about the meeting.
type Meta struct {
	Council string `json:"council,omitempty"`
	// CouncilCode is the council's three-digit DfE number ("886"), set by
	// the analysis from its national figures; "" when not known.
	CouncilCode string `json:"council_code,omitempty"`
	Committee   string `json:"committee,omitempty"`
	// Date is the meeting date as YYYY-MM-DD, "" when unknown.
	Date string `json:"date,omitempty"`
	// Time is the meeting's start as 24-hour HH:MM, "" when unknown.
	Time string `json:"time,omitempty"`
}

// Cover is what a report's cover sheet says about it.
type Cover struct {
	ReportTo        string   `json:"report_to,omitempty"`
	MeetingDate     string   `json:"meeting_date,omitempty"`
	Subject         string   `json:"subject,omitempty"`
	ReportOf        string   `json:"report_of,omitempty"`
	Wards           string   `json:"wards,omitempty"`
	Summary         string   `json:"summary,omitempty"`
	Recommendations []string `json:"recommendations,omitempty"`
	// Exempt is true when the report says it is exempt or confidential
	// (Schedule 12A to the Local Government Act 1972).
	Exempt       bool   `json:"exempt,omitempty"`
	ExemptReason string `json:"exempt_reason,omitempty"`
}

// Item is one agenda item of a pack, or the whole file when it is not a pack.
type Item struct {
	// Number is the agenda item number as printed ("4", "4a"); "" for the
	// agenda itself or a file that is not a pack.
	Number string `json:"number"`
	Title  string `json:"title"`
	// StartPage and EndPage are physical pages, inclusive.
	StartPage int `json:"start_page"`
	EndPage   int `json:"end_page"`
	// StartOffset is the byte offset in StartPage's Body where the item
	// begins (0: the top of the page). EndOffset is the byte offset in
	// EndPage's Body where it stops, 0 meaning the end of the page. Items
	// of a text file without page breaks share page 1 and differ only here.
	StartOffset int `json:"start_offset,omitempty"`
	EndOffset   int `json:"end_offset,omitempty"`
	// PrintedStart and PrintedEnd are the printed page range from the
	// agenda ("Pages 61 - 78"), 0 when unknown.
	PrintedStart int    `json:"printed_start,omitempty"`
	PrintedEnd   int    `json:"printed_end,omitempty"`
	Kind         Kind   `json:"kind"`
	Cover        *Cover `json:"cover,omitempty"`
	// Exempt is true when the item is exempt or confidential.
	Exempt   bool      `json:"exempt,omitempty"`
	Passages []Passage `json:"-"`
}

// Passage is a paragraph-sized chunk of an item's text. It never crosses an
// item boundary.
type Passage struct {
	// Item is the agenda item number the passage belongs to.
	Item string `json:"item"`
	// Page is the physical page the passage starts on.
	Page int `json:"page"`
	// PrintedPage is the printed number of that page, 0 when none.
	PrintedPage int `json:"printed_page,omitempty"`
	// PageInferred marks a printed page worked out rather than read: in a
	// text pack with no page breaks, from the agenda's page range of the
	// item and the "Agenda Item N" stamps and blank-page fillers that
	// start its pages.
	PageInferred bool `json:"page_inferred,omitempty"`
	// Heading is the nearest section heading above the passage.
	Heading string `json:"heading,omitempty"`
	Text    string `json:"text"`
}

// Document is one file read into pages and, after splitting, items.
type Document struct {
	// Source is the file's base name, as cited to users.
	Source string `json:"source"`
	// Path is the path the file was read from.
	Path string `json:"-"`
	// URL is the paper's own web address when known (where it was
	// downloaded from); the index records it as the paper's source.
	URL string `json:"url,omitempty"`
	// Hash is the hex SHA-256 of the file's bytes.
	Hash string `json:"hash,omitempty"`
	// Format is "pdf" or "text".
	Format string `json:"format,omitempty"`
	Meta   Meta   `json:"meta"`
	Pages  []Page `json:"pages"`
	Items  []Item `json:"items,omitempty"`
	// Warnings are non-fatal problems a user should hear about (pages with
	// no text layer, pages the PDF library could not read).
	Warnings []string `json:"warnings,omitempty"`
}

// PrintedPage returns the printed number of physical page n, 0 when unknown.
func (d *Document) PrintedPage(n int) int {
	if n < 1 || n > len(d.Pages) {
		return 0
	}
	return d.Pages[n-1].Printed
}
