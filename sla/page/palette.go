package page

import (
	"html/template"
	"strings"
)

// colour is one named colour of the pages. Every colour is a custom property
// of the style sheet, so that the contrast test reads the same values the
// browser does.
type colour struct{ Name, Hex string }

// palette returns the colours of the pages: GitHub's light palette, chosen so
// that text has a contrast of at least 4.5:1 and marks at least 3:1 against
// the page (WCAG 2.2 AA, checked by TestContrast).
func palette() []colour {
	return []colour{
		{"fg", "#1f2328"},
		{"muted", "#59636e"},
		{"border", "#d1d9e0"},
		{"subtle", "#f6f8fa"},
		{"closed", "#eaeef2"},
		{"met", "#1a7f37"},
		{"met-bg", "#dafbe1"},
		{"missed", "#cf222e"},
		{"missed-bg", "#ffebe9"},
		{"risk", "#9a6700"},
		{"risk-bg", "#fff8c5"},
		{"unknown", "#59636e"},
		{"unknown-bg", "#eaeef2"},
		{"planned", "#0969da"},
		{"planned-bg", "#ddf4ff"},
		{"window", "#1d84f5"},
		{"excluded", "#8250df"},
		{"support", "#6e7781"},
		{"rpo", "#bc4c00"},
		{"rpo-bg", "#fff1e5"},
		{"within", "#bf8700"},
		{"severe", "#82071e"},
	}
}

// cssVars declares the palette as custom properties of :root.
func cssVars() template.CSS {
	var b strings.Builder
	b.WriteString(":root{")
	for _, c := range palette() {
		b.WriteString("--" + c.Name + ":" + c.Hex + ";")
	}
	b.WriteString("}")
	return template.CSS(b.String())
}
