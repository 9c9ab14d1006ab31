package pdftext

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
)

// fixture is a PDF made by the test with fpdf.
type fixture struct {
	name string
	pdf  func(t testing.TB) []byte
}

func render(t testing.TB, f *fpdf.Fpdf) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	return b.Bytes()
}

const reportText = `The committee considered the annual report on children looked after by the council. Members asked how many care leavers were in education, employment or training, and whether the number of placements outside the county had fallen since the last meeting.

The Director of Children's Services explained that recruitment of foster carers remained difficult, and that the service would bring a sufficiency strategy to the next meeting.`

func fixtures() []fixture {
	return []fixture{
		{"report-helvetica", func(t testing.TB) []byte {
			f := fpdf.New("P", "mm", "A4", "")
			f.AddPage()
			f.SetFont("Helvetica", "", 11)
			f.MultiCell(0, 5, reportText, "", "L", false)
			f.AddPage()
			f.SetFont("Times", "B", 14)
			f.Cell(0, 10, "Recommendations")
			f.Ln(12)
			f.SetFont("Times", "", 12)
			f.MultiCell(0, 6, reportText, "", "J", false)
			return render(t, f)
		}},
	}
}
