package bot

import (
	"context"
	"io"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/index"
)

// Searcher finds passages in the index.
type Searcher interface {
	// Search runs q. The bot sets q.IncludeExempt only for channels allowed
	// to see exempt material, and drops exempt hits itself as well.
	Search(ctx context.Context, q index.Query) (*index.Results, error)
}

// Paper is one report or agenda item in the index that "ask" can pick.
type Paper struct {
	// ID is the paper's ID in the index (two papers may share a file
	// name); Source is the file's base name; Item the agenda item number
	// ("" for a whole file).
	ID        string `json:"id,omitempty"`
	Source    string `json:"source"`
	Item      string `json:"item,omitempty"`
	Title     string `json:"title"`
	Committee string `json:"committee,omitempty"`
	Date      string `json:"date,omitempty"`
	// Exempt marks an exempt or confidential item.
	Exempt bool `json:"exempt,omitempty"`
	// URL is the paper's own web address, when the index knows it.
	URL string `json:"url,omitempty"`
}

// Library finds papers in the index and asks the analysis about them.
type Library interface {
	// FindPapers returns up to limit papers whose title or topic matches
	// text, best first; none is not an error.
	FindPapers(ctx context.Context, text string, limit int) ([]Paper, error)
	// Ask returns the themes and questions for one paper.
	Ask(ctx context.Context, p Paper) (*analysis.Report, error)
}

// Briefer analyses a file a user shared and adds it to the index.
type Briefer interface {
	// Brief analyses every item of the PDF in data; name is its file name.
	Brief(ctx context.Context, name string, data []byte) (*analysis.Report, error)
	// Add ingests the PDF into the index so later searches find it.
	Add(ctx context.Context, name string, data []byte) error
}

// Remover takes a paper out of the index.
type Remover interface {
	// Find returns the paper ref names: its ID, a path or its file name.
	// The error wraps index.ErrNotFound when no paper fits, and is an
	// *index.AmbiguousError when several papers have that name.
	Find(ctx context.Context, ref string) (*index.DocumentInfo, error)
	// Remove deletes the paper ref names, as Find reads it (its passages,
	// its record and the kept copy of a pack shared with the bot).
	Remove(ctx context.Context, ref string) error
}

// Renderer writes r as a brief file in format ("markdown" or "html").
type Renderer func(w io.Writer, format string, r *analysis.Report) error

// Deps are the project services the bot serves. Any may be nil: the
// conversation that needs it then says it is not available.
type Deps struct {
	Search  Searcher
	Library Library
	Briefer Briefer
	Render  Renderer
	Remover Remover
	// Ingest adds the papers of the scheduled fetch to the index.
	Ingest Ingester
}
