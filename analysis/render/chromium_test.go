package render

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// chromium returns the path of a Chromium-like browser, "" when there is
// none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// needChromium returns the browser to render with, skipping the test when
// there is none or in -short mode.
func needChromium(t *testing.T) string {
	t.Helper()
	bin := chromium()
	if bin == "" {
		t.Skip("chromium not on PATH")
	}
	if testing.Short() {
		t.Skip("browser render skipped in -short mode")
	}
	return bin
}

// runChromium runs a headless browser on page with the extra arguments,
// bounded by a deadline so a stuck browser cannot hang the test run.
func runChromium(t *testing.T, bin, page string, extra ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	profile := t.TempDir()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync",
		"--disable-extensions", "--hide-scrollbars",
		"--force-device-scale-factor=1",
		"--user-data-dir=" + profile,
	}
	args = append(args, extra...)
	args = append(args, "file://"+page)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("chromium did not finish: %v", ctx.Err())
	}
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", extra, err, tail(out))
	}
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// TestChromiumRender lays the HTML brief out in a real browser: the
// screenshot must show text, and the printed PDF must have a page for the
// contents and one for each item, with the brief's words in it.
func TestChromiumRender(t *testing.T) {
	bin := needChromium(t)
	r := fixture(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "brief.html")
	if err := os.WriteFile(page, []byte(render(t, FormatHTML, r)), 0o644); err != nil {
		t.Fatal(err)
	}

	shot := filepath.Join(dir, "brief.png")
	runChromium(t, bin, page, "--screenshot="+shot, "--window-size=1024,1400")
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot does not decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1024 || b.Dy() != 1400 {
		t.Errorf("screenshot is %dx%d, want 1024x1400", b.Dx(), b.Dy())
	}
	ink, white := inkShare(img)
	if ink < 0.005 {
		t.Errorf("screenshot looks blank: %.4f of pixels are dark", ink)
	}
	if white < 0.3 {
		t.Errorf("screenshot has too little white paper: %.4f", white)
	}
	t.Logf("screenshot: %d bytes, %.1f%% dark pixels, %.1f%% white", len(data), 100*ink, 100*white)
	if *update {
		// Kept for the README: reduced to its 256 commonest colours,
		// which a page of text on flat colours survives well.
		var small bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&small, quantize(img)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "brief.png"), small.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	pdf := filepath.Join(dir, "brief.pdf")
	runChromium(t, bin, page, "--print-to-pdf="+pdf, "--no-pdf-header-footer")
	data, err = os.ReadFile(pdf)
	if err != nil {
		t.Fatalf("no pdf: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("printed file is not a PDF (starts %q)", data[:min(len(data), 8)])
	}
	if pages, ok := pdfPages(t, pdf); ok {
		// Items run on from one another (an exempt item on pages of its
		// own), so the brief takes no more pages than a contents page and
		// a page an item would, and more than one.
		if pages < 2 || pages > 1+len(r.Items) {
			t.Errorf("pdf has %d pages, want 2 to %d", pages, 1+len(r.Items))
		}
		t.Logf("pdf: %d bytes, %d pages", len(data), pages)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		// The council name is set in capitals by the style sheet.
		text := strings.ToLower(strings.Join(strings.Fields(string(out)), " "))
		for _, want := range []string{
			"Wexcombe Borough Council",
			"Fostering Service Annual Report 2025/26",
			"p. 14 (PDF p. 16)",
			"Exempt item",
			noQuestions,
			"Page 2 of",
			"EXEMPT: NOT FOR PUBLICATION",
		} {
			if !strings.Contains(text, strings.ToLower(want)) {
				t.Errorf("printed pdf lacks %q", want)
			}
		}
	}
}

// TestChromiumPrintOneItem prints a brief of one short item: with no
// contents list it must not start the item on a second page.
func TestChromiumPrintOneItem(t *testing.T) {
	bin := needChromium(t)
	r := fixture(t)
	r.Items = r.Items[1:2]
	dir := t.TempDir()
	page := filepath.Join(dir, "one.html")
	if err := os.WriteFile(page, []byte(render(t, FormatHTML, r)), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "one.pdf")
	runChromium(t, bin, page, "--print-to-pdf="+pdf, "--no-pdf-header-footer")
	if pages, ok := pdfPages(t, pdf); ok && pages != 1 {
		t.Errorf("one short item printed on %d pages, want 1", pages)
	}
}

// pdfPages returns the page count pdfinfo reports for an A4 PDF; ok is
// false when pdfinfo is not installed.
func pdfPages(t *testing.T, pdf string) (pages int, ok bool) {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		return 0, false
	}
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	pages, _ = strconv.Atoi(string(m[1]))
	size := regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+) pts`).FindSubmatch(out)
	if size == nil {
		t.Fatalf("pdfinfo gave no page size:\n%s", out)
	}
	w, _ := strconv.ParseFloat(string(size[1]), 64)
	h, _ := strconv.ParseFloat(string(size[2]), 64)
	if w < 590 || w > 600 || h < 837 || h > 847 { // A4 is 595 x 842 pt
		t.Errorf("pdf page is %.0f x %.0f pt, want A4", w, h)
	}
	return pages, true
}

// inkShare returns the share of dark pixels (text) and of white pixels
// (paper) in img.
func inkShare(img image.Image) (ink, white float64) {
	b := img.Bounds()
	var dark, light, all int
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			luma := (299*r + 587*g + 114*bl) / 1000 >> 8
			switch {
			case luma < 110:
				dark++
			case luma > 250:
				light++
			}
			all++
		}
	}
	return float64(dark) / float64(all), float64(light) / float64(all)
}

// quantize maps img onto a palette of its 256 commonest colours, each pixel
// taking the nearest.
func quantize(img image.Image) *image.Paletted {
	b := img.Bounds()
	count := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			count[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	colours := make([]color.RGBA, 0, len(count))
	for c := range count {
		colours = append(colours, c)
	}
	sort.Slice(colours, func(i, j int) bool {
		if count[colours[i]] != count[colours[j]] {
			return count[colours[i]] > count[colours[j]]
		}
		return rgb(colours[i]) < rgb(colours[j])
	})
	pal := make(color.Palette, 0, 256)
	for _, c := range colours[:min(256, len(colours))] {
		pal = append(pal, c)
	}
	out := image.NewPaletted(b, pal)
	nearest := map[color.RGBA]uint8{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			i, ok := nearest[c]
			if !ok {
				i = uint8(pal.Index(c))
				nearest[c] = i
			}
			out.SetColorIndex(x, y, i)
		}
	}
	return out
}

func rgb(c color.RGBA) uint32 { return uint32(c.R)<<16 | uint32(c.G)<<8 | uint32(c.B) }
