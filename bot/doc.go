// Package bot owns Scrutineer's Slack bot: the conversations a councillor or
// scrutiny officer has with it ("search ...", "ask ...", a shared agenda pack
// to brief, "help"), the two ways Slack reaches it (Socket Mode, or an HTTP
// server for the Events API, slash commands and interactivity, every request
// checked against the signing secret), and a console mode that holds the
// same conversations in a terminal. A PDF shared in a direct message, or in
// a channel configured as a papers channel, is briefed unasked; elsewhere
// only when the bot is mentioned with it or asked with /scrutineer brief.
// Saved searches ("watch add ...") post the passages new to each in its
// channel after every ingest, once; with a fetch schedule configured the
// bot fetches the council's papers from its ModernGov site on that
// schedule (its clock injectable) and briefs each new agenda pack in the
// papers channel; "fetch" runs that fetch at once, one at a time.
//
// The bot reaches the rest of the project through small interfaces it
// defines itself (Searcher, Library, Briefer, Renderer), so it knows nothing
// of how the index or the analysis work, and tests drive it with fakes.
// Exempt or confidential material is only ever shown in channels the
// configuration allows. Tokens come from the environment only; neither
// tokens nor message text are ever logged.
package bot
