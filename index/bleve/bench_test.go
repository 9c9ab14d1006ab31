package bleveindex

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/scrutineer/scrutineer/analysis/bank"
	"github.com/scrutineer/scrutineer/analysis/themes"
	"github.com/scrutineer/scrutineer/corpus"
	"github.com/scrutineer/scrutineer/corpus/corpustest"
)

// BenchmarkIngestSample ingests the sample pack end to end (read, split,
// index) into a new index and reports pages per second.
func BenchmarkIngestSample(b *testing.B) {
	path := corpustest.Sample(b)
	ctx := context.Background()
	pages := 0
	start := time.Now()
	for i := 0; i < b.N; i++ {
		x, err := Open(filepath.Join(b.TempDir(), "idx"), Options{Create: true})
		if err != nil {
			b.Fatal(err)
		}
		sum, err := x.IngestPaths(ctx, []string{path}, IngestOptions{})
		if err != nil || sum.Added != 1 {
			b.Fatalf("%+v %v", sum, err)
		}
		pages += sum.Pages
		x.Close()
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}

// The scale benchmarks search an index of 100,000 or 1,000,000 passages:
// the real papers of the shared folder (or, without it, the sample pack)
// ingested again and again under varied committees and meeting dates. Each
// index is built once and kept in $SCRUTINEER_BENCH_DIR (by default
// scrutineer-bench in the user's cache folder), in a folder named by its
// size and a digest of the papers and the analysis version, so later runs
// open it in a second; remove that folder to build it again. They run only
// when named (-bench Search100k), never with -bench . nor in go test, and
// the 1,000,000-passage one only with SCRUTINEER_BENCH_1M=1. An index is
// held by one process at a time: run one such benchmark at a time.

// scaleLayout is bumped whenever the way a scale index is made changes, so
// a cached index made the old way is not reused.
const scaleLayout = 2

// scaleStamp is written beside a scale index once it is complete.
type scaleStamp struct {
	Papers       string  `json:"papers"` // "shared" or "sample"
	Copied       int     `json:"copied"` // papers ingested, copies included
	Passages     uint64  `json:"passages"`
	BuildSeconds float64 `json:"build_seconds"`
	Built        string  `json:"built"`
}

// scaleSet is an open scale index and how it was made.
type scaleSet struct {
	x     *Index
	dir   string
	stamp scaleStamp
	bytes int64
	// facetRead is how long the first faceted search and the reading of
	// the facet table took.
	facetRead time.Duration
}

var scaleSets = struct {
	sync.Mutex
	m map[int]*scaleSet
}{m: map[int]*scaleSet{}}

// requireNamed skips a benchmark that builds a large index unless -bench
// names it: a pattern that would match any benchmark (".") does not.
func requireNamed(b *testing.B) {
	pat := ""
	if f := flag.Lookup("test.bench"); f != nil {
		pat = f.Value.String()
	}
	re, err := regexp.Compile(strings.Split(pat, "/")[0])
	if err != nil || re.MatchString("BenchmarkNoSuchName") {
		b.Skipf("builds a large index: run it by name, as in -bench %s", strings.TrimPrefix(b.Name(), "Benchmark"))
	}
}

// scaleIndex returns the scale index of about n passages, opening the one
// cached on disk or building it.
func scaleIndex(b *testing.B, n int) *scaleSet {
	b.Helper()
	requireNamed(b)
	scaleSets.Lock()
	defer scaleSets.Unlock()
	if s := scaleSets.m[n]; s != nil {
		return s
	}
	paths, papers := scalePapers(b)
	dir, err := scaleDir(n, papers, paths)
	if err != nil {
		b.Fatal(err)
	}
	s, err := openScale(dir)
	if err != nil {
		b.Logf("building %s (%v)", dir, err)
		if s, err = buildScale(dir, n, papers, paths); err != nil {
			b.Fatal(err)
		}
	}
	s.bytes = dirSize(filepath.Join(dir, "idx"))
	scaleSets.m[n] = s
	return s
}

// scalePapers lists the shared folder's real papers, or the sample pack
// when there is no shared folder.
func scalePapers(b *testing.B) ([]string, string) {
	shared := os.Getenv("SCRUTINEER_SHARED")
	if shared == "" {
		shared = filepath.Join(corpustest.Root(), "..", "shared")
	}
	if paths := sharedPapers(shared); len(paths) > 0 {
		return paths, "shared"
	}
	return []string{corpustest.Sample(b)}, "sample"
}

// scaleDir is the folder of the scale index of n passages made from paths:
// named by its size and a digest of the layout, the analysis version and
// the papers' names and sizes.
func scaleDir(n int, papers string, paths []string) (string, error) {
	base := os.Getenv("SCRUTINEER_BENCH_DIR")
	if base == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		base = filepath.Join(cache, "scrutineer-bench")
	}
	h := sha256.New()
	fmt.Fprintf(h, "%d\n%s\n", scaleLayout, AnalysisVersion)
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return "", fmt.Errorf("scale index: %w", err)
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(p), fi.Size())
	}
	return filepath.Join(base, fmt.Sprintf("%s-%d-%s", papers, n, hex.EncodeToString(h.Sum(nil))[:12])), nil
}

