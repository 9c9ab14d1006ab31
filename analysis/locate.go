package analysis

import (
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/corpus"
)

// locate moves each cited page, of questions and findings, to the page
// whose text holds the quote: a passage that runs over a page break starts
// on one page and may be quoted from the next. A quote that runs over a
// page break is cut to what its page holds, except an inspection's
// improvement point, which is quoted whole from the page it starts on.
func locate(doc *corpus.Document, r *Report) {
	cleaned := make([]string, len(doc.Pages))
	page := func(n int) string {
		if cleaned[n-1] == "" {
			cleaned[n-1] = figures.Clean(doc.Pages[n-1].Text)
		}
		return cleaned[n-1]
	}
	var all [][]Evidence
	whole := map[int]bool{} // evidence quoted whole however it falls on the pages
	for i := range r.Items {
		for _, q := range r.Items[i].Questions {
			whole[len(all)] = q.Improvement > 0
			all = append(all, q.Evidence)
		}
		for _, f := range r.Items[i].Findings {
			all = append(all, f.Evidence)
		}
	}
	for i, ev := range all {
		for k := range ev {
			q := figures.Clean(ev[k].Quote)
			if ev[k].Page < 1 || ev[k].Page > len(doc.Pages) || strings.Contains(page(ev[k].Page), q) {
				continue
			}
			found := false
			for n := ev[k].Page + 1; n <= len(doc.Pages) && n <= ev[k].Page+3; n++ {
				if strings.Contains(page(n), q) {
					ev[k].Page, ev[k].PrintedPage = n, doc.Pages[n-1].Printed
					found = true
					break
				}
			}
			if !found && !whole[i] {
				// The quote runs over a page break, or the page's text
				// orders the words differently: keep the longest leading
				// part the page holds, when it says enough.
				if pre := onPage(q, page(ev[k].Page)); len(pre) >= 30 {
					ev[k].Quote = pre
				}
			}
		}
	}
}

// onPage returns the longest run of q's leading words that page holds.
func onPage(q, page string) string {
	words := strings.Fields(q)
	for n := len(words) - 1; n > 0; n-- {
		pre := strings.Join(words[:n], " ")
		if strings.Contains(page, pre) {
			return strings.TrimRight(pre, ",;:")
		}
	}
	return ""
}
