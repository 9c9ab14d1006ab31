package questions

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

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

// lead orders the kinds of finding on one measure by which words the
// measure's one question: a rating or a claim the report's own figures
// contradict says most, then a red rating left unmentioned, then the
// target, the trend and the comparators.
var lead = []string{
	"rag-misrated", "direction-contradicted", "quantifier-contradicted", "comparison-contradicted",
	"red-unmentioned", "missed-target", "caseloads-above-standard", "agency-staff", "vacancies",
	"worsening-trend", "worse-than-comparators",
}

// onePerItem are the kinds asked about once an item however often found:
// an overspend forecast for the service and for each of its budgets is
// one question about the budget, as is every placeholder left in.
var onePerItem = map[string]bool{"overspend": true, "savings-at-risk": true, "template-text": true, "action-off-track": true}

// leadRank is a kind's place in lead; kinds not in it come after.
func leadRank(kind string) int {
	if i := slices.Index(lead, kind); i >= 0 {
		return i
	}
	return len(lead)
}

// fromFindings turns an item's findings (most severe first) into report
// findings, numbered from 1, and a question for each problem and for the
// strongest strength. The findings on one measure (a red indicator that
// misses its target, worsens and trails England) make one question,
// ranked by the most severe of them and worded from the one that says
// most, so its row is printed once.
func (a *Asker) fromFindings(it *Input) ([]report.Finding, []candidate) {
	var out []report.Finding
	type group struct {
		lead     int // index in it.Findings of the finding that words the question
		all      []int
		severity float64
	}
	var groups []*group
	byKey := map[string]*group{}
	strengths := 0
	for i, f := range it.Findings {
		f.Evidence = quotes(f)
		it.Findings[i].Evidence = f.Evidence
		rf := report.Finding{
			ID: strconv.Itoa(len(out) + 1), Kind: f.Kind, Severity: round2(f.Severity),
			Summary: f.Summary, Strength: f.Strength, Evidence: f.Evidence,
			Indicator: f.Indicator.Contract(),
		}
		if rf.Evidence == nil {
			rf.Evidence = []report.Evidence{}
		}
		out = append(out, rf)
		if len(f.Evidence) == 0 {
			continue
		}
		if f.Strength {
			if strengths >= maxStrengthQs {
				continue
			}
			strengths++
		}
		key := f.Evidence[0].Quote
		switch {
		case f.Indicator != nil && f.Indicator.HasTarget && len(f.Indicator.Values) > 0:
			// One measure given twice (a card and a sentence) has the
			// same latest value and target whatever its wording.
			v, _ := f.Indicator.Latest()
			key = fmt.Sprintf("value %g target %g", v.Value, f.Indicator.Target)
		case f.Indicator != nil:
			key = f.Indicator.Name
		case onePerItem[f.Kind]:
			key = f.Kind
		}
		g, ok := byKey[key]
		if !ok {
			g = &group{lead: i, severity: f.Severity, all: []int{i}}
			byKey[key] = g
			groups = append(groups, g)
			continue
		}
		if f.Strength != it.Findings[g.lead].Strength {
			continue // a strength of a measure asked about as a problem is not asked too
		}
		g.severity = max(g.severity, f.Severity)
		g.all = append(g.all, i)
		if leadRank(f.Kind) < leadRank(it.Findings[g.lead].Kind) {
			g.lead = i
		}
	}
	var cands []candidate
	for _, g := range groups {
		f := it.Findings[g.lead]
		text := Word(f)
		if len(g.all) > 1 && onePerItem[f.Kind] {
			var fs []findings.Finding
			for _, k := range g.all {
				fs = append(fs, it.Findings[k])
			}
			if t := WordMany(fs); t != "" {
				text = t
				for _, o := range fs[1:min(len(fs), maxNamed)] {
					f.Evidence = append(slices.Clone(f.Evidence), o.Evidence...)
				}
			}
		}
		th := a.findingTheme(f, it)
		if text == "" || th == "" {
			continue
		}
		cands = append(cands, candidate{
			q: report.Question{
				Text: text, Theme: th, Kind: report.KindEvidence,
				Finding: out[g.lead].ID, Evidence: f.Evidence,
			},
			priority: findingBase + 10*g.severity,
		})
	}
	return out, cands
}

// quotes returns a finding's evidence with each quote longer than
// figures.MaxQuote cut to the clauses around what the finding is about
// (its claim, sum, subject or date, the first the quote holds), so a
// long sentence is quoted by the part that matters.
func quotes(f findings.Finding) []report.Evidence {
	out := slices.Clone(f.Evidence)
	for i := range out {
		q := out[i].Quote
		if len(q) <= figures.MaxQuote {
			continue
		}
		at, to := 0, 0
		for _, w := range []string{f.Words.Claim, f.Words.Amount, f.Words.Thing, f.Words.Date} {
			if w = strings.TrimSpace(w); w != "" {
				if k := strings.Index(q, w); k >= 0 {
					at, to = k, k+len(w)
					break
				}
			}
		}
		out[i].Quote = figures.QuoteAround(q, at, to)
	}
	return out
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

func round2(x float64) float64 {
	return float64(int(x*100+0.5)) / 100
}
