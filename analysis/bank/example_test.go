package bank_test

import (
	"fmt"
	"log"

	"github.com/scrutineer/scrutineer/analysis/bank"
)

func ExampleDefault() {
	b, err := bank.Default()
	if err != nil {
		log.Fatal(err)
	}
	th := b.Theme("care-leavers")
	fmt.Println(len(b.Themes), "themes")
	fmt.Println(th.Title)
	fmt.Println(th.Lines[2].Question)
	fmt.Println(th.Lines[2].Evidence)
	// Output:
	// 23 themes
	// Care leavers
	// Does every care leaver who wants one have a personal adviser up to age 25, and how many young people does each adviser support?
	// [figure]
}

func ExampleBank_Merge() {
	local, err := bank.Parse([]byte(`
themes:
  - extends: fostering
    lines:
      - question: "How many enquiries from the autumn campaign became approved carers?"
        evidence: [figure, outcome]
`), "priorities.yaml")
	if err != nil {
		log.Fatal(err)
	}
	b, err := bank.Default()
	if err != nil {
		log.Fatal(err)
	}
	merged, err := b.Merge(local)
	if err != nil {
		log.Fatal(err)
	}
	th, line := merged.Line("fostering-local-1")
	fmt.Println(th.ID, line.Local, line.Question)
	// Output:
	// fostering true How many enquiries from the autumn campaign became approved carers?
}
