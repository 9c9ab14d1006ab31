package findings

// agencyStaff finds an agency staffing share that is high or rising.
var agencyStaff = workforceCheck{
	kind: "agency-staff",
	doc:  "the share of agency or locum staff is above its target or comparators (or high when the report gives neither), or has risen two periods running",
}
