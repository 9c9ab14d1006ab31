package bot

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// RunConsole holds the bot's conversations in a terminal: it reads one
// message per line from in ("search placement stability", "ask
// fostering", "brief path/to/pack.pdf", "fetch", "help"; "quit" ends) and writes the
// replies to out as plain text. Brief files are saved in cfg.ConsoleDir.
// Exempt items are shown only if exempt_channels lists "console". It needs
// no Slack tokens and stops at the end of in, at "quit", or as soon as ctx
// is cancelled (a request in progress is stopped).
//
// Lines are read on a goroutine, since a read cannot wait on ctx. When
// RunConsole returns before the end of in, and in can take a read deadline
// (a pipe from os.Pipe, a socket), the deadline ends the read in progress
// and is cleared again before RunConsole returns. Otherwise (a terminal, an
// io.Pipe) the reading goroutine ends when the next line or the end of in
// arrives, and that line is dropped, or with the process.
func (b *Bot) RunConsole(ctx context.Context, in io.Reader, out io.Writer) error {
	return b.RunConsoleAs(ctx, in, out, ConsoleOptions{})
}

// ConsoleOptions say whom and where the console plays, so the rules of a
// channel (exempt items, public answers) can be tried without Slack.
type ConsoleOptions struct {
	// Channel is the Slack channel ID the console plays (default
	// ConsoleChannel): exempt_channels and public_channels apply as
	// they would there.
	Channel string
	// User is the Slack user ID the console plays (default "console"):
	// papers briefed privately in Slack are found only by their owner.
	User string
	// Blocks prints each reply's Block Kit JSON after its text, as
	// Slack would receive it; the "blocks" command prints the last
	// answer's on request.
	Blocks bool
}

// RunConsoleAs is RunConsole playing the channel and user of opts.
func (b *Bot) RunConsoleAs(ctx context.Context, in io.Reader, out io.Writer, opts ConsoleOptions) error {
	playing := ""
	if opts.Channel != "" || opts.User != "" {
		playing = fmt.Sprintf(" (as user %s in channel %s)", firstNonEmpty(opts.User, ConsoleChannel), firstNonEmpty(opts.Channel, ConsoleChannel))
	}
	opts.Channel = firstNonEmpty(opts.Channel, ConsoleChannel)
	con := &consoleOut{w: out, dir: b.cfg.BriefsDir(), blocks: opts.Blocks}
	// What the bot posts unasked (saved searches, fetched packs) is shown here.
	b.sched.poster = con.post
	defer b.startSchedule(ctx)()
	fmt.Fprintf(out, "Scrutineer console%s. Type help for what I can do, blocks for the last answer's Block Kit JSON, quit to leave.\n", playing)
	rd := readLines(in)
	defer rd.abandon()
	for {
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-rd.lines:
			if !ok {
				if rd.err != nil {
					return fmt.Errorf("read console input: %w", rd.err)
				}
				return nil
			}
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			if l := strings.ToLower(line); l == "quit" || l == "exit" {
				return nil
			}
			if strings.EqualFold(line, "blocks") {
				con.printBlocks()
				continue
			}
			b.consoleLine(ctx, line, opts, con)
			fmt.Fprintln(out)
		}
	}
}

// lineReader reads lines on its own goroutine until the end of its input
// or until abandoned.
type lineReader struct {
	in io.Reader
	// lines carries the lines read; it is closed at the end of the input,
	// with err set first when reading failed.
	lines chan string
	err   error
	// stop is closed by abandon; done is closed when the goroutine ends.
	stop, done chan struct{}
}

// readLines starts reading lines from in.
func readLines(in io.Reader) *lineReader {
	r := &lineReader{in: in, lines: make(chan string), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(r.done)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			select {
			case r.lines <- sc.Text():
			case <-r.stop:
				return
			}
		}
		r.err = sc.Err()
		close(r.lines)
	}()
	return r
}

// deadliner is an input whose blocked reads a deadline can end.
type deadliner interface {
	SetReadDeadline(t time.Time) error
}

// abandon stops the reader. When the input takes a read deadline, the read
// in progress is ended, the goroutine waited for and the deadline cleared;
// otherwise the goroutine is left to end at the next line or the end of
// the input, without passing on what it reads.
func (r *lineReader) abandon() {
	close(r.stop)
	d, ok := r.in.(deadliner)
	if !ok || d.SetReadDeadline(time.Now()) != nil {
		return
	}
	<-r.done
	_ = d.SetReadDeadline(time.Time{})
}

