package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// RunConsole holds the bot's conversations in a terminal: it reads one
// message per line from in ("search placement stability", "ask
// fostering", "brief path/to/pack.pdf", "help"; "quit" ends) and writes the
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
	con := &consoleOut{w: out, dir: b.cfg.ConsoleDir}
	fmt.Fprintln(out, "Scrutineer console. Type help for what I can do, quit to leave.")
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
			b.consoleLine(ctx, line, con)
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

// consoleLine answers one line, synchronously.
func (b *Bot) consoleLine(ctx context.Context, line string, con *consoleOut) {
	req := request{channel: ConsoleChannel, cmd: parseCommand(consoleText(line))}
	if req.cmd.Verb == verbBrief {
		if req.cmd.Arg == "" {
			_ = con.say(ctx, Reply{Parts: []Part{{Text: "Give the path of a PDF, for example: brief path/to/pack.pdf"}}})
			return
		}
		req.files = []fileSource{localFile(req.cmd.Arg)}
	}
	b.runJob(ctx, "console", con, func(ctx context.Context, out responder) { b.handle(ctx, req, out) })
}

// consoleText reads a console line written as it would be in Slack: the
// slash command ("/scrutineer search ..."), a mention ("@scrutineer
// search ...", "<@U123> search ..."), or the words alone.
func consoleText(line string) string {
	l := strings.TrimSpace(line)
	for _, p := range []string{"/scrutineer", "@scrutineer"} {
		if len(l) >= len(p) && strings.EqualFold(l[:len(p)], p) && (len(l) == len(p) || l[len(p)] == ' ') {
			return strings.TrimSpace(l[len(p):])
		}
	}
	if strings.HasPrefix(l, "<@") {
		if i := strings.IndexByte(l, '>'); i > 0 {
			return strings.TrimSpace(l[i+1:])
		}
	}
	return l
}

// consoleOut prints replies and saves attached files.
type consoleOut struct {
	w   io.Writer
	dir string
}

func (c *consoleOut) say(_ context.Context, r Reply) error {
	r = r.fit()
	text := r.text()
	files := r.Others
	if r.File != nil {
		files = append([]Attachment{*r.File}, files...)
	}
	for _, f := range files {
		p := filepath.Join(c.dir, f.Name)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			text += "I could not save the file: " + err.Error() + "\n"
		} else {
			text += "Saved the file to " + p + "\n"
		}
	}
	_, err := io.WriteString(c.w, text)
	return err
}
