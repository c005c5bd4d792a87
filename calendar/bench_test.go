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

var benchSink time.Time
var benchDur time.Duration

func BenchmarkAdd(b *testing.B) {
	c := paris(b)
	from := time.Date(2026, 3, 27, 16, 0, 0, 0, c.Location())
	for _, span := range []time.Duration{time.Hour, 40 * time.Hour, 500 * time.Hour, 2600 * time.Hour} {
		b.Run(fmt.Sprintf("slakit/%v", span), func(b *testing.B) {
			c.Add(from, span) // first touch of the years involved is not what is measured
			for b.Loop() {
				benchSink = c.Add(from, span)
			}
		})
		b.Run(fmt.Sprintf("rickar/%v", span), func(b *testing.B) {
			a := anchor(b)
			for b.Loop() {
				benchSink = a.AddWorkHours(from, span)
			}
		})
	}
}

func BenchmarkBetween(b *testing.B) {
	c := paris(b)
	from := time.Date(2026, 3, 27, 16, 0, 0, 0, c.Location())
	for _, tc := range []struct {
		name string
		to   time.Time
	}{
		{"1day", from.AddDate(0, 0, 1)},
		{"1month", from.AddDate(0, 1, 0)},
		{"1year", from.AddDate(1, 0, 0)},
	} {
		b.Run("slakit/"+tc.name, func(b *testing.B) {
			c.Between(from, tc.to)
			for b.Loop() {
				benchDur = c.Between(from, tc.to)
			}
		})
		b.Run("rickar/"+tc.name, func(b *testing.B) {
			a := anchor(b)
			for b.Loop() {
				benchDur = a.WorkHoursInRange(from, tc.to)
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

// BenchmarkFirstTouch measures building a year's table: the cost paid once per
// year per calendar.
func BenchmarkFirstTouch(b *testing.B) {
	spec := calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}}
	t := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	for b.Loop() {
		c, _ := calendar.New(spec)
		benchSink = c.Add(t, time.Hour)
	}
}
