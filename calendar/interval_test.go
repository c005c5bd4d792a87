package calendar_test

import (
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInterval(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 6, 1, h, 0, 0, 0, time.UTC) }
	a, err := calendar.NewInterval(at(8), at(12))
	require.NoError(t, err)
	b, err := calendar.NewInterval(at(12), at(14))
	require.NoError(t, err)
	assert.Equal(t, 4*time.Hour, a.Duration())
	assert.True(t, a.Contains(at(8)))
	assert.False(t, a.Contains(at(12)), "half-open")
	assert.False(t, a.Overlaps(b), "touching intervals do not overlap")
	c, _ := calendar.NewInterval(at(10), at(13))
	got, ok := a.Intersect(c)
	assert.True(t, ok)
	assert.Equal(t, calendar.Interval{Start: at(10), End: at(12)}, got)
	_, ok = a.Intersect(b)
	assert.False(t, ok)
	assert.Equal(t, "[2026-06-01T08:00:00Z, 2026-06-01T12:00:00Z)", a.String())

	_, err = calendar.NewInterval(at(12), at(8))
	assert.ErrorIs(t, err, calendar.ErrReversed)
	assert.Contains(t, err.Error(), "end")
	assert.True(t, calendar.Interval{}.IsEmpty())
	assert.Zero(t, calendar.Interval{Start: at(12), End: at(8)}.Duration(), "an invalid interval is empty")
}
