// Package cli owns the scrutineer command line: sub-commands, flags, exit
// codes and the human-readable and JSON output forms of the command-line
// contract. It wires the corpus, index, analysis and bot packages together;
// cmd/scrutineer only calls Main.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"golang.org/x/term"
)

// Stdio is the streams a command reads and writes.
type Stdio struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// Exit codes of the command-line contract.
const (
	ExitOK     = 0
	ExitFailed = 1
	ExitUsage  = 2
)

// errUsage marks a usage error (exit 2); the message is printed with a hint.
var errUsage = errors.New("usage")

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }
func (e usageError) Unwrap() error { return errUsage }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

type command struct {
	name    string
	args    string
	summary string
	run     func(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error
	flags   func(fs *flag.FlagSet)
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// Main runs the command line and returns the process exit code.
func Main(ctx context.Context, args []string, io Stdio) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fs := newFlagSet(c, io.Out)
				fs.Usage()
				return ExitOK
			}
		}
		usage(io.Out)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	if args[0] == "--version" {
		args[0] = "version"
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(io.Err, "scrutineer: unknown command %q\nRun 'scrutineer help' for the list of commands.\n", args[0])
		return ExitUsage
	}
	fs := newFlagSet(c, io.Err)
	rest, err := parseInterleaved(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(io.Err, "scrutineer %s: %v\nRun 'scrutineer %s -h' for usage.\n", c.name, err, c.name)
		return ExitUsage
	}
	err = c.run(ctx, fs, rest, io)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errUsage):
		fmt.Fprintf(io.Err, "scrutineer %s: %v\nRun 'scrutineer %s -h' for usage.\n", c.name, err, c.name)
		return ExitUsage
	default:
		fmt.Fprintf(io.Err, "scrutineer %s: %v\n", c.name, oneLine(err.Error()))
		return ExitFailed
	}
}

func newFlagSet(c *command, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(w)
	if c.flags != nil {
		c.flags(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: scrutineer %s %s\n\n%s\n", c.name, c.args, c.summary)
		var n int
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(w, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseInterleaved parses flags that may come before or after positional
// arguments ("search 'foster carers' --limit 5"). A lone "--" ends flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `scrutineer reads council committee papers and helps members scrutinise
children's services: it extracts and splits agenda packs, indexes years of
papers for search, and proposes challenge questions with page cites.

Usage: scrutineer <command> [flags] [arguments]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-*s %s\n", width, n, firstLine(c.summary))
	}
	fmt.Fprint(w, `
Run 'scrutineer <command> -h' for a command's flags.
Files may be PDF (.pdf) or UTF-8 text (.txt, a form feed between pages).
`)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// isTerminal reports whether w is a terminal: a file the terminal driver
// answers for (not /dev/null, which is a character device too).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// terminalWidth is w's width in columns when it is a terminal, 0 else.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return cols
}
