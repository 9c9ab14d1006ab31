// Package moderngov reads a council's ModernGov site, the committee
// system most English councils publish their papers with: its committees,
// their meetings and each meeting's papers, through the site's public web
// service (mgWebService.asmx: GetCommittees, GetMeetings, GetMeeting), and
// downloads the papers politely: one request at a time, a pause between
// requests, a clear User-Agent, retries with backoff, conditional requests,
// and never the same unchanged paper twice.
package moderngov

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Committee is one of a site's committees.
type Committee struct {
	ID       int    `xml:"committeeid"`
	Title    string `xml:"committeetitle"`
	Deleted  string `xml:"committeedeleted"`
	Expired  string `xml:"committeeexpired"`
	Category string `xml:"committeecategory"`
}

// Current reports whether the committee still meets: not deleted or
// expired.
func (c Committee) Current() bool {
	return !strings.EqualFold(strings.TrimSpace(c.Deleted), "true") && !strings.EqualFold(strings.TrimSpace(c.Expired), "true")
}

// Meeting is a meeting of a committee with its papers (Papers are filled
// by GetMeeting only).
type Meeting struct {
	ID        int
	Committee string
	Date      time.Time
	Time      string
	Status    string
	Papers    []Paper
}

// Cancelled reports whether the meeting was called off.
func (m Meeting) Cancelled() bool { return strings.EqualFold(strings.TrimSpace(m.Status), "cancelled") }

// Paper is a document published for a meeting: an agenda pack, a report,
// an appendix, minutes or a decision.
type Paper struct {
	ID    int
	Title string
	// Item is the agenda item's number as printed ("4", "5a"), "" for the
	// whole pack.
	Item      string
	ItemTitle string
	URL       string
	Published time.Time
	// Restricted marks an exempt paper the site does not publish.
	Restricted bool
}

// ErrFormat is returned (wrapped) when a response is not the XML of the
// web service.
var ErrFormat = errors.New("not a ModernGov web service response")

type xmlCommittees struct {
	XMLName    xml.Name    `xml:"committees"`
	Committees []Committee `xml:"committee"`
}

type xmlMeetings struct {
	XMLName    xml.Name `xml:"getmeetings"`
	Committees []struct {
		Title    string `xml:"committeetitle"`
		Meetings []struct {
			ID     int    `xml:"meetingid"`
			Date   string `xml:"meetingdate"`
			Status string `xml:"meetingstatus"`
			Time   string `xml:"meetingtime"`
		} `xml:"committeemeetings>meeting"`
	} `xml:"committee"`
}

type xmlMeeting struct {
	XMLName xml.Name `xml:"meeting"`
	ID      int      `xml:"meetingid"`
	Date    string   `xml:"meetingdate"`
	Status  string   `xml:"meetingstatus"`
	Time    string   `xml:"meetingtime"`
	Items   []struct {
		Title   string `xml:"agendaitemtitle"`
		Display string `xml:"fulldisplaynumberformat"`
		Number  string `xml:"agendaitemnumber"`
		Sub     string `xml:"agendaitemsubnumber"`
		Docs    []struct {
			ID         int    `xml:"attachmentid"`
			Title      string `xml:"title"`
			IsURL      string `xml:"isurl"`
			URL        string `xml:"url"`
			Restricted string `xml:"isrestricted"`
			Published  string `xml:"publicationdate"`
			Committee  string `xml:"committeetitle"`
		} `xml:"linkeddocuments>linkeddoc"`
	} `xml:"agendaitems>agendaitem"`
}

// ParseCommittees reads a GetCommittees response.
func ParseCommittees(data []byte) ([]Committee, error) {
	var v xmlCommittees
	if err := xml.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("%w: committees: %v", ErrFormat, err)
	}
	for i := range v.Committees {
		v.Committees[i].Title = clean(v.Committees[i].Title)
	}
	return v.Committees, nil
}

// ParseMeetings reads a GetMeetings response: the meetings of the
// committees it lists, without their papers.
func ParseMeetings(data []byte) ([]Meeting, error) {
	var v xmlMeetings
	if err := xml.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("%w: meetings: %v", ErrFormat, err)
	}
	var out []Meeting
	for _, c := range v.Committees {
		for _, m := range c.Meetings {
			d, err := date(m.Date)
			if err != nil {
				return nil, fmt.Errorf("%w: meeting %d: %v", ErrFormat, m.ID, err)
			}
			out = append(out, Meeting{ID: m.ID, Committee: clean(c.Title), Date: d, Time: clean(m.Time), Status: clean(m.Status)})
		}
	}
	return out, nil
}

// ParseMeeting reads a GetMeeting response: the meeting and its papers,
// each once (a pack linked from several items is one paper).
func ParseMeeting(data []byte) (Meeting, error) {
	var v xmlMeeting
	if err := xml.Unmarshal(data, &v); err != nil {
		return Meeting{}, fmt.Errorf("%w: meeting: %v", ErrFormat, err)
	}
	d, err := date(v.Date)
	if err != nil {
		return Meeting{}, fmt.Errorf("%w: meeting %d: %v", ErrFormat, v.ID, err)
	}
	m := Meeting{ID: v.ID, Date: d, Time: clean(v.Time), Status: clean(v.Status)}
	seen := map[int]bool{}
	for _, it := range v.Items {
		num := strings.TrimRight(clean(it.Display), ".")
		if num == "" {
			num = clean(it.Number) + clean(it.Sub)
		}
		for _, d := range it.Docs {
			if seen[d.ID] || strings.EqualFold(clean(d.IsURL), "true") || clean(d.URL) == "" {
				continue // once each; a link to a web page is not a paper
			}
			seen[d.ID] = true
			if m.Committee == "" {
				m.Committee = clean(d.Committee)
			}
			p := Paper{ID: d.ID, Title: clean(d.Title), Item: num, ItemTitle: clean(it.Title), URL: clean(d.URL),
				Restricted: strings.EqualFold(clean(d.Restricted), "true")}
			if t, err := date(d.Published); err == nil {
				p.Published = t
			}
			m.Papers = append(m.Papers, p)
		}
	}
	return m, nil
}

// date reads the service's dd/mm/yyyy dates.
func date(s string) (time.Time, error) {
	s = clean(s)
	t, err := time.Parse("02/01/2006", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want dd/mm/yyyy", s)
	}
	return t, nil
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
