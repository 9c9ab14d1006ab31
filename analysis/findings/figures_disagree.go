package findings

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/figures"
)

// figuresDisagree finds the same measure for the same period given two
// different values in two places of the pack.
type figuresDisagree struct{}

func (figuresDisagree) Kind() string { return "figures-disagree" }

func (figuresDisagree) Doc() string {
	return "the same measure for the same period is given two different values in two places of the item or pack; both are cited"
}

// placed is an indicator and the item it is in.
type placed struct {
	ind  *figures.Indicator
	item *Item
}

// Find reports each disagreement once: in the later of the two items (or
// in this item when both places are in it), citing the earlier first.
func (c figuresDisagree) Find(it *Item) []Finding {
	var earlier []placed
	if it.Pack != nil {
		for _, o := range it.Pack.Items {
			if o == it {
				break
			}
			if o == nil {
				continue
			}
			for _, ind := range councilIndicators(prepare(o)) {
				earlier = append(earlier, placed{ind, o})
			}
		}
	}
	var out []Finding
	for _, ind := range councilIndicators(it) {
		for _, p := range earlier {
			if f, ok := c.disagree(p.ind, ind); ok {
				out = append(out, f)
			}
		}
		earlier = append(earlier, placed{ind, it})
	}
	return out
}

// disagree compares two indicators; a is the earlier.
func (c figuresDisagree) disagree(a, b *figures.Indicator) (Finding, bool) {
	ka, kb := nameKey(a.Name), nameKey(b.Name)
	if ka == "" || ka != kb || unitOf(a) != unitOf(b) {
		return Finding{}, false
	}
	for _, va := range a.Values {
		pa := periodKey(va.Period)
		if pa == "" {
			continue
		}
		for _, vb := range b.Values {
			if periodKey(vb.Period) != pa {
				continue
			}
			tol := math.Max(roundingOf(va), roundingOf(vb)) // the less precise figure's rounding
			d := math.Abs(va.Value - vb.Value)
			if d <= tol+1e-9 {
				continue
			}
			fig := measure(b.Name) + " for " + strings.TrimSpace(vb.Period) + " is given as " +
				valueText(va, unitOf(a)) + " on " + pageName(a.Cite().Page, a.Cite().PrintedPage) + " and as " +
				valueText(vb, unitOf(b)) + " on " + pageName(b.Cite().Page, b.Cite().PrintedPage)
			return Finding{
				Kind:      c.Kind(),
				Severity:  severity(c.Kind(), gravity{gap: relGap(d, math.Max(math.Abs(va.Value), math.Abs(vb.Value)))}),
				Summary:   upperFirst(fig) + ".",
				Evidence:  evidence(a.Cite(), b.Cite()),
				Indicator: b,
				Words:     Words{Measure: measure(b.Name), Figures: fig, Claim: valueText(va, unitOf(a)), Shows: valueText(vb, unitOf(b))},
			}, true
		}
	}
	return Finding{}, false
}

// nameKey is an indicator name's distinctive words, sorted: two names
// with the same key name the same measure.
func nameKey(name string) string {
	seen := map[string]bool{}
	var ws []string
	for _, w := range stems(name) {
		if !keyStop[w] && !seen[w] {
			seen[w] = true
			ws = append(ws, w)
		}
	}
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// keyStop are words a measure's name may have or not and still name the
// same measure.
var keyStop = setOf("the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "who", "that", "were", "was", "are", "is",
	"number", "no", "percentage", "proportion", "per", "cent", "total", "count")

// periodKey normalises a period's spelling: a day or a month is its
// month ("Sep 2026" and "30 September 2026" are one period, as a figure
// at a date is the month's), others their words.
func periodKey(p string) string {
	if d, ok := parseDate(p); ok && d.End.Sub(d.Start).Hours() <= 24*31 {
		return "month " + d.End.Format("2006-01")
	}
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(p, "-", "/"))), " ")
}

// roundingOf is half the last printed digit of a value: 25.6% and 26%
// agree; 613 and 620 do not.
func roundingOf(v figures.Value) float64 {
	t := strings.TrimSpace(v.Text)
	if t == "" {
		t = strconv.FormatFloat(v.Value, 'f', -1, 64)
	}
	digits := strings.TrimRight(strings.TrimLeft(t, "£ "), "%km ")
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		n := 0
		for _, r := range digits[i+1:] {
			if r < '0' || r > '9' {
				break
			}
			n++
		}
		return 0.5 * math.Pow(10, -float64(n))
	}
	return 0.5
}

// pageName names a page as a councillor finds it: the printed number, or
// the PDF page.
func pageName(page, printed int) string {
	if printed > 0 {
		return "page " + strconv.Itoa(printed)
	}
	return "PDF page " + strconv.Itoa(page)
}
