// Command scrutineer reads council committee papers, indexes them for
// search, proposes challenge questions for scrutiny of children's services
// and serves all of it through Slack. Run `scrutineer help` for usage.
package main

import (
	"os"

	"github.com/scrutineer/scrutineer/cmd/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Stdio{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
