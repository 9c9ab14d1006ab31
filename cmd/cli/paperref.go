package cli

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/scrutineer/scrutineer/index"
)

// sourceOrigins gives the one file of args the web address given with
// --source-url; none when it is not given.
func sourceOrigins(address string, args []string) (map[string]index.Origin, error) {
	if address == "" {
		return nil, nil
	}
	if len(args) != 1 {
		return nil, usagef("--source-url is the address of one paper: name one FILE with it")
	}
	u, err := url.Parse(address)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, usagef("--source-url %q: want a web address, such as https://democracy.example.gov.uk/documents/s60860/report.pdf", address)
	}
	path, err := filepath.Abs(args[0])
	if err != nil {
		return nil, fmt.Errorf("--source-url: %w", err)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, usagef("--source-url is the address of one paper: %s is a folder", args[0])
	}
	return map[string]index.Origin{path: {URL: address}}, nil
}

// sharedNames returns the file names that more than one paper among hits
// has, so that those hits can show their papers' IDs.
func sharedNames(hits []index.Hit) map[string]bool {
	ids := map[string]string{}
	shared := map[string]bool{}
	for _, h := range hits {
		if id, ok := ids[h.Source]; ok && id != h.ID {
			shared[h.Source] = true
		}
		ids[h.Source] = h.ID
	}
	return shared
}

// paperName is a hit's file name, with its paper's ID when another paper
// among the hits has the same name.
func paperName(h index.Hit, shared map[string]bool) string {
	if shared[h.Source] && h.ID != "" {
		return h.Source + " [" + h.ID + "]"
	}
	return h.Source
}

// ambiguous explains, for a command given ref, that several papers have
// that name and how to name one; "" when err is not about that.
func ambiguous(err error, command string) string {
	var amb *index.AmbiguousError
	if !errors.As(err, &amb) {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d papers are named %q; give the ID (or the path) of the one you mean:", len(amb.Papers), amb.Ref)
	for _, d := range amb.Papers {
		where := d.Path
		if where == "" {
			where = d.URL
		}
		fmt.Fprintf(&b, "\n  %s %s   %s", command, d.ID, where)
	}
	return b.String()
}

// citeSource names a paper in a brief: its file name, and its own web
// address when known.
func citeSource(d index.DocumentInfo) string {
	if d.URL != "" {
		return d.Source + " (" + d.URL + ")"
	}
	return d.Source
}
