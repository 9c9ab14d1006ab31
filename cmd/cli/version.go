package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/scrutineer/scrutineer/analysis/report"
)

func init() {
	register(&command{
		name:    "version",
		args:    "[--json]",
		summary: "The module version and the commit scrutineer was built from, from Go's build information.",
		flags: func(fs *flag.FlagSet) {
			fs.Bool("json", false, "print JSON")
		},
		run: func(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
			if len(args) > 0 {
				return usagef("version takes no arguments")
			}
			b := Build()
			if flagBool(fs, "json") {
				return writeJSON(io.Out, b)
			}
			fmt.Fprintln(io.Out, "scrutineer", b.String())
			return nil
		},
	})
}

// BuildInfo is what a binary knows of how it was built.
type BuildInfo struct {
	// Version is the module's version ("v1.2.0", or "(devel)" for a build
	// from a checkout).
	Version string `json:"version"`
	// Commit is the VCS revision built from and Modified whether the tree
	// had changes; "" when the build recorded none (go run, go test).
	Commit   string `json:"commit,omitempty"`
	Time     string `json:"commit_time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
	Go       string `json:"go"`
	// SchemaVersion is the version of the JSON contract of ask and brief.
	SchemaVersion int `json:"schema_version"`
}

// Build reads the binary's build information: no variable needs setting
// by hand, a plain go build records the module version and the commit.
func Build() BuildInfo {
	b := BuildInfo{Version: "(devel)", Go: runtime.Version(), SchemaVersion: report.SchemaVersion}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	if v := info.Main.Version; v != "" {
		b.Version = v
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// String says the build in a line: "(devel) commit 3f7e031 (modified), go1.26".
func (b BuildInfo) String() string {
	s := b.Version
	if b.Commit != "" {
		c := b.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		s += " commit " + c
		if b.Modified {
			s += " (modified)"
		}
	}
	return s + ", " + b.Go
}
