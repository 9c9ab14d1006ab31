package scope

import "regexp"

// A service is a part of the council a council-wide paper reports on, as
// its section titles name it. Children's services are what the analysis is
// for; the rest are out of scope unless a sentence is about children.
type service struct {
	title    *regexp.Regexp
	children bool
}

// services names the sections of council-wide papers (performance
// reports, budget monitoring, risk registers). A title matches at the
// start of a line, so a sentence that mentions a service in passing is
// not a section.
var services = []service{
	{regexp.MustCompile(`(?i)^children(?:'s|’s)?,? (?:young people|families)(?:,? (?:and|&) (?:education|families|young people))?\b`), true},
	{regexp.MustCompile(`(?i)^(?:integrated )?children(?:'s|’s) (?:services|social care|social work)\b`), true},
	{regexp.MustCompile(`(?i)^(?:education|schools)(?: and | & )?(?:skills|learning|inclusion)?\b`), true},
	{regexp.MustCompile(`(?i)^(?:send|special educational needs)\b`), true},
	{regexp.MustCompile(`(?i)^(?:early help|youth justice|corporate parenting|care leavers|children in care|fostering|adoption|child protection)\b`), true},
	{regexp.MustCompile(`(?i)^adults?(?:'|’)? (?:social care|services|and health)\b`), false},
	{regexp.MustCompile(`(?i)^public health\b`), false},
	{regexp.MustCompile(`(?i)^customer (?:services|contact)\b`), false},
	{regexp.MustCompile(`(?i)^governance\b`), false},
	{regexp.MustCompile(`(?i)^growth\b|^economic development\b|^economy\b|^communities\b`), false},
	{regexp.MustCompile(`(?i)^environment(?: and | & )?(?:transport)?\b|^highways\b|^transport\b|^waste\b`), false},
	{regexp.MustCompile(`(?i)^corporate risk register\b|^finance\b|^property\b|^infrastructure\b|^libraries\b|^housing\b|^planning\b|^fire and rescue\b`), false},
}
