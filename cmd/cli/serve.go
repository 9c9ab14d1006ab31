package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/bot"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
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
			"answer rules apply), 'blocks' prints the last answer's Block Kit JSON.\n" +
			"Every setting can come from the environment instead: SCRUTINEER_CONFIG, SCRUTINEER_INDEX,\n" +
			"SCRUTINEER_BANK, SCRUTINEER_LOG_LEVEL, and each key of the config file as SCRUTINEER_KEY\n" +
			"(SCRUTINEER_ADDR, SCRUTINEER_LIMITS_JOBS, SCRUTINEER_PAPERS_CHANNELS=C1,C2, ...);\n" +
			"flags win over the environment, the environment over the file. Each Slack secret may be\n" +
			"read from a file instead: SLACK_BOT_TOKEN_FILE, SLACK_APP_TOKEN_FILE, SLACK_SIGNING_SECRET_FILE.\n" +
			"With fetch.sites and fetch.every in the config file, it fetches the council's papers on that schedule,\n" +
			"briefs each new agenda pack in fetch.channel and posts saved searches' new passages to their channels;\n" +
			"'fetch' (in Slack or the console) runs that fetch at once.",
		flags: func(fs *flag.FlagSet) {
			fs.String("config", "", "YAML settings file (allowed channels for exempt items, limits); see bot/README.md (env SCRUTINEER_CONFIG)")
			indexFlag(fs)
			fs.String("addr", "", "HTTP listen address (default :3000, or the config file's addr)")
			fs.Bool("console", false, "talk to the bot in this terminal instead of Slack")
			fs.String("channel", "", "with --console: the Slack channel ID to play (default: console)")
			fs.String("user", "", "with --console: the Slack user ID to play (default: console)")
			fs.Bool("blocks", false, "with --console: print each answer's Block Kit JSON as Slack would get it")
			fs.String("bank", "", "a YAML file of local lines of enquiry added to the built-in bank")
			logFlags(fs)
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
	// The console's own replies are the output; keep its logs to warnings.
	logger, err := newLogger(fs, io.Err, console)
	if err != nil {
		return err
	}
	cfg, err := bot.LoadConfig(setting(fs, "config", "SCRUTINEER_CONFIG"))
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
	b, err := loadBank(setting(fs, "bank", "SCRUTINEER_BANK"))
	if err != nil {
		return err
	}
	x, err := bleveindex.Open(cfg.Index, bleveindex.Options{Create: true})
	if err != nil {
		return err
	}
	defer x.Close()
	an := analysis.New(b)
	proj := &bot.Project{Index: x, Analyzer: an, Dir: cfg.PacksDir(),
		Ingest: index.IngestOptions{Themer: themer(an)}}
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
