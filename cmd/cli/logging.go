package cli

import (
	"flag"
	"io"
	"log/slog"
	"os"
	"strings"
)

// Environment variables that set the log level and format where the
// flags do not.
const (
	envLogLevel  = "SCRUTINEER_LOG_LEVEL"
	envLogFormat = "SCRUTINEER_LOG_FORMAT"
)

// logFlags adds --log-level and --log-format to a command that logs.
func logFlags(fs *flag.FlagSet) {
	fs.String("log-level", "", "debug, info, warn or error (default info; env "+envLogLevel+")")
	fs.String("log-format", "", "text or json (default text; env "+envLogFormat+")")
}

// newLogger builds the logger the flags (else the environment) ask for,
// writing to w. quiet lowers the default level to warnings, for modes
// whose output is the terminal's own text. Logs never carry message text
// or tokens: the code that logs keeps to counts, IDs and errors.
func newLogger(fs *flag.FlagSet, w io.Writer, quiet bool) (*slog.Logger, error) {
	level := slog.LevelInfo
	if quiet {
		level = slog.LevelWarn
	}
	if s := setting(fs, "log-level", envLogLevel); s != "" {
		if err := level.UnmarshalText([]byte(s)); err != nil {
			return nil, usagef("--log-level %q: want debug, info, warn or error", s)
		}
	}
	opts := &slog.HandlerOptions{Level: level}
	switch f := strings.ToLower(setting(fs, "log-format", envLogFormat)); f {
	case "", "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	default:
		return nil, usagef("--log-format %q: want text or json", f)
	}
}

// setting is the flag's value, else the environment variable's.
func setting(fs *flag.FlagSet, name, env string) string {
	if v := flagString(fs, name); v != "" {
		return v
	}
	return strings.TrimSpace(os.Getenv(env))
}
