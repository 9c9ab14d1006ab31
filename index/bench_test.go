package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

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

// big is the 100,000-passage index shared by the search benchmarks of one
// run; it is removed when the benchmarks finish.
var big struct {
	once     sync.Once
	dir      string
	x        *Index
	err      error
	passages uint64
	build    time.Duration
	bytes    int64
}

const bigPassages = 100_000

// bigIndex builds an index of about 100,000 passages from the passages of
// the sample and seed packs, copied with varied committees and dates.
func bigIndex(b *testing.B) *Index {
	big.once.Do(func() {
		ctx := context.Background()
		var docs []*corpus.Document
		paths := []string{corpustest.Sample(b)}
		if m, _ := filepath.Glob(filepath.Join(corpustest.Root(), "..", "shared", "seeds", "packs", "*.txt")); len(m) > 0 {
			paths = append(paths, m...)
		}
		per := 0
		for _, p := range paths {
			d, err := corpus.Open(ctx, p, corpus.Options{})
			if err != nil {
				big.err = err
				return
			}
			docs = append(docs, d)
			for _, it := range d.Items {
				per += len(it.Passages)
			}
		}
		// SCRUTINEER_BENCH_INDEX keeps the index in a folder between runs.
		dir := os.Getenv("SCRUTINEER_BENCH_INDEX")
		if dir != "" {
			if x, err := Open(filepath.Join(dir, "idx"), Options{}); err == nil {
				big.x = x
				big.passages, big.err = x.Passages()
				big.bytes = dirSize(filepath.Join(dir, "idx"))
				return
			}
		} else {
			if dir, big.err = os.MkdirTemp("", "scrutineer-bench-"); big.err != nil {
				return
			}
			big.dir = dir // removed at the end
		}
		big.x, big.err = Open(filepath.Join(dir, "idx"), Options{Create: true})
		if big.err != nil {
			return
		}
		committees := []string{"Children and Young People Scrutiny Committee", "Corporate Parenting Panel",
			"Overview and Scrutiny Committee (Children's Services)", "Cabinet", "Schools Forum"}
		start := time.Now()
		for round := 0; uint64(round*per) < bigPassages; round++ {
			for i, d := range docs {
				c := *d
				c.Source = fmt.Sprintf("r%03d-%s", round, d.Source)
				c.Hash = strconv.Itoa(round) + d.Hash
				c.Meta.Committee = committees[(round+i)%len(committees)]
				c.Meta.Date = time.Date(2015+round%12, time.Month(1+round%12), 1+i, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
				if _, big.err = big.x.IngestDocument(ctx, &c, IngestOptions{}); big.err != nil {
					return
				}
			}
		}
		big.build = time.Since(start)
		big.passages, big.err = big.x.Passages()
		big.bytes = dirSize(filepath.Join(dir, "idx"))
	})
	if big.err != nil {
		b.Fatal(big.err)
	}
	return big.x
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
	if big.x != nil {
		big.x.Close()
	}
	if big.dir != "" {
		os.RemoveAll(big.dir)
	}
	os.Exit(code)
}

// benchQueries are officer queries, some with filters.
var benchQueries = []Query{
	{Text: "LAC health assessments"},
	{Text: "foster carer recruitment"},
	{Text: "children in care moving placements"},
	{Text: "reg 44 visits"},
	{Text: "care experienced young people housing"},
	{Text: "agency social workers", Committee: "corporate parenting panel"},
	{Text: `"placement stability"`},
	{Text: "+fostering -adoption"},
	{Text: "CAMHS waiting times", From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},
	{Text: "the"},
	{Text: "council"},
	{Text: "improvement plan ofsted", Kind: "report"},
}

// BenchmarkSearch100k measures search latency on an index of 100,000
// passages and reports p50 and p99, the build time, the index size and the
// memory in use.
func BenchmarkSearch100k(b *testing.B) {
	b.Run("facets", func(b *testing.B) { benchSearch(b, false) })
	b.Run("nofacets", func(b *testing.B) { benchSearch(b, true) })
}

func benchSearch(b *testing.B, noFacets bool) {
	x := bigIndex(b)
	ctx := context.Background()
	var lat []time.Duration
	per := make([][]time.Duration, len(benchQueries))
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for qi, q := range benchQueries {
			q.NoFacets = noFacets
			t0 := time.Now()
			r, err := x.Search(ctx, q)
			if err != nil {
				b.Fatal(err)
			}
			d := time.Since(t0)
			lat = append(lat, d)
			per[qi] = append(per[qi], d)
			if r.Total == 0 && q.Text != "the" {
				b.Fatalf("no hits for %q", q.Text)
			}
		}
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	logPerQuery(b, per)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	// CPU time per query is steadier than latency on a shared machine.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)), "cpu-ms/query")
	b.ReportMetric(float64(big.passages), "passages")
	b.ReportMetric(big.build.Seconds(), "build-s")
	b.ReportMetric(float64(big.bytes)/(1<<20), "index-MiB")
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(rssKiB())/1024, "rss-MiB")
}

// logPerQuery logs the median and slowest latency of each benchmark query,
// slowest first (shown with -v).
func logPerQuery(b *testing.B, per [][]time.Duration) {
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
		q := benchQueries[i]
		label := q.Text
		if q.Committee != "" || q.Kind != "" || !q.From.IsZero() {
			label += " (filtered)"
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

// BenchmarkFindItems100k measures FindItems on the same index.
func BenchmarkFindItems100k(b *testing.B) {
	x := bigIndex(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := x.FindItems(ctx, "fostering service annual report", 10); err != nil {
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
