package figures

import (
	"reflect"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

func TestSentencesOfPassages(t *testing.T) {
	ps := []corpus.Passage{
		{Page: 3, PrintedPage: 1, Heading: "Fostering", Text: "1.1  We approved 12 new foster\ncarers. Enquiries rose to 41."},
		{Page: 4, PrintedPage: 2, Text: "Indicator   Q1   Q2\nFoster households   640   613"},
	}
	got := Sentences(ps)
	want := []Sentence{
		{Text: "We approved 12 new foster carers.", Page: 3, Printed: 1, Heading: "Fostering"},
		{Text: "Enquiries rose to 41.", Page: 3, Printed: 1, Heading: "Fostering"},
		{Text: "Indicator Q1 Q2", Page: 4, Printed: 2, Table: true},
		{Text: "Foster households 640 613", Page: 4, Printed: 2, Table: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences =\n%+v\nwant\n%+v", got, want)
	}
}
