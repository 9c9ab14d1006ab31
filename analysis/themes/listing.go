package themes

// ListingThemes narrows the themes of a work programme or a forward plan
// (ms, from MatchTitled and WithFacts) to those its title names and those
// at least factMin of its facts are about (counts, as FactThemes gives
// them). Such an item lists the topics of future meetings: "Social work
// workforce: reduction of agency social workers" in April is that
// meeting's subject, not this item's. What it asks of members now is its
// own planning and its tracker's open recommendations, which its facts
// read.
func (m *Matcher) ListingThemes(title string, ms []ThemeMatch, counts []int) []ThemeMatch {
	titled := m.bagScores(title)
	var out []ThemeMatch
	for _, tm := range ms {
		ti := m.byID[tm.Theme.ID]
		if titled[ti] >= EngageAt/2 || counts[ti] >= factMin {
			out = append(out, tm)
		}
	}
	return out
}
