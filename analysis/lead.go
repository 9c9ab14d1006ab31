package analysis

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/inspection"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus"
)

// Lead questions: at most maxLead an item, from findings at least
// leadSeverity severe.
const (
	maxLead      = 3
	leadSeverity = 0.4
)

// markLead marks an item's lead questions and lists them first: the
// questions on its most serious findings (not strengths), most severe
// first; for an inspection, its first improvement points. An item with
// nothing serious has none.
func markLead(ir *ItemReport) {
	severity := map[string]float64{}
	for _, f := range ir.Findings {
		if !f.Strength {
			severity[f.ID] = f.Severity
		}
	}
	var picked []int
	for i, q := range ir.Questions {
		switch {
		case ir.Inspection != nil && q.Improvement > 0 && q.Improvement <= maxLead:
			picked = append(picked, i)
		case ir.Inspection == nil && severity[q.Finding] >= leadSeverity:
			picked = append(picked, i)
		}
	}
	sort.SliceStable(picked, func(a, b int) bool {
		return severity[ir.Questions[picked[a]].Finding] > severity[ir.Questions[picked[b]].Finding]
	})
	if len(picked) > maxLead {
		picked = picked[:maxLead]
	}
	lead := map[int]bool{}
	for _, i := range picked {
		lead[i] = true
	}
	out := make([]Question, 0, len(ir.Questions))
	for _, i := range picked {
		q := ir.Questions[i]
		q.Lead = true
		out = append(out, q)
	}
	for i, q := range ir.Questions {
		if !lead[i] {
			out = append(out, q)
		}
	}
	ir.Questions = out
}

// passiveVerbs turn a recommendation's passive into what the committee
// is asked to do.
var passiveVerbs = map[string]string{"noted": "note", "received": "receive", "approved": "approve", "agreed": "agree", "endorsed": "endorse", "considered": "consider", "supported": "support"}

// Limits of an item's summary.
const (
	summaryWords = 45 // of one sentence
	asksMax      = 3  // recommendations named
)

var (
	// reRecVerb is a recommendation's verb in the third person ("notes",
	// "agrees"), said as the committee is asked ("note", "agree").
	reRecVerb = regexp.MustCompile(`^(?i)(note|agree|comment|consider|approve|endorse|receive|scrutinise|scrutinize|review|support|recommend|request|ask|welcome|accept|delegate|add|identify|reflect)s\b`)
	// reBaseVerb is a recommendation that opens with what the committee is
	// asked to do ("note the report").
	reBaseVerb = regexp.MustCompile(`^(?i)(?:note|agree|comment|consider|approve|endorse|receive|scrutinise|scrutinize|review|support|recommend|request|ask|welcome|accept|delegate|add|identify|reflect|confirm|decide|determine)\b`)
	// reBodyLead is the body a recommendation names before its verb
	// ("Overview and Scrutiny committee support ...").
	reBodyLead = regexp.MustCompile(`^(?i)(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,5}?(?:committee|board|panel|members?|cabinet)\s+(?:is\s+|are\s+)?(?:asked\s+|recommended\s+)?(?:to\s+)?`)
	// rePassive is a recommendation in the passive ("the report be
	// noted").
	rePassive = regexp.MustCompile(`^(?i)(.{3,}?)\s+(?:be|is)\s+(noted|received|approved|agreed|endorsed|considered|supported)$`)
	// reThatThe opens a recommendation ("That the committee ...").
	reThatThe = regexp.MustCompile(`(?i)^(?:\(?[a-z0-9]{1,3}[).]\s*)?(?:that\b\s*[:-]*\s*)?(?:to\s+)?`)
	// reAndVerb is a second verb in the third person ("note the report
	// and comments on ...").
	reAndVerb = regexp.MustCompile(`(?i)\b(and|or)\s+(note|agree|comment|consider|approve|endorse|receive|review|support|welcome|accept|identify)s\b`)
	// reSectionNumber opens a numbered paragraph ("1.1 ").
	reSectionNumber = regexp.MustCompile(`^\d+(?:\.\d+)*\.?\s+`)
)

