package calendar

import (
	"testing"
	"time"
)

// BenchmarkBuildYear measures the first touch of a year: building its table of
// open intervals, the cost paid once per year per calendar; on the French
// calendar, and on the same with 50 dated overrides in every year measured and
// yearly ones.
func BenchmarkBuildYear(b *testing.B) {
	o := map[string][]string{"--12-24": {"08:00-12:00"}, "--12-31": {"08:00-12:00"}, "--06-12": {}}
	for y := 2000; y < 2150; y++ {
		for k := range 50 {
			d := time.Date(y, 1, 3+7*k+k%3, 0, 0, 0, 0, time.UTC)
			o[d.Format(time.DateOnly)] = [][]string{{"08:00-12:00"}, {"09:00-13:00", "22:00-02:00"}, {}}[k%3]
		}
	}
	for _, tc := range []struct {
		name string
		spec Spec
	}{
		{"weekly", Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: []string{"FR"}}},
		{"50-overrides", Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: []string{"FR"}, Overrides: o}},
	} {
		c := MustNew(tc.spec)
		b.Run(tc.name, func(b *testing.B) {
			y := 2000
			for b.Loop() {
				c.buildBlock(y)
				y = 2000 + (y+1)%150
			}
		})
	}
}
