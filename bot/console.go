package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// RunConsole holds the bot's conversations in a terminal: it reads one
// message per line from in ("search placement stability", "ask
// fostering", "brief path/to/pack.pdf", "help"; "quit" ends) and writes the
// replies to out as plain text. Brief files are saved in cfg.ConsoleDir.
// Exempt items are shown only if exempt_channels lists "console". It needs
// no Slack tokens and stops at the end of in or when ctx is cancelled.
func (b *Bot) RunConsole(ctx context.Context, in io.Reader, out io.Writer) error {
	con := &consoleOut{w: out, dir: b.cfg.ConsoleDir}
	fmt.Fprintln(out, "Scrutineer console. Type help for what I can do, quit to leave.")
	lines := make(chan string)
	readErr := make(chan error, 1)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
		readErr <- sc.Err()
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				select {
				case err := <-readErr:
					if err != nil {
						return fmt.Errorf("read console input: %w", err)
					}
				default:
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

// consoleLine answers one line, synchronously.
func (b *Bot) consoleLine(ctx context.Context, line string, con *consoleOut) {
	req := request{channel: ConsoleChannel, cmd: parseCommand(line)}
	if req.cmd.Verb == verbBrief {
		if req.cmd.Arg == "" {
			_ = con.say(ctx, Reply{Parts: []Part{{Text: "Give the path of a PDF, for example: brief path/to/pack.pdf"}}})
			return
		}
		req.files = []fileSource{localFile(req.cmd.Arg)}
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Limits.JobTimeout)
	defer cancel()
	b.guard(ctx, "console", con, func(ctx context.Context) { b.handle(ctx, req, con) })
}

// consoleOut prints replies and saves attached files.
type consoleOut struct {
	w   io.Writer
	dir string
}

func (c *consoleOut) say(_ context.Context, r Reply) error {
	text := r.text()
	if f := r.File; f != nil {
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
