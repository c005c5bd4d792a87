package calendar_test

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2/de"
	"github.com/slakit/slakit/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustLoad(t testing.TB, zone string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	require.NoError(t, err)
	return loc
}

// paris is the support calendar of R2 for a French customer.
func paris(t testing.TB) *calendar.Calendar {
	t.Helper()
	c, err := calendar.New(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}})
	require.NoError(t, err)
	return c
}

type addCase struct {
	name string
	from time.Time
	d    time.Duration
	want time.Time
}

func runAdd(t *testing.T, c *calendar.Calendar, cases []addCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Add(tc.from, tc.d)
			assert.Truef(t, got.Equal(tc.want), "Add(%v, %v) = %v, want %v", tc.from, tc.d, got, tc.want)
			assert.Equal(t, tc.d, c.Between(tc.from, got), "Between(from, Add(from, d))")
		})
	}
}

func TestSpecExamples(t *testing.T) {
	p := mustLoad(t, "Europe/Paris")
	runAdd(t, paris(t), []addCase{
		{"E1 weekend and DST", time.Date(2026, 3, 27, 16, 0, 0, 0, p), 4 * time.Hour, time.Date(2026, 3, 30, 10, 0, 0, 0, p)},
		{"E2 start on Saturday, 1 May closed", time.Date(2026, 5, 2, 10, 0, 0, 0, p), 8 * time.Hour, time.Date(2026, 5, 4, 16, 0, 0, 0, p)},
		{"E3 Christmas", time.Date(2026, 12, 24, 14, 0, 0, 0, p), 8 * time.Hour, time.Date(2026, 12, 28, 12, 0, 0, 0, p)},
		{"I5 earliest instant", time.Date(2026, 3, 27, 17, 0, 0, 0, p), time.Hour, time.Date(2026, 3, 27, 18, 0, 0, 0, p)},
		{"UTC input", time.Date(2026, 3, 6, 16, 0, 0, 0, time.UTC), 2 * time.Hour, time.Date(2026, 3, 9, 9, 0, 0, 0, p)},
		{"sub-second", time.Date(2026, 3, 6, 17, 59, 59, 5e8, p), time.Hour, time.Date(2026, 3, 9, 8, 59, 59, 5e8, p)},
		{"backwards over a weekend", time.Date(2026, 3, 30, 10, 0, 0, 0, p), -4 * time.Hour, time.Date(2026, 3, 27, 16, 0, 0, 0, p)},
		{"backwards lands on an opening", time.Date(2026, 3, 30, 10, 0, 0, 0, p), -2 * time.Hour, time.Date(2026, 3, 30, 8, 0, 0, 0, p)},
	})
}

func TestZeroIsIdentity(t *testing.T) {
	c := paris(t)
	sat := time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC)
	assert.True(t, c.Add(sat, 0).Equal(sat), "Add(t, 0) must return t even when closed")
	assert.Equal(t, c.Location(), c.Add(sat, 0).Location())
}

func TestSubSecondBetween(t *testing.T) {
	c := paris(t)
	p := c.Location()
	from := time.Date(2026, 3, 6, 18, 0, 0, 5e8, p) // Friday, just after closing
	assert.Equal(t, time.Hour, c.Between(from, time.Date(2026, 3, 9, 9, 0, 0, 0, p)))
	assert.Equal(t, time.Duration(5e8), c.Between(time.Date(2026, 3, 6, 17, 59, 59, 5e8, p), from))
}

