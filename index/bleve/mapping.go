package bleveindex

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names of a passage document.
const (
	fText         = "text"
	fTitle        = "title"
	fHeading      = "heading"
	fCouncil      = "council"
	fCommittee    = "committee"
	fCommitteeKey = "committee_key"
	fDate         = "date"
	fYear         = "year"
	fItem         = "item"
	fItemIndex    = "item_index"
	fSeq          = "seq"
	fKind         = "kind"
	fPage         = "page"
	fPrinted      = "printed_page"
	fSource       = "source"
	fPath         = "path"
	fHash         = "hash"
	fExempt       = "exempt"
	fThemes       = "themes"
	// fFacets holds "name\x1fvalue" for every facet of a passage, so
	// counting facets reads one field's doc values instead of three.
	fFacets = "facets"
)

// storedFields are the fields loaded for a hit.
var storedFields = []string{
	fText, fTitle, fHeading, fCouncil, fCommittee, fDate, fItem, fItemIndex,
	fSeq, fKind, fPage, fPrinted, fSource, fPath, fHash, fExempt, fThemes,
}

// newMapping returns the index mapping: one document per passage, text
// fields analysed with the project's analyzer, keyword fields for filters
// and facets, and no dynamic mapping, so a stray field is never indexed.
func newMapping(analyzer string) mapping.IndexMapping {
	text := func(store, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = vectors
		f.IncludeInAll = false
		return f
	}
	keyword := func(store, index bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.Index = index
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = index
		return f
	}
	numeric := func() *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.IncludeInAll = false
		return f
	}

	dm := bleve.NewDocumentMapping()
	dm.Dynamic = false
	dm.AddFieldMappingsAt(fText, text(true, true))
	dm.AddFieldMappingsAt(fTitle, text(true, true))
	dm.AddFieldMappingsAt(fHeading, text(true, true))
	dm.AddFieldMappingsAt(fCouncil, keyword(true, true))
	committee := keyword(true, true)
	committee.IncludeTermVectors = true // committee:"Full Name" is a phrase
	dm.AddFieldMappingsAt(fCommittee, committee)
	dm.AddFieldMappingsAt(fCommitteeKey, keyword(false, true))
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	dm.AddFieldMappingsAt(fDate, date)
	dm.AddFieldMappingsAt(fYear, keyword(false, true))
	dm.AddFieldMappingsAt(fItem, keyword(true, true))
	dm.AddFieldMappingsAt(fItemIndex, keyword(true, true))
	dm.AddFieldMappingsAt(fSeq, numeric())
	dm.AddFieldMappingsAt(fKind, keyword(true, true))
	dm.AddFieldMappingsAt(fPage, numeric())
	dm.AddFieldMappingsAt(fPrinted, numeric())
	dm.AddFieldMappingsAt(fSource, keyword(true, true))
	dm.AddFieldMappingsAt(fPath, keyword(true, false))
	dm.AddFieldMappingsAt(fHash, keyword(true, true))
	ex := bleve.NewBooleanFieldMapping()
	ex.IncludeInAll = false
	dm.AddFieldMappingsAt(fExempt, ex)
	dm.AddFieldMappingsAt(fThemes, keyword(true, true))
	dm.AddFieldMappingsAt(fFacets, keyword(false, true))

	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.DefaultAnalyzer = analyzer
	im.DefaultField = fText
	return im
}
