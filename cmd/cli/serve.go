package cli

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/bot"
	"github.com/scrutineer/scrutineer/index"
)

func init() {
	register(&command{
		name: "serve",
		args: "[--config FILE] [--index DIR] [--addr :3000] [--console [--channel ID] [--user ID] [--blocks]]",
		summary: "Run the Slack bot.\n" +
			"Socket Mode when SLACK_APP_TOKEN is set (no public URL needed); otherwise an HTTP server\n" +
			"for the Events API, slash commands and interactivity, verified with SLACK_SIGNING_SECRET.\n" +
			"SLACK_BOT_TOKEN is the Web API token; SLACK_API_URL points at another Slack (tests, staging).\n" +
			"--console reads messages from the terminal instead (try: help, search foster carers,\n" +
			"ask fostering, brief FILE, or as in Slack: /scrutineer search ..., @scrutineer ask ...)\n" +
			"so the bot can be tried without Slack; --channel plays a channel (its exempt and public\n" +
			"answer rules apply), 'blocks' prints the last answer's Block Kit JSON.",
		flags: func(fs *flag.FlagSet) {
			fs.String("config", "", "YAML settings file (allowed channels for exempt items, limits); see bot/README.md")
			indexFlag(fs)
			fs.String("addr", "", "HTTP listen address (default :3000, or the config file's addr)")
			fs.Bool("console", false, "talk to the bot in this terminal instead of Slack")
			fs.String("channel", "", "with --console: the Slack channel ID to play (default: console)")
			fs.String("user", "", "with --console: the Slack user ID to play (default: console)")
			fs.Bool("blocks", false, "with --console: print each answer's Block Kit JSON as Slack would get it")
			fs.String("bank", "", "a YAML file of local lines of enquiry added to the built-in bank")
		},
		run: runServe,
	})
}

// serveStopMargin is the time the bot may take to stop beyond its
// shutdown_wait: abandoning jobs, telling their users, closing the index.
const serveStopMargin = 15 * time.Second

func runServe(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
	if len(args) > 0 {
		return usagef("serve takes no arguments, got %q", args[0])
	}
	console := flagBool(fs, "console")
	play := bot.ConsoleOptions{Channel: flagString(fs, "channel"), User: flagString(fs, "user"), Blocks: flagBool(fs, "blocks")}
	if !console && (play != bot.ConsoleOptions{}) {
		return usagef("--channel, --user and --blocks go with --console")
	}
	cfg, err := bot.LoadConfig(flagString(fs, "config"))
	if err != nil {
		return err
	}
	if d := flagString(fs, "index"); d != "" || cfg.Index == "" {
		if cfg.Index, err = indexDir(fs); err != nil {
			return err
		}
	}
	if a := flagString(fs, "addr"); a != "" {
		cfg.Addr = a
	}
	b, err := loadBank(flagString(fs, "bank"))
	if err != nil {
		return err
	}
	x, err := index.Open(cfg.Index, index.Options{Create: true})
	if err != nil {
		return err
	}
	defer x.Close()
	an := analysis.New(b)
	proj := &bot.Project{Index: x, Analyzer: an, Dir: cfg.PacksDir(),
		Ingest: index.IngestOptions{Themer: themer(an)}}
	logger := slog.New(slog.NewTextHandler(io.Err, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if console {
		// The console's own replies are the output; keep logs to warnings.
		logger = slog.New(slog.NewTextHandler(io.Err, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	bt, err := bot.New(cfg, proj.Deps(), logger)
	if err != nil {
		return err
	}
	if sh, err := shareIndex(ctx, x, bt, cfg.PacksDir(), logger); err != nil {
		logger.Warn("other scrutineer commands cannot use the index while the bot runs", "err", err)
	} else {
		defer sh.Close()
	}
	// On SIGTERM the bot waits for its work in flight before it stops.
	extendGrace(ctx, cfg.Limits.ShutdownWait+serveStopMargin)
	if console {
		n, _ := x.Passages()
		fmt.Fprintf(io.Out, "scrutineer console: index %s (%d passages). Type 'help', or Ctrl-D to quit.\n", cfg.Index, n)
		return bt.RunConsoleAs(ctx, io.In, io.Out, play)
	}
	return bt.Run(ctx)
}
