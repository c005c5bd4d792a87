package calendar_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/fr"
	"github.com/slakit/slakit/calendar"
)

// The anchor: rickar/cal's BusinessCalendar with the same hours, holidays and
// zone, its holiday cache on. Both run in the same benchmark binary, so the
// ratio is measured on the same machine in the same run.
func anchor(b *testing.B) *cal.BusinessCalendar {
	c := cal.NewBusinessCalendar()
	c.SetWorkHours(8*time.Hour, 18*time.Hour)
	c.AddHoliday(fr.Holidays...)
	c.Cacheable = true
	return c
}

var (
	benchSink time.Time
	benchDur  time.Duration
	benchBool bool
)

// spans are the lengths every query benchmark is measured at: open time for
// Add, elapsed time for Between, Next and Prev (asked that far from the start).
var spans = []struct {
	name string
	d    time.Duration
}{
	{"1h", time.Hour}, {"40h", 40 * time.Hour}, {"500h", 500 * time.Hour}, {"2600h", 2600 * time.Hour}, {"1y", 8766 * time.Hour},
}

// overrides50 is the French calendar with 50 dated overrides a year from
// 2020 to 2040 (half days, opened Saturdays, closed Fridays) and yearly ones.
func overrides50(b testing.TB) *calendar.Calendar {
	o := map[string][]string{"--12-24": {"08:00-12:00"}, "--12-31": {"08:00-12:00"}, "--06-12": {}}
	for y := 2020; y <= 2040; y++ {
		for k := range 50 {
			d := time.Date(y, 1, 3+7*k, 0, 0, 0, 0, time.UTC)
			switch k % 3 {
			case 0:
				o[d.Format(time.DateOnly)] = []string{"08:00-12:00"}
			case 1:
				o[d.AddDate(0, 0, 1).Format(time.DateOnly)] = []string{"09:00-13:00", "22:00-02:00"}
			default:
				o[d.AddDate(0, 0, 2).Format(time.DateOnly)] = []string{}
			}
		}
	}
	c, err := calendar.New(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}, Overrides: o})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func benchQueries(b *testing.B, name string, c *calendar.Calendar) {
	from := time.Date(2026, 3, 27, 16, 0, 0, 0, c.Location())
	for _, s := range spans {
		at := from.Add(s.d)
		c.Add(from, s.d) // first touch of the years involved is not what is measured
		c.Between(from, at)
		b.Run("Add/"+name+"/"+s.name, func(b *testing.B) {
			for b.Loop() {
				benchSink = c.Add(from, s.d)
			}
		})
		b.Run("Between/"+name+"/"+s.name, func(b *testing.B) {
			for b.Loop() {
				benchDur = c.Between(from, at)
			}
		})
		b.Run("Next/"+name+"/"+s.name, func(b *testing.B) {
			for b.Loop() {
				benchSink = c.Next(at)
			}
		})
		b.Run("Prev/"+name+"/"+s.name, func(b *testing.B) {
			for b.Loop() {
				benchSink = c.Prev(at)
			}
		})
	}
}

// BenchmarkQueries measures Add, Between, Next and Prev at every span, on the
// French calendar, on the same with 50 overrides a year, and rickar/cal's
// AddWorkHours, WorkHoursInRange and NextWorkdayStart (it has no Prev).
func BenchmarkQueries(b *testing.B) {
	benchQueries(b, "slakit", paris(b))
	benchQueries(b, "slakit-50-overrides", overrides50(b))
	a := anchor(b)
	from := time.Date(2026, 3, 27, 16, 0, 0, 0, paris(b).Location())
	for _, s := range spans {
		at := from.Add(s.d)
		b.Run("Add/rickar/"+s.name, func(b *testing.B) {
			for b.Loop() {
				benchSink = a.AddWorkHours(from, s.d)
			}
		})
		b.Run("Between/rickar/"+s.name, func(b *testing.B) {
			for b.Loop() {
				benchDur = a.WorkHoursInRange(from, at)
			}
		})
		b.Run("Next/rickar/"+s.name, func(b *testing.B) {
			for b.Loop() {
				benchSink = a.NextWorkdayStart(at)
			}
		})
	}
}

