package calendar_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// halfDays is the calendar of issue 14's acceptance suite: Paris, Monday to
// Friday 08:00–18:00, French holidays, half days on 24 December 2026 and every
// 31 December, a Saturday opened on 13 June 2026, every 12 June, 15 May 2026
// and every 14 August closed.
func halfDays(t testing.TB) *calendar.Calendar {
	t.Helper()
	var s calendar.Spec
	require.NoError(t, json.Unmarshal([]byte(parisJSON), &s))
	c, err := calendar.New(s)
	require.NoError(t, err)
	return c
}

func TestHalfDaysAcceptance(t *testing.T) {
	c := halfDays(t)
	p := c.Location()
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, p) }
	runAdd(t, c, []addCase{
		// 1h on the half day of the 24th, the 25th a holiday, 3h on Monday.
		{"sev3 response received on the 24th", at(2026, 12, 24, 11, 0), 4 * time.Hour, at(2026, 12, 28, 11, 0)},
		{"the 31st, New Year's Day, the weekend", at(2026, 12, 31, 11, 0), 2 * time.Hour, at(2027, 1, 4, 9, 0)},
		{"the 31st again the next year", at(2027, 12, 31, 10, 0), 3 * time.Hour, at(2028, 1, 3, 9, 0)},
		{"24 December 2027 is a whole day", at(2027, 12, 24, 11, 0), 4 * time.Hour, at(2027, 12, 24, 15, 0)},
		{"the opened Saturday", at(2026, 6, 13, 10, 0), 4 * time.Hour, at(2026, 6, 15, 9, 0)},
		{"12 June closed, 2026 (a Friday)", at(2026, 6, 11, 17, 0), 2 * time.Hour, at(2026, 6, 13, 10, 0)},
		{"12 June closed, 2028 (a Monday)", at(2028, 6, 9, 17, 0), 2 * time.Hour, at(2028, 6, 13, 9, 0)},
		{"15 May 2026 closed", at(2026, 5, 13, 17, 0), 2 * time.Hour, at(2026, 5, 18, 9, 0)}, // 14 May is Ascension Day
		{"14 August closed every year", at(2026, 8, 13, 17, 0), 2 * time.Hour, at(2026, 8, 17, 9, 0)},
		{"back over the half day", at(2026, 12, 28, 9, 0), -2 * time.Hour, at(2026, 12, 24, 11, 0)},
	})
	assert.Equal(t, 68*time.Hour, c.Between(at(2026, 12, 21, 0, 0), at(2027, 1, 4, 0, 0)), "two weeks of December: 8×10h + 2×4h, two holidays")
	assert.True(t, c.IsOpen(at(2027, 5, 14, 10, 0)), "15 May is closed in 2026 only")
	assert.False(t, c.IsOpen(at(2028, 8, 14, 10, 0)), "14 August closed every year: 2028 (a Monday)")
	assert.False(t, c.IsOpen(at(2027, 12, 31, 12, 0)), "half-open: 12:00 is closed")
	assert.Equal(t, at(2026, 12, 24, 12, 0), c.Prev(at(2026, 12, 28, 7, 0)))
	assert.Equal(t, at(2026, 12, 24, 12, 0), c.EndOfDay(at(2026, 12, 23, 10, 0), 1), "end of the next business day: the half day's close")
	assert.Equal(t, at(2026, 12, 28, 18, 0), c.EndOfDay(at(2026, 12, 24, 13, 0), 0), "after the half day's close, the next open day")
	assert.Equal(t, at(2026, 12, 24, 11, 0), c.AddDays(at(2026, 12, 23, 11, 0), 1), "3h into the day, 3h into the half day")
	assert.Equal(t, at(2026, 12, 24, 12, 0), c.AddDays(at(2026, 12, 23, 15, 0), 1), "7h into the day: capped at the half day's 4h")
	assert.Equal(t, at(2026, 12, 23, 15, 0), c.AddDays(at(2026, 12, 28, 15, 0), -2))
}

