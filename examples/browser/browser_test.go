package browser

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// viewport is a screen the pages must work on, or a sheet of paper.
type viewport struct {
	width, height int64
	print         bool // the print style sheet, on A4 at 96 dpi
}

func (v viewport) String() string {
	if v.print {
		return "print"
	}
	return fmt.Sprint(v.width)
}

// The widths of the issue: two phones, a tablet, a desktop; heights of common
// devices, the phone's the smallest in use. Then paper.
var viewports = []viewport{{width: 360, height: 740}, {width: 420, height: 900}, {width: 768, height: 1024},
	{width: 1400, height: 900}, {width: 794, height: 1123, print: true}}

// pageCase is one page the report tool writes.
type pageCase struct {
	name string
	args []string
	svgs int // charts the page must draw, at least
}

var pages = []pageCase{
	{name: "month", args: []string{"-format", "html"}, svgs: 6},
	{name: "month-us", svgs: 6}, // rendered by the library directly: see usMonth
	{name: "status", args: []string{"-format", "status"}, svgs: 1},
	{name: "status-down", args: []string{"-format", "status", "-now", "2026-06-17T15:20:00+02:00"}, svgs: 1},
}

// render builds examples/report and writes each page to dir.
func render(t *testing.T, dir string) map[string]string {
	t.Helper()
	tool := filepath.Join(dir, "report")
	build := exec.Command("go", "build", "-o", tool, "github.com/slakit/slakit/examples/report")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build examples/report: %v\n%s", err, out)
	}
	files := map[string]string{}
	for _, p := range pages {
		files[p.name] = filepath.Join(dir, p.name+".html")
		if p.args == nil {
			var b bytes.Buffer
			if err := usMonth(&b); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(files[p.name], b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		var out, errs bytes.Buffer
		cmd := exec.Command(tool, p.args...)
		cmd.Stdout, cmd.Stderr = &out, &errs
		if err := cmd.Run(); err != nil {
			t.Fatalf("report %s: %v\n%s", strings.Join(p.args, " "), err, errs.String())
		}
		if err := os.WriteFile(files[p.name], out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// chromium returns the browser to run: $CHROMIUM, or the Debian package's.
func chromium(t *testing.T) string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatal("Chromium not found: install the Debian package chromium (apt-get install -y chromium) or set CHROMIUM")
	return ""
}

// browser starts headless Chromium with a fresh profile and the flags this
// closed network needs: no QUIC, no background fetches, no component updates.
func browser(t *testing.T) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser now, with no deadline
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// printMedia applies the print style sheet.
var printMedia chromedp.Action[chromedp.Void] = func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
	_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	return chromedp.Void{}, err
}

// metrics is what the page says about itself once laid out.
type metrics struct {
	ScrollWidth  float64  `json:"scrollWidth"`
	ClientWidth  float64  `json:"clientWidth"`
	InnerHeight  float64  `json:"innerHeight"`
	Verdict      *box     `json:"verdict"`
	Keys         []string `json:"keys"`
	Legend       []entry  `json:"legend"`
	Charts       []chart  `json:"charts"`
	Wide         []string `json:"wide"`
	SmallText    []string `json:"smallText"`
	HasViewport  bool     `json:"hasViewport"`
	ExternalRefs []string `json:"externalRefs"`
}

type box struct{ Top, Bottom, Width, Height float64 }

type entry struct {
	Key    string
	Text   string
	Width  float64
	Height float64
}

type chart struct {
	Label  string
	Width  float64
	Height float64
}

// measure runs in the page. Wide lists elements that stick out of the
// viewport outside a box that scrolls on its own; SmallText, visible text set
// under 10 px.
const measure = `(() => {
  const de = document.documentElement;
  const rect = el => { const b = el.getBoundingClientRect(); return {Top: b.top, Bottom: b.bottom, Width: b.width, Height: b.height}; };
  const v = document.getElementById('verdict');
  const keys = [...new Set([...document.querySelectorAll('[data-key]')].map(e => e.getAttribute('data-key')))];
  const legend = [...document.querySelectorAll('[data-legend]')].map(e => {
    const b = e.getBoundingClientRect();
    return {Key: e.getAttribute('data-legend'), Text: e.textContent.trim(), Width: b.width, Height: b.height};
  });
  const charts = [...document.querySelectorAll('svg[role="img"]')].map(s => {
    const b = s.getBoundingClientRect();
    const t = s.querySelector('title');
    return {Label: t ? t.textContent : '', Width: b.width, Height: b.height};
  });
  const name = e => e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class').split(' ').join('.') : '');
  const wide = [...document.body.querySelectorAll('*')].filter(e => {
    if (e.closest('.scroll') || e.closest('.defs')) return false;
    const b = e.getBoundingClientRect();
    return b.width > 0 && (b.right > de.clientWidth + 0.5 || b.left < -2);
  }).slice(0, 10).map(e => { const b = e.getBoundingClientRect(); return name(e) + ' "' + e.textContent.trim().slice(0, 30) + '" ' + Math.round(b.left) + '–' + Math.round(b.right); });
  const small = [];
  for (const e of document.body.querySelectorAll('*')) {
    if (e.closest('.defs')) continue;
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own) continue;
    const cs = getComputedStyle(e);
    const b = e.getBoundingClientRect();
    if (cs.display !== 'none' && b.width > 0 && parseFloat(cs.fontSize) < 10) small.push(name(e) + ' ' + cs.fontSize);
  }
  const ext = [...document.querySelectorAll('[src],[href],link,script')].map(e => e.getAttribute('src') || e.getAttribute('href') || e.tagName)
    .filter(u => !u.startsWith('#'));
  return {scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, innerHeight: window.innerHeight,
    verdict: v ? rect(v) : null, keys, legend, charts, wide, smallText: small.slice(0, 10),
    hasViewport: !!document.querySelector('meta[name="viewport"][content*="width=device-width"]'), externalRefs: ext};
})()`

// watch collects the console errors, exceptions and requests of a tab.
type watch struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (w *watch) add(ev any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert || e.Type == runtime.ConsoleAPICalledTypeWarning {
			w.errors = append(w.errors, fmt.Sprintf("console.%s: %v", e.Type, e.Args))
		}
	case *runtime.EventExceptionThrown:
		w.errors = append(w.errors, "exception: "+e.ExceptionDetails.Text)
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
			w.errors = append(w.errors, fmt.Sprintf("log %s: %s %s", e.Entry.Level, e.Entry.Text, e.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		w.requests = append(w.requests, e.Request.URL)
	}
}

func TestPages(t *testing.T) {
	dir, err := os.MkdirTemp("", "slakit-pages-")
	if err != nil {
		t.Fatal(err)
	}
	files := render(t, dir)
	root := browser(t)
	var shots []string
	for _, p := range pages {
		for _, vp := range viewports {
			t.Run(p.name+"/"+vp.String(), func(t *testing.T) {
				ctx, cancel := chromedp.NewContext(root)
				defer cancel()
				var w watch
				if err := chromedp.Listen(ctx, w.add); err != nil {
					t.Fatal(err)
				}
				ctx, stop := context.WithTimeout(ctx, 30*time.Second)
				defer stop()
				url := "file://" + files[p.name]
				steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(vp.width, vp.height)}
				if vp.print {
					steps = append(steps, printMedia)
				}
				if err := chromedp.Do(ctx, append(steps, chromedp.Navigate(url))...); err != nil {
					t.Fatal(err)
				}
				m, err := chromedp.Run(ctx, chromedp.Evaluate[metrics](measure))
				if err != nil {
					t.Fatal(err)
				}
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				shot := filepath.Join(dir, fmt.Sprintf("%s-%s.png", p.name, vp))
				if err := os.WriteFile(shot, png, 0o644); err != nil {
					t.Fatal(err)
				}
				shots = append(shots, shot)
				check(t, p, vp, m, &w, url)
			})
		}
	}
	for _, s := range shots {
		t.Log("screenshot:", s)
	}
}

// check asserts what every page owes every screen.
func check(t *testing.T, p pageCase, vp viewport, m metrics, w *watch, url string) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, e := range w.errors {
		t.Errorf("console: %s", e)
	}
	for _, r := range w.requests {
		if r != url {
			t.Errorf("the page loaded %s: it must be self-contained", r)
		}
	}
	for _, r := range m.ExternalRefs {
		t.Errorf("the page refers to %s: it must be self-contained", r)
	}
	if !m.HasViewport {
		t.Error("no viewport meta tag")
	}
	if m.ScrollWidth > m.ClientWidth {
		t.Errorf("the document scrolls sideways: scrollWidth %.0f > clientWidth %.0f; too wide: %v", m.ScrollWidth, m.ClientWidth, m.Wide)
	}
	if len(m.Wide) > 0 {
		t.Errorf("elements stick out of the %d px viewport: %v", vp.width, m.Wide)
	}
	switch v := m.Verdict; {
	case v == nil:
		t.Error("no verdict header (#verdict)")
	case vp.print: // paper has no fold
	case v.Top < 0 || v.Bottom > m.InnerHeight:
		t.Errorf("the verdict header spans %.0f–%.0f px: not all above the fold of %.0f px", v.Top, v.Bottom, m.InnerHeight)
	}
	legend := map[string]entry{}
	for _, e := range m.Legend {
		legend[e.Key] = e
		if e.Text == "" || e.Width <= 0 || e.Height <= 0 {
			t.Errorf("legend entry %q is empty or not shown: %+v", e.Key, e)
		}
	}
	used := map[string]bool{}
	for _, k := range m.Keys {
		used[k] = true
		if _, ok := legend[k]; !ok {
			t.Errorf("mark %q is drawn but the legend does not explain it", k)
		}
	}
	for k := range legend {
		if !used[k] {
			t.Errorf("the legend explains %q, which is not drawn", k)
		}
	}
	if len(m.Charts) < p.svgs {
		t.Errorf("%d charts, want at least %d", len(m.Charts), p.svgs)
	}
	for _, c := range m.Charts {
		if c.Width <= 0 || c.Height <= 0 {
			t.Errorf("chart %q has size %.0f×%.0f", c.Label, c.Width, c.Height)
		}
	}
	for _, s := range m.SmallText {
		t.Errorf("text under 10 px: %s", s)
	}
}