// BenchmarkFarSpan measures spans of centuries once their years are known.
func BenchmarkFarSpan(b *testing.B) {
	c := paris(b)
	from := time.Date(2026, 3, 27, 16, 0, 0, 0, c.Location())
	to := time.Date(2326, 3, 27, 16, 0, 0, 0, c.Location())
	c.Between(from, to)
	b.Run("Between300y", func(b *testing.B) {
		for b.Loop() {
			benchDur = c.Between(from, to)
		}
	})
	b.Run("Add100000h", func(b *testing.B) {
		for b.Loop() {
			benchSink = c.Add(from, 100_000*time.Hour)
		}
	})
}

// BenchmarkSpreadOverCenturies asks about instants spread over 500 years in
// turn, once every year is built: the year cache must hold them all.
func BenchmarkSpreadOverCenturies(b *testing.B) {
	c := paris(b)
	at := make([]time.Time, 500)
	for i := range at {
		at[i] = time.Date(1800+i*7%500, 3, 10, 16, 0, 0, 0, c.Location())
		c.Add(at[i], 4*time.Hour)
	}
	b.Run("slakit", func(b *testing.B) {
		i := 0
		for b.Loop() {
			benchSink = c.Add(at[i%len(at)], 4*time.Hour)
			i++
		}
	})
	b.Run("rickar", func(b *testing.B) {
		a := anchor(b)
		i := 0
		for b.Loop() {
			benchSink = a.AddWorkHours(at[i%len(at)], 4*time.Hour)
			i++
		}
	})
}

// BenchmarkFirstTouch measures New and the first query of a year: building its
// table, the cost paid once per year per calendar. The holidays are given as
// Go values so that every calendar builds its own tables.
func BenchmarkFirstTouch(b *testing.B) {
	t := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name      string
		overrides map[string][]string
	}{
		{"weekly", nil},
		{"50-overrides", overrides50(b).Spec().Overrides},
	} {
		spec := calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), HolidayRules: fr.Holidays, Overrides: tc.overrides}
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				c, _ := calendar.New(spec)
				benchSink = c.Add(t, time.Hour)
			}
		})
	}
}

// BenchmarkAddDays counts open days near and far, against rickar/cal's
// WorkdaysFrom, which steps day by day.
func BenchmarkAddDays(b *testing.B) {
	c := paris(b)
	a := anchor(b)
	from := time.Date(2026, 3, 27, 16, 0, 0, 0, c.Location())
	for _, n := range []int{5, 250, 1_000_000} {
		c.AddDays(from, n)
		b.Run(fmt.Sprintf("slakit/%d", n), func(b *testing.B) {
			for b.Loop() {
				benchSink = c.AddDays(from, n)
			}
		})
		b.Run(fmt.Sprintf("rickar/%d", n), func(b *testing.B) {
			for b.Loop() {
				benchSink = a.WorkdaysFrom(from, n)
			}
		})
	}
}

// BenchmarkEndOfDay finds the end of the next business day, against
// rickar/cal's NextWorkdayEnd.
func BenchmarkEndOfDay(b *testing.B) {
	c := paris(b)
	from := time.Date(2026, 4, 3, 16, 0, 0, 0, c.Location()) // before Easter Monday
	c.EndOfDay(from, 1)
	b.Run("slakit", func(b *testing.B) {
		for b.Loop() {
			benchSink = c.EndOfDay(from, 1)
		}
	})
	b.Run("rickar", func(b *testing.B) {
		a := anchor(b)
		for b.Loop() {
			benchSink = a.NextWorkdayEnd(from)
		}
	})
}

// BenchmarkNew measures New for a spec whose tables are already shared.
func BenchmarkNew(b *testing.B) {
	spec := calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}}
	keep := calendar.MustNew(spec)
	for b.Loop() {
		c, _ := calendar.New(spec)
		benchBool = c.IsOpen(time.Time{})
	}
	benchBool = keep.IsContinuous()
}
