package bot

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/index"
)

// A paper briefed in a direct message is found only by whoever sent it,
// until it is shared in a channel; the record survives a restart.
func TestAccessRules(t *testing.T) {
	pack := paperRef{ID: "4e1f0c9a2b7d", Name: "pack.pdf"}
	type share struct{ channel, user string }
	for _, tc := range []struct {
		name   string
		shares []share
		seen   map[string]bool
	}{
		{"never shared in Slack", nil, map[string]bool{"U1": true, "U2": true, "": true}},
		{"direct message", []share{{"D1", "U1"}}, map[string]bool{"U1": true, "U2": false, "": false}},
		{"direct message then channel", []share{{"D1", "U1"}, {"C1", "U2"}}, map[string]bool{"U1": true, "U2": true, "U3": true}},
		{"channel then direct message", []share{{"C1", "U2"}, {"D1", "U1"}}, map[string]bool{"U1": true, "U3": true}},
		{"two direct messages", []share{{"D1", "U1"}, {"D2", "U2"}}, map[string]bool{"U1": true, "U2": false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			a, err := loadAccess(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.shares {
				if err := a.shared(pack, s.channel, s.user, "https://example.slack.com/files/"+s.user, strings.HasPrefix(s.channel, "CP")); err != nil {
					t.Fatal(err)
				}
			}
			again, err := loadAccess(dir)
			if err != nil {
				t.Fatal(err)
			}
			for user, want := range tc.seen {
				if got := again.visibleTo(pack, user); got != want {
					t.Errorf("visible to %q after a restart = %v, want %v", user, got, want)
				}
			}
			if err := again.forget(pack); err != nil || !again.visibleTo(pack, "U9") {
				t.Errorf("forget: %v", err)
			}
		})
	}
	// Shared in a private channel (CP...), a paper is found from that
	// channel and by its members in direct messages; not from other
	// channels, not by others; its sharer finds it anywhere.
	members := map[string][]string{"CP1": {"U1", "U2"}, "CP2": {"U3"}}
	for _, tc := range []struct {
		name    string
		shares  []share
		user    string
		channel string
		want    bool
	}{
		{"from the private channel", []share{{"CP1", "U1"}}, "U4", "CP1", true},
		{"a member in a direct message", []share{{"CP1", "U1"}}, "U2", "D2", true},
		{"a member in another channel", []share{{"CP1", "U1"}}, "U2", "C9", false},
		{"not a member, direct message", []share{{"CP1", "U1"}}, "U3", "D3", false},
		{"the sharer anywhere", []share{{"CP1", "U1"}}, "U1", "C9", true},
		{"two private channels", []share{{"CP1", "U1"}, {"CP2", "U3"}}, "U3", "D3", true},
		{"then a public channel", []share{{"CP1", "U1"}, {"C1", "U2"}}, "U4", "C9", true},
		{"a direct message, then a private channel", []share{{"D1", "U5"}, {"CP1", "U1"}}, "U2", "D2", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := loadAccess(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.shares {
				if err := a.shared(pack, s.channel, s.user, "", strings.HasPrefix(s.channel, "CP")); err != nil {
					t.Fatal(err)
				}
			}
			member := func(ch string) bool { return slices.Contains(members[ch], tc.user) }
			if got := a.visibleIn(pack, tc.user, tc.channel, member); got != tc.want {
				t.Errorf("visible to %s in %s = %v, want %v", tc.user, tc.channel, got, tc.want)
			}
		})
	}

	bad := t.TempDir()
	_ = os.WriteFile(filepath.Join(bad, accessFile), []byte("{not json"), 0o600)
	if _, err := loadAccess(bad); err == nil || !strings.Contains(err.Error(), "access list") {
		t.Errorf("a damaged list: %v", err)
	}
}

// A PDF sent to the bot in a direct message is searchable by its sender
// only: another user's search in a channel does not show it.
func TestDirectMessagePaperPrivate(t *testing.T) {
	fs := newFakeSlack(t)
	fileJSON := fs.addFile("F7", "private-pack.pdf", samplePDF)
	brf := fakeBriefer{
		brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
			return fosteringReport(), nil
		},
		add: func(ctx context.Context, name string, data []byte) error { return nil },
	}
	srch := fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
		return &index.Results{Total: 2, Hits: []index.Hit{
			{Source: "private-pack.pdf", Item: "5", Title: "Fostering Service Annual Report", Page: 3, Snippet: "private <mark>placement</mark> figures"},
			{Source: "public-pack.pdf", Item: "2", Title: "Sufficiency Strategy", Page: 9, Snippet: "public <mark>placement</mark> plans"},
		}}, nil
	}}
	b, _ := newTestBot(t, fs, Deps{Briefer: brf, Search: srch})
	base := startHTTP(t, b)
	ev := eventBody("EvDM", `{"type":"message","subtype":"file_share","channel_type":"im","user":"U1","text":"","ts":"1800000000.000800","channel":"D1","files":[`+fileJSON+`]}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	if p := fs.waitPostContaining(t, "Added to the index"); !strings.Contains(p.Get("blocks"), "for you alone") {
		t.Errorf("the briefing does not say the paper is private:\n%s", p.Get("blocks"))
	}
	for i, tc := range []struct {
		user      string
		wantShown bool
	}{{"U2", false}, {"U1", true}} {
		ts := "1800000000.00090" + string(rune('0'+i))
		ev := eventBody("EvS"+tc.user, `{"type":"app_mention","user":"`+tc.user+`","text":"<@UBOT> search placement","ts":"`+ts+`","channel":"C1"}`)
		postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
		p := fs.waitPostContaining(t, "Sufficiency Strategy")
		if got := strings.Contains(p.Get("blocks"), "private *placement* figures"); got != tc.wantShown {
			t.Errorf("%s: private paper shown = %v, want %v:\n%s", tc.user, got, tc.wantShown, p.Get("blocks"))
		}
		// The hit links to the paper's Slack file, its printed page in the
		// text; a paper the bot has no link for has none.
		if blocks := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">").Replace(p.Get("blocks")); tc.wantShown &&
			(!strings.Contains(blocks, "<https://wexcombe.slack.com/files/U1/F7/private-pack.pdf|open the paper>") ||
				!strings.Contains(blocks, "PDF p. 3 · private-pack.pdf") || strings.Count(blocks, "open the paper") != 1) {
			t.Errorf("%s: no link to the paper:\n%s", tc.user, blocks)
		}
	}
}

// A PDF briefed in a private channel is found from that channel and by
// its members in direct messages with the bot; not from other channels,
// nor by people outside it.
func TestPrivateChannelPaper(t *testing.T) {
	fs := newFakeSlack(t)
	fs.mu.Lock()
	fs.members = map[string][]string{"CP0PANEL": {"U1", "U2"}}
	fs.mu.Unlock()
	fileJSON := fs.addFile("F8", "panel-pack.pdf", samplePDF)
	paper := paperRef{ID: index.PaperID(hashOf(samplePDF)), Name: "panel-pack.pdf"}
	brf := fakeBriefer{
		brief: func(ctx context.Context, name string, data []byte) (*analysis.Report, error) {
			return fosteringReport(), nil
		},
		add: func(ctx context.Context, name string, data []byte) error { return nil },
	}
	srch := fakeSearcher{search: func(ctx context.Context, q index.Query) (*index.Results, error) {
		return &index.Results{Total: 2, Hits: []index.Hit{
			{ID: paper.ID, Source: paper.Name, Item: "5", Title: "Fostering Service Annual Report", Page: 3, Snippet: "panel <mark>placement</mark> figures"},
			{ID: "0a0a0a0a0a0a", Source: "public-pack.pdf", Item: "2", Title: "Sufficiency Strategy", Page: 9, Snippet: "public <mark>placement</mark> plans"},
		}}, nil
	}}
	b, _ := newTestBot(t, fs, Deps{Briefer: brf, Search: srch})
	base := startHTTP(t, b)
	ev := eventBody("EvP", `{"type":"app_mention","user":"U1","text":"<@UBOT> brief this","ts":"1800000000.000700","channel":"CP0PANEL","files":[`+fileJSON+`]}`)
	postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
	if p := fs.waitPostContaining(t, "Added to the index"); !strings.Contains(p.Get("blocks"), "for this private channel") {
		t.Errorf("the briefing does not say the paper is kept to the channel:\n%s", p.Get("blocks"))
	}
	for i, tc := range []struct {
		user, channel string
		wantShown     bool
	}{
		{"U3", "CP0PANEL", true}, // asked from the channel
		{"U2", "D2", true},       // a member, in a direct message
		{"U2", "C1", false},      // a member, in a channel others see
		{"U3", "D3", false},      // not a member
	} {
		ts := "1800000000.00080" + string(rune('0'+i))
		ev := eventBody("EvS"+tc.user+tc.channel, `{"type":"app_mention","user":"`+tc.user+`","text":"<@UBOT> search placement","ts":"`+ts+`","channel":"`+tc.channel+`"}`)
		postSigned(t, base, PathEvents, "application/json", ev, sign(testSecret, time.Now(), ev))
		p := fs.waitPostContaining(t, "Sufficiency Strategy")
		if got := strings.Contains(p.Get("blocks"), "panel *placement* figures"); got != tc.wantShown {
			t.Errorf("%s in %s: paper shown = %v, want %v", tc.user, tc.channel, got, tc.wantShown)
		}
	}
	if !b.access.visibleIn(paper, "", "CP0PANEL", nil) || b.access.visibleTo(paper, "U9") {
		t.Error("the access list does not keep the paper to its channel")
	}
}