func TestBerlinLunchBreak(t *testing.T) {
	c, err := calendar.New(calendar.Spec{
		TimeZone: "Europe/Berlin",
		Hours:    calendar.Week{Mon: []string{"09:00-12:30", "13:30-17:00"}, Fri: []string{"09:00-15:00"}},
		Holidays: []string{"DE"},
		Closed:   []string{"2026-12-21"},
	})
	require.NoError(t, err)
	b := c.Location()
	runAdd(t, c, []addCase{
		{"morning into afternoon", time.Date(2026, 6, 1, 12, 0, 0, 0, b), time.Hour, time.Date(2026, 6, 1, 14, 0, 0, 0, b)},
		{"ends at the break", time.Date(2026, 6, 1, 12, 0, 0, 0, b), 30 * time.Minute, time.Date(2026, 6, 1, 12, 30, 0, 0, b)},
		{"Monday to Friday", time.Date(2026, 6, 1, 16, 0, 0, 0, b), 2 * time.Hour, time.Date(2026, 6, 5, 10, 0, 0, 0, b)},
		{"Friday to Monday", time.Date(2026, 6, 5, 14, 0, 0, 0, b), 2 * time.Hour, time.Date(2026, 6, 8, 10, 0, 0, 0, b)},
		// Friday 18 Dec 14:00–15:00, Monday 21 Dec closed by contract, Friday 25
		// Dec Christmas, so the second hour is Monday 28 Dec 09:00–10:00.
		{"closed date and holiday skipped", time.Date(2026, 12, 18, 14, 0, 0, 0, b), 2 * time.Hour, time.Date(2026, 12, 28, 10, 0, 0, 0, b)},
	})
	assert.False(t, c.IsOpen(time.Date(2026, 6, 1, 13, 0, 0, 0, b)), "lunch break")
	assert.False(t, c.IsOpen(time.Date(2026, 5, 25, 10, 0, 0, 0, b)), "Whit Monday is a German holiday")
}

func TestLondonOvernight(t *testing.T) {
	night := []string{"22:00-06:00"}
	c, err := calendar.New(calendar.Spec{TimeZone: "Europe/London",
		Hours: calendar.Week{Mon: night, Tue: night, Wed: night, Thu: night, Fri: night}})
	require.NoError(t, err)
	l := c.Location()
	assert.True(t, c.IsOpen(time.Date(2026, 6, 6, 5, 59, 0, 0, l)), "Friday's shift runs into Saturday")
	assert.False(t, c.IsOpen(time.Date(2026, 6, 6, 6, 0, 0, 0, l)), "ranges are half-open")
	assert.False(t, c.IsOpen(time.Date(2026, 6, 1, 3, 0, 0, 0, l)), "Monday 03:00 belongs to Sunday, closed")
	runAdd(t, c, []addCase{
		{"across midnight", time.Date(2026, 6, 1, 23, 0, 0, 0, l), 2 * time.Hour, time.Date(2026, 6, 2, 1, 0, 0, 0, l)},
		{"Saturday morning to Monday night", time.Date(2026, 6, 6, 5, 0, 0, 0, l), 2 * time.Hour, time.Date(2026, 6, 8, 23, 0, 0, 0, l)},
		// Clocks go forward on Sunday 29 March at 01:00, inside closed time:
		// Friday's shift is an ordinary 8 hours, then Monday night's.
		{"spring forward weekend", time.Date(2026, 3, 27, 23, 0, 0, 0, l), 8 * time.Hour, time.Date(2026, 3, 30, 23, 0, 0, 0, l)},
	})
}

func TestOvernightSundayIntoMonday(t *testing.T) {
	c, err := calendar.New(calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Sun: []string{"20:00-04:00"}, Mon: []string{"04:00-06:00"}}})
	require.NoError(t, err)
	sun := time.Date(2026, 6, 7, 20, 0, 0, 0, time.UTC)
	assert.Equal(t, 10*time.Hour, c.Between(sun, sun.Add(24*time.Hour)), "adjacent ranges across the week's wrap")
	var n int
	for w := range c.Windows(sun, sun.Add(24*time.Hour)) {
		n++
		assert.Equal(t, 10*time.Hour, w.Duration())
	}
	assert.Equal(t, 1, n, "touching ranges come as one window")
}

