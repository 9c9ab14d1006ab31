package corpus

import "testing"

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		name, title, text string
		want              bool
	}{
		{"apologies item", "Apologies for Absence", "Apologies were received from Councillor Reed.", true},
		{"declarations item", "Declarations of Disclosable Pecuniary Interests", "None were declared.", true},
		{"minutes are not procedure", "Minutes of the Previous Meeting", "The committee agreed its work programme.", false},
		{"no background papers", "Fostering", "There are no background papers available for inspection.", true},
		{"contact block", "Fostering", "Contact Officer: Jo Bloggs\nTelephone Number: Tel: 0151 555 0100\nEmail Address: jo.bloggs@example.gov.uk", true},
		{"front sheet", "Agenda", "Direct Dial/Ext: 03000 555555\nPlease find enclosed the documents for Item 3.", true},
		{"publisher's back matter", "Inspection", "If you would like a copy of this document in a different format, such as large print, please telephone us.\n© Crown copyright 2026", true},
		{"Ofsted's back matter, its name ending a line", "Inspection",
			"The Office for Standards in Education, Children's Services and Skills (Ofsted)\nregulates and inspects to achieve excellence in the care of children and young\npeople, and in education and skills for learners of all ages. It regulates and\ninspects childcare and children's social care, and inspects the Children and Family\nCourt Advisory and Support Service (Cafcass), schools, colleges, initial teacher", true},
		{"a report's words", "Fostering", "Placement stability fell to 64% against a target of 70%; recruitment of foster carers is behind plan.", false},
		{"a phone number in a long passage", "Fostering",
			"The fostering service recruited 31 households this year against a target of 45. Enquiries rose by a fifth after the autumn campaign, but conversion to assessment stayed low, and the service lost 12 households to retirement. The panel asked for a plan to keep carers. Foster carers can call the support line on Tel: 0151 555 0100 at any hour, and the service will report on its use next year.",
			false},
		{"empty", "Fostering", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := &Item{Title: tc.title}
			if got := IsBoilerplate(it, &Passage{Text: tc.text}); got != tc.want {
				t.Errorf("IsBoilerplate = %v, want %v", got, tc.want)
			}
		})
	}
}
