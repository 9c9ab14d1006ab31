package national_test

import (
	"errors"
	"fmt"

	"github.com/scrutineer/scrutineer/analysis/national"
)

func ExampleCompare() {
	c, err := national.Compare("Kent County Council", "rereferrals_12m")
	if err != nil {
		fmt.Println(err)
		return
	}
	m := c.Measure
	fmt.Printf("%s, %s: %s %d\n", c.Council.Name, m.Title, m.Period, c.Year)
	fmt.Printf("%s; England %s, %s %s, neighbours %s (%d of %d)\n",
		c.Value.Format(m), c.England.Format(m), c.RegionName, c.Region.Format(m),
		national.Figure{Published: true, Value: c.Neighbours.Value}.Format(m), c.Rank, c.Ranked)
	fmt.Printf("%s than England, %s than its neighbours\n", c.VsEngland, c.VsNeighbours)
	fmt.Println(national.Attribution)
	// Output:
	// Kent, Re-referrals within 12 months of a previous referral: year ending 31 March 2025
	// 21.6%; England 22.6%, South East 28.4%, neighbours 20.5% (6 of 11)
	// better than England, worse than its neighbours
	// Contains public sector information licensed under the Open Government Licence v3.0.
}

func ExampleLookup() {
	for _, name := range []string{"Bath and NE Somerset", "Hull", "Kingston"} {
		c, err := national.Lookup(name)
		if errors.Is(err, national.ErrAmbiguousCouncil) {
			fmt.Println(err)
			continue
		}
		fmt.Println(c.Code, c.NewCode, c.Name)
	}
	// Output:
	// 800 E06000022 Bath and North East Somerset
	// 810 E06000010 Kingston upon Hull, City of
	// council name "Kingston" is ambiguous: it could be Kingston upon Hull, City of (810) or Kingston upon Thames (314)
}

func ExampleMatchIndicator() {
	m, ok := national.MatchIndicator("% of children subject to a second or subsequent CP plan", "%")
	fmt.Println(m.ID, ok)
	_, ok = national.MatchIndicator("Referrals in quarter", "number")
	fmt.Println(ok)
	// Output:
	// cpp_subsequent true
	// false
}
