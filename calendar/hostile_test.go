package calendar_test

// The calendar's cases of issue 12 (hostile and careless input), one test
// each, named after the case. Each fails on the code before the issue.

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// AddDays above about 256 000 days returned 3041-10-18T15:47:16.854775807 for
// every n up to 2 400 000 (open time overflowed a time.Duration).
func TestAddDaysAbove256000Days(t *testing.T) {
	c := calendar.MustNew(calendar.Spec{TimeZone: "UTC", Hours: calendar.Weekdays("08:00-18:00")})
	mon := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC) // a Monday
	for _, n := range []int{256_001, 1_000_003, 2_000_004, -500_002} {
		// Five open days a week and nothing else closed: whole weeks, then days.
		weeks, days := n/5, n%5
		if days < 0 {
			weeks, days = weeks-1, days+5
		}
		want := mon.AddDate(0, 0, 7*weeks+days)
		assert.Equal(t, want, c.AddDays(mon, n), "n = %d", n)
		assert.Equal(t, mon, c.AddDays(want, -n), "and back, n = %d", n)
	}
	assert.Equal(t, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), c.AddDays(mon, 2_400_000), "past year 9999: its end")
	assert.Equal(t, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), c.AddDays(mon, -2_400_000), "before year 1: its start")
	assert.Equal(t, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), c.AddDays(mon, int(^uint(0)>>1)))
	assert.Equal(t, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), c.AddDays(mon, -int(^uint(0)>>1)-1))
	k := calendar.Continuous(time.UTC)
	assert.Equal(t, mon.AddDate(0, 0, 2_000_000), k.AddDays(mon, 2_000_000), "24×7: n × 24 h exactly")
}

// 10 000 copies of "FR" in holidays were kept, each year computing every
// French holiday 10 000 times (0.35 s per year).
func TestHolidayCode10000CopiesCollapsed(t *testing.T) {
	spec := calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}}
	once := calendar.MustNew(spec)
	spec.Holidays = make([]string, 10_000)
	for i := range spec.Holidays {
		spec.Holidays[i] = [...]string{"FR", "fr", "Fr"}[i%3]
	}
	many := calendar.MustNew(spec)
	assert.Equal(t, spec.Holidays, many.Spec().Holidays, "the spec is kept as given")
	start := time.Now()
	for y := 2100; y < 2110; y++ { // years no other test builds
		at := time.Date(y, 12, 24, 17, 0, 0, 0, many.Location())
		require.Equal(t, once.Add(at, 8*time.Hour), many.Add(at, 8*time.Hour))
	}
	assert.Less(t, time.Since(start), 2*time.Second, "ten years, each with the French holidays once")
}

// A 45 MB spec with 3.7 million closed dates took 25 s and 890 MB.
func TestClosed3_7MDatesRefusedFast(t *testing.T) {
	const n = 3_700_000
	closed := make([]string, n)
	for i := range closed {
		closed[i] = "2026-05-15"
	}
	start := time.Now()
	_, err := calendar.New(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Closed: closed})
	assert.ErrorIs(t, err, calendar.ErrLimit)
	assert.EqualError(t, err, `closed "3700000 entries": over the limit: want at most 10000`)

	var b bytes.Buffer
	b.WriteString(`{"time_zone":"Europe/Paris","hours":{"mon":["08:00-18:00"]},"closed":["2026-05-15"`)
	b.Write(bytes.Repeat([]byte(`,"2026-05-15"`), n-1))
	b.WriteString(`]}`)
	var s calendar.Spec
	err = s.UnmarshalJSON(b.Bytes())
	assert.ErrorIs(t, err, calendar.ErrLimit)
	assert.EqualError(t, err, `"48100071 bytes": over the limit: want a calendar spec of at most 4194304 bytes`)
	assert.Less(t, time.Since(start), 2*time.Second, "refused before parsing a date")
}

// Queries spread over 200 years went from 116 ns to 28 µs per call: the
// 64-slot year cache thrashed, rebuilding a year at almost every call.
func TestQueriesSpreadOver200YearsStayCached(t *testing.T) {
	c := calendar.MustNew(calendar.Spec{TimeZone: "America/New_York", Hours: calendar.Weekdays("09:00-17:00"), Holidays: []string{"US"}})
	years := 300
	if os.Getenv("SLAKIT_LONG") != "" {
		years = 1000
	}
	pass := func() {
		for i := range years {
			at := time.Date(1800+i*7%years, 3, 10, 16, 0, 0, 0, c.Location())
			c.Add(at, 2*time.Hour)
		}
	}
	pass() // first touch of each year
	assert.Zero(t, testing.AllocsPerRun(2, pass), "every year stays built: no table is rebuilt")
}
