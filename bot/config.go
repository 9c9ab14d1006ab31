package bot

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Environment variables the bot reads its secrets and Slack endpoints from.
const (
	EnvBotToken      = "SLACK_BOT_TOKEN"
	EnvAppToken      = "SLACK_APP_TOKEN"
	EnvSigningSecret = "SLACK_SIGNING_SECRET"
	EnvAPIURL        = "SLACK_API_URL"
)

// ConsoleChannel is the channel name console mode uses; list it in
// exempt_channels to see exempt items in the terminal.
const ConsoleChannel = "console"

// Config is the bot's settings. Tokens come only from the environment
// (ConfigFromEnv, LoadConfig); the rest may come from a YAML file.
type Config struct {
	// BotToken (xoxb-) calls the Web API.
	BotToken string `yaml:"-"`
	// AppToken (xapp-) selects Socket Mode when set.
	AppToken string `yaml:"-"`
	// SigningSecret verifies every HTTP request from Slack.
	SigningSecret string `yaml:"-"`
	// APIURL, when set, points the Web API client at another base URL
	// (a fake Slack for tests and demos). It must end with a slash.
	APIURL string `yaml:"-"`

	// Addr is the HTTP listen address when Socket Mode is not used.
	Addr string `yaml:"addr"`
	// Index is the index folder the caller opens for search and ingest.
	Index string `yaml:"index"`
	// SharedDir keeps the packs shared with the bot (Project.Dir); see
	// PacksDir for the default.
	SharedDir string `yaml:"shared_dir"`
	// ExemptChannels are the channel IDs (or ConsoleChannel) where exempt or
	// confidential items may be shown. Everywhere else they are withheld.
	ExemptChannels []string `yaml:"exempt_channels"`
	// PapersChannels are the channel IDs where the bot briefs every PDF
	// shared, unasked. Elsewhere in channels it briefs a PDF only when
	// mentioned with it or asked with /scrutineer brief; in a direct
	// message it always does.
	PapersChannels []string `yaml:"papers_channels"`
	// PublicChannels are the channel IDs where /scrutineer answers are
	// posted for the channel to see. Elsewhere a slash command's answer is
	// seen only by whoever typed it, unless they add "public"
	// (/scrutineer public search ...).
	PublicChannels []string `yaml:"public_channels"`
	// Officers are the Slack user IDs who may remove a paper from the
	// index (`/scrutineer remove FILE`). Whoever shared a paper privately
	// may remove it too.
	Officers []string `yaml:"officers"`
	// BriefFormat is the format of the brief file attached to a briefing:
	// "markdown" or "html".
	BriefFormat string `yaml:"brief_format"`
	// ConsoleDir is where console mode saves brief files; see
	// BriefsDir for the default.
	ConsoleDir string `yaml:"console_dir"`
	// HealthAddr, when set, is the address of a small HTTP listener that
	// answers PathHealth in Socket Mode, for container and service
	// health checks ("" = none). In HTTP mode the health check is on Addr.
	HealthAddr string `yaml:"health_addr"`
	// Limits bound what one request may cost.
	Limits Limits `yaml:"limits"`
	// Fetch is the scheduled fetch of the council's papers.
	Fetch FetchSchedule `yaml:"fetch"`
}

// Limits bound the bot's work.
type Limits struct {
	// MaxFileMB is the largest PDF the bot downloads and analyses.
	MaxFileMB int `yaml:"max_file_mb"`
	// MaxBodyKB is the largest HTTP request body accepted from Slack.
	MaxBodyKB int `yaml:"max_body_kb"`
	// SearchResults is how many passages a search shows.
	SearchResults int `yaml:"search_results"`
	// Candidates is how many papers "ask" offers besides the one it picks.
	Candidates int `yaml:"candidates"`
	// Questions is how many questions a reply shows per item.
	Questions int `yaml:"questions"`
	// Jobs is how many analyses run at once; more wait their turn.
	Jobs int `yaml:"jobs"`
	// JobTimeout bounds one search, ask or brief.
	JobTimeout time.Duration `yaml:"job_timeout"`
	// ShutdownWait is how long shutdown waits for work in flight before
	// abandoning it.
	ShutdownWait time.Duration `yaml:"shutdown_wait"`
	// SlackTimeout bounds one call to Slack (a download or upload
	// included); an answer must also start within 30 seconds.
	SlackTimeout time.Duration `yaml:"slack_timeout"`
}

// DefaultConfig returns the settings used where neither the file nor the
// environment says otherwise.
func DefaultConfig() Config {
	return Config{
		Addr:        ":3000",
		BriefFormat: "markdown",
		Limits: Limits{
			MaxFileMB:     50,
			MaxBodyKB:     1024,
			SearchResults: 5,
			Candidates:    3,
			Questions:     8,
			Jobs:          2,
			JobTimeout:    5 * time.Minute,
			ShutdownWait:  30 * time.Second,
			SlackTimeout:  2 * time.Minute,
		},
	}
}

