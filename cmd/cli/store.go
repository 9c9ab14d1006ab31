package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"

	"github.com/scrutineer/scrutineer/analysis"
	"github.com/scrutineer/scrutineer/bot"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/index"
	bleveindex "github.com/scrutineer/scrutineer/index/bleve"
	"github.com/scrutineer/scrutineer/index/share"
)

// store is the index as search, ingest, fetch, status, papers and remove
// use it: asked of the running bot over its socket when one serves the
// index, else opened by this process. The output is the same either way.
type store interface {
	Dir() string
	Search(ctx context.Context, q index.Query) (*index.Results, error)
	Documents(ctx context.Context) ([]index.DocumentInfo, error)
	Passages(ctx context.Context) (uint64, error)
	// Ingest adds paths with opts, the themes from the bank file bank
	// ("" for the built-in bank).
	Ingest(ctx context.Context, paths []string, opts index.IngestOptions, bank string) (index.Summary, error)
	// Remove takes the paper ref names (file name, ID, path or address)
	// out of the index and the packs folder shared ("" for the default),
	// and says which paper it was ("name [ID]").
	Remove(ctx context.Context, ref, shared string) (string, error)
	Close() error
}

var _ store = (*share.Client)(nil)

// openStore connects to the process serving the index named by --index
// (or the default) or, when none does, opens it; create makes it when
// missing.
func openStore(ctx context.Context, fs *flag.FlagSet, create bool) (store, error) {
	c, x, err := dialOrOpen(ctx, fs, create)
	if err != nil {
		return nil, err
	}
	if c != nil {
		return c, nil
	}
	return localStore{x}, nil
}

// dialOrOpen connects to the process serving the index named by --index
// (or the default), or when none does opens it; create makes it when
// missing. One of the two it returns is nil.
func dialOrOpen(ctx context.Context, fs *flag.FlagSet, create bool) (*share.Client, *bleveindex.Index, error) {
	dir, err := indexDir(fs)
	if err != nil {
		return nil, nil, err
	}
	c, err := share.Dial(ctx, dir)
	if err == nil {
		return c, nil, nil
	}
	if !errors.Is(err, share.ErrNoServer) {
		return nil, nil, err
	}
	x, err := openIndex(fs, create)
	if errors.Is(err, index.ErrInUse) {
		// A bot may have started since the first look.
		if c, derr := share.Dial(ctx, dir); derr == nil {
			return c, nil, nil
		}
	}
	if err != nil {
		return nil, nil, err
	}
	// Holding the index, this process knows that any socket there is
	// left by a bot that died.
	_ = share.RemoveStale(dir)
	return nil, x, nil
}

// paperStore is the index as brief --index and --previous read papers
// from it: through the running bot when one serves it, else opened here.
type paperStore interface {
	Dir() string
	Documents(ctx context.Context) ([]index.DocumentInfo, error)
	Resolve(ctx context.Context, ref string) (*index.DocumentInfo, error)
	Item(ctx context.Context, ref, number string) (*corpus.Item, *index.DocumentInfo, error)
	Pages(ctx context.Context, ref string) ([]corpus.Page, error)
	Close() error
}

var (
	_ paperStore = (*share.Client)(nil)
	_ paperStore = (*bleveindex.Index)(nil)
)

// openPapers opens the index named by --index to read papers from it.
func openPapers(ctx context.Context, fs *flag.FlagSet) (paperStore, error) {
	c, x, err := dialOrOpen(ctx, fs, false)
	if err != nil {
		return nil, err
	}
	if c != nil {
		return c, nil
	}
	return x, nil
}

// localStore is an index this process holds.
type localStore struct{ x *bleveindex.Index }

func (l localStore) Dir() string  { return l.x.Dir() }
func (l localStore) Close() error { return l.x.Close() }
func (l localStore) Search(ctx context.Context, q index.Query) (*index.Results, error) {
	return l.x.Search(ctx, q)
}
func (l localStore) Documents(ctx context.Context) ([]index.DocumentInfo, error) {
	return l.x.Documents(ctx)
}
func (l localStore) Passages(context.Context) (uint64, error) { return l.x.Passages() }
func (l localStore) Remove(ctx context.Context, ref, shared string) (string, error) {
	return removePaper(ctx, l.x, ref, shared, nil)
}
func (l localStore) Ingest(ctx context.Context, paths []string, opts index.IngestOptions, bank string) (index.Summary, error) {
	th, err := bankThemer(bank)
	if err != nil {
		return index.Summary{}, err
	}
	opts.Themer = th
	return l.x.IngestPaths(ctx, paths, opts)
}

// bankThemer gives passages their themes from the built-in bank and the
// bank file bank, when given.
func bankThemer(bank string) (index.Themer, error) {
	b, err := loadBank(bank)
	if err != nil {
		return nil, err
	}
	return themer(analysis.New(b)), nil
}

// removePaper takes the paper ref names out of x, and what the bot kept
// of it out of the packs folder shared ("" for shared inside the index
// folder): with forget when the running bot keeps that folder, else
// directly. It says which paper it removed ("name [ID]"); a name two
// papers share is an error listing them.
func removePaper(ctx context.Context, x *bleveindex.Index, ref, shared string, forget func(id, name string) error) (string, error) {
	if shared == "" {
		shared = filepath.Join(x.Dir(), "shared")
	}
	if forget == nil {
		forget = func(id, name string) error { return bot.ForgetShared(shared, id, name) }
	}
	proj := &bot.Project{Index: x, Dir: shared}
	doc, err := proj.Find(ctx, ref)
	if msg := ambiguous(err, "scrutineer remove"); msg != "" {
		return "", errors.New(msg)
	}
	if err != nil {
		return "", err
	}
	if err := proj.Remove(ctx, doc.ID); err != nil {
		return "", err
	}
	removed := doc.Source + " [" + doc.ID + "]"
	if err := forget(doc.ID, doc.Source); err != nil {
		return "", fmt.Errorf("removed %s, but %w", removed, err)
	}
	return removed, nil
}

// shareIndex serves x to the other scrutineer commands of this user while
// the bot bt runs: ingests read themes as `scrutineer ingest` does, and a
// remove without --shared (or naming the bot's packs folder) has the bot
// forget the paper too.
func shareIndex(ctx context.Context, x *bleveindex.Index, bt *bot.Bot, packs string, log *slog.Logger) (*share.Listener, error) {
	if abs, err := filepath.Abs(packs); err == nil {
		packs = abs // as a client names it
	}
	s := &share.Server{
		Index:  x,
		Themer: bankThemer,
		Remove: func(ctx context.Context, ref, shared string) (string, error) {
			if shared == "" || shared == packs {
				return removePaper(ctx, x, ref, packs, bt.Forget)
			}
			return removePaper(ctx, x, ref, shared, nil)
		},
		// Papers added from the command line reach the saved searches'
		// channels as the bot's own do.
		Ingested: func(index.Summary) { bt.AfterIngest() },
		Log:      log,
	}
	return s.Listen(ctx)
}
