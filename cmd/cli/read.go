package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/scrutineer/scrutineer/corpus"
)

func init() {
	register(&command{
		name:    "extract",
		args:    "[--json] FILE",
		summary: "Print the text of each page of a PDF or text file.\nRunning headers and footers are kept; the page's printed number is shown when it has one.",
		flags: func(fs *flag.FlagSet) {
			fs.Bool("json", false, "print JSON: {\"source\", \"pages\": [{\"number\", \"text\"}]}")
			fs.String("password", "", "password of an encrypted PDF")
			timeoutFlag(fs)
		},
		run: runExtract,
	})
	register(&command{
		name:    "split",
		args:    "[--json] FILE",
		summary: "List the agenda items of a pack with their page ranges.\nA file that is not an agenda pack is one item.",
		flags: func(fs *flag.FlagSet) {
			fs.Bool("json", false, "print JSON: {\"source\", \"pages\", \"items\": [...]}")
			fs.String("password", "", "password of an encrypted PDF")
			timeoutFlag(fs)
		},
		run: runSplit,
	})
}

func flagBool(fs *flag.FlagSet, name string) bool {
	return fs.Lookup(name).Value.(flag.Getter).Get().(bool)
}

func flagString(fs *flag.FlagSet, name string) string {
	return fs.Lookup(name).Value.String()
}

func oneFile(args []string) (string, error) {
	switch len(args) {
	case 0:
		return "", usagef("missing FILE")
	case 1:
		return args[0], nil
	default:
		return "", usagef("one FILE expected, got %d arguments", len(args))
	}
}

// stdinName is the Source of a paper read from standard input ("-").
const stdinName = "standard input"

// openDoc reads the one paper args name; "-" reads it from in.
func openDoc(ctx context.Context, fs *flag.FlagSet, args []string, in io.Reader) (*corpus.Document, error) {
	path, err := oneFile(args)
	if err != nil {
		return nil, err
	}
	pw := flagString(fs, "password")
	if path == "-" {
		if in == nil {
			return nil, usagef("no standard input to read the paper from")
		}
		opts := corpus.Options{Password: pw}
		data, err := io.ReadAll(io.LimitReader(in, corpus.DefaultMaxBytes+1))
		if err != nil {
			return nil, fmt.Errorf("read the paper from standard input: %w", err)
		}
		if int64(len(data)) > corpus.DefaultMaxBytes {
			return nil, fmt.Errorf("read the paper from standard input: %w", corpus.ErrTooLarge)
		}
		return within(ctx, flagDuration(fs, "timeout"), stdinName, func(ctx context.Context) (*corpus.Document, error) {
			return corpus.Read(ctx, stdinName, data, opts)
		})
	}
	doc, err := openPath(ctx, fs, path, pw)
	if errors.Is(err, corpus.ErrEncrypted) && pw == "" && strings.Contains(err.Error(), "user password") {
		return nil, fmt.Errorf("%w (give it with --password)", err)
	}
	return doc, err
}

// openPath reads the paper at path with the password pw, stopping after
// --timeout.
func openPath(ctx context.Context, fs *flag.FlagSet, path, pw string) (*corpus.Document, error) {
	return within(ctx, flagDuration(fs, "timeout"), path, func(ctx context.Context) (*corpus.Document, error) {
		return corpus.Open(ctx, path, corpus.Options{Password: pw})
	})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func warn(w io.Writer, doc *corpus.Document) {
	for _, s := range doc.Warnings {
		fmt.Fprintf(w, "warning: %s: %s\n", doc.Source, s)
	}
}

func runExtract(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	doc, err := openDoc(ctx, fs, args, io.In)
	if err != nil {
		return err
	}
	warn(io.Err, doc)
	if flagBool(fs, "json") {
		return writeJSON(io.Out, struct {
			Source string        `json:"source"`
			Pages  []corpus.Page `json:"pages"`
		}{doc.Source, doc.Pages})
	}
	for i, p := range doc.Pages {
		if i > 0 {
			fmt.Fprintln(io.Out)
		}
		fmt.Fprintf(io.Out, "=== %s ===\n", pageLabel(p.Number, p.Printed))
		switch {
		case p.NoText:
			fmt.Fprintln(io.Out, "[no text layer: a scanned page? OCR is not supported]")
		default:
			fmt.Fprintln(io.Out, strings.TrimRight(p.Text, "\n"))
		}
	}
	return nil
}

// pageLabel cites a page as councillors do: the printed number first.
func pageLabel(physical, printed int) string {
	if printed > 0 {
		return fmt.Sprintf("page %d (PDF page %d)", printed, physical)
	}
	return fmt.Sprintf("PDF page %d", physical)
}

type splitItem struct {
	Number       string        `json:"number"`
	Title        string        `json:"title"`
	StartPage    int           `json:"start_page"`
	EndPage      int           `json:"end_page"`
	PrintedStart int           `json:"printed_start,omitempty"`
	PrintedEnd   int           `json:"printed_end,omitempty"`
	Kind         corpus.Kind   `json:"kind"`
	Exempt       bool          `json:"exempt,omitempty"`
	Cover        *corpus.Cover `json:"cover,omitempty"`
	Passages     int           `json:"passages"`
}

func runSplit(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	doc, err := openDoc(ctx, fs, args, io.In)
	if err != nil {
		return err
	}
	warn(io.Err, doc)
	items := make([]splitItem, len(doc.Items))
	for i, it := range doc.Items {
		items[i] = splitItem{Number: it.Number, Title: it.Title, StartPage: it.StartPage, EndPage: it.EndPage,
			PrintedStart: it.PrintedStart, PrintedEnd: it.PrintedEnd, Kind: it.Kind, Exempt: it.Exempt,
			Cover: it.Cover, Passages: len(it.Passages)}
	}
	if flagBool(fs, "json") {
		return writeJSON(io.Out, struct {
			Source string      `json:"source"`
			Pages  int         `json:"pages"`
			Meta   corpus.Meta `json:"meta"`
			Items  []splitItem `json:"items"`
		}{doc.Source, len(doc.Pages), doc.Meta, items})
	}
	fmt.Fprintf(io.Out, "%s: %d pages, %d items\n", doc.Source, len(doc.Pages), len(items))
	if m := meetingLine(doc.Meta); m != "" {
		fmt.Fprintln(io.Out, m)
	}
	fmt.Fprintln(io.Out)
	for _, it := range items {
		num := it.Number
		if num == "" {
			num = "-"
		}
		pages := fmt.Sprintf("PDF pp. %d-%d", it.StartPage, it.EndPage)
		if it.PrintedStart > 0 {
			pages = fmt.Sprintf("pp. %d-%d (%s)", it.PrintedStart, it.PrintedEnd, pages)
		}
		flag := ""
		if it.Exempt {
			flag = "  [EXEMPT]"
		}
		fmt.Fprintf(io.Out, "%4s  %-8s %-30s %s%s\n", num, it.Kind, pages, it.Title, flag)
	}
	return nil
}

func meetingLine(m corpus.Meta) string {
	var parts []string
	for _, s := range []string{m.Council, m.Committee, m.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}
