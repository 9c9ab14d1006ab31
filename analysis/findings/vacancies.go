package findings

// vacancies finds a vacancy rate that is high or rising.
var vacancies = workforceCheck{
	kind: "vacancies",
	doc:  "the vacancy rate is above its target or comparators (or high when the report gives neither), or has risen two periods running",
}
