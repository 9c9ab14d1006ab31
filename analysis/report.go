// Package analysis owns the scrutiny questions: it matches a paper's items
// and passages against the bank of key lines of enquiry (sub-package bank),
// and turns what a report says, and fails to say, into challenge questions
// with page cites. Rendering of briefs lives in sub-package render; the
// JSON contract in sub-package report.
package analysis

import "github.com/scrutineer/scrutineer/analysis/report"

// The contract types, under the names callers have used.
type (
	// Report is report.Report.
	Report = report.Report
	// ItemReport is report.Item.
	ItemReport = report.Item
	// ThemeScore is report.ThemeScore.
	ThemeScore = report.ThemeScore
	// EarlierPoint is a point of an earlier inspection report.
	EarlierPoint = report.EarlierPoint
	// Period is a span of days.
	Period = report.Period
	// Question is report.Question.
	Question = report.Question
	// Evidence is report.Evidence.
	Evidence = report.Evidence
)

// Question kinds.
const (
	KindEvidence = report.KindEvidence
	KindGap      = report.KindGap
	KindFollowup = report.KindFollowup
)
