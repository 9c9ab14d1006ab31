package findings

import (
	"testing"

	"github.com/scrutineer/scrutineer/analysis/figures"
	"github.com/scrutineer/scrutineer/corpus"
)

func TestPlanNotSeen(t *testing.T) {
	withPack := func(it *Item, titles ...string) *Item {
		p := &Pack{Items: []*Item{{Title: "Agenda", Kind: corpus.KindAgenda, Sentences: []figures.Sentence{prose(1, "Improvement plan update")}}, it}}
		for _, title := range titles {
			p.Items = append(p.Items, &Item{Title: title, Kind: corpus.KindReport})
		}
		it.Pack = p
		return it
	}
	said := []figures.Sentence{prose(5, "The improvement plan will be presented to this committee for approval.")}
	runCheck(t, planNotSeen{}, []checkCase{
		{"not in the pack", withPack(item(said), "Fostering annual report"), []expect{
			{`The report says "the improvement plan will be presented to this committee for approval", but no item of the pack is that plan.`, []int{5}},
		}},
		{"came to an earlier meeting", withPack(item([]figures.Sentence{prose(5, "The improvement plan has been presented to this committee before.")})), nil},
		{"in the pack", withPack(item(said), "Children's services improvement plan"), nil},
		{"due at a later meeting", withPack(item([]figures.Sentence{prose(5, "The improvement plan will come to this committee in January 2027.")})), nil},
		{"no pack", item(said), nil},
		{"another council's example", withPack(item([]figures.Sentence{{Text: "Their improvement plan was presented to this committee.", Page: 5, Owner: figures.OwnerOther}})), nil},
	})
}