// openScale opens the complete scale index in dir.
func openScale(dir string) (*scaleSet, error) {
	data, err := os.ReadFile(filepath.Join(dir, "stamp.json"))
	if err != nil {
		return nil, fmt.Errorf("no complete index: %w", err)
	}
	s := &scaleSet{dir: dir}
	if err := json.Unmarshal(data, &s.stamp); err != nil {
		return nil, fmt.Errorf("stamp of %s: %w", dir, err)
	}
	if s.x, err = Open(filepath.Join(dir, "idx"), Options{}); err != nil {
		return nil, err
	}
	return s, nil
}

// buildScale makes the scale index of about n passages in dir: the papers
// read once, their themes found once, then ingested round after round,
// each copy under its own name, one of five committees and a meeting date
// between 2015 and 2026, until the index holds n passages.
func buildScale(dir string, n int, papers string, paths []string) (*scaleSet, error) {
	ctx := context.Background()
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	var docs []*corpus.Document
	for _, p := range paths {
		d, err := corpus.Open(ctx, p, corpus.Options{})
		if err != nil {
			return nil, fmt.Errorf("scale index: %w", err)
		}
		docs = append(docs, d)
	}
	themer, missed, err := scaleThemer(docs)
	if err != nil {
		return nil, err
	}
	x, err := Open(filepath.Join(dir, "idx"), Options{Create: true})
	if err != nil {
		return nil, err
	}
	committees := []string{"Children and Young People Scrutiny Committee", "Corporate Parenting Panel",
		"Overview and Scrutiny Committee (Children's Services)", "Cabinet", "Schools Forum"}
	day0 := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	start := time.Now()
	total, copied, next := 0, 0, n/10
	for round := 0; total < n; round++ {
		for i, d := range docs {
			if total >= n {
				break
			}
			c := *d
			c.Source = fmt.Sprintf("r%04d-%s", round, d.Source)
			// A copy at its own path: a changed paper at the same
			// path would replace the one before it.
			if d.Path != "" {
				c.Path = filepath.Join(filepath.Dir(d.Path), c.Source)
			}
			c.Hash = strconv.Itoa(round) + "-" + d.Hash
			c.Meta.Committee = committees[(round+i)%len(committees)]
			c.Meta.Date = day0.AddDate(0, 0, (copied*37)%(12*365)).Format("2006-01-02")
			sum, err := x.IngestDocument(ctx, &c, IngestOptions{Themer: themer})
			if err != nil {
				x.Close()
				return nil, err
			}
			total += sum.Passages
			copied++
			if total >= next {
				fmt.Fprintf(os.Stderr, "scale index %d: %d passages after %v\n", n, total, time.Since(start).Round(time.Second))
				next += n / 10
			}
		}
	}
	if *missed > 0 {
		x.Close()
		return nil, fmt.Errorf("scale index: %d passages had no themes found", *missed)
	}
	s := &scaleSet{x: x, dir: dir, stamp: scaleStamp{Papers: papers, Copied: copied,
		BuildSeconds: time.Since(start).Seconds(), Built: time.Now().UTC().Format(time.RFC3339)}}
	if s.stamp.Passages, err = x.Passages(); err != nil {
		x.Close()
		return nil, err
	}
	if s.stamp.Passages < uint64(n)*9/10 {
		x.Close()
		return nil, fmt.Errorf("scale index: %d passages ingested but the index holds %d", total, s.stamp.Passages)
	}
	data, _ := json.MarshalIndent(s.stamp, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "stamp.json"), data, 0o644); err != nil {
		x.Close()
		return nil, err
	}
	return s, nil
}

