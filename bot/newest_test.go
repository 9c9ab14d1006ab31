package bot

import (
	"encoding/json"
	"fmt"

	"context"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
)

func TestPreferNewest(t *testing.T) {
	old := Paper{Source: "cyp-2018-03-01.pdf", Title: "Fostering Annual Report 2017-18", Date: "2018-03-01"}
	now := Paper{Source: "cyp.pdf", Title: "Fostering Service Annual Report", Date: "2026-10-14"}
	named := Paper{Source: "cyp-2025-10-15.pdf", Title: "Fostering 2024-25"}
	undated := Paper{Source: "misc.pdf", Title: "Fostering note"}
	for _, tc := range []struct {
		name, topic string
		in          []Paper
		want        []string
		newest      bool
	}{
		{"newest first", "fostering", []Paper{old, undated, now}, []string{"cyp.pdf", "cyp-2018-03-01.pdf", "misc.pdf"}, true},
		{"date from the file name", "fostering", []Paper{old, named}, []string{"cyp-2025-10-15.pdf", "cyp-2018-03-01.pdf"}, true},
		{"a year asked for keeps the best match", "fostering 2018", []Paper{old, now}, []string{"cyp-2018-03-01.pdf", "cyp.pdf"}, false},
		{"one dated paper", "fostering", []Paper{undated, now}, []string{"misc.pdf", "cyp.pdf"}, false},
		{"none", "fostering", nil, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := preferNewest(tc.in, tc.topic)
			var order []string
			for _, p := range tc.in {
				order = append(order, p.Source)
			}
			if got != tc.newest || strings.Join(order, ",") != strings.Join(tc.want, ",") {
				t.Errorf("preferNewest = %v, %v; want %v, %v", got, order, tc.newest, tc.want)
			}
		})
	}
}

// "ask fostering" picks the 2026 report over a 2018 one that matches
// better, says so, and offers the 2018 one as a button.
func TestAskPrefersNewest(t *testing.T) {
	fs := newFakeSlack(t)
	asked := make(chan Paper, 2)
	lib := fakeLibrary{
		find: func(ctx context.Context, text string, limit int) ([]Paper, error) {
			return []Paper{
				{Source: "cyp-2018-03-01.pdf", Item: "7", Title: "Fostering Annual Report", Date: "2018-03-01"},
				{Source: "cyp-2026-10-14.pdf", Item: "5", Title: "Fostering Service Annual Report", Date: "2026-10-14"},
			}, nil
		},
		ask: func(ctx context.Context, p Paper) (*analysis.Report, error) {
			asked <- p
			return fosteringReport(), nil
		},
	}
	b, _ := newTestBot(t, fs, Deps{Library: lib})
	base := startHTTP(t, b)
	ev := eventBody("EvNew", `{"type":"app_mention","user":"U1","text":"<@UBOT> ask fostering","ts":"1800000000.000300","channel":"C1"}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	pb := blocksOf(t, fs.waitPostContaining(t, "I picked"))
	if !strings.Contains(pb, "I picked “Fostering Service Annual Report” (cyp-2026-10-14.pdf, item 5, 2026-10-14), the newest of the 2 papers that match") {
		t.Errorf("does not say it chose the newest:\n%s", pb)
	}
	if !strings.Contains(pb, `"actions"`) || !strings.Contains(pb, "Fostering Annual Report") {
		t.Errorf("does not offer the older report:\n%s", pb)
	}
	select {
	case p := <-asked:
		if p.Source != "cyp-2026-10-14.pdf" {
			t.Errorf("asked about %+v, want the 2026 report", p)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("not asked")
	}
}

// An answer longer than one Slack message holds is cut to fit, says so,
// and comes whole as a file in the thread.
func TestLongAnswerAsFile(t *testing.T) {
	fs := newFakeSlack(t)
	rep := &analysis.Report{}
	for i := range 12 {
		it := analysis.ItemReport{Number: fmt.Sprint(i + 1), Title: fmt.Sprintf("Children & Families report %d", i+1), StartPage: i + 1, EndPage: i + 1}
		for j := range 3 {
			it.Questions = append(it.Questions, analysis.Question{Kind: analysis.KindEvidence, Text: fmt.Sprintf("Why are <5%% of plans *late* (%d.%d)?", i+1, j+1)})
		}
		rep.Items = append(rep.Items, it)
	}
	lib := fakeLibrary{
		find: func(ctx context.Context, text string, limit int) ([]Paper, error) {
			return []Paper{{Source: "pack.pdf", Title: "Children & Families"}}, nil
		},
		ask: func(ctx context.Context, p Paper) (*analysis.Report, error) { return rep, nil },
	}
	b, _ := newTestBot(t, fs, Deps{Library: lib})
	base := startHTTP(t, b)
	ev := eventBody("EvLong", `{"type":"app_mention","user":"U1","text":"<@UBOT> ask families","ts":"1800000000.000400","channel":"C1"}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	p := fs.waitPostContaining(t, "Questions:")
	var blocks []json.RawMessage
	if err := json.Unmarshal([]byte(p.Get("blocks")), &blocks); err != nil {
		t.Fatal(err)
	}
	if len(blocks) > maxBlocks || !strings.Contains(p.Get("blocks"), overflowName) {
		t.Errorf("%d blocks, or no word of the file:\n%s", len(blocks), p.Get("blocks"))
	}
	up := fs.waitUpload(t)
	if up.Name != overflowName || up.Thread != "1800000000.000400" || !strings.Contains(string(up.Data), "## Item 12: Children & Families report 12") ||
		!strings.Contains(string(up.Data), "Why are <5% of plans *late* (12.3)?") {
		t.Errorf("upload %q in thread %q:\n%s", up.Name, up.Thread, up.Data)
	}
}
