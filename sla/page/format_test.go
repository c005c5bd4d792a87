package page

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestSpan(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	at := func(d, h, m int) time.Time { return time.Date(2026, 6, d, h, m, 0, 0, paris) }
	c := newClock(paris, at(1, 0, 0), at(30, 0, 0))
	assert.Equal(t, "Wed 10 Jun 00:30–02:30", c.span(at(10, 0, 30), at(10, 2, 30)))
	assert.Equal(t, "Wed 24 Jun 00:00–24:00", c.span(at(24, 0, 0), at(25, 0, 0)))
	assert.Equal(t, "Wed 24 Jun 09:00 → Thu 25 Jun 10:30", c.span(at(24, 9, 0), at(25, 10, 30)))
	assert.Equal(t, "Wed 24 Jun 09:00–09:00", c.span(at(24, 9, 0), at(24, 9, 0)))
	// across a change of offset, each end says its zone
	oct := newClock(paris, time.Date(2026, 10, 1, 0, 0, 0, 0, paris), time.Date(2026, 11, 1, 0, 0, 0, 0, paris))
	assert.Equal(t, "Sun 25 Oct 02:30 CEST–02:30 CET", oct.span(time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC)))
	assert.Equal(t, instant{}, c.at(time.Time{}))
}

func TestFormats(t *testing.T) {
	assert.Equal(t, "−1h37m41.4s", duration(-(time.Hour + 37*time.Minute + 41400*time.Millisecond)))
	assert.Equal(t, "720h", duration(720*time.Hour))
	assert.Equal(t, "99.89\u00a0%", percent(decimal.RequireFromString("0.998999"), 2), "truncated, never rounded up")
	assert.Equal(t, "99.9\u00a0%", objective(decimal.RequireFromString("0.999")))
}
