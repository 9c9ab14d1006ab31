package bot_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/scrutineer/scrutineer/bot"
	"github.com/scrutineer/scrutineer/index"
)

// passages is a Searcher over a fixed list, standing in for the index.
type passages []index.Hit

func (p passages) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	return &index.Results{Query: q.Text, Total: uint64(len(p)), Hits: p}, nil
}

// The console holds the bot's conversations in a terminal. In
// `scrutineer serve --console` the services come from Project.Deps and the
// input from os.Stdin.
func ExampleBot_RunConsole() {
	deps := bot.Deps{Search: passages{{
		Source: "pack.pdf", Item: "5", Title: "Fostering Service Annual Report",
		Page: 65, PrintedPage: 63, Snippet: "long-term <mark>placement stability</mark> fell to 64%",
	}}}
	b, err := bot.New(bot.DefaultConfig(), deps, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	in := strings.NewReader("search placement stability\nquit\n")
	if err := b.RunConsole(context.Background(), in, os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Scrutineer console. Type help for what I can do, blocks for the last answer's Block Kit JSON, quit to leave.
	// Search: placement stability
	//   One passage matches.
	// Item 5: Fostering Service Annual Report
	//   long-term placement stability fell to 64%
	//   (p. 63 (PDF p. 65) · pack.pdf)
}