// summarise says what an item's paper is, what it asks the committee to
// do, and its headline figure, in two or three plain sentences from the
// paper's own cover sheet and the most serious finding.
func summarise(it corpus.Item, ir *ItemReport) string {
	var parts []string
	if it.Cover != nil && it.Cover.Summary != "" {
		parts = append(parts, firstSentence(reSectionNumber.ReplaceAllString(it.Cover.Summary, "")))
	} else if it.Kind == corpus.KindMinutes {
		parts = append(parts, "The minutes of the committee's last meeting.")
	}
	if in := ir.Inspection; in != nil && len(in.Judgements)+len(in.Improvements) > 0 && len(parts) == 0 {
		parts = append(parts, inspectionLine(in))
	}
	if it.Cover != nil && len(it.Cover.Recommendations) > 0 {
		var asks, others []string
		for _, r := range it.Cover.Recommendations[:min(len(it.Cover.Recommendations), asksMax)] {
			r = strings.TrimSpace(reThatThe.ReplaceAllString(strings.TrimSpace(r), ""))
			if v := strings.TrimSpace(reBodyLead.ReplaceAllString(r, "")); reBaseVerb.MatchString(v) || reRecVerb.MatchString(v) {
				r = v // "Overview and Scrutiny committee support ..."
			}
			r = strings.TrimSuffix(strings.TrimRight(r, " ;,."), " and")
			r = strings.TrimRight(r, " ;,.")
			if m := rePassive.FindStringSubmatch(r); m != nil {
				r = passiveVerbs[strings.ToLower(m[2])] + " " + lowerFirst(strings.TrimSpace(m[1]))
			}
			if len(strings.Fields(r)) < 3 || strings.HasSuffix(r, ":") || strings.HasSuffix(r, "-") {
				continue // a lead-in ("That:-"), not a recommendation
			}
			if reRecVerb.MatchString(r) || reBaseVerb.MatchString(r) {
				asks = append(asks, reAndVerb.ReplaceAllString(reRecVerb.ReplaceAllString(r, "$1"), "$1 $2"))
			} else {
				others = append(others, r)
			}
		}
		if len(asks) > 0 {
			parts = append(parts, "It asks the committee to "+joinAnd(asks)+".")
		} else if len(others) > 0 {
			parts = append(parts, "It recommends: “"+others[0]+"”.")
		}
	}
	for _, f := range ir.Findings {
		if !f.Strength && f.Severity >= leadSeverity {
			parts = append(parts, "Most serious finding: "+lowerFirst(firstSentence(f.Summary)))
			break
		}
	}
	return strings.Join(parts, " ")
}

// inspectionLine says an inspection's outcome in a sentence.
func inspectionLine(in *report.Inspection) string {
	var b strings.Builder
	b.WriteString("Inspectors judged ")
	grades := make([]string, 0, len(in.Judgements))
	for _, j := range in.Judgements {
		if j.Area == "overall" {
			grades = append([]string{"overall effectiveness " + inspection.Judged(j.Grade)}, grades...)
		}
	}
	if len(grades) == 0 && len(in.Judgements) > 0 {
		grades = append(grades, inspection.AreaName(in.Judgements[0].Area)+" "+inspection.Judged(in.Judgements[0].Grade))
	}
	if len(grades) == 0 {
		b.Reset()
		b.WriteString("Inspectors set ")
	} else {
		b.WriteString(grades[0])
		b.WriteString(" and set ")
	}
	b.WriteString(plural(len(in.Improvements), "point"))
	b.WriteString(" to improve.")
	return b.String()
}

// firstSentence is the first sentence of s, cut at a word to
// summaryWords words.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i+1]
	}
	ws := strings.Fields(s)
	if len(ws) > summaryWords {
		s = strings.TrimRight(strings.Join(ws[:summaryWords], " "), ",;:") + " …"
	} else if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

// joinAnd joins phrases with commas and a final "and".
func joinAnd(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// plural counts a noun: "1 point", "6 points".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// lowerFirst lower-cases a sentence's first letter unless it opens with
// an acronym ("MASH", "EHCP").
func lowerFirst(s string) string {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
