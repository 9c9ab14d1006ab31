package english

// stopWords is the English stop-word list (the snowball project's list,
// which bleve's "stop_en" filter also uses), less the words that carry
// meaning in children's services papers: "no" and "not" matter in "no
// placement", "not in education".
var stopWords = makeSet(
	[]string{
		"i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
		"yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
		"herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
		"what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are",
		"was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does",
		"did", "doing", "would", "should", "could", "ought", "a", "an", "the", "and", "but",
		"if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with",
		"about", "against", "between", "into", "through", "during", "before", "after",
		"above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over",
		"under", "again", "further", "then", "once", "here", "there", "when", "where", "why",
		"how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such",
		"nor", "only", "own", "same", "so", "than", "too", "very",
	})

// makeSet is a package-level initialiser, so the set is filled before any
// init function (the jargon groups are analysed in one) runs.
func makeSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// IsStop reports whether a normalised (lower-case) word is a stop word.
func IsStop(word string) bool { return stopWords[word] }
