package availability_test

import (
	"errors"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"pgregory.net/rapid"
)

func TestMonth(t *testing.T) {
	for _, tc := range []struct {
		zone  string
		y     int
		m     time.Month
		start string // RFC 3339, worked out from the zone's rules
		hours time.Duration
	}{
		{"Europe/Paris", 2026, time.March, "2026-03-01T00:00:00+01:00", 743},   // I10
		{"Europe/Paris", 2026, time.October, "2026-10-01T00:00:00+02:00", 745}, // I10
		{"Europe/Paris", 2026, time.June, "2026-06-01T00:00:00+02:00", 720},
		{"Europe/Paris", 2026, time.December, "2026-12-01T00:00:00+01:00", 744}, // ends in 2027
		{"Europe/Paris", 2028, time.February, "2028-02-01T00:00:00+01:00", 696}, // leap year
		{"America/New_York", 2026, time.November, "2026-11-01T00:00:00-04:00", 721},
		{"UTC", 2026, time.February, "2026-02-01T00:00:00Z", 672},
		// Chile skipped midnight on 1 September 2024: 00:00 -04 became 01:00 -03.
		{"America/Santiago", 2024, time.August, "2024-08-01T00:00:00-04:00", 744},
		{"America/Santiago", 2024, time.September, "2024-09-01T01:00:00-03:00", 719},
		// Paraguay did the same on 1 October 2023.
		{"America/Asuncion", 2023, time.October, "2023-10-01T01:00:00-03:00", 743},
	} {
		t.Run(tc.zone+" "+tc.m.String(), func(t *testing.T) {
			p, err := availability.Month(tc.y, tc.m, mustLoc(t, tc.zone))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := time.Parse(time.RFC3339, tc.start)
			if !p.Start.Equal(want) || p.Duration() != tc.hours*time.Hour {
				t.Errorf("Month = %v (%v), want start %v and %v h", p, p.Duration(), want, int(tc.hours))
			}
			if p.Start.Location().String() != tc.zone {
				t.Errorf("start in %v, want the customer's zone", p.Start.Location())
			}
		})
	}
}

func TestMonthErrors(t *testing.T) {
	if _, err := availability.Month(2026, time.June, nil); !errors.Is(err, availability.ErrLocation) {
		t.Errorf("nil location: %v", err)
	}
	for _, m := range []time.Month{0, 13, -1} {
		if _, err := availability.Month(2026, m, time.UTC); !errors.Is(err, availability.ErrMonth) {
			t.Errorf("month %d: %v", m, err)
		}
	}
}

// checkMonthsTile: consecutive months touch, each starts at a local midnight
// (or the first instant of the 1st where midnight is skipped), and the instant
// before it lies in the previous month.
func checkMonthsTile(t *rapid.T) {
	zone := genZone().Draw(t, "zone")
	loc := mustLoc(t, zone)
	y := rapid.IntRange(1900, 2100).Draw(t, "year")
	m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
	p, err := availability.Month(y, m, loc)
	if err != nil {
		t.Fatal(err)
	}
	ny, nm := y, m+1
	if m == time.December {
		ny, nm = y+1, time.January
	}
	q, err := availability.Month(ny, nm, loc)
	if err != nil {
		t.Fatal(err)
	}
	if !p.End.Equal(q.Start) || !p.End.After(p.Start) {
		t.Fatalf("%v and %v do not tile", p, q)
	}
	if yy, mm, dd := p.Start.Date(); yy != y || mm != m || dd != 1 {
		t.Fatalf("start %v is not on the 1st", p.Start)
	}
	if yy, mm, _ := p.Start.Add(-time.Nanosecond).Date(); yy == y && mm == m {
		t.Fatalf("the instant before %v is still in the month", p.Start)
	}
	if yy, mm, _ := p.End.Add(-time.Nanosecond).Date(); yy != y || mm != m {
		t.Fatalf("the last instant %v is not in the month", p.End.Add(-time.Nanosecond))
	}
}

func TestMonthsTile(t *testing.T) { rapid.Check(t, checkMonthsTile) }
func FuzzMonthsTile(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkMonthsTile)) }
