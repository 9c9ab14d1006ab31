package findings

import (
	"regexp"
	"time"
)

// reNextMeeting names the committee's next meeting ("Date of next
// meeting:", "The next meeting will be held on").
var reNextMeeting = regexp.MustCompile(`(?i)\bnext (?:scheduled )?meeting\b`)

// nextMeetingReach is how far after "next meeting" its date may stand.
const nextMeetingReach = 120

// NextMeeting finds the date of the committee's next meeting in the texts
// of a pack (its pages): the first date after the meeting's own that
// follows the words "next meeting" closely. It returns the zero time when
// the pack does not say, or the meeting's own date is unknown.
func NextMeeting(texts []string, meeting time.Time) time.Time {
	if meeting.IsZero() {
		return time.Time{}
	}
	for _, text := range texts {
		for _, loc := range reNextMeeting.FindAllStringIndex(text, -1) {
			end := min(len(text), loc[1]+nextMeetingReach)
			for _, d := range findDates(text[loc[1]:end]) {
				if d.Start.After(meeting) {
					return d.Start
				}
			}
		}
	}
	return time.Time{}
}
