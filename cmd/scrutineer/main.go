// Command scrutineer reads council committee papers, indexes them for
// search, proposes challenge questions for scrutiny of children's services
// and serves all of it through Slack. Run `scrutineer help` for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/scrutineer/scrutineer/cmd/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}
