package page_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/internal/golden"
	"github.com/slakit/slakit/sla/page"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The pages of the sample month; run with -update to rewrite them after an
// intended change, and look at them in a browser (examples/browser does).
func TestGolden(t *testing.T) {
	e, r, d := sampleReport(t)
	paris, _ := time.LoadLocation("Europe/Paris")
	us, usReport, usData := usMonth(t)
	gap, gapReport, gapData := unknownMonth(t)
	cases := []struct {
		name   string
		render func(*bytes.Buffer) error
	}{
		{"month.html", func(b *bytes.Buffer) error { return page.Month(b, e, r, d) }},
		{"month-us-partial.html", func(b *bytes.Buffer) error { return page.Month(b, us, usReport, usData) }},
		{"month-unknown.html", func(b *bytes.Buffer) error { return page.Month(b, gap, gapReport, gapData) }},
		{"status.html", func(b *bytes.Buffer) error { return page.Status(b, e, d, r.At) }},
		{"status-down.html", func(b *bytes.Buffer) error {
			return page.Status(b, e, d, time.Date(2026, 6, 17, 15, 20, 0, 0, paris))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, c.render(&b))
			golden.Check(t, c.name, b.Bytes())
			selfContained(t, b.String())
			legendComplete(t, b.String())
		})
	}
}

// selfContained checks that a page loads nothing and runs nothing.
func selfContained(t *testing.T, html string) {
	t.Helper()
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "src=", "@import", "url(http", "http://", "https://", "//fonts"} {
		hasNot(t, html, bad)
	}
	has(t, html, `<meta name="viewport" content="width=device-width, initial-scale=1">`)
	assert.True(t, strings.HasPrefix(html, "<!doctype html>\n<html lang=\"en\">"))
	// every in-page reference resolves
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		assert.False(t, ids[m[1]], "id %q defined twice", m[1])
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`(?:href="#|url\(#)([^")]+)`).FindAllStringSubmatch(html, -1) {
		assert.True(t, ids[m[1]], "reference to #%s, which no element has", m[1])
	}
	// one h1, and headings that never skip a level on the way down
	prev := 0
	for _, m := range regexp.MustCompile(`<h([1-6])[ >]`).FindAllStringSubmatch(html, -1) {
		level := int(m[1][0] - '0')
		assert.LessOrEqual(t, level, prev+1, "an h%d after an h%d", level, prev)
		assert.False(t, level == 1 && prev > 0, "a second h1")
		prev = level
	}
	for _, m := range regexp.MustCompile(`aria-labelledby="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		for _, id := range strings.Fields(m[1]) {
			assert.True(t, ids[id], "aria-labelledby names #%s, which no element has", id)
		}
	}
}

// legendComplete checks that the legends explain exactly the marks drawn.
func legendComplete(t *testing.T, html string) {
	t.Helper()
	set := func(re string) []string {
		var out []string
		for _, m := range regexp.MustCompile(re).FindAllStringSubmatch(html, -1) {
			out = append(out, m[1])
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	drawn := set(`data-key="([^"]+)"`)
	explained := set(`data-legend="([^"]+)"`)
	assert.NotEmpty(t, drawn)
	assert.Equal(t, explained, drawn, "legend entries (-explained +drawn)")
}
