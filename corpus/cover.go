package corpus

import (
	"regexp"
	"strings"
	"unicode"
)

// coverField names the Cover field a cover-sheet label fills.
type coverField int

const (
	fieldNone coverField = iota
	fieldReportTo
	fieldDate
	fieldSubject
	fieldReportOf
	fieldWards
	fieldSummary
	fieldRecs
	fieldExempt
	fieldOther // a known label whose value is not kept (contact, portfolio)
)

// coverLabels maps normalised cover-sheet labels to fields. Labels vary by
// council; these are the ones seen in real packs.
var coverLabels = map[string]coverField{
	"report to": fieldReportTo, "to": fieldReportTo, "committee/panel": fieldReportTo,
	"committee": fieldReportTo, "meeting": fieldReportTo, "decision maker": fieldReportTo,
	"date of meeting": fieldDate, "meeting date": fieldDate, "date": fieldDate,
	"subject": fieldSubject, "title": fieldSubject, "report title": fieldSubject, "title of report": fieldSubject,
	"report of": fieldReportOf, "report from": fieldReportOf, "report by": fieldReportOf,
	"from": fieldReportOf, "by": fieldReportOf, "lead officer": fieldReportOf, "report author": fieldReportOf,
	"responsible officer": fieldReportOf, "lead director": fieldReportOf,
	"wards affected": fieldWards, "wards": fieldWards, "ward(s) affected": fieldWards,
	"ward": fieldWards, "electoral division": fieldWards, "electoral divisions": fieldWards,
	"electoral division(s)": fieldWards, "divisions affected": fieldWards,
	"summary": fieldSummary, "purpose": fieldSummary, "purpose of report": fieldSummary,
	"purpose of the report": fieldSummary, "executive summary": fieldSummary, "report summary": fieldSummary,
	"recommendation": fieldRecs, "recommendations": fieldRecs, "recommendation(s)": fieldRecs,
	"exempt / confidential": fieldExempt, "exempt/confidential": fieldExempt,
	"exempt or confidential": fieldExempt, "confidential / exempt": fieldExempt,
	"exempt / confidential report": fieldExempt, "exempt/confidential report": fieldExempt,
	"exempt": fieldExempt, "confidential": fieldExempt, "classification": fieldExempt,
	"exempt information": fieldExempt, "is the report exempt": fieldExempt, "exempt report": fieldExempt,
	"key decision": fieldOther, "is this a key decision": fieldOther, "portfolio": fieldOther,
	"cabinet member": fieldOther, "decision no": fieldOther, "contact officer": fieldOther,
	"included in forward plan": fieldOther, "past pathway of report": fieldOther,
	"future pathway of report": fieldOther, "contact name": fieldOther, "tel": fieldOther,
	"email": fieldOther, "telephone number": fieldOther, "email address": fieldOther,
	"is the decision eligible for call-in": fieldOther, "reasons for the recommendation(s)": fieldOther,
	"appendices": fieldOther, "background papers": fieldOther, "time of meeting": fieldOther,
}

var reSchedule12A = regexp.MustCompile(`(?i)(?:by virtue of|under)\s+paragraphs?\s+([\d,\sand&]+?)\s+of\s+(?:part\s+1\s+of\s+)?schedule\s+12a`)

// labelOf splits "Label: value" (or "Label\tvalue") and returns the field
// the label names, the value and true when the label is known.
func labelOf(l string) (coverField, string, bool) {
	l = stripMarkup(l)
	if m := reNumbered.FindString(l); m != "" {
		l = strings.TrimSpace(l[len(m):])
	}
	cut := strings.IndexAny(l, ":\t?")
	var label, value string
	if cut < 0 {
		label = l
	} else {
		label, value = l[:cut], strings.TrimSpace(strings.Trim(l[cut+1:], ":-\t "))
	}
	key := strings.ToLower(strings.Join(strings.Fields(label), " "))
	f, ok := coverLabels[key]
	if !ok {
		return prefixLabel(l)
	}
	return f, value, true
}

// prefixLabels are labels recognised at the start of a line even without
// a colon or a gap after them ("Subject Fostering Service Annual Report"),
// as PDF text often has them; longest first.
var prefixLabels = []string{
	"exempt / confidential report", "exempt / confidential", "date of meeting", "wards affected",
	"recommendation(s)", "recommendations", "report to", "report of", "report from",
	"report title", "subject", "summary", "classification", "key decision",
}

