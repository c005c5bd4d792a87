package page

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// luminance is the relative luminance of WCAG 2.2 for "#rrggbb".
func luminance(t *testing.T, hex string) float64 {
	require.Len(t, hex, 7, hex)
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		require.NoError(t, err)
		s := float64(v) / 255
		if s <= 0.04045 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestContrast checks the pairs the style sheet uses: text at 4.5:1 (WCAG
// 1.4.3) and marks that carry meaning at 3:1 against what is around them
// (1.4.11).
func TestContrast(t *testing.T) {
	c := map[string]string{"white": "#ffffff"}
	for _, p := range palette() {
		c[p.Name] = p.Hex
	}
	text := [][2]string{
		{"fg", "white"}, {"fg", "subtle"}, {"fg", "closed"}, {"muted", "white"}, {"muted", "subtle"}, {"muted", "closed"},
		{"met", "white"}, {"met", "met-bg"}, {"missed", "white"}, {"missed", "missed-bg"},
		{"unknown", "unknown-bg"}, {"fg", "risk-bg"}, {"planned", "white"},
		{"white", "met"}, {"fg", "within"}, {"white", "missed"}, {"white", "severe"}, {"fg", "unknown-bg"},
	}
	for _, p := range text {
		assert.GreaterOrEqual(t, contrast(t, c[p[0]], c[p[1]]), 4.5, "text %s on %s", p[0], p[1])
	}
	marks := [][2]string{
		{"met", "white"}, {"missed", "white"}, {"risk", "white"}, {"muted", "white"}, {"planned", "white"},
		{"excluded", "white"}, {"support", "white"}, {"rpo", "white"}, {"within", "white"}, {"severe", "white"},
		{"window", "white"}, {"unknown", "white"},
		{"met", "closed"}, {"missed", "closed"}, {"risk", "closed"}, {"muted", "closed"}, {"planned", "closed"},
		{"excluded", "closed"}, {"rpo", "closed"}, {"window", "closed"},
	}
	for _, p := range marks {
		assert.GreaterOrEqual(t, contrast(t, c[p[0]], c[p[1]]), 3.0, "mark %s on %s", p[0], p[1])
	}
}
