package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// RunSocketMode connects to Slack over Socket Mode (no public URL needed)
// and answers until ctx is cancelled, then finishes (or, after
// limits.shutdown_wait, abandons) the work in flight. It needs
// SLACK_BOT_TOKEN and SLACK_APP_TOKEN.
func (b *Bot) RunSocketMode(ctx context.Context) error {
	if b.cfg.AppToken == "" {
		return fmt.Errorf("%w: set %s for Socket Mode", ErrNoToken, EnvAppToken)
	}
	if err := b.connect(ctx); err != nil {
		return err
	}
	if b.cfg.HealthAddr != "" {
		stop, err := b.listenHealth(ctx, b.cfg.HealthAddr, &b.health)
		if err != nil {
			return err
		}
		defer stop()
	}
	// The socketmode client logs at Debug: its lines may carry payloads.
	client := socketmode.New(b.api, socketmode.OptionLog(slog.NewLogLogger(b.log.Handler(), slog.LevelDebug)))
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	loop := make(chan struct{})
	go func() {
		defer close(loop)
		for {
			select {
			case <-rctx.Done():
				return
			case evt, ok := <-client.Events:
				if !ok {
					return
				}
				b.onSocketEvent(rctx, client, evt)
			}
		}
	}()
	b.log.Info("serving slack over socket mode")
	err := client.RunContext(rctx)
	cancel()
	<-loop
	b.shutdown()
	b.log.Info("stopped")
	if err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("socket mode: %w", err)
	}
	return nil
}

// onSocketEvent acknowledges an envelope at once, then handles it. A
// panic while handling one envelope is logged and does not end the loop.
func (b *Bot) onSocketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	defer func() {
		if r := recover(); r != nil {
			b.log.Error("socket mode event failed", "type", string(evt.Type), "panic", fmt.Sprint(r))
		}
	}()
	ack := func() {
		if evt.Request == nil {
			return
		}
		if err := client.AckCtx(ctx, evt.Request.EnvelopeID, nil); err != nil {
			b.log.Warn("socket mode ack failed", "err", err)
		}
	}
	switch evt.Type {
	case socketmode.EventTypeEventsAPI:
		ack()
		if ev, ok := evt.Data.(slackevents.EventsAPIEvent); ok && ev.Type == slackevents.CallbackEvent {
			b.onEvent(ev)
		}
	case socketmode.EventTypeSlashCommand:
		ack()
		if sc, ok := evt.Data.(slack.SlashCommand); ok {
			b.onCommand(sc)
		}
	case socketmode.EventTypeInteractive:
		ack()
		if ic, ok := evt.Data.(slack.InteractionCallback); ok {
			b.onInteraction(ic)
		}
	case socketmode.EventTypeConnected, socketmode.EventTypeHello:
		b.health.connected.Store(true)
		b.log.Debug("socket mode", "state", string(evt.Type))
	case socketmode.EventTypeConnecting, socketmode.EventTypeDisconnect:
		b.health.connected.Store(false)
		b.log.Debug("socket mode", "state", string(evt.Type))
	case socketmode.EventTypeConnectionError, socketmode.EventTypeInvalidAuth:
		b.health.connected.Store(false)
		b.log.Warn("socket mode connection problem", "state", string(evt.Type))
	}
}
