package analysis

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/scrutineer/scrutineer/corpus"
)

func TestTune(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	a := New(testBank(t))
	for _, c := range evalCases() {
		if c.path == "" {
			continue
		}
		doc, _ := corpus.Open(context.Background(), c.path, corpus.Options{})
		l := readLabels(t, c.labels)
		items := map[string]corpus.Item{}
		for _, it := range mergeAppendices(doc.Items) {
			if _, ok := items[it.Number]; !ok {
				items[it.Number] = it
			}
		}
		for _, li := range l.Items {
			it, ok := items[li.Number]
			if !ok {
				fmt.Printf("%s %s MISSING\n", c.name, li.Number)
				continue
			}
			want := map[string]bool{}
			for _, w := range li.Themes {
				want[w] = true
			}
			ms := a.m.Match(it.Passages)
			fmt.Printf("%s item %s (%d passages) want=%v\n", c.name, li.Number, len(it.Passages), li.Themes)
			for k, m := range ms {
				if k == 7 {
					break
				}
				mark := " "
				if want[m.Theme.ID] {
					mark = "*"
				}
				fmt.Printf("  %s %-26s score=%.3f share=%.3f d=%d\n", mark, m.Theme.ID, m.Score, m.Share, m.Distinct)
			}
		}
	}
}

func TestGrid2(t *testing.T) {
	if os.Getenv("TUNE2") == "" {
		t.Skip()
	}
	ol, oe, op, ot := lineWeight, engageAt, attrPower, titleShare
	defer func() { lineWeight, engageAt, attrPower, titleShare = ol, oe, op, ot }()
	for _, lw := range []float64{0.15, 0.3} {
		for _, ea := range []float64{4} {
			for _, ap := range []float64{1, 2} {
				for _, ts := range []float64{0, 0.05, 0.1, 0.2} {
					lineWeight, engageAt, attrPower, titleShare = lw, ea, ap, ts
					fmt.Printf("lw=%.2f ea=%.0f ap=%.0f ts=%.2f ", lw, ea, ap, ts)
					grid(t, true)
				}
			}
		}
	}
}

func TestGrid(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	grid(t, false)
}

func grid(t *testing.T, bestOnly bool) {
	a := New(testBank(t))
	type lab struct {
		ms   []ThemeMatch
		want map[string]bool
		n    int
	}
	var labs []lab
	for _, c := range evalCases() {
		if c.path == "" {
			continue
		}
		doc, _ := corpus.Open(context.Background(), c.path, corpus.Options{})
		l := readLabels(t, c.labels)
		items := map[string]corpus.Item{}
		for _, it := range mergeAppendices(doc.Items) {
			if _, ok := items[it.Number]; !ok {
				items[it.Number] = it
			}
		}
		for _, li := range l.Items {
			want := map[string]bool{}
			for _, w := range li.Themes {
				want[w] = true
			}
			it := items[li.Number]
			labs = append(labs, lab{a.m.MatchTitled(it.Title, it.Passages), want, len(li.Themes)})
		}
	}
	bestF, best := 0.0, ""
	defer func() {
		if bestOnly {
			fmt.Println(best)
		}
	}()
	oh, om, or := halfShare, minTheme, relTheme
	defer func() { halfShare, minTheme, relTheme = oh, om, or }()
	for _, h := range []float64{0.05, 0.08, 0.1, 0.15} {
		for _, mt := range []float64{0.25, 0.3, 0.35, 0.4, 0.45} {
			for _, rt := range []float64{0.3, 0.4, 0.5, 0.6} {
				halfShare, minTheme, relTheme = h, mt, rt
				tp, fp, fn := 0, 0, 0
				for _, l := range labs {
					ms := make([]ThemeMatch, len(l.ms))
					copy(ms, l.ms)
					for i := range ms {
						ms[i].Score = calibrate(ms[i].Share, ms[i].Distinct)
					}
					sortMatches(ms)
					got := 0
					for _, m := range Select(ms) {
						if l.want[m.Theme.ID] {
							tp++
							got++
						} else {
							fp++
						}
					}
					fn += l.n - got
				}
				p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
				f1 := 2 * p * r / (p + r)
				if !bestOnly {
					fmt.Printf("h=%.2f min=%.2f rel=%.1f P=%.2f R=%.2f F1=%.2f\n", h, mt, rt, p, r, f1)
				} else if f1 > bestF {
					bestF, best = f1, fmt.Sprintf("h=%.2f min=%.2f rel=%.1f P=%.2f R=%.2f F1=%.2f", h, mt, rt, p, r, f1)
				}
			}
		}
	}
}
