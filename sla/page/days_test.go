package page

import (
	"math/big"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestLocalDays(t *testing.T) {
	zone := func(name string) *time.Location {
		l, err := time.LoadLocation(name)
		require.NoError(t, err)
		return l
	}
	paris := zone("Europe/Paris")
	days := localDays(time.Date(2026, 3, 1, 0, 0, 0, 0, paris), time.Date(2026, 4, 1, 0, 0, 0, 0, paris), paris)
	require.Len(t, days, 31)
	assert.Equal(t, 23*time.Hour, days[28].Duration(), "29 March 2026 springs forward")
	assert.Equal(t, 24*time.Hour, days[27].Duration())
	var total time.Duration
	for i, d := range days {
		total += d.Duration()
		if i > 0 {
			assert.True(t, days[i-1].End.Equal(d.Start), "days touch")
		}
	}
	assert.Equal(t, 743*time.Hour, total)

	oct := localDays(time.Date(2026, 10, 25, 12, 0, 0, 0, paris), time.Date(2026, 10, 25, 13, 0, 0, 0, paris), paris)
	require.Len(t, oct, 1)
	assert.Equal(t, 25*time.Hour, oct[0].Duration(), "25 October 2026 falls back")

	// Santiago skips midnight on 8 September 2024: the day starts at 01:00.
	scl := zone("America/Santiago")
	sep := localDays(time.Date(2024, 9, 7, 12, 0, 0, 0, scl), time.Date(2024, 9, 8, 12, 0, 0, 0, scl), scl)
	require.Len(t, sep, 2)
	assert.Equal(t, "2024-09-08T01:00:00-03:00", sep[1].Start.Format(time.RFC3339))
	assert.Equal(t, 23*time.Hour, sep[1].Duration())
}

func TestDayStats(t *testing.T) {
	utc := time.UTC
	at := func(d, h int) time.Time { return time.Date(2026, 6, d, h, 0, 0, 0, utc) }
	days := localDays(at(1, 0), at(4, 0), utc)
	ev := []availability.Segment{
		{Start: at(1, 1), End: at(1, 2), Class: availability.ClassPlanned},
		{Start: at(1, 23), End: at(2, 1), Class: availability.ClassUnplanned}, // across midnight
		{Start: at(3, 5), End: at(3, 6), Class: availability.ClassExcluded},
	}
	measured := calendar.Interval{Start: at(1, 0), End: at(3, 12)} // the month not over
	s := dayStats(days, measured, ev)
	assert.Equal(t, []dayStat{
		{Day: days[0], Measured: 24 * time.Hour, Planned: time.Hour, Down: time.Hour},
		{Day: days[1], Measured: 24 * time.Hour, Down: time.Hour},
		{Day: days[2], Measured: 12 * time.Hour, Excluded: time.Hour},
	}, s)
	assert.Equal(t, "0.9565217391", s[0].fraction().String(), "22/23")
}

func TestLevelOf(t *testing.T) {
	obj := decimal.RequireFromString("0.999")
	day := 24 * time.Hour
	allowed := 86400 * time.Millisecond // 0.1 % of a day: 1m26.4s
	cases := []struct {
		name string
		s    dayStat
		want level
	}{
		{"not measured", dayStat{}, levelNone},
		{"up", dayStat{Measured: day}, levelUp},
		{"exactly the objective", dayStat{Measured: day, Down: allowed}, levelWithin},
		{"a nanosecond more", dayStat{Measured: day, Down: allowed + 1}, levelBelow},
		{"ten times", dayStat{Measured: day, Down: 10 * allowed}, levelBelow},
		{"more than ten times", dayStat{Measured: day, Down: 10*allowed + 1}, levelSevere},
		{"no monitoring", dayStat{Measured: day, Unknown: day}, levelUnknown},
		{"unknown could break it", dayStat{Measured: day, Down: allowed / 2, Unknown: allowed}, levelUnknown},
		{"unknown cannot break it", dayStat{Measured: day, Down: allowed / 2, Unknown: allowed / 2}, levelWithin},
		{"broken whatever the unknown", dayStat{Measured: day, Down: 2 * allowed, Unknown: time.Hour}, levelBelow},
		{"all planned", dayStat{Measured: day, Planned: day}, levelUp},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, levelOf(c.s, obj), c.name)
	}
}

// checkLevel compares levelOf with exact rational arithmetic: below when the
// availability with unknown time counted as up is under the objective,
// within when it holds with unknown time counted as down.
func checkLevel(t *rapid.T) {
	day := rapid.Int64Range(1, int64(25*time.Hour)).Draw(t, "measured")
	planned := rapid.Int64Range(0, day).Draw(t, "planned")
	down := rapid.Int64Range(0, day-planned).Draw(t, "down")
	unknown := rapid.Int64Range(0, day-planned-down).Draw(t, "unknown")
	obj := rapid.IntRange(1, 100000).Draw(t, "objective") // in 1/100000
	s := dayStat{Measured: time.Duration(day), Planned: time.Duration(planned), Down: time.Duration(down), Unknown: time.Duration(unknown)}
	got := levelOf(s, decimal.New(int64(obj), -5))

	c := day - planned
	avail := func(d int64) *big.Rat { // (c − d) / c, 1 when c is 0
		if c == 0 {
			return big.NewRat(1, 1)
		}
		return big.NewRat(c-d, c)
	}
	o := big.NewRat(int64(obj), 100000)
	severe := new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).Mul(big.NewRat(10, 1), new(big.Rat).Sub(big.NewRat(1, 1), o)))
	var want level
	switch {
	case unknown > 0 && unknown >= c:
		want = levelUnknown
	case avail(down).Cmp(severe) < 0:
		want = levelSevere
	case avail(down).Cmp(o) < 0:
		want = levelBelow
	case avail(down+unknown).Cmp(o) < 0:
		want = levelUnknown
	case down == 0 && unknown == 0:
		want = levelUp
	default:
		want = levelWithin
	}
	if got != want {
		t.Fatalf("levelOf(%+v, %d/100000) = %v, want %v", s, obj, got, want)
	}
}

func TestLevelProperty(t *testing.T) { rapid.Check(t, checkLevel) }
func FuzzLevelProperty(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkLevel)) }
