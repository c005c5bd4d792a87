package calendar_test

import (
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/stretchr/testify/assert"
)

func TestPrev(t *testing.T) {
	c := paris(t)
	p := c.Location()
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, p) }
	for _, tc := range []struct {
		name     string
		from     time.Time
		want     time.Time
		wantNext time.Time
	}{
		{"Monday before opening: Friday's close", at(3, 30, 7, 0), at(3, 27, 18, 0), at(3, 30, 8, 0)},
		{"at an opening, nothing open just before", at(3, 30, 8, 0), at(3, 27, 18, 0), at(3, 30, 8, 0)},
		{"just after an opening", at(3, 30, 8, 0).Add(1), at(3, 30, 8, 0).Add(1), at(3, 30, 8, 0).Add(1)},
		{"at a close", at(3, 27, 18, 0), at(3, 27, 18, 0), at(3, 30, 8, 0)},
		{"Easter Monday closed", at(4, 7, 7, 0), at(4, 3, 18, 0), at(4, 7, 8, 0)},
		{"inside open time", at(4, 7, 9, 30), at(4, 7, 9, 30), at(4, 7, 9, 30)},
		{"1 January", time.Date(2027, 1, 1, 12, 0, 0, 0, p), at(12, 31, 18, 0), time.Date(2027, 1, 4, 8, 0, 0, 0, p)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, c.Prev(tc.from))
			assert.Equal(t, tc.wantNext, c.Next(tc.from))
		})
	}
	start := time.Date(1, 1, 1, 0, 0, 0, 0, p)
	assert.Equal(t, start, c.Prev(time.Date(1, 1, 1, 7, 0, 0, 0, p)), "no earlier open time: the start of the supported range (I18)")
	assert.Equal(t, start, c.Prev(time.Date(-40, 1, 1, 7, 0, 0, 0, p)))
	assert.Equal(t, time.Date(10000, 1, 1, 0, 0, 0, 0, p), c.Next(time.Date(9999, 12, 31, 19, 0, 0, 0, p)), "and Next its end")
	assert.Equal(t, time.Date(9999, 12, 31, 18, 0, 0, 0, p), c.Prev(time.Date(12000, 1, 1, 0, 0, 0, 0, p)))
	k := calendar.Continuous(p)
	assert.Equal(t, at(3, 28, 3, 0), k.Prev(at(3, 28, 3, 0)), "24×7: always open just before")
}

