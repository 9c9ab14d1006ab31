// Package inspection reads an Ofsted inspection report of children's
// services: whether a paper is one, its graded judgements, and where it
// names itself.
package inspection

import (
	"regexp"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// Inspection is what an Ofsted inspection report says about itself.
type Inspection struct {
	// Judgements are the graded judgements in the order found.
	Judgements []Judgement
	// Title is where the report names itself ("Inspection of ... local
	// authority children's services").
	Title string
}

type Judgement struct {
	Area, Grade string
	Passage     int
	Quote       string
}

var (
	reInspTitle = regexp.MustCompile(`(?i)inspection of [^\n]{1,80}?children['’]s services|inspection of services for children in need of help and protection|inspection of (?:looked after children|services for (?:looked after )?children)[^\n]{0,40}|area SEND inspection of [^\n]{1,80}|focused visit to [^\n]{1,80}?children['’]s services|monitoring visit to [^\n]{1,80}?children['’]s services|joint targeted area inspection[^\n]{0,80}`)
	// reJudgedIs is a judgement said in a sentence, as reports under the
	// 2013 framework do ("The overall effectiveness of services for looked
	// after children and young people in Kent is adequate.").
	reJudgedIs  = regexp.MustCompile(`(?i)\bthe (overall effectiveness|capacity to improve)\b[^.\n]{0,120}? is (outstanding|good|adequate|inadequate)\b`)
	reJudgement = regexp.MustCompile(`(?i)(overall effectiveness|the impact of leaders on (?:social work )?practice(?: with children and families)?|the experiences and progress of (?:children who need help and protection|children in care and care leavers|children in care|care leavers)|children who need help and protection|children looked after and achieving permanence|leadership, management and governance)\s*[:|]?\s*(requires improvement to be good|requires improvement|outstanding|good|adequate|inadequate)\b`)
)

// Detect recognises an Ofsted inspection report of children's
// services from its title and its graded judgements; nil when the text is
// not one.
func Detect(all string) *Inspection {
	insp := &Inspection{}
	if loc := reInspTitle.FindStringIndex(all[:min(len(all), 3000)]); loc != nil {
		insp.Title = figures.Clean(all[loc[0]:loc[1]])
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
		area := strings.ToLower(figures.Clean(m[1]))
		if seen[area] {
			continue
		}
		seen[area] = true
		insp.Judgements = append(insp.Judgements, Judgement{Area: area, Grade: strings.ToLower(m[2]), Quote: figures.Clean(m[0])})
	}
	// A report that names itself as an inspection, or carries the graded
	// judgements of one; a paper that merely mentions an inspection is not.
	if insp.Title == "" && len(insp.Judgements) < 2 {
		return nil
	}
	return insp
}

func GradeRank(g string) int {
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

// JudgementName words a judgement area for a question.
func JudgementName(area string) string {
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
