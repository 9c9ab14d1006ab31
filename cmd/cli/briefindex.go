package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
)

// briefFromIndex briefs papers already in the index: one file by --source,
// or every file of a meeting by --meeting (and --committee).
func briefFromIndex(ctx context.Context, fs *flag.FlagSet, an *analysis.Analyzer) (*analysis.Report, error) {
	source, meeting, committee := flagString(fs, "source"), flagString(fs, "meeting"), flagString(fs, "committee")
	if (source == "") == (meeting == "") {
		return nil, usagef("with --index, give --source NAME or --meeting YYYY-MM-DD")
	}
	if meeting != "" {
		if _, err := parseDate(fs, "meeting"); err != nil {
			return nil, err
		}
	}
	x, err := openPapers(ctx, fs)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	var picked []index.DocumentInfo
	if source != "" {
		d, err := x.Resolve(ctx, source)
		if msg := ambiguous(err, "scrutineer brief --index "+x.Dir()+" --source"); msg != "" {
			return nil, errors.New(msg)
		}
		if err != nil && !errors.Is(err, index.ErrNotFound) {
			return nil, err
		}
		if d != nil {
			picked = append(picked, *d)
		}
	}
	docs, err := x.Documents(ctx)
	if err != nil {
		return nil, err
	}
	var known []string
	for _, d := range docs {
		switch {
		case meeting != "" && d.Meta.Date == meeting &&
			(committee == "" || strings.EqualFold(d.Meta.Committee, committee)):
			picked = append(picked, d)
		}
		if meeting != "" && d.Meta.Date == meeting {
			known = append(known, fmt.Sprintf("%s (%s)", d.Source, d.Meta.Committee))
		}
	}
	if len(picked) == 0 {
		if source != "" {
			return nil, fmt.Errorf("no paper %q in the index %s", source, x.Dir())
		}
		if len(known) > 0 {
			return nil, fmt.Errorf("no paper of committee %q on %s; that day: %s", committee, meeting, strings.Join(known, ", "))
		}
		return nil, fmt.Errorf("no paper for a meeting on %s in the index %s", meeting, x.Dir())
	}
	include := flagBool(fs, "include-exempt")
	files := make([]*corpus.Document, len(picked))
	for i, d := range picked {
		files[i] = indexedFile(ctx, fs, d)
	}
	if len(picked) == 1 {
		// The paper's own file, when it is still where the index found
		// it and unchanged, gives the brief that brief FILE gives.
		if doc := files[0]; doc != nil {
			rep, err := an.Brief(ctx, doc)
			if err != nil {
				return nil, fmt.Errorf("analyse %s: %w", doc.Source, err)
			}
			rep.Source = citeSource(picked[0])
			if !include {
				rep.Items = slices.DeleteFunc(rep.Items, func(it analysis.ItemReport) bool { return it.Exempt })
			}
			return rep, nil
		}
	}
	// A meeting's papers are briefed as one pack: each from its own file
	// when that is where the index found it and unchanged, otherwise as
	// the index kept it: its items' passages, and its pages when the
	// index has them (the tables on them).
	var sources []string
	var papers []analysis.Paper
	for i, d := range picked {
		sources = append(sources, citeSource(d))
		doc := files[i]
		if doc == nil {
			if doc, err = index.ReadBack(ctx, x, d); err != nil {
				return nil, err
			}
			doc.Source = citeSource(d)
		}
		items := doc.Items
		if !include {
			items = slices.DeleteFunc(slices.Clone(items), func(it corpus.Item) bool { return it.Exempt })
		}
		papers = append(papers, analysis.Paper{Doc: doc, Items: analysis.BriefItems(items)})
	}
	rep, err := an.Meeting(ctx, strings.Join(sources, ", "), picked[0].Meta, papers)
	if err != nil {
		return nil, fmt.Errorf("brief the meeting's papers: %w", err)
	}
	return rep, nil
}

// indexedFile reads the file of the indexed paper d when it is where the
// index last found it and its content is the paper's; nil otherwise (a
// paper moved, changed or read from Slack is briefed as the index kept
// it).
func indexedFile(ctx context.Context, fs *flag.FlagSet, d index.DocumentInfo) *corpus.Document {
	if d.Path == "" {
		return nil
	}
	doc, err := openPath(ctx, fs, d.Path, flagString(fs, "password"))
	if err != nil || doc.Hash != d.Hash {
		return nil
	}
	return doc
}