func TestEndOfDay(t *testing.T) {
	c := paris(t)
	p := c.Location()
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, p) }
	for _, tc := range []struct {
		name string
		from time.Time
		n    int
		want time.Time
	}{
		{"the day of receipt", at(3, 26, 10, 0), 0, at(3, 26, 18, 0)},
		{"the next open day", at(3, 26, 10, 0), 1, at(3, 27, 18, 0)},
		{"over the weekend and DST", at(3, 26, 10, 0), 2, at(3, 30, 18, 0)},
		{"received after hours: the next day is the day of receipt", at(3, 26, 19, 0), 0, at(3, 27, 18, 0)},
		{"received after hours, one more", at(3, 26, 19, 0), 1, at(3, 30, 18, 0)},
		{"received at the close", at(3, 26, 18, 0), 0, at(3, 27, 18, 0)},
		{"received just before the close", at(3, 26, 18, 0).Add(-1), 0, at(3, 26, 18, 0)},
		{"received on a Saturday", at(3, 28, 10, 0), 0, at(3, 30, 18, 0)},
		{"received before opening", at(3, 30, 7, 0), 0, at(3, 30, 18, 0)},
		{"Easter Monday skipped", at(4, 3, 10, 0), 1, at(4, 7, 18, 0)},
		{"the last close before", at(3, 26, 10, 0), -1, at(3, 25, 18, 0)},
		{"the last close before, after hours", at(3, 26, 19, 0), -1, at(3, 26, 18, 0)},
		{"two back", at(3, 30, 10, 0), -2, at(3, 26, 18, 0)},
		{"ten business days", at(4, 1, 10, 0), 10, at(4, 16, 18, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, c.EndOfDay(tc.from, tc.n))
		})
	}

	// Past the supported years, and before them (a calendar without holidays
	// builds its centuries faster).
	u := calendar.MustNew(calendar.Spec{TimeZone: "UTC", Hours: calendar.Weekdays("08:00-18:00")})
	assert.Equal(t, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), u.EndOfDay(at(4, 1, 10, 0), 3_000_000))
	assert.Equal(t, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), u.EndOfDay(at(4, 1, 10, 0), -3_000_000))
	assert.Equal(t, time.Date(9999, 12, 31, 18, 0, 0, 0, time.UTC), u.EndOfDay(time.Date(9999, 12, 31, 10, 0, 0, 0, time.UTC), 0))
	assert.Equal(t, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), u.EndOfDay(time.Date(9999, 12, 31, 10, 0, 0, 0, time.UTC), 1))
	assert.Equal(t, time.Date(9999, 12, 31, 18, 0, 0, 0, time.UTC), u.EndOfDay(time.Date(10000, 6, 1, 0, 0, 0, 0, time.UTC), -1), "after the range: its last close")

	// A night shift: the day runs from its start to the next morning.
	night := []string{"22:00-06:00"}
	l := calendar.MustNew(calendar.Spec{TimeZone: "Europe/London", Hours: calendar.Week{Mon: night, Tue: night, Wed: night, Thu: night, Fri: night}})
	ln := l.Location()
	assert.Equal(t, time.Date(2026, 6, 2, 6, 0, 0, 0, ln), l.EndOfDay(time.Date(2026, 6, 2, 3, 0, 0, 0, ln), 0), "03:00 Tuesday is Monday's shift")
	assert.Equal(t, time.Date(2026, 6, 3, 6, 0, 0, 0, ln), l.EndOfDay(time.Date(2026, 6, 2, 7, 0, 0, 0, ln), 0))
	assert.Equal(t, time.Date(2026, 6, 6, 6, 0, 0, 0, ln), l.EndOfDay(time.Date(2026, 6, 5, 21, 0, 0, 0, ln), 0), "Friday's shift ends on Saturday")

	// 24×7: the next local midnight, or the first instant of the date where
	// a zone skips midnight (Santiago springs forward at 24:00 on Saturday
	// 5 September 2026, to 01:00 on Sunday).
	k := calendar.Continuous(p)
	assert.Equal(t, at(3, 29, 0, 0), k.EndOfDay(at(3, 28, 10, 0), 0))
	assert.Equal(t, at(3, 31, 0, 0), k.EndOfDay(at(3, 28, 10, 0), 2))
	assert.Equal(t, at(3, 28, 0, 0), k.EndOfDay(at(3, 28, 10, 0), -1))
	scl := mustLoad(t, "America/Santiago")
	s := calendar.Continuous(scl)
	assert.Equal(t, time.Date(2026, 9, 6, 1, 0, 0, 0, scl), s.EndOfDay(time.Date(2026, 9, 5, 10, 0, 0, 0, scl), 0))
	assert.Equal(t, 23*time.Hour, s.EndOfDay(time.Date(2026, 9, 5, 10, 0, 0, 0, scl), 1).Sub(time.Date(2026, 9, 6, 1, 0, 0, 0, scl)))
}

func TestAddDaysBack(t *testing.T) {
	c := paris(t)
	p := c.Location()
	at := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, p) }
	assert.Equal(t, at(4, 3, 16), c.AddDays(at(4, 20, 16), -10), "E4 backwards: Easter Monday closed")
	assert.Equal(t, at(3, 27, 16), c.AddDays(at(4, 20, 16), -15))
	assert.Equal(t, at(3, 27, 16), c.AddDays(at(3, 30, 16), -1), "over the weekend and DST")
	// From Sunday, counting starts in Friday with its whole day elapsed; one
	// day back is Thursday's whole day: the latest such instant is Friday
	// 08:00, as Add(t, -10h) gives.
	assert.Equal(t, at(3, 27, 8), c.AddDays(at(3, 29, 12), -1))
	assert.Equal(t, c.Add(at(3, 29, 12), -10*time.Hour), c.AddDays(at(3, 29, 12), -1))
}