// ConfigFromEnv returns the default settings with the tokens, the API
// URL and any setting named in the environment (see EnvPrefix) read from
// it. A token or setting that cannot be read is an error.
func ConfigFromEnv() (Config, error) {
	c := DefaultConfig()
	if err := c.applyEnv(os.Getenv); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// LoadConfig reads the YAML file at path over the defaults, then the
// environment: every setting named there (see EnvPrefix) and the tokens,
// each from its variable or from the file its _FILE variable names
// (SLACK_BOT_TOKEN_FILE). An empty path reads no file. Unknown keys are an
// error, so a misspelt setting is not silently ignored.
func LoadConfig(path string) (Config, error) {
	c := DefaultConfig()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("read bot config: %w", err)
		}
		if err := c.decode(data); err != nil {
			return c, fmt.Errorf("read bot config %s: %w", path, err)
		}
	}
	if err := c.applyEnv(os.Getenv); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// decode reads YAML settings over c.
func (c *Config) decode(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

// applyEnv reads the settings named in the environment, then the tokens
// and the API URL.
func (c *Config) applyEnv(getenv func(string) string) error {
	errs := []error{c.applySettingsEnv(getenv)}
	for _, s := range []struct {
		name string
		to   *string
	}{
		{EnvBotToken, &c.BotToken}, {EnvAppToken, &c.AppToken},
		{EnvSigningSecret, &c.SigningSecret},
	} {
		v, err := secret(getenv, s.name)
		errs = append(errs, err)
		*s.to = v
	}
	c.APIURL = getenv(EnvAPIURL)
	return errors.Join(errs...)
}

// Validate reports settings that cannot work, such as a zero limit or an
// unknown brief format. It does not require tokens: which are needed
// depends on the transport (see Bot.Run).
func (c Config) Validate() error {
	var errs []error
	l := c.Limits
	for _, v := range []struct {
		name string
		n    int
	}{
		{"max_file_mb", l.MaxFileMB}, {"max_body_kb", l.MaxBodyKB},
		{"search_results", l.SearchResults}, {"jobs", l.Jobs}, {"questions", l.Questions},
	} {
		if v.n < 1 {
			errs = append(errs, fmt.Errorf("limits.%s must be at least 1, got %d", v.name, v.n))
		}
	}
	if l.Candidates < 0 {
		errs = append(errs, fmt.Errorf("limits.candidates must not be negative, got %d", l.Candidates))
	}
	if l.JobTimeout <= 0 || l.ShutdownWait < 0 {
		errs = append(errs, errors.New("limits.job_timeout must be positive and limits.shutdown_wait not negative"))
	}
	if l.SlackTimeout <= 0 {
		errs = append(errs, fmt.Errorf("limits.slack_timeout must be positive, got %v", l.SlackTimeout))
	}
	if c.BriefFormat != "markdown" && c.BriefFormat != "html" {
		errs = append(errs, fmt.Errorf("brief_format must be markdown or html, got %q", c.BriefFormat))
	}
	if err := c.Fetch.validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// PacksDir is where packs shared with the bot are kept: SharedDir, or
// "shared" inside the index folder, or "" (not kept) when neither is set.
func (c Config) PacksDir() string {
	switch {
	case c.SharedDir != "":
		return c.SharedDir
	case c.Index != "":
		return filepath.Join(c.Index, "shared")
	}
	return ""
}

// BriefsDir is where console mode saves brief files: ConsoleDir, or
// "briefs" inside the index folder, or "" (the current folder) when
// neither is set.
func (c Config) BriefsDir() string {
	switch {
	case c.ConsoleDir != "":
		return c.ConsoleDir
	case c.Index != "":
		return filepath.Join(c.Index, "briefs")
	}
	return ""
}

// ExemptAllowed reports whether exempt or confidential material may be
// shown in channel.
func (c Config) ExemptAllowed(channel string) bool {
	return channel != "" && slices.Contains(c.ExemptChannels, channel)
}

// BriefsUnasked reports whether a PDF shared in channel is briefed without
// being asked: in a direct message with the bot (an ID starting with "D")
// or in a channel listed in papers_channels.
func (c Config) BriefsUnasked(channel string) bool {
	return strings.HasPrefix(channel, "D") || (channel != "" && slices.Contains(c.PapersChannels, channel))
}

// LogValue logs the settings without the secrets: only whether each token
// is set.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.Bool("bot_token_set", c.BotToken != ""),
		slog.Bool("app_token_set", c.AppToken != ""),
		slog.Bool("signing_secret_set", c.SigningSecret != ""),
		slog.Bool("custom_api_url", c.APIURL != ""),
		slog.String("addr", c.Addr),
		slog.String("index", c.Index),
		slog.Int("exempt_channels", len(c.ExemptChannels)),
		slog.Int("papers_channels", len(c.PapersChannels)),
		slog.Int("fetch_sites", len(c.Fetch.Sites)),
		slog.String("brief_format", c.BriefFormat),
	)
}

func (c Config) maxFileBytes() int64 { return int64(c.Limits.MaxFileMB) << 20 }
func (c Config) maxBodyBytes() int64 { return int64(c.Limits.MaxBodyKB) << 10 }