// scaleThemer gives each passage of docs its themes as ingest with the
// built-in bank does (the themes its item is about and those the passage
// engages), found once per passage of the papers and reused by every copy,
// so theme facets cost what they cost on a real index. It counts in
// *missed the passages given to it that are not of docs.
func scaleThemer(docs []*corpus.Document) (Themer, *int, error) {
	bk, err := bank.Default()
	if err != nil {
		return nil, nil, err
	}
	m := themes.NewMatcher(bk)
	byPassage := map[*corpus.Passage][]string{}
	for _, d := range docs {
		for i := range d.Items {
			it := &d.Items[i]
			var item []string
			for _, tm := range themes.Select(m.MatchTitled(it.Title, it.Passages)) {
				item = append(item, tm.Theme.ID)
			}
			for k := range it.Passages {
				p := &it.Passages[k]
				out := slices.Clone(item)
				for _, t := range m.PassageThemes(p.Text) {
					if !slices.Contains(out, t) {
						out = append(out, t)
					}
				}
				byPassage[p] = out
			}
		}
	}
	missed := new(int)
	return func(_ *DocumentInfo, _ *corpus.Item, p *corpus.Passage) []string {
		th, ok := byPassage[p]
		if !ok {
			*missed++
		}
		return th
	}, missed, nil
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, s := range scaleSets.m {
		s.x.Close()
	}
	os.Exit(code)
}

// scaleTexts are officer queries, from narrow to broad, with operators.
var scaleTexts = []string{
	"LAC health assessments",
	"foster carer recruitment",
	"children in care moving placements",
	"reg 44 visits",
	"s.47 enquiries",
	"care experienced young people housing",
	"agency social workers",
	`"placement stability"`,
	"+fostering -adoption",
	"CAMHS waiting times",
	"Ofsted inspection judgement",
	"improvement plan ofsted",
	"the",
	"council",
	"children",
}

// scaleQueries are scaleTexts as searched in one benchmark case: with or
// without a committee and a three-year meeting-date window (the committee
// turning with the query), with or without facets.
func scaleQueries(filtered, facets bool) []Query {
	committees := []string{"corporate parenting panel", "children and young people scrutiny committee", "cabinet"}
	var qs []Query
	for i, t := range scaleTexts {
		q := Query{Text: t, NoFacets: !facets}
		if filtered {
			q.Committee = committees[i%len(committees)]
			q.From = time.Date(2018+i%6, 1, 1, 0, 0, 0, 0, time.UTC)
			q.To = q.From.AddDate(3, 0, 0)
		}
		qs = append(qs, q)
	}
	return qs
}

// BenchmarkSearch100k measures search on an index of 100,000 passages:
// plain, filtered by committee and date range, and with facets; it reports
// p50 and p99 latency, CPU per query, the index's build time and size.
// Run as go test -run '^$' -bench Search100k -benchtime=20x ./index/bleve.
func BenchmarkSearch100k(b *testing.B) { benchScale(b, 100_000) }

// BenchmarkSearch1M is BenchmarkSearch100k on 1,000,000 passages; it runs
// only with SCRUTINEER_BENCH_1M=1 (the first build takes long).
func BenchmarkSearch1M(b *testing.B) {
	if os.Getenv("SCRUTINEER_BENCH_1M") == "" {
		b.Skip("set SCRUTINEER_BENCH_1M=1 to build and search 1,000,000 passages")
	}
	benchScale(b, 1_000_000)
}

func benchScale(b *testing.B, n int) {
	for _, c := range []struct {
		name             string
		filtered, facets bool
	}{
		{"plain", false, false},
		{"filters", true, false},
		{"facets", false, true},
		{"filters+facets", true, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			benchSearch(b, scaleIndex(b, n), scaleQueries(c.filtered, c.facets))
		})
	}
}

