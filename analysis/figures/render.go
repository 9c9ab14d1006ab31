package figures

import "strings"

// describe renders an indicator in words, with its headings, for a quote
// a councillor can read out: "Initial health assessments within 20
// working days: 38% in Q2, from 41% in Q1, against a 90% target (Red)".
func describe(ind *Indicator) string {
	var b strings.Builder
	b.WriteString(ind.Name)
	b.WriteString(":")
	latest, ok := ind.Latest()
	if ok {
		b.WriteString(" ")
		b.WriteString(valueText(latest, ind.Unit))
		writePeriod(&b, latest.Period)
		if n := len(ind.Values); n > 1 {
			prev := ind.Values[n-2]
			b.WriteString(", from ")
			b.WriteString(valueText(prev, ind.Unit))
			writePeriod(&b, prev.Period)
			b.WriteString(",")
		}
	}
	if ind.HasTarget {
		t := ind.TargetText
		if t == "" {
			t = format(ind.Target, ind.Unit)
		}
		if ind.Unit == "%" && strings.HasSuffix(t, "%") {
			b.WriteString(" against a " + t + " target")
		} else {
			b.WriteString(" against a target of " + t)
		}
	}
	if ind.HasFloor {
		b.WriteString(" (floor " + format(ind.Floor, ind.Unit) + ")")
	}
	for i, c := range ind.Comparators {
		if i == 0 {
			b.WriteString(";")
		} else {
			b.WriteString(",")
		}
		t := c.Text
		if t == "" {
			t = format(c.Value, ind.Unit)
		}
		b.WriteString(" " + c.Name + " " + t)
	}
	switch {
	case ind.RAG != "" && !ok && !ind.HasTarget:
		b.WriteString(" rated " + ragTitle(ind.RAG))
	case ind.RAG != "":
		b.WriteString(" (" + ragTitle(ind.RAG) + ")")
	}
	if ind.Direction != "" {
		b.WriteString(", " + ind.Direction)
	}
	return strings.TrimSuffix(b.String(), ",")
}

func valueText(v Value, unit string) string {
	if v.Text != "" {
		return v.Text
	}
	return format(v.Value, unit)
}

// writePeriod writes " in PERIOD" for a period that names a time.
func writePeriod(b *strings.Builder, p string) {
	if p == "" {
		return
	}
	switch low := strings.ToLower(p); {
	case low == "latest" || low == "current":
	case low == "previous":
		b.WriteString(" previously")
	case strings.HasPrefix(low, "in ") || strings.HasPrefix(low, "at ") || strings.HasPrefix(low, "for "):
		b.WriteString(" " + p)
	case low[0] >= '0' && low[0] <= '9' && strings.Contains(low, " "):
		b.WriteString(" at " + p) // a date: "at 31 March 2026"
	default:
		b.WriteString(" in " + p)
	}
}

func ragTitle(r RAG) string {
	s := string(r)
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
