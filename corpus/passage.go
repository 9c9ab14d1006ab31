package corpus

import "strings"

// Chunk cuts each item into passages.
func Chunk(doc *Document) {
	for i := range doc.Items {
		it := &doc.Items[i]
		it.Passages = nil
		for n := it.StartPage; n <= it.EndPage && n <= len(doc.Pages); n++ {
			for _, para := range strings.Split(doc.Pages[n-1].Body, "\n\n") {
				if t := strings.TrimSpace(para); t != "" {
					it.Passages = append(it.Passages, Passage{Item: it.Number, Page: n, PrintedPage: doc.Pages[n-1].Printed, Text: t})
				}
			}
		}
	}
}