// consoleLine answers one line, synchronously, as Slack would answer it
// in the channel the console plays: a slash command privately unless
// "public" is added or the channel answers publicly, a mention or a
// direct message in its thread.
func (b *Bot) consoleLine(ctx context.Context, line string, opts ConsoleOptions, con *consoleOut) {
	text, form := consoleForm(line)
	con.begin(form == formMention, false)
	if form == formSlash {
		rest, public := publicAsked(text)
		text = rest
		con.begin(false, !public && !slices.Contains(b.cfg.PublicChannels, opts.Channel))
	}
	req := request{channel: opts.Channel, user: opts.User, cmd: parseCommand(text)}
	if req.cmd.Verb == verbBrief {
		if req.cmd.Arg == "" {
			_ = con.say(ctx, Reply{Parts: []Part{{Text: "Give the path of a PDF, for example: brief path/to/pack.pdf"}}})
			return
		}
		req.files = []fileSource{localFile(req.cmd.Arg)}
	}
	if req.cmd.Verb == verbFetch {
		// A fetch may take longer than a job: the console waits for it.
		b.guard(ctx, "console", con, func(ctx context.Context, out responder) { b.fetchCommand(ctx, req, out, true) })
		return
	}
	b.runJob(ctx, "console", con, func(ctx context.Context, out responder) { b.handle(ctx, req, out) })
}

// How a console line was written.
const (
	formPlain = iota
	formSlash
	formMention
)

// consoleText reads a console line written as it would be in Slack: the
// slash command ("/scrutineer search ..."), a mention ("@scrutineer
// search ...", "<@U123> search ..."), or the words alone.
func consoleText(line string) string {
	t, _ := consoleForm(line)
	return t
}

// consoleForm is consoleText, and which of the three forms line is in.
func consoleForm(line string) (string, int) {
	l := strings.TrimSpace(line)
	for p, form := range map[string]int{"/scrutineer": formSlash, "@scrutineer": formMention} {
		if len(l) >= len(p) && strings.EqualFold(l[:len(p)], p) && (len(l) == len(p) || l[len(p)] == ' ') {
			return strings.TrimSpace(l[len(p):]), form
		}
	}
	if strings.HasPrefix(l, "<@") {
		if i := strings.IndexByte(l, '>'); i > 0 {
			return strings.TrimSpace(l[i+1:]), formMention
		}
	}
	return l, formPlain
}

// consoleOut prints replies and saves attached files. Replies to a
// mention are shown in a thread (indented under a "thread" line); a slash
// command's answers are marked when only the user would see them; plain
// lines (a direct message) are answered plainly.
type consoleOut struct {
	w   io.Writer
	dir string
	mu  sync.Mutex
	// blocks prints each reply's Block Kit JSON.
	blocks bool
	// thread and private are how the current request is answered (a
	// mention's replies in its thread; a slash command's privately);
	// shown counts its replies so far; last holds them for "blocks".
	thread, private bool
	shown           int
	last            []Reply
}

// begin starts the answer to a new request.
func (c *consoleOut) begin(thread, private bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.thread, c.private, c.shown, c.last = thread, private, 0, nil
}

// printBlocks prints the Block Kit JSON of the last request's replies.
func (c *consoleOut) printBlocks() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.last) == 0 {
		fmt.Fprintln(c.w, "No answer yet: ask me something first, then type blocks.")
		return
	}
	for _, r := range c.last {
		c.writeBlocks(r)
	}
}

// writeBlocks prints r as the Block Kit JSON Slack would get.
func (c *consoleOut) writeBlocks(r Reply) {
	j, err := json.MarshalIndent(r.fit().blockMessages(), "", "  ")
	if err != nil {
		fmt.Fprintf(c.w, "I could not show the Block Kit JSON: %v\n", err)
		return
	}
	fmt.Fprintf(c.w, "%s\n", j)
}

func (c *consoleOut) say(_ context.Context, r Reply) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last = append(c.last, r)
	defer func() { c.shown++ }()
	if c.blocks {
		c.writeBlocks(r)
	}
	r = r.fit()
	text := r.text()
	switch {
	case c.private:
		text = "[only you can see this]\n" + text
	case c.thread:
		if c.shown == 0 {
			fmt.Fprintln(c.w, "↳ thread")
		}
		text = indented(text)
	}
	_, err := io.WriteString(c.w, text+c.saveFiles(r))
	return err
}

// saveFiles saves r's files in the console's folder and says where.
func (c *consoleOut) saveFiles(r Reply) string {
	files := r.Others
	if r.File != nil {
		files = append([]Attachment{*r.File}, files...)
	}
	var text string
	for _, f := range files {
		p := filepath.Join(c.dir, f.Name)
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			text += "I could not save the file: " + err.Error() + "\n"
		} else if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			text += "I could not save the file: " + err.Error() + "\n"
		} else {
			text += "Saved the file to " + p + "\n"
		}
	}
	return text
}

// post shows a message the bot posts unasked in channel (a saved
// search's new passages, a fetched pack's brief), set apart from the
// answers.
func (c *consoleOut) post(_ context.Context, channel string, r Reply) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	r = r.fit()
	text := "→ posted in channel " + channel + "\n" + indented(r.text())
	_, err := io.WriteString(c.w, text+c.saveFiles(r))
	return err
}

// indented sets text apart under a line, as a thread or a post.
func indented(text string) string {
	return "  │ " + strings.ReplaceAll(strings.TrimSuffix(text, "\n"), "\n", "\n  │ ") + "\n"
}