func benchSearch(b *testing.B, s *scaleSet, queries []Query) {
	ctx := context.Background()
	if !queries[0].NoFacets {
		// A long-running process reads the facet table once, in the
		// background, after its first faceted search; the benchmark
		// measures searches after that and reports the reading's time.
		t0 := time.Now()
		if _, err := s.x.Search(ctx, queries[0]); err != nil {
			b.Fatal(err)
		}
		s.x.facets.wg.Wait()
		if d := time.Since(t0); s.facetRead == 0 {
			s.facetRead = d
		}
	}
	var lat, cpus []time.Duration
	per := make([][]time.Duration, len(queries))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for qi, q := range queries {
			c0, t0 := cpuTime(), time.Now()
			r, err := s.x.Search(ctx, q)
			if err != nil {
				b.Fatal(err)
			}
			d := time.Since(t0)
			lat = append(lat, d)
			cpus = append(cpus, cpuTime()-c0)
			per[qi] = append(per[qi], d)
			if r.Total == 0 && q.Text != "the" && q.Committee == "" {
				b.Fatalf("no hits for %q", q.Text)
			}
		}
	}
	b.StopTimer()
	logPerQuery(b, queries, per)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(percentile(lat, 0.50), "p50-ms")
	b.ReportMetric(percentile(lat, 0.99), "p99-ms")
	// The process's CPU time per query (both halves of a split search
	// and the garbage collector) is steadier than latency on a shared
	// machine; with two idle cores a query takes about half of it.
	b.ReportMetric(percentile(cpus, 0.50), "cpu-p50-ms")
	b.ReportMetric(percentile(cpus, 0.99), "cpu-p99-ms")
	if !queries[0].NoFacets {
		b.ReportMetric(s.facetRead.Seconds(), "facet-read-s")
		b.ReportMetric(float64(facetTableBytes(&s.x.facets))/(1<<20), "facet-table-MiB")
	}
	b.ReportMetric(float64(s.stamp.Passages), "passages")
	b.ReportMetric(s.stamp.BuildSeconds, "build-s")
	b.ReportMetric(float64(s.bytes)/(1<<20), "index-MiB")
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(rssKiB())/1024, "rss-MiB")
}

// facetTableBytes is the memory of t's segment tables.
func facetTableBytes(t *facetTable) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, sf := range t.segs {
		n += 4 * (cap(sf.start) + cap(sf.codes))
	}
	return n
}

// percentile is the p-th percentile of ds in milliseconds (ds is sorted).
func percentile(ds []time.Duration, p float64) float64 {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return float64(ds[int(p*float64(len(ds)-1)+0.5)].Microseconds()) / 1000
}

// logPerQuery logs the median and slowest latency of each benchmark query,
// slowest first (shown with -v).
func logPerQuery(b *testing.B, queries []Query, per [][]time.Duration) {
	type row struct {
		q        string
		p50, max time.Duration
	}
	var rows []row
	for i, ds := range per {
		if len(ds) == 0 {
			continue
		}
		sort.Slice(ds, func(a, c int) bool { return ds[a] < ds[c] })
		q := queries[i]
		label := q.Text
		if q.Committee != "" {
			label += fmt.Sprintf(" (%s, %s to %s)", q.Committee, q.From.Format("2006"), q.To.Format("2006"))
		}
		rows = append(rows, row{label, ds[len(ds)/2], ds[len(ds)-1]})
	}
	sort.Slice(rows, func(a, c int) bool { return rows[a].p50 > rows[c].p50 })
	var sb strings.Builder
	fmt.Fprintf(&sb, "%8s %8s  %s\n", "p50-ms", "max-ms", "query")
	for _, r := range rows {
		fmt.Fprintf(&sb, "%8.1f %8.1f  %s\n", float64(r.p50.Microseconds())/1000, float64(r.max.Microseconds())/1000, r.q)
	}
	b.Logf("per query:\n%s", sb.String())
}

// BenchmarkFindItems100k measures FindItems on the 100,000-passage index.
func BenchmarkFindItems100k(b *testing.B) {
	s := scaleIndex(b, 100_000)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.x.FindItems(ctx, "fostering service annual report", 10); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime returns the user and system CPU time of this process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rssKiB reads the resident set size of this process (Linux), 0 elsewhere.
func rssKiB() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			f := strings.Fields(l)
			if len(f) >= 2 {
				n, _ := strconv.ParseInt(f[1], 10, 64)
				return n
			}
		}
	}
	return 0
}
