package analysis

import (
	"strings"

	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/national"
	"github.com/scrutineer/scrutineer/analysis/questions"
	"github.com/scrutineer/scrutineer/corpus"
)

// Earlier reads an inspection report from a document (or a pack's
// inspection item): nil when it holds none.
func Earlier(doc *corpus.Document) *inspection.Inspection {
	if doc == nil {
		return nil
	}
	if insp := inspection.Read(doc.Pages); insp != nil {
		return insp
	}
	for _, it := range doc.Items {
		if insp := inspection.Read(itemPages(doc, it, false)); insp != nil && len(insp.Improvements) > 0 {
			return insp
		}
	}
	return nil
}

// CompareEarlier compares the inspections of r with an earlier inspection
// of the same council, read from the paper source (Earlier): each
// improvement point that repeats one of the earlier report's is marked
// with that point, and its question asks why it was not put right. It
// returns how many points repeat. An earlier inspection of another
// council, or one that is not earlier, changes nothing.
func CompareEarlier(r *Report, before *inspection.Inspection, source string) int {
	if before == nil {
		return 0
	}
	n := 0
	for i := range r.Items {
		it := &r.Items[i]
		now := it.Inspection
		if now == nil || !SameCouncil(now.Council, before.Council) || !earlier(before, now.Inspected) {
			continue
		}
		pts := make([]inspection.Point, len(now.Improvements))
		for k, p := range now.Improvements {
			pts[k] = inspection.Point{Text: p.Text}
		}
		for k, j := range inspection.Repeats(pts, before.Improvements) {
			if j < 0 {
				continue
			}
			bp := before.Improvements[j]
			now.Improvements[k].Repeats = &EarlierPoint{Source: source, Date: before.From, Text: bp.Text, Page: bp.Page}
			for q := range it.Questions {
				if it.Questions[q].Improvement == k+1 {
					questions.Repeated(&it.Questions[q], before.From)
				}
			}
			n++
		}
	}
	return n
}

// SameCouncil reports whether two names are one council: the same
// national code, or the same words.
func SameCouncil(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	ca, errA := national.Lookup(a)
	cb, errB := national.Lookup(b)
	if errA == nil && errB == nil {
		return ca.Code == cb.Code
	}
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// earlier reports whether an inspection began before a period (ISO
// dates); unknown dates are not earlier.
func earlier(before *inspection.Inspection, now *Period) bool {
	return now != nil && before.From != "" && now.From != "" && before.From < now.From
}
