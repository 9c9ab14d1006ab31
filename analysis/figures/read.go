package figures

import (
	"slices"
	"strings"
)

// Read reads the indicators of an item from its sentences and tables: a
// performance table's rows (name, values by period, target, floor,
// comparators, printed rating and direction under the headings that say
// which), performance cards ("Latest: 613 Target: 700"), and sentences
// that give a figure with its target, comparator or earlier value ("41%
// of initial health assessments were completed within 20 working days,
// against a target of 90%"; "fell from 640 to 613"). Each indicator has
// its polarity, the report's own RAG rule when it states one, and whose
// figure it is. A table row and a sentence or card naming the same
// measure are merged. Indicators come in the order of the tables, then of
// the sentences.
//
// Read sets whose figure each sentence gives (SetOwners, with council the
// council's own name, "" when unknown), so that the indicators and the
// sentences agree on it.
func Read(sentences []Sentence, tables []Table, council string) []Indicator {
	SetOwners(sentences, council)
	owners := make([]Owner, len(sentences))
	for i, s := range sentences {
		owners[i] = s.Owner
	}
	rule := ReadRule(sentences)
	var out []Indicator
	sheets := sheetsOf(sentences)
	for i := range tables {
		t := &tables[i]
		inds := tableIndicators(t, sheets[t.Page])
		if o := headingOwner(t.Section); o != OwnerCouncil && t.Owner == OwnerCouncil {
			for k := range inds {
				inds[k].Owner = o
			}
		}
		out = append(out, inds...)
	}
	out = merge(out, sentenceIndicators(sentences, owners))
	out = append(out, headlineCounts(sentences, owners)...)
	// A card's label read as a name ("Latest") names no measure: a figure
	// no one can say what of is no figure to ask about.
	out = slices.DeleteFunc(out, func(ind Indicator) bool { return cardLabel(ind.Name) })
	for i := range out {
		ind := &out[i]
		if ind.Unit == "" {
			ind.Unit = unitOfName(ind.Name)
		}
		ind.Polarity = polarityOf(ind)
		ind.Rule = rule
		if ind.Table || ind.Row.Quote != "" && reCard.MatchString(ind.Row.Quote) && !strings.Contains(ind.Row.Quote, ind.Name) {
			ind.Evidence = ind.Row
			ind.Evidence.Quote = describe(ind)
		}
	}
	return out
}

// cardLabel reports whether a name is only a performance card's label.
func cardLabel(name string) bool {
	switch strings.ToLower(strings.Trim(name, " :")) {
	case "latest", "target", "floor", "previous", "baseline", "current", "actual":
		return true
	}
	return false
}

// merge adds the sentence indicators to the table ones: a sentence
// naming the same measure as a table row that gives only its rating
// lends it its figures; others are added.
func merge(tabled, said []Indicator) []Indicator {
	// Only rows that give a rating alone take a sentence's figures.
	var open []int
	var keys []string
	for i := range tabled {
		if len(tabled[i].Values) == 0 {
			open = append(open, i)
			keys = append(keys, nameKey(tabled[i].Name))
		}
	}
	out := tabled
	for _, s := range said {
		k := nameKey(s.Name)
		merged := false
		for n, i := range open {
			t := &out[i]
			if len(t.Values) > 0 || !sameKey(keys[n], k) {
				continue
			}
			// The table gave the rating alone: take the figures.
			rag := t.RAG
			row := t.Row
			*t = s
			t.Table = true
			if t.RAG == "" {
				t.RAG = rag
			}
			if t.Row.Quote == "" {
				t.Row = row
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, s)
		}
	}
	return out
}

// keyDrop are the words a measure's name may have or not.
var keyDrop = map[string]bool{
	"of": true, "the": true, "a": true, "an": true, "percentage": true, "proportion": true,
	"number": true, "%": true, "rate": true, "which": true, "that": true, "are": true, "were": true,
	"is": true, "was": true, "by": true, "in": true, "to": true, "and": true, "or": true, "with": true,
}

// nameKey is a measure's name reduced to its telling words.
func nameKey(name string) string {
	low := strings.ToLower(strings.ReplaceAll(name, "%", " % "))
	var w []string
	for _, f := range strings.FieldsFunc(low, func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == ')' || r == '–' || r == '-' || r == ':'
	}) {
		if !keyDrop[f] {
			w = append(w, f)
		}
	}
	return strings.Join(w, " ")
}

// sameKey reports whether two name keys name one measure: the same
// words, or nearly (four in five shared).
func sameKey(a, b string) bool {
	if a == b {
		return a != ""
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	set := make(map[string]bool, len(wa))
	for _, w := range wa {
		set[w] = true
	}
	shared := 0
	for _, w := range wb {
		if set[w] {
			shared++
		}
	}
	return shared*5 >= max(len(wa), len(wb))*4
}
