package bleveindex

import (
	"database/sql"
	"strings"
	"testing"
	"unicode"

	_ "modernc.org/sqlite" // pure-Go SQLite with FTS5, for the FTS5 baseline only
)

// ftsIndex is SQLite FTS5 with the Porter tokenizer over the same passages
// as the other baselines, searched with a plain OR of the query's words and
// ordered by FTS5's bm25: what a developer gets from SQLite's full-text
// search without the project's analyzer, parser or ranking.
type ftsIndex struct{ db *sql.DB }

func newFTS(t *testing.T, ps []judgedPassage) *ftsIndex {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // one connection: ":memory:" is a database per connection
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE VIRTUAL TABLE passages USING fts5(key UNINDEXED, text, tokenize='porter unicode61')`); err != nil {
		t.Fatalf("fts5: %v", err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	st, err := tx.Prepare(`INSERT INTO passages(key, text) VALUES (?, ?)`)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if _, err := st.Exec(p.key, p.text); err != nil {
			t.Fatalf("fts5 insert %s: %v", p.id, err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return &ftsIndex{db}
}

// ftsMatch is the FTS5 query for text: each of its words (runs of letters
// and digits, as unicode61 cuts them) quoted, joined by OR. It is "" when
// text has no word.
func ftsMatch(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " OR ")
}

func TestFTSMatch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"LAC health", `"LAC" OR "health"`},
		{`s.47 "enquiries"`, `"s" OR "47" OR "enquiries"`},
		{"kind:minutes care-leavers", `"kind" OR "minutes" OR "care" OR "leavers"`},
		{"?! ", ""},
	}
	for _, tc := range tests {
		if got := ftsMatch(tc.in); got != tc.want {
			t.Errorf("ftsMatch(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// rank returns the first k items of the passages matching text, each item
// once, in the order of its best passage (bm25, best first).
func (f *ftsIndex) rank(t *testing.T, text string, k int) []string {
	m := ftsMatch(text)
	if m == "" {
		return nil
	}
	rows, err := f.db.Query(`SELECT key FROM passages WHERE passages MATCH ? ORDER BY rank, rowid LIMIT 500`, m)
	if err != nil {
		t.Fatalf("fts5 %q: %v", text, err)
	}
	defer rows.Close()
	var out []string
	seen := map[string]bool{}
	for rows.Next() && len(out) < k {
		var key string
		if err := rows.Scan(&key); err != nil {
			t.Fatal(err)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, key)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("fts5 %q: %v", text, err)
	}
	return out
}

// TestFTSBaseline checks the FTS5 baseline on passages of its own: Porter
// stemming meets "fostering" and "fostered", any word of the query finds a
// passage, items come once each, best first.
func TestFTSBaseline(t *testing.T) {
	f := newFTS(t, []judgedPassage{
		{key: "a#1", id: "a#1#0", text: "The fostered children were visited."},
		{key: "a#1", id: "a#1#1", text: "Fostering recruitment, fostering allowances and fostering panels."},
		{key: "a#2", id: "a#2#0", text: "Adoption panel minutes."},
		{key: "b#1", id: "b#1#0", text: "Budget monitoring."},
	})
	tests := []struct {
		q    string
		want []string
	}{
		{"fostering", []string{"a#1"}},
		{"fostering adoption", []string{"a#2", "a#1"}}, // the rarer word weighs more (bm25)
		{"panel", []string{"a#2", "a#1"}},
		{"s.47", nil},
		{"?", nil},
	}
	for _, tc := range tests {
		if got := f.rank(t, tc.q, 10); strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("rank(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}
