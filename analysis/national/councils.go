package national

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Council is an English local authority with children's services, past or
// present.
type Council struct {
	Code         string   // DfE's three-digit council number ("886")
	NewCode      string   // the ONS area code in use ("E10000016")
	FormerCodes  []string // earlier ONS area codes of the same council
	Name         string   // the name DfE's 2025 statistical-neighbour model gives
	FormerNames  []string // other spellings the published files used
	Aliases      []string // names and short forms councillors use ("Hull", "B&NES")
	Domains      []string // the council's email and web domains ("kent.gov.uk")
	Region       string   // the English region ("South East")
	RegionCode   string   // its ONS code ("E12000008")
	SubRegion    string   // "Inner London" or "Outer London" for a London borough
	Neighbours   []string // the three-digit codes of its ten statistical neighbours, closest first
	Closeness    []string // DfE's closeness band of each neighbour ("Very close" ... "Not close")
	Abolished    int      // the year (on 1 April) the council was abolished; 0 if it exists
	Successors   []string // codes of the councils that took over from an abolished one
	Predecessors []string // codes of the abolished councils this one took over from
}

// Sentinel errors of Lookup and CouncilOf, wrapped in a *LookupError.
var (
	ErrUnknownCouncil   = errors.New("unknown council")
	ErrAmbiguousCouncil = errors.New("ambiguous council name")
)

// LookupError is the error of a name that names no council, or more than
// one. Candidates are the closest councils (for an unknown name) or every
// council the name could mean (for an ambiguous one), at most eight.
type LookupError struct {
	Name       string
	Ambiguous  bool
	Candidates []Council
}

// Error names the council name and the candidates.
func (e *LookupError) Error() string {
	var names []string
	for _, c := range e.Candidates {
		names = append(names, fmt.Sprintf("%s (%s)", c.Name, c.Code))
	}
	if e.Ambiguous {
		return fmt.Sprintf("council name %q is ambiguous: it could be %s", e.Name, orList(names))
	}
	if len(names) == 0 {
		return fmt.Sprintf("unknown council %q", e.Name)
	}
	return fmt.Sprintf("unknown council %q; the closest are %s", e.Name, orList(names))
}

// Unwrap gives ErrAmbiguousCouncil or ErrUnknownCouncil.
func (e *LookupError) Unwrap() error {
	if e.Ambiguous {
		return ErrAmbiguousCouncil
	}
	return ErrUnknownCouncil
}

