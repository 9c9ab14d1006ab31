package analysis

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/bank"
)

// inspection is what an Ofsted inspection report says about itself.
type inspection struct {
	// judgements are the graded judgements in the order found.
	judgements []judgement
	// quote is where the report names itself ("Inspection of ... local
	// authority children's services").
	title string
}

type judgement struct {
	area, grade string
	passage     int
	quote       string
}

var (
	reInspTitle = regexp.MustCompile(`(?i)inspection of [^\n]{1,80}?children['’]s services|inspection of services for children in need of help and protection|inspection of (?:looked after children|services for (?:looked after )?children)[^\n]{0,40}|area SEND inspection of [^\n]{1,80}|focused visit to [^\n]{1,80}?children['’]s services|monitoring visit to [^\n]{1,80}?children['’]s services|joint targeted area inspection[^\n]{0,80}`)
	// reJudgedIs is a judgement said in a sentence, as reports under the
	// 2013 framework do ("The overall effectiveness of services for looked
	// after children and young people in Kent is adequate.").
	reJudgedIs  = regexp.MustCompile(`(?i)\bthe (overall effectiveness|capacity to improve)\b[^.\n]{0,120}? is (outstanding|good|adequate|inadequate)\b`)
	reJudgement = regexp.MustCompile(`(?i)(overall effectiveness|the impact of leaders on (?:social work )?practice(?: with children and families)?|the experiences and progress of (?:children who need help and protection|children in care and care leavers|children in care|care leavers)|children who need help and protection|children looked after and achieving permanence|leadership, management and governance)\s*[:|]?\s*(requires improvement to be good|requires improvement|outstanding|good|adequate|inadequate)\b`)
)

// detectInspection recognises an Ofsted inspection report of children's
// services from its title and its graded judgements; nil when the text is
// not one.
func detectInspection(all string) *inspection {
	insp := &inspection{}
	if loc := reInspTitle.FindStringIndex(all[:min(len(all), 3000)]); loc != nil {
		insp.title = clean(all[loc[0]:loc[1]])
	}
	seen := map[string]bool{}
	// Judgements are graded near the start of a report; the first part of
	// the text is enough and keeps the pattern off long papers.
	head := all
	if len(head) > 20000 {
		head = head[:20000]
	}
	lowHead := strings.ToLower(head)
	if !strings.Contains(lowHead, "judgement") && !strings.Contains(lowHead, "experiences and progress") && !strings.Contains(lowHead, "overall effectiveness") {
		head = "" // no graded judgements to find
	}
	for _, m := range append(reJudgement.FindAllStringSubmatch(head, -1), reJudgedIs.FindAllStringSubmatch(head, -1)...) {
		area := strings.ToLower(clean(m[1]))
		if seen[area] {
			continue
		}
		seen[area] = true
		insp.judgements = append(insp.judgements, judgement{area: area, grade: strings.ToLower(m[2]), quote: clean(m[0])})
	}
	// A report that names itself as an inspection, or carries the graded
	// judgements of one; a paper that merely mentions an inspection is not.
	if insp.title == "" && len(insp.judgements) < 2 {
		return nil
	}
	return insp
}

// inspectionQuestions are the reactive questions scrutiny asks of an
// inspection report: was the result expected, what is the improvement
// plan and how will the committee follow it, and how will strengths be
// kept. They cite the judgements where the report gives them.
func inspectionQuestions(insp *inspection, it itemText) []candidate {
	th := inspectionTheme(it.themes)
	if th == nil {
		return nil
	}
	cite := func(quote string) []Evidence {
		for _, p := range it.passages {
			// The report's title and its judgement table are often taken
			// for section headings: look there too.
			if strings.Contains(clean(p.Text), quote) || strings.Contains(clean(p.Heading), quote) {
				return []Evidence{{Page: p.Page, PrintedPage: p.PrintedPage, Quote: quoteAround(quote, 0, 0)}}
			}
		}
		return nil
	}
	var out []candidate
	var weakest, strongest *judgement
	for i := range insp.judgements {
		j := &insp.judgements[i]
		if weakest == nil || gradeRank(j.grade) > gradeRank(weakest.grade) {
			weakest = j
		}
		if strongest == nil || gradeRank(j.grade) < gradeRank(strongest.grade) {
			strongest = j
		}
	}
	var titleEv []Evidence
	if insp.title != "" {
		titleEv = cite(insp.title)
	}
	if weakest != nil {
		ev := cite(weakest.quote)
		if ev == nil {
			ev = titleEv
		}
		out = append(out, candidate{
			q: Question{Kind: KindFollowup, Theme: th.ID, Evidence: ev, Text: fmt.Sprintf(
				"Ofsted judged %s as %s. Was that the result our own self-evaluation predicted, and if not, what did we not know about our services?",
				judgementName(weakest.area), weakest.grade)},
			priority: 9,
		})
	} else if titleEv != nil {
		out = append(out, candidate{
			q: Question{Kind: KindFollowup, Theme: th.ID, Evidence: titleEv,
				Text: "Was the outcome of this inspection what the council expected from its own self-evaluation, and if not, what did we not know?"},
			priority: 9,
		})
	}
	if titleEv != nil {
		out = append(out, candidate{
			q: Question{Kind: KindFollowup, Theme: th.ID, Evidence: titleEv,
				Text: "What will the improvement plan responding to this inspection contain, who owns each action, and when will this committee see progress against it?"},
			priority: 8.5,
		})
	}
	if strongest != nil && strongest != weakest && gradeRank(strongest.grade) <= gradeRank("good") {
		if ev := cite(strongest.quote); ev != nil {
			out = append(out, candidate{
				q: Question{Kind: KindFollowup, Theme: th.ID, Evidence: ev, Text: fmt.Sprintf(
					"Inspectors rated %s as %s. What will keep that from slipping while attention goes to the weaker areas?",
					judgementName(strongest.area), strongest.grade)},
				priority: 6,
			})
		}
	}
	return out
}

// inspectionTheme is the theme reactive questions are filed under: the
// inspection-response theme when the item has it, else its best theme.
func inspectionTheme(ts []ThemeMatch) *bank.Theme {
	for _, t := range ts {
		if t.Theme.ID == "inspection-response" {
			return t.Theme
		}
	}
	if len(ts) > 0 {
		return ts[0].Theme
	}
	return nil
}

func gradeRank(g string) int {
	switch {
	case strings.HasPrefix(g, "outstanding"):
		return 0
	case strings.HasPrefix(g, "good"):
		return 1
	case strings.HasPrefix(g, "requires"), strings.HasPrefix(g, "adequate"):
		return 2
	case strings.HasPrefix(g, "inadequate"):
		return 3
	}
	return 1
}

// judgementName words a judgement area for a question.
func judgementName(area string) string {
	switch {
	case strings.HasPrefix(area, "the impact of leaders"):
		return "the impact of leaders on practice"
	case strings.Contains(area, "help and protection"):
		return "help and protection for children"
	case strings.Contains(area, "children in care and care leavers"):
		return "the experiences of children in care and care leavers"
	case strings.Contains(area, "children in care"), strings.Contains(area, "looked after"):
		return "the experiences of children in care"
	case strings.Contains(area, "care leavers"):
		return "the experiences of care leavers"
	}
	return area
}