func TestOvernightClosedStartDay(t *testing.T) {
	// A closed start day closes all of an overnight range (I6).
	c, err := calendar.New(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Week{Thu: []string{"22:00-06:00"}}, Closed: []string{"2026-12-31"}})
	require.NoError(t, err)
	p := c.Location()
	assert.False(t, c.IsOpen(time.Date(2027, 1, 1, 3, 0, 0, 0, p)))
	assert.True(t, c.IsOpen(time.Date(2027, 1, 8, 3, 0, 0, 0, p)))
	// and an overnight range runs on into a closed day
	c2, err := calendar.New(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Week{Thu: []string{"22:00-06:00"}}, Closed: []string{"2027-01-01"}})
	require.NoError(t, err)
	assert.True(t, c2.IsOpen(time.Date(2027, 1, 1, 3, 0, 0, 0, p)))
	assert.Equal(t, 8*time.Hour, c2.Between(time.Date(2026, 12, 31, 0, 0, 0, 0, p), time.Date(2027, 1, 2, 0, 0, 0, 0, p)))
}

func TestDSTSundays(t *testing.T) {
	h := []string{"08:00-18:00"}
	c, err := calendar.New(calendar.Spec{TimeZone: "Europe/Paris",
		Hours: calendar.Week{Mon: h, Tue: h, Wed: h, Thu: h, Fri: h, Sat: h, Sun: h}})
	require.NoError(t, err)
	p := c.Location()
	runAdd(t, c, []addCase{
		{"spring forward", time.Date(2026, 3, 28, 23, 30, 0, 0, p), time.Hour, time.Date(2026, 3, 29, 9, 0, 0, 0, p)},
		{"fall back", time.Date(2026, 10, 25, 7, 0, 0, 0, p), time.Hour, time.Date(2026, 10, 25, 9, 0, 0, 0, p)},
	})
	assert.Equal(t, 10*time.Hour, c.Between(time.Date(2026, 3, 29, 0, 0, 0, 0, p), time.Date(2026, 3, 30, 0, 0, 0, 0, p)))
}

func TestWallClockAcrossDST(t *testing.T) {
	// A night shift covering the change: 00:00–04:00 lasts 3 real hours on the
	// spring-forward night and 5 on the fall-back night; the skipped hour is
	// never open and the repeated hour is open twice.
	h := []string{"00:00-04:00"}
	c, err := calendar.New(calendar.Spec{TimeZone: "America/New_York", Hours: calendar.Week{Sun: h}})
	require.NoError(t, err)
	ny := c.Location()
	spring := time.Date(2026, 3, 8, 0, 0, 0, 0, ny)
	fall := time.Date(2026, 11, 1, 0, 0, 0, 0, ny)
	assert.Equal(t, 3*time.Hour, c.Between(spring, spring.Add(6*time.Hour)))
	assert.Equal(t, 5*time.Hour, c.Between(fall, fall.Add(6*time.Hour)))
	assert.True(t, c.IsOpen(time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC)), "first 01:30 EDT")
	assert.True(t, c.IsOpen(time.Date(2026, 11, 1, 7, 30, 0, 0, time.UTC)), "second 01:30 EST")
}

func TestIndependenceDayObserved(t *testing.T) {
	c, err := calendar.New(calendar.Spec{TimeZone: "America/New_York", Hours: calendar.Weekdays("09:00-17:00"), Holidays: []string{"US"}})
	require.NoError(t, err)
	ny := c.Location()
	assert.False(t, c.IsOpen(time.Date(2026, 7, 3, 12, 0, 0, 0, ny)), "4 July 2026 is a Saturday, observed Friday 3 July")
	assert.True(t, c.IsOpen(time.Date(2026, 7, 2, 12, 0, 0, 0, ny)))
	assert.True(t, c.Next(time.Date(2026, 7, 2, 17, 0, 0, 0, ny)).Equal(time.Date(2026, 7, 6, 9, 0, 0, 0, ny)))
}

func TestHolidayRulesFromGo(t *testing.T) {
	// A German state's list, passed as Go values.
	c, err := calendar.New(calendar.Spec{TimeZone: "Europe/Berlin", Hours: calendar.Weekdays("09:00-17:00"), HolidayRules: de.HolidaysBY})
	require.NoError(t, err)
	assert.False(t, c.IsOpen(time.Date(2026, 1, 6, 12, 0, 0, 0, c.Location())), "Epiphany is a holiday in Bavaria")
	d, err := calendar.New(calendar.Spec{TimeZone: "Europe/Berlin", Hours: calendar.Weekdays("09:00-17:00"), Holidays: []string{"de-by"}})
	require.NoError(t, err)
	assert.False(t, d.IsOpen(time.Date(2026, 1, 6, 12, 0, 0, 0, c.Location())), "region codes work too, in any case")
}