// prefixLabel matches a line that starts with one of prefixLabels followed
// by a space and a capital, a digit or a bracket.
func prefixLabel(l string) (coverField, string, bool) {
	ll := strings.ToLower(l)
	for _, p := range prefixLabels {
		if !strings.HasPrefix(ll, p+" ") {
			continue
		}
		rest := strings.TrimSpace(l[len(p):])
		if rest == "" {
			continue
		}
		r := []rune(rest)[0]
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '(' {
			continue
		}
		return coverLabels[p], rest, true
	}
	return fieldNone, "", false
}

// labelValue is one label and its value on a cover-sheet line.
type labelValue struct {
	field coverField
	value string
}

// lineLabels returns the cover-sheet labels on one line: "Label: value",
// or the label cells of a table row each with the cell after it.
func lineLabels(l string) []labelValue {
	if strings.HasPrefix(l, "|") || strings.Contains(l, "\t") {
		cells := tableCells(l)
		var out []labelValue
		for k := 0; k < len(cells); k++ {
			f, v, ok := labelOf(cells[k])
			if !ok {
				continue
			}
			// The cells up to the next label hold the value.
			for k+1 < len(cells) {
				if _, _, isLabel := labelOf(cells[k+1]); isLabel && cells[k+1] != "" {
					break
				}
				k++
				if cells[k] != "" {
					v = strings.TrimSpace(v + " " + cells[k])
				}
			}
			out = append(out, labelValue{f, v})
		}
		if len(out) > 0 {
			return out
		}
	}
	if f, v, ok := labelOf(l); ok && len(l) < 250 {
		return []labelValue{{f, v}}
	}
	return nil
}

// tableCells splits a table row ("| a | b |" or "a\tb") into cells.
func tableCells(l string) []string {
	var cells []string
	if strings.HasPrefix(l, "|") {
		for _, c := range strings.Split(strings.Trim(l, "|"), "|") {
			cells = append(cells, strings.TrimSpace(c))
		}
		return cells
	}
	for _, c := range strings.Split(l, "\t") {
		cells = append(cells, strings.TrimSpace(c))
	}
	return cells
}

// coverScanLines is how many non-empty lines of an item are read for a
// cover sheet.
const coverScanLines = 70