func orList(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

const maxCandidates = 8

// Councils lists every council in the snapshot, current and abolished, by
// name.
func Councils() ([]Council, error) {
	s, err := data()
	if err != nil {
		return nil, err
	}
	return append([]Council(nil), s.councils...), nil
}

// ByCode returns the council with a three-digit DfE code ("886") or an ONS
// area code, current or former ("E10000016").
func ByCode(code string) (Council, error) {
	s, err := data()
	if err != nil {
		return Council{}, err
	}
	if i, ok := s.byCode[strings.ToUpper(strings.TrimSpace(code))]; ok {
		return s.councils[i], nil
	}
	return Council{}, &LookupError{Name: code}
}

var (
	codeRE   = regexp.MustCompile(`^(?:[0-9]{3}|[Ee][0-9]{8})$`)
	domainRE = regexp.MustCompile(`(?i)([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*)\.gov\.uk\b`)
)

// Lookup finds a council by a name councillors use: its DfE name ("Kent"),
// its formal name ("Kent County Council", "London Borough of Brent",
// "Royal Borough of Greenwich"), a short form ("Bath and NE Somerset",
// "Hull", "Southend"), a former name, a three-digit or ONS code, or an email
// or web domain ("kent.gov.uk"). A name that is the start of only one
// council's name ("Stockton", "Telford") finds it. A name that names no
// council, or several, gives a *LookupError naming the closest or all the
// candidates. Where a current council and an abolished one share a name
// ("Dorset"), the current one is meant.
func Lookup(name string) (Council, error) {
	s, err := data()
	if err != nil {
		return Council{}, err
	}
	return s.lookup(name)
}

func (s *store) lookup(name string) (Council, error) {
	name = strings.TrimSpace(name)
	if len(name) > 300 || !utf8.ValidString(name) {
		return Council{}, &LookupError{Name: truncate(name, 60)}
	}
	if codeRE.MatchString(name) {
		if i, ok := s.byCode[strings.ToUpper(name)]; ok {
			return s.councils[i], nil
		}
		return Council{}, &LookupError{Name: name}
	}
	if m := domainRE.FindStringSubmatch(name); m != nil && !strings.Contains(name, " ") {
		if i, ok := s.names.domain(m[1]); ok {
			return s.councils[i], nil
		}
	}
	toks := tokens(name)
	kt := keyTokens(toks)
	key := strings.Join(kt, " ")
	if key == "" {
		return Council{}, &LookupError{Name: name}
	}
	if hits := s.names.exact[key]; len(hits) > 0 {
		return s.pick(name, hits)
	}
	if len(kt) > 0 && councilWords[kt[0]] {
		// Only words such as "London" or "County": no place to go on.
		return Council{}, &LookupError{Name: name, Candidates: s.closest(key)}
	}
	// A name whose words all begin one council's name, or all appear in it.
	q := strings.Fields(key)
	var hits []int
	for i, ks := range s.names.keys {
		for _, k := range ks {
			if containsWords(strings.Fields(k), q) {
				hits = append(hits, i)
				break
			}
		}
	}
	if len(hits) > 0 {
		return s.pick(name, hits)
	}
	return Council{}, &LookupError{Name: name, Candidates: s.closest(key)}
}

// pick chooses among councils a name matches: the one, or the one current
// council, or an ambiguity.
func (s *store) pick(name string, hits []int) (Council, error) {
	hits = uniq(hits)
	if len(hits) == 1 {
		return s.councils[hits[0]], nil
	}
	var current []int
	for _, i := range hits {
		if s.councils[i].Abolished == 0 {
			current = append(current, i)
		}
	}
	if len(current) == 1 {
		return s.councils[current[0]], nil
	}
	if len(current) > 0 {
		hits = current
	}
	e := &LookupError{Name: name, Ambiguous: true}
	for _, i := range hits {
		if len(e.Candidates) == maxCandidates {
			break
		}
		e.Candidates = append(e.Candidates, s.councils[i])
	}
	return Council{}, e
}

func uniq(xs []int) []int {
	seen := map[int]bool{}
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Ints(out)
	return out
}

// containsWords reports whether every word of q is a word of k, in order.
func containsWords(k, q []string) bool {
	j := 0
	for _, w := range k {
		if j < len(q) && w == q[j] {
			j++
		}
	}
	return j == len(q)
}

// closest lists the councils whose names are nearest key by edit distance.
func (s *store) closest(key string) []Council {
	type cand struct{ i, d int }
	var cs []cand
	for i, ks := range s.names.keys {
		best := -1
		for _, k := range ks {
			d := editDistance(key, k)
			// A name that starts with the query is near whatever its length.
			if strings.HasPrefix(k, key) {
				d = min(d, 1)
			}
			if best < 0 || d < best {
				best = d
			}
		}
		cs = append(cs, cand{i, best})
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].d != cs[b].d {
			return cs[a].d < cs[b].d
		}
		return s.councils[cs[a].i].Name < s.councils[cs[b].i].Name
	})
	var out []Council
	for _, c := range cs {
		if len(out) == 3 || c.d > max(3, len(key)/2) {
			break
		}
		out = append(out, s.councils[c.i])
	}
	return out
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 100 || len(rb) > 100 {
		return max(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// tokens splits a name into lower-case words: "&" is "and", apostrophes
// and full stops vanish ("St. Helens" is "st helens", "children's" is
// "childrens"), anything else not a letter or digit parts words, and "NE"
// is "north east".
func tokens(s string) []string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString(" and ")
		case r == '\'' || r == '’' || r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	var out []string
	for _, w := range strings.Fields(b.String()) {
		if w == "ne" {
			out = append(out, "north", "east")
			continue
		}
		out = append(out, w)
	}
	return out
}

// councilWords are the words of a formal name that are not the place:
// "Kent County Council", "London Borough of Brent", "Bristol, City of".
var councilWords = map[string]bool{
	"council": true, "county": true, "borough": true, "metropolitan": true, "district": true,
	"city": true, "of": true, "the": true, "royal": true, "london": true, "lb": true, "mbc": true,
	"cc": true, "bc": true, "rb": true, "rbc": true, "corporation": true, "unitary": true,
	"authority": true,
}

// keyTokens drops the words of a formal name that are not the place; a name
// that is nothing else ("City of London") is kept whole.
func keyTokens(toks []string) []string {
	var out []string
	for _, t := range toks {
		if !councilWords[t] {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return toks
	}
	return out
}

// nameIndex finds councils by name key, phrase and domain.
type nameIndex struct {
	exact   map[string][]int // name key -> councils
	keys    [][]string       // council -> its name keys
	phrases map[string][]phrase
	domains map[string]int
}

type phrase struct {
	words   []string
	council int
}

func buildNameIndex(cs []Council) nameIndex {
	ix := nameIndex{exact: map[string][]int{}, keys: make([][]string, len(cs)), phrases: map[string][]phrase{}, domains: map[string]int{}}
	seenPhrase := map[string]bool{}
	addPhrase := func(words []string, i int) {
		k := strings.Join(words, " ") + "|" + fmt.Sprint(i)
		if len(words) == 0 || seenPhrase[k] {
			return
		}
		seenPhrase[k] = true
		ix.phrases[words[0]] = append(ix.phrases[words[0]], phrase{words, i})
	}
	for i, c := range cs {
		names := append(append([]string{c.Name}, c.FormerNames...), c.Aliases...)
		seen := map[string]bool{}
		for _, n := range names {
			toks := tokens(n)
			key := strings.Join(keyTokens(toks), " ")
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			ix.exact[key] = append(ix.exact[key], i)
			ix.keys[i] = append(ix.keys[i], key)
			addPhrase(toks, i)
			addPhrase(keyTokens(toks), i)
			for _, label := range domainLabels(keyTokens(toks)) {
				if _, taken := ix.domains[label]; !taken {
					ix.domains[label] = i
				}
			}
		}
	}
	// Domains the aliases file gives win over derived ones.
	for i, c := range cs {
		for _, d := range c.Domains {
			ix.domains[domainLabel(d)] = i
		}
	}
	return ix
}

// domainLabels are the domain labels a council's name gives: "Redcar and
// Cleveland" gives redcarandcleveland and redcarcleveland.
func domainLabels(key []string) []string {
	all := strings.Join(key, "")
	var noAnd []string
	for _, w := range key {
		if w != "and" && w != "upon" && w != "on" {
			noAnd = append(noAnd, w)
		}
	}
	return []string{all, strings.Join(noAnd, "")}
}

// domainLabel is the part of a domain that names the council:
// "democracy.kent.gov.uk" is "kent", "bcpcouncil.gov.uk" is "bcp".
func domainLabel(d string) string {
	d = strings.ToLower(strings.TrimSpace(d))
	if i := strings.LastIndexByte(d, '@'); i >= 0 {
		d = d[i+1:]
	}
	d = strings.TrimSuffix(d, ".gov.uk")
	if i := strings.LastIndexByte(d, '.'); i >= 0 {
		d = d[i+1:]
	}
	d = strings.ReplaceAll(d, "-", "")
	for _, suf := range []string{"council", "cc"} {
		if t := strings.TrimSuffix(d, suf); t != d && len(t) >= 3 {
			d = t
			break
		}
	}
	return d
}

func (ix nameIndex) domain(d string) (int, bool) {
	l := domainLabel(d)
	if i, ok := ix.domains[l]; ok {
		return i, true
	}
	return 0, false
}