func TestAddDays(t *testing.T) {
	c := paris(t)
	p := c.Location()
	from := time.Date(2026, 3, 27, 16, 0, 0, 0, p)
	assert.True(t, c.AddDays(from, 5).Equal(time.Date(2026, 4, 3, 16, 0, 0, 0, p)), "E4 workaround")
	assert.True(t, c.AddDays(from, 15).Equal(time.Date(2026, 4, 20, 16, 0, 0, 0, p)), "E4 fix, Easter Monday closed")
	assert.True(t, c.AddDays(from, -1).Equal(time.Date(2026, 3, 26, 16, 0, 0, 0, p)))
	assert.True(t, c.AddDays(from, 0).Equal(from))

	// Days of different lengths: the position in the day is kept, capped at
	// the shorter day's length.
	v, err := calendar.New(calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Mon: []string{"08:00-18:00"}, Tue: []string{"10:00-12:00"}}})
	require.NoError(t, err)
	mon := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	assert.Equal(t, time.Date(2026, 6, 2, 11, 0, 0, 0, time.UTC), v.AddDays(mon, 1))
	assert.Equal(t, time.Date(2026, 6, 2, 12, 0, 0, 0, time.UTC), v.AddDays(mon.Add(5*time.Hour), 1), "capped")
	assert.Equal(t, time.Date(2026, 6, 8, 14, 0, 0, 0, time.UTC), v.AddDays(mon.Add(5*time.Hour), 2))

	k := calendar.Continuous(p)
	assert.Equal(t, 48*time.Hour, k.AddDays(from, 2).Sub(from), "a continuous day is 24 elapsed hours")
}

func TestContinuous(t *testing.T) {
	k := calendar.Continuous(nil)
	a := time.Date(2026, 3, 29, 0, 0, 0, 0, time.UTC)
	b := a.Add(1000 * time.Hour)
	assert.Equal(t, b.Sub(a), k.Between(a, b))
	assert.True(t, k.Add(a, time.Hour).Equal(a.Add(time.Hour)))
	assert.True(t, k.IsOpen(a))
	assert.True(t, k.IsContinuous())
	assert.Equal(t, time.UTC, k.Location())
}

func TestFarSpans(t *testing.T) {
	c := paris(t)
	p := c.Location()
	from := time.Date(2026, 3, 27, 16, 0, 0, 0, p)
	for _, d := range []time.Duration{250_000 * time.Hour, -250_000 * time.Hour, 2_000_000 * time.Hour} {
		r := c.Add(from, d)
		assert.Equal(t, d, c.Between(from, r), "round trip over %v", d)
	}
	far := time.Date(2400, 6, 1, 12, 0, 0, 0, p)
	assert.Equal(t, 4*time.Hour, c.Between(far, c.Add(far, 4*time.Hour)))
	assert.True(t, c.Add(time.Date(9999, 12, 31, 17, 0, 0, 0, p), 10*time.Hour).Equal(time.Date(10000, 1, 1, 0, 0, 0, 0, p)),
		"running out of the supported years stops at their end")
	assert.False(t, c.IsOpen(time.Date(0, 6, 1, 12, 0, 0, 0, p)), "before year 1 the calendar is closed")
}

func TestConcurrentUse(t *testing.T) {
	c := paris(t)
	p := c.Location()
	done := make(chan time.Time)
	for i := range 8 {
		go func() {
			from := time.Date(2000+i*37, 3, 27, 16, 0, 0, 0, p)
			var r time.Time
			for j := range 200 {
				r = c.Add(from.AddDate(j, 0, 0), 2600*time.Hour)
			}
			done <- r
		}()
	}
	for range 8 {
		<-done
	}
	// the same question after the storm still has the same answer
	assert.True(t, c.Add(time.Date(2026, 3, 27, 16, 0, 0, 0, p), 4*time.Hour).Equal(time.Date(2026, 3, 30, 10, 0, 0, 0, p)))
}
