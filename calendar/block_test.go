package calendar

import "testing"

// BenchmarkBuildYear measures the first touch of a year: building its table of
// open intervals, the cost paid once per year per calendar.
func BenchmarkBuildYear(b *testing.B) {
	c := MustNew(Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: []string{"FR"}})
	y := 2000
	for b.Loop() {
		c.buildBlock(y)
		y = 2000 + (y+1)%200
	}
}