func TestOverridePrecedence(t *testing.T) {
	week := calendar.Week{Mon: []string{"09:00-17:00"}, Tue: []string{"09:00-17:00"}, Wed: []string{"09:00-17:00"},
		Thu: []string{"09:00-17:00"}, Fri: []string{"09:00-17:00"}, Sat: []string{"09:00-17:00"}}
	ny := mustLoad(t, "America/New_York")
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, ny) }
	day := func(c *calendar.Calendar, y int, m time.Month, d int) time.Duration {
		return c.Between(at(y, m, d, 0), at(y, m, d+1, 0))
	}
	build := func(s calendar.Spec) *calendar.Calendar {
		s.TimeZone, s.Hours = "America/New_York", week
		return calendar.MustNew(s)
	}

	// Independence Day 2026 is a Saturday, observed Friday 3 July: opening
	// the actual date reopens it only.
	c := build(calendar.Spec{Holidays: []string{"US"}, Overrides: map[string][]string{"2026-07-04": {"10:00-14:00"}}})
	assert.Equal(t, 4*time.Hour, day(c, 2026, 7, 4), "the override's hours, not the week's")
	assert.Zero(t, day(c, 2026, 7, 3), "the observed date stays closed")
	assert.Zero(t, day(c, 2020, 7, 4), "other years keep the holiday")

	c = build(calendar.Spec{Overrides: map[string][]string{"--12-24": {"08:00-12:00"}, "2026-12-24": {"08:00-10:00"}}})
	assert.Equal(t, 2*time.Hour, day(c, 2026, 12, 24), "one-date beats yearly")
	assert.Equal(t, 4*time.Hour, day(c, 2027, 12, 24))

	c = build(calendar.Spec{Closed: []string{"2026-12-24"}, Overrides: map[string][]string{"--12-24": {"08:00-12:00"}}})
	assert.Zero(t, day(c, 2026, 12, 24), "a one-date closure beats a yearly override")
	assert.Equal(t, 4*time.Hour, day(c, 2027, 12, 24))

	c = build(calendar.Spec{Closed: []string{"--08-14"}, Overrides: map[string][]string{"2026-08-14": {"09:00-11:00"}}})
	assert.Equal(t, 2*time.Hour, day(c, 2026, 8, 14), "a one-date override beats a yearly closure")
	assert.Zero(t, day(c, 2025, 8, 14))

	c = build(calendar.Spec{Holidays: []string{"US"}, Closed: []string{"--12-25"}})
	assert.Zero(t, day(c, 2026, 12, 25), "closed twice is closed")

	c = build(calendar.Spec{Overrides: map[string][]string{"--02-29": {"09:00-10:00"}}})
	assert.Equal(t, time.Hour, day(c, 2028, 2, 29), "29 February in a leap year")
	assert.Equal(t, 8*time.Hour, day(c, 2027, 3, 1), "not moved to 1 March in a common year")
	assert.Equal(t, 8*time.Hour, day(c, 2027, 2, 27))

	c = build(calendar.Spec{Overrides: map[string][]string{"2026-06-07": {"10:00-12:00"}, "2026-06-08": {}}})
	assert.Equal(t, 2*time.Hour, day(c, 2026, 6, 7), "a Sunday opened")
	assert.Zero(t, day(c, 2026, 6, 8), "an empty list closes the date")
}

func TestOverrideOvernightUnion(t *testing.T) {
	utc := func(d, h int) time.Time { return time.Date(2026, 6, d, h, 0, 0, 0, time.UTC) }
	// Monday 1 June runs overnight to 06:00; Tuesday's override opens 05:00–08:00.
	c := calendar.MustNew(calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Mon: []string{"22:00-06:00"}},
		Overrides: map[string][]string{"2026-06-02": {"05:00-08:00"}}})
	assert.Equal(t, 10*time.Hour, c.Between(utc(1, 12), utc(2, 12)), "22:00–08:00, the overlap counted once")
	assert.Equal(t, utc(2, 6), c.EndOfDay(utc(1, 23), 0), "Monday's shift closes at 06:00")
	assert.Equal(t, utc(2, 8), c.EndOfDay(utc(1, 23), 1), "Tuesday's at 08:00")
	assert.Equal(t, utc(2, 8), c.Add(utc(1, 22), 10*time.Hour))
	var n int
	for w := range c.Windows(utc(1, 12), utc(2, 12)) {
		n++
		assert.Equal(t, calendar.Interval{Start: utc(1, 22), End: utc(2, 8)}, w)
	}
	assert.Equal(t, 1, n, "one window")

	// Tuesday's override lies inside Monday's shift: it adds nothing, and
	// Tuesday closes when Monday's shift does.
	c = calendar.MustNew(calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Mon: []string{"22:00-06:00"}},
		Overrides: map[string][]string{"2026-06-02": {"01:00-02:00"}}})
	assert.Equal(t, 8*time.Hour, c.Between(utc(1, 12), utc(2, 12)))
	assert.Equal(t, utc(2, 6), c.EndOfDay(utc(1, 23), 1), "closes never go back")
	assert.Equal(t, utc(9, 6), c.EndOfDay(utc(1, 23), 2))

	// An overnight override on 31 December runs into a closed 1 January.
	p := mustLoad(t, "Europe/Paris")
	c = calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"},
		Overrides: map[string][]string{"--12-31": {"22:00-02:00"}}})
	assert.Equal(t, 4*time.Hour, c.Between(time.Date(2026, 12, 31, 0, 0, 0, 0, p), time.Date(2027, 1, 2, 0, 0, 0, 0, p)),
		"the range belongs to the 31st (I6): it runs into the holiday")
	assert.Equal(t, time.Date(2027, 1, 1, 2, 0, 0, 0, p), c.EndOfDay(time.Date(2026, 12, 31, 23, 0, 0, 0, p), 0))
}

func TestOverrideInSkippedHour(t *testing.T) {
	// Paris springs forward on Sunday 29 March 2026 from 02:00 to 03:00.
	p := mustLoad(t, "Europe/Paris")
	sun := time.Date(2026, 3, 29, 0, 0, 0, 0, p)
	c := calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"),
		Overrides: map[string][]string{"2026-03-29": {"02:15-02:45"}}})
	assert.Zero(t, c.Between(sun, sun.Add(24*time.Hour)), "a range inside the skipped hour opens nothing")
	assert.Equal(t, time.Date(2026, 3, 30, 8, 0, 0, 0, p), c.Next(sun))
	assert.Equal(t, time.Date(2026, 3, 30, 18, 0, 0, 0, p), c.EndOfDay(sun, 0), "and the date is no open day")

	c = calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"),
		Overrides: map[string][]string{"2026-03-29": {"01:30-02:30"}}})
	assert.Equal(t, 30*time.Minute, c.Between(sun, sun.Add(24*time.Hour)), "01:30–02:00 exists, 02:00–02:30 does not")
	assert.Equal(t, time.Date(2026, 3, 29, 3, 0, 0, 0, p), c.EndOfDay(sun, 0), "the close: 02:00 CET is 03:00 CEST")
}
