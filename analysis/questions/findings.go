package questions

import (
	"strconv"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/analysis/findings"
	"github.com/scrutineer/scrutineer/analysis/report"
	"github.com/scrutineer/scrutineer/corpus/english"
)

// findingBase puts every finding's question above the questions built
// from sentences alone; within findings, severity orders them.
const findingBase = 100

// maxStrengthQs is how many strengths are asked about: what made it work,
// and will it last.
const maxStrengthQs = 1

// fromFindings turns an item's findings (most severe first) into report
// findings, numbered from 1, and a question for each: every problem, and
// the strongest strength.
func (a *Asker) fromFindings(it *Input) ([]report.Finding, []candidate) {
	var out []report.Finding
	var cands []candidate
	strengths := 0
	asked := map[string]bool{} // what the questions so far cite
	for _, f := range it.Findings {
		rf := report.Finding{
			ID: strconv.Itoa(len(out) + 1), Kind: f.Kind, Severity: round2(f.Severity),
			Summary: f.Summary, Strength: f.Strength, Evidence: f.Evidence,
			Indicator: indicator(f.Indicator),
		}
		if rf.Evidence == nil {
			rf.Evidence = []report.Evidence{}
		}
		out = append(out, rf)
		if f.Strength {
			if strengths >= maxStrengthQs {
				continue
			}
			strengths++
		}
		text := Word(f)
		if text == "" || len(f.Evidence) == 0 {
			continue
		}
		// One question a measure or a sentence: a red indicator that also
		// misses its target and worsens is asked about once, for its most
		// severe finding, and its row is printed once.
		key := f.Evidence[0].Quote
		if f.Indicator != nil {
			key = f.Indicator.Name
		}
		if asked[key] {
			continue
		}
		asked[key] = true
		th := a.findingTheme(f, it)
		if th == "" {
			continue
		}
		cands = append(cands, candidate{
			q: report.Question{
				Text: text, Theme: th, Kind: report.KindEvidence,
				Finding: rf.ID, Evidence: f.Evidence,
			},
			priority: findingBase + 10*f.Severity,
		})
	}
	return out, cands
}

// findingTheme is the theme a finding's question is filed under: the
// finding's own, else the theme its summary and evidence are about among
// the item's.
func (a *Asker) findingTheme(f findings.Finding, it *Input) string {
	if f.Theme != "" {
		return f.Theme
	}
	text := f.Summary
	for _, e := range f.Evidence {
		text += " " + e.Quote
	}
	th, _ := a.factTheme(english.Analyse(text), it.Themes)
	if th == nil {
		if len(it.Themes) == 0 {
			return ""
		}
		return it.Themes[0].Theme.ID
	}
	return a.topicTheme(english.Analyse(text), th).ID
}

// indicator is the contract form of an indicator.
func indicator(ind *figures.Indicator) *report.Indicator {
	if ind == nil {
		return nil
	}
	out := &report.Indicator{Name: ind.Name, Unit: ind.Unit, RAG: string(ind.RAG)}
	switch ind.Polarity {
	case figures.HigherIsBetter:
		out.Polarity = report.HigherIsBetter
	case figures.LowerIsBetter:
		out.Polarity = report.LowerIsBetter
	}
	if ind.HasTarget {
		t := ind.Target
		out.Target = &t
	}
	for _, v := range ind.Values {
		out.Values = append(out.Values, report.Value{Period: v.Period, Value: v.Value})
	}
	for _, c := range ind.Comparators {
		out.Comparators = append(out.Comparators, report.Comparator{Name: c.Name, Value: c.Value})
	}
	return out
}

func round2(x float64) float64 {
	return float64(int(x*100+0.5)) / 100
}
