package questions

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/report"
)

// gap is one kind of evidence the guidance expects.
type gap struct {
	kind  bank.EvidenceKind
	texts []string // question wordings, %s = topic
}

// gapText words a gap question about a topic: not "the work on this
// committee's work".
func gapText(tmpl, topic string) string {
	if strings.HasSuffix(topic, " work") {
		tmpl = strings.Replace(tmpl, "the work on %s", "%s", 1)
	}
	return fmt.Sprintf(tmpl, topic)
}

var gaps = []gap{
	{bank.Comparison, []string{
		"The report does not compare the figures on %s with similar councils or the England average. How do we compare, and what does that tell us?",
		"There is no comparison here with statistical neighbours or national figures for %s. Are we doing better or worse than similar councils?",
	}},
	{bank.Views, []string{
		"The report does not say what children and families think about %s. What have they told us, and what has changed because of it?",
		"We hear nothing from children themselves about %s. How are their views gathered, and what do they say?",
	}},
	{bank.Outcome, []string{
		"The report describes activity on %s but not the difference it has made for children. What has improved for them, and how do we know?",
		"Beyond the activity listed, what outcomes for children has the work on %s achieved, and what is the evidence?",
	}},
	{bank.Trend, []string{
		"The report gives no earlier figures for %s. Are things getting better or worse over the last few years?",
		"Without previous years' figures for %s we cannot see the direction of travel. What is the trend, and what is driving it?",
	}},
	{bank.Plan, []string{
		"The report sets out no actions with dates and owners for %s. What will be done, by whom and by when, and how will members follow it?",
		"There is no timetable here for %s. Who is accountable, what are the milestones, and when should members expect a report back?",
	}},
}

// has reports whether the item's text gives evidence of a kind, testing
// each kind once per item.
func (it *Input) has(kind bank.EvidenceKind) bool {
	if it.present == nil {
		it.present = map[bank.EvidenceKind]bool{}
	}
	v, ok := it.present[kind]
	if !ok {
		if it.low == "" {
			it.low = strings.ToLower(it.All)
		}
		v = present(kind, it.low)
		it.present[kind] = v
	}
	return v
}

// present reports whether an item's lower-cased text gives evidence of a
// kind.
func present(kind bank.EvidenceKind, text string) bool {
	switch kind {
	case bank.Comparison:
		return countAny(text, hasComparison, 1) >= 1
	case bank.Views:
		return countAny(text, hasViews, 1) >= 1
	case bank.Trend:
		return countAny(text, hasTrend, 1) >= 1 || reYearSeries.MatchString(text)
	case bank.Plan:
		return countDates(text, 2)+countAny(text, hasPlanWord, 2) >= 2 && countAny(text, hasPlanOwner, 1) >= 1
	case bank.Outcome:
		return countAny(text, hasOutcome, 2) >= 2 || countAny(text, hasActivity, 1) == 0
	}
	return true
}

// reYearSeries finds figures given over several years: a table header of
// years side by side ("2024  2025  2026", "2024/25 2025/26") or a span of
// years ("2024 to 2026", "between 2022 and 2025").
var reYearSeries = regexp.MustCompile(`\b20\d\d(?:/\d\d)?[ \t]+20\d\d(?:/\d\d)?\b|\b20\d\d(?:/\d\d)? to 20\d\d\b|between 20\d\d(?:/\d\d)? and 20\d\d`)

// gapQuestions asks, for the item's best themes, about the kinds of
// evidence the theme's lines of enquiry expect and the item does not give.
func (a *Asker) gapQuestions(it *Input) []candidate {
	var out []candidate
	n := 0
	if it.Minutes || it.NoFigures || it.Insp != nil {
		return nil // what a report should give, not minutes, a programme or an inspection
	}
	for ti, tm := range it.Themes {
		if ti == maxGapThemes || tm.Score < gapMinScore {
			break
		}
		want := map[bank.EvidenceKind]bool{}
		for _, ln := range tm.Theme.Lines {
			for _, e := range ln.Evidence {
				want[e] = true
			}
		}
		for gi, g := range gaps {
			if !want[g.kind] || it.has(g.kind) {
				continue
			}
			text := gapText(g.texts[n%len(g.texts)], topic(tm.Theme))
			n++
			out = append(out, candidate{
				q:        report.Question{Text: text, Theme: tm.Theme.ID, Kind: report.KindGap, Line: lineWanting(tm.Theme, g.kind), Evidence: []report.Evidence{}},
				priority: (1.9 - 0.1*float64(gi)) * (0.5 + tm.Score) * (1 - 0.25*float64(ti)),
			})
		}
	}
	return out
}

// lineWanting is the first of a theme's lines of enquiry that expects a
// kind of evidence: the line a gap question comes from.
func lineWanting(th *bank.Theme, kind bank.EvidenceKind) string {
	for _, ln := range th.Lines {
		if slices.Contains(ln.Evidence, kind) {
			return ln.ID
		}
	}
	return ""
}

func topic(th *bank.Theme) string { return th.TopicName() }