// readCover reads a report's cover sheet from the first lines of an item.
// It returns nil when fewer than two cover fields are found.
func readCover(lines []string) *Cover {
	c := &Cover{}
	found := 0
	var (
		open    coverField // a field whose value continues on the next lines
		summary []string
		recs    []string
	)
	set := func(f coverField, v string) {
		v = strings.TrimSpace(v)
		switch f {
		case fieldReportTo:
			if c.ReportTo == "" && v != "" {
				c.ReportTo = v
				if d, ok := parseDate(v); ok && c.MeetingDate == "" {
					c.MeetingDate = d
				}
			}
		case fieldDate:
			if d, ok := parseDate(v); ok {
				c.MeetingDate = d
			}
		case fieldSubject:
			if c.Subject == "" {
				c.Subject = v
			}
		case fieldReportOf:
			if c.ReportOf == "" {
				c.ReportOf = v
			}
		case fieldWards:
			if c.Wards == "" {
				c.Wards = strings.TrimRight(v, ";,. ")
			}
		case fieldExempt:
			lv := strings.ToLower(v)
			switch {
			case lv == "" || strings.HasPrefix(lv, "no") || strings.Contains(lv, "unrestricted") || strings.HasPrefix(lv, "public") || strings.HasPrefix(lv, "open") || strings.HasPrefix(lv, "n/a"):
			case strings.HasPrefix(lv, "yes") || strings.Contains(lv, "exempt") || strings.Contains(lv, "confidential") || strings.Contains(lv, "restricted") || strings.Contains(lv, "not for publication"):
				c.Exempt = true
				if c.ExemptReason == "" {
					c.ExemptReason = v
				}
			}
		case fieldSummary:
			if v != "" {
				summary = append(summary, v)
			}
		case fieldRecs:
			if v != "" {
				recs = append(recs, v)
			}
		}
	}
	seen := 0
	for i := 0; i < len(lines) && seen < coverScanLines; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			switch open {
			case fieldSubject, fieldReportTo, fieldReportOf, fieldWards, fieldDate, fieldExempt, fieldOther:
				// A value runs on only until the paragraph ends.
				open = fieldNone
			case fieldSummary:
				if len(strings.Join(summary, " ")) > 600 {
					open = fieldNone
				}
			}
			continue
		}
		seen++
		if strings.Contains(l, "12A") || strings.Contains(l, "12a") {
			if m := reSchedule12A.FindStringSubmatch(l); m != nil && !negated(l) {
				c.Exempt = true
				if c.ExemptReason == "" {
					c.ExemptReason = "paragraph " + strings.TrimSpace(m[1]) + " of Part 1 of Schedule 12A to the Local Government Act 1972"
				}
			}
		}
		if isRuleRow(l) {
			continue
		}
		if lvs := lineLabels(l); len(lvs) > 0 {
			found += len(lvs)
			open = fieldNone
			for _, lv := range lvs {
				v := lv.value
				if v == "" && len(lvs) == 1 && lv.field != fieldSummary && lv.field != fieldRecs {
					// The value is on the next non-empty line, unless that
					// is another label.
					for j := i + 1; j < len(lines) && j <= i+3; j++ {
						n := strings.TrimSpace(lines[j])
						if n == "" {
							continue
						}
						if len(lineLabels(n)) == 0 {
							v = n
							i = j
						}
						break
					}
				}
				if lv.field == fieldSummary && len(summary) > 0 || lv.field == fieldRecs && len(recs) > 0 {
					// A later "Summary" section of the report body.
					open = fieldNone
					continue
				}
				set(lv.field, v)
				open = lv.field
			}
			continue
		}
		if (open == fieldSummary && len(summary) > 0 || open == fieldRecs && len(recs) > 0) && headingOf(l, false) != "" {
			open = fieldNone
		}
		if (open == fieldSubject || open == fieldReportTo || open == fieldReportOf) && (strings.HasSuffix(l, ".") || len(l) > 120) {
			// A value wrapped onto the next line is a fragment, not a
			// sentence.
			open = fieldNone
		}
		if heading(l) != "" && reNumbered.MatchString(l) {
			// The body of the report has begun ("1. Introduction").
			open = fieldNone
			if found >= 2 && (c.Summary != "" || len(summary) > 0 || len(recs) > 0) {
				break
			}
			continue
		}
		switch open {
		case fieldSubject:
			c.Subject += " " + l
		case fieldReportTo:
			c.ReportTo += " " + l
		case fieldReportOf:
			c.ReportOf += " " + l
		case fieldSummary:
			if len(strings.Join(summary, " ")) < 1200 {
				summary = append(summary, l)
			}
		case fieldRecs:
			if len(recs) < 12 {
				recs = append(recs, l)
			}
		}
	}
	if found < 2 {
		return nil
	}
	c.Summary = strings.Join(summary, " ")
	c.Recommendations = splitRecommendations(recs)
	if c.ReportTo == "" && c.Subject == "" && c.MeetingDate == "" && c.ReportOf == "" {
		return nil
	}
	return c
}

// negated reports whether a Schedule 12A sentence says the report is not
// exempt ("no part of this report is exempt under ...").
func negated(l string) bool {
	ll := strings.ToLower(l)
	for _, w := range []string{" not ", "no part", "none of", "excludes", "exclude "} {
		if strings.Contains(" "+ll, w) {
			return true
		}
	}
	return false
}

var reRecMarker = regexp.MustCompile(`^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s|\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|\(?[ivx]{1,4}\)|[-•*–])\s*`)

// splitRecommendations turns the lines under a recommendations label into
// one entry per recommendation: a line starting with a marker ("(1)",
// "A.", "a)", "-") starts one, other lines continue the last.
func splitRecommendations(lines []string) []string {
	var out []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || len(out) == 0 && strings.HasSuffix(l, ":") {
			continue
		}
		if reRecMarker.MatchString(l) || len(out) == 0 {
			rest := strings.TrimSpace(reRecMarker.ReplaceAllString(l, ""))
			if rest == "" {
				// A marker alone on its line: the text follows.
				out = append(out, "")
				continue
			}
			if len(out) > 0 && out[len(out)-1] == "" {
				out[len(out)-1] = rest
				continue
			}
			out = append(out, rest)
			continue
		}
		if out[len(out)-1] == "" {
			out[len(out)-1] = l
		} else {
			out[len(out)-1] += " " + l
		}
	}
	var kept []string
	for _, r := range out {
		if r != "" {
			kept = append(kept, r)
		}
	}
	return kept
}
