package civil

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below load on any system
)

func TestDayStart(t *testing.T) {
	load := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	for _, c := range []struct {
		zone string
		y    int
		m    time.Month
		d    int
		want string
	}{
		{"Europe/Paris", 2026, time.March, 29, "2026-03-29T00:00:00+01:00"},
		{"America/Santiago", 2026, time.September, 6, "2026-09-06T01:00:00-03:00"}, // midnight skipped
		{"America/Havana", 2026, time.March, 8, "2026-03-08T01:00:00-04:00"},       // midnight skipped
		{"Europe/Paris", 2026, time.June, 31, "2026-07-01T00:00:00+02:00"},         // normalised
	} {
		got := DayStart(c.y, c.m, c.d, load(c.zone))
		if got.Format(time.RFC3339) != c.want {
			t.Errorf("DayStart(%d-%02d-%02d, %s) = %s, want %s", c.y, c.m, c.d, c.zone, got.Format(time.RFC3339), c.want)
		}
	}
}
