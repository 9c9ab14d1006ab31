package bleveindex

import "github.com/scrutineer/scrutineer/index"

// The backend-neutral types of package index, under the names this
// package's code has always used for them. Callers use the index names.
type (
	// Query is index.Query.
	Query = index.Query
	// Hit is index.Hit.
	Hit = index.Hit
	// Results is index.Results.
	Results = index.Results
	// FacetCount is index.FacetCount.
	FacetCount = index.FacetCount
	// DocumentInfo is index.DocumentInfo.
	DocumentInfo = index.DocumentInfo
	// ItemHit is index.ItemHit.
	ItemHit = index.ItemHit
	// Themer is index.Themer.
	Themer = index.Themer
	// Location is index.Location.
	Location = index.Location
	// Origin is index.Origin.
	Origin = index.Origin
	// IngestOptions is index.IngestOptions.
	IngestOptions = index.IngestOptions
	// Progress is index.Progress.
	Progress = index.Progress
	// Skipped is index.Skipped.
	Skipped = index.Skipped
	// Summary is index.Summary.
	Summary = index.Summary
	// AmbiguousError is index.AmbiguousError.
	AmbiguousError = index.AmbiguousError
)
