package moderngov

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// The HTML pages a site shows when its web service is switched off: a
// committee's meetings (ieListMeetings.aspx?CId=) and a meeting's papers
// (ieListDocuments.aspx?CId=&MId=).

// link is an anchor of a page: its address (resolved) and its text.
type link struct {
	href, text string
}

// links reads a page's anchors, resolved against base.
func links(page []byte, base *url.URL) ([]link, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("%w: page: %v", ErrFormat, err)
	}
	var out []link
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			for _, a := range n.Attr {
				if a.Key != "href" {
					continue
				}
				u, err := base.Parse(strings.TrimSpace(a.Val))
				if err == nil {
					out = append(out, link{href: u.String(), text: clean(text(n))})
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out, nil
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

var (
	reCommitteeLink = regexp.MustCompile(`(?i)mgCommitteeDetails\.aspx\?ID=(\d+)`)
	reMeetingLink   = regexp.MustCompile(`(?i)ieListDocuments\.aspx\?.*\bMId=(\d+)`)
	// reLinkDate is a meeting's date as its link shows it: "14 Oct 2026
	// 6.00 pm", "14th October, 2026".
	reLinkDate = regexp.MustCompile(`(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}),?\s+(\d{4})`)
	rePaperID  = regexp.MustCompile(`(?i)(?:documents/[gs](\d+)/|mgConvert2PDF\.aspx\?ID=(\d+))`)
)

// ParseCommitteesPage reads a site's list of committees
// (mgListCommittees.aspx): each committee's id and name.
func ParseCommitteesPage(page []byte, base *url.URL) ([]Committee, error) {
	ls, err := links(page, base)
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	var out []Committee
	for _, l := range ls {
		m := reCommitteeLink.FindStringSubmatch(l.href)
		if m == nil || l.text == "" {
			continue
		}
		id, _ := strconv.Atoi(m[1])
		if !seen[id] {
			seen[id] = true
			out = append(out, Committee{ID: id, Title: l.text})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no committees on the page", ErrFormat)
	}
	return out, nil
}

// CommitteesFromPages lists a site's committees from its committees page,
// for a site whose web service is off.
func (c *Client) CommitteesFromPages(ctx context.Context) ([]Committee, error) {
	u := c.Base.ResolveReference(&url.URL{Path: "mgListCommittees.aspx"})
	body, err := c.page(ctx, u)
	if err != nil {
		return nil, err
	}
	return ParseCommitteesPage(body, u)
}

// page fetches one of the site's pages.
func (c *Client) page(ctx context.Context, u *url.URL) ([]byte, error) {
	resp, err := c.get(ctx, u.String(), nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return c.read(resp, u.String())
}

// ParseMeetingsPage reads a committee's meetings page: each meeting's id
// and date, from the links to its papers.
func ParseMeetingsPage(page []byte, base *url.URL, committee string) ([]Meeting, error) {
	ls, err := links(page, base)
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	var out []Meeting
	for _, l := range ls {
		m := reMeetingLink.FindStringSubmatch(l.href)
		if m == nil {
			continue
		}
		id, _ := strconv.Atoi(m[1])
		d := reLinkDate.FindStringSubmatch(l.text)
		if seen[id] || d == nil {
			continue
		}
		t, err := time.Parse("2 January 2006", d[1]+" "+monthName(d[2])+" "+d[3])
		if err != nil {
			continue
		}
		seen[id] = true
		out = append(out, Meeting{ID: id, Committee: committee, Date: t, Status: statusIn(l.text)})
	}
	return out, nil
}

// ParseDocumentsPage reads a meeting's papers page: each PDF it links to,
// once.
func ParseDocumentsPage(page []byte, base *url.URL) ([]Paper, error) {
	ls, err := links(page, base)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []Paper
	for _, l := range ls {
		u := strings.ToLower(l.href)
		if !strings.HasSuffix(strings.SplitN(u, "?", 2)[0], ".pdf") && !strings.Contains(u, "mgconvert2pdf.aspx") {
			continue
		}
		if seen[l.href] {
			continue
		}
		seen[l.href] = true
		p := Paper{Title: strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(l.text, "PDF")), ","), URL: l.href}
		if m := rePaperID.FindStringSubmatch(l.href); m != nil {
			p.ID, _ = strconv.Atoi(m[1] + m[2])
		}
		if p.Title == "" {
			p.Title = "paper"
		}
		out = append(out, p)
	}
	return out, nil
}

func statusIn(s string) string {
	if strings.Contains(strings.ToLower(s), "cancelled") {
		return "Cancelled"
	}
	return "Confirmed"
}

// monthName turns "Oct" or "October" into "October".
func monthName(s string) string {
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), strings.ToLower(s[:min(3, len(s))])) {
			return m.String()
		}
	}
	return s
}

// MeetingsFromPages lists a committee's meetings from its meetings page,
// for a site whose web service is off.
func (c *Client) MeetingsFromPages(ctx context.Context, committee Committee) ([]Meeting, error) {
	u := c.Base.ResolveReference(&url.URL{Path: "ieListMeetings.aspx", RawQuery: url.Values{"CId": {strconv.Itoa(committee.ID)}}.Encode()})
	body, err := c.page(ctx, u)
	if err != nil {
		return nil, err
	}
	return ParseMeetingsPage(body, u, committee.Title)
}

// MeetingFromPages reads a meeting's papers from its papers page, for a
// site whose web service is off.
func (c *Client) MeetingFromPages(ctx context.Context, committee Committee, m Meeting) (Meeting, error) {
	u := c.Base.ResolveReference(&url.URL{Path: "ieListDocuments.aspx", RawQuery: url.Values{"CId": {strconv.Itoa(committee.ID)}, "MId": {strconv.Itoa(m.ID)}}.Encode()})
	body, err := c.page(ctx, u)
	if err != nil {
		return Meeting{}, err
	}
	papers, err := ParseDocumentsPage(body, u)
	if err != nil {
		return Meeting{}, err
	}
	m.Papers = papers
	return m, nil
}
