package corpus

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestJoinHyphen(t *testing.T) {
	tests := []struct {
		prev, next string
		want       string
		ok         bool
	}{
		{"the service is fos-", "tering children well", "the service is fostering children well", true},
		{"a plan to step-", "down support", "a plan to step-down support", true},
		{"a self-", "assessment was done", "a self-assessment was done", true},
		{"a multi-", "agency panel", "a multi-agency panel", true},
		{"co-", "production", "co-production", true},
		{"aged 18-", "25 were", "", false},     // digits: not a broken word
		{"the plan -", "next year", "", false}, // a dash, not a hyphen
		{"Children's Ser-", "vices", "Children's Services", true},
		{"SEND-", "related costs", "SEND-related costs", true},
		{"the re-", "Design team", "", false}, // next starts upper case
		{"", "anything", "", false},
		{"x-", "ray", "", false}, // one-letter part
	}
	for _, tt := range tests {
		got, ok := joinHyphen(tt.prev, tt.next)
		if ok != tt.ok || got != tt.want {
			t.Errorf("joinHyphen(%q, %q) = %q, %v; want %q, %v", tt.prev, tt.next, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a   b  ", "a\tb"},
		{"Report to  Children's Committee", "Report to\tChildren's Committee"},
		{"One sentence.  Another one", "One sentence. Another one"},
		{"cell\tcell", "cell\tcell"},
		{"a \t b", "a\tb"},
		{"plain text here", "plain text here"},
		{"12 15  18", "12 15\t18"},
	}
	for _, tt := range tests {
		if got := collapseSpace(tt.in); got != tt.want {
			t.Errorf("collapseSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// pagesDoc builds a text document from pages and cleans it.
func pagesDoc(pages ...string) *Document {
	doc := &Document{Source: "t.txt"}
	for i, p := range pages {
		doc.Pages = append(doc.Pages, Page{Number: i + 1, Text: p})
	}
	Clean(doc)
	return doc
}

func TestCleanRunningHeadersAndFooters(t *testing.T) {
	var pages []string
	for i := 1; i <= 5; i++ {
		pages = append(pages, fmt.Sprintf("Agenda Item 5\nWexcombe Fostering Service Annual Report\nBody text of page %d about foster carers.\nMore text.\nPage %d", i, 60+i))
	}
	doc := pagesDoc(pages...)
	for i, p := range doc.Pages {
		if p.Printed != 61+i {
			t.Errorf("page %d: printed %d, want %d", p.Number, p.Printed, 61+i)
		}
		if p.Stamp != "5" {
			t.Errorf("page %d: stamp %q, want 5", p.Number, p.Stamp)
		}
		want := fmt.Sprintf("Body text of page %d about foster carers.\nMore text.", i+1)
		if p.Body != want {
			t.Errorf("page %d: body %q, want %q", p.Number, p.Body, want)
		}
	}
}

func TestCleanKeepsRepeatedContent(t *testing.T) {
	// "RESOLVED:" and cover-sheet lines repeat at page tops but are content.
	var pages []string
	for i := 1; i <= 4; i++ {
		pages = append(pages, fmt.Sprintf("RESOLVED:\nThat item %d be noted.", i))
	}
	for i := 1; i <= 3; i++ {
		pages = append(pages, fmt.Sprintf("Report to  Children's Scrutiny Committee\nSubject  Report number %d", i))
	}
	doc := pagesDoc(pages...)
	for _, p := range doc.Pages {
		if !strings.HasPrefix(p.Body, "RESOLVED:") && !strings.HasPrefix(p.Body, "Report to") {
			t.Errorf("page %d lost its first line: %q", p.Number, p.Body)
		}
	}
}

func TestCleanBareNumbers(t *testing.T) {
	doc := pagesDoc("Front page", "Some text\n1", "More text\n2", "Last\n3")
	want := []int{0, 1, 2, 3}
	for i, p := range doc.Pages {
		if p.Printed != want[i] {
			t.Errorf("page %d: printed %d, want %d", p.Number, p.Printed, want[i])
		}
		if strings.ContainsAny(p.Body, "123") {
			t.Errorf("page %d: number left in body %q", p.Number, p.Body)
		}
	}
	// A lone number on one page is not a page number.
	doc = pagesDoc("Total\n42", "Other text")
	if doc.Pages[0].Printed != 0 || !strings.Contains(doc.Pages[0].Body, "42") {
		t.Errorf("lone number taken as a page number: %+v", doc.Pages[0])
	}
}

func TestCleanBlankAndNoText(t *testing.T) {
	doc := pagesDoc("Text", "This page is intentionally left blank\nPage 4", "   \n ", "Page has been intentionally left blank.")
	tests := []struct{ blank, noText bool }{{false, false}, {true, false}, {true, true}, {true, false}}
	for i, tt := range tests {
		p := doc.Pages[i]
		if p.Blank != tt.blank || p.NoText != tt.noText {
			t.Errorf("page %d: blank %v no_text %v, want %v %v", p.Number, p.Blank, p.NoText, tt.blank, tt.noText)
		}
	}
	if doc.Pages[1].Printed != 4 {
		t.Errorf("blank page's footer not read: %d", doc.Pages[1].Printed)
	}
}

func TestCleanFlowingText(t *testing.T) {
	// One long page, as a text file without form feeds: stamps and a
	// repeated dated header are taken out, and the sentence they cut goes
	// on in one paragraph.
	var b strings.Builder
	b.WriteString("AGENDA\n\n")
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, "Paragraph %d of the minutes, which runs on and on about\n\nAgenda Item 3\n\nSCRUTINY COMMITTEE - TUESDAY 10TH JULY, 2018\n\nthe care leavers in the borough.\n\n", i)
	}
	b.WriteString("This page is intentionally left blank\n\nAgenda Item 4\n\nNext report.\n")
	doc := pagesDoc(b.String())
	p := doc.Pages[0]
	if strings.Contains(p.Body, "TUESDAY 10TH JULY") || strings.Contains(p.Body, "Agenda Item") || strings.Contains(p.Body, "intentionally") {
		t.Errorf("header, stamp or filler left in body")
	}
	if !strings.Contains(p.Body, "runs on and on about\nthe care leavers") {
		t.Errorf("interrupted sentence not rejoined: %q", p.Body[:300])
	}
	var stamps []string
	fillers := 0
	for _, m := range p.Marks {
		if m.Filler {
			fillers++
			if !strings.HasPrefix(p.Body[m.Offset:], "Next report.") {
				t.Errorf("filler mark at %d points at %q", m.Offset, p.Body[m.Offset:])
			}
		} else {
			stamps = append(stamps, m.Stamp)
		}
	}
	if len(stamps) != 61 || stamps[60] != "4" || fillers != 1 {
		t.Errorf("marks: %d stamps (last %q), %d fillers", len(stamps), stamps[len(stamps)-1], fillers)
	}
}

func TestPrintedNumbersGap(t *testing.T) {
	lines := [][]string{{"text", "Page 8"}, {"a landscape table"}, {"text", "Page 10"}, {"text"}, {"text", "Page 13"}}
	if got, want := printedNumbers(lines), []int{8, 9, 10, 0, 13}; !reflect.DeepEqual(got, want) {
		t.Errorf("printedNumbers = %v, want %v", got, want)
	}
}

func TestPrintedNumbersOffsets(t *testing.T) {
	lines := [][]string{{"front"}, {"text", "Page 1"}, {"Page 2 of 9", "text"}, {"text", "- 3 -"}}
	got := printedNumbers(lines)
	if want := []int{0, 1, 2, 0}; !reflect.DeepEqual(got, want) {
		// "- 3 -" alone is one bare number: not enough to trust.
		t.Errorf("printedNumbers = %v, want %v", got, want)
	}
}

func TestDatedHeaderWithPageNumberIsRunning(t *testing.T) {
	doc := &Document{}
	for i := 1; i <= 4; i++ {
		text := "Inspection of Wexcombe local authority children’s services\n3 to 7 March 2025 " +
			strconv.Itoa(i) + "\n\n" + strconv.Itoa(i) + ". Leaders know their services well and act on what they learn."
		doc.Pages = append(doc.Pages, Page{Number: i, Text: text})
	}
	Clean(doc)
	for _, p := range doc.Pages {
		if strings.Contains(p.Body, "March 2025") || strings.Contains(p.Body, "Inspection of Camden") {
			t.Errorf("page %d: running header left in body: %q", p.Number, p.Body)
		}
		if !strings.Contains(p.Body, "Leaders know") {
			t.Errorf("page %d: body lost: %q", p.Number, p.Body)
		}
	}
}
