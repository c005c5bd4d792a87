package availability_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
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
	for _, tc := range []struct {
		year  int
		month time.Month
		loc   *time.Location
		err   error
		msg   string
	}{
		{2026, time.June, nil, availability.ErrLocation, `location: nil location: want a time zone`},
		{2026, 0, time.UTC, availability.ErrMonth, `month "0": month outside 1-12: want 1 to 12`},
		{2026, 13, time.UTC, availability.ErrMonth, `month "13": month outside 1-12: want 1 to 12`},
		{2026, -1, time.UTC, availability.ErrMonth, `month "-1": month outside 1-12: want 1 to 12`},
		{0, time.June, time.UTC, availability.ErrYear, `year "0": year outside 1-9999: want 1 to 9999`},
		{10000, time.January, time.UTC, availability.ErrYear, `year "10000": year outside 1-9999: want 1 to 9999`},
		{9999, time.December, time.UTC, availability.ErrYear,
			`month "9999-12": year outside 1-9999: want a month that ends by the end of year 9999, at most 9999-11`},
		{-5, 14, nil, availability.ErrRange, `location: nil location: want a time zone` + "\n" +
			`month "14": month outside 1-12: want 1 to 12` + "\n" + `year "-5": year outside 1-9999: want 1 to 9999`},
	} {
		p, err := availability.Month(tc.year, tc.month, tc.loc)
		if err == nil || err.Error() != tc.msg || !errors.Is(err, tc.err) || p != (calendar.Interval{}) {
			t.Errorf("Month(%d, %d): %v, %v\nwant %s", tc.year, tc.month, p, err, tc.msg)
		}
	}
}

// TestMonthYear1Shl40IsAnError is the case of issue 12: Month(1<<40, 1, loc)
// returned an empty interval in 1916 with no error, and a report then named
// the month "1099511627776-01".
func TestMonthYear1Shl40IsAnError(t *testing.T) {
	p, err := availability.Month(1<<40, time.January, mustLoc(t, "Europe/Paris"))
	if !errors.Is(err, availability.ErrYear) || !errors.Is(err, availability.ErrRange) ||
		err.Error() != `year "1099511627776": year outside 1-9999: want 1 to 9999` || p != (calendar.Interval{}) {
		t.Fatalf("Month(1<<40, 1) = %v, %v", p, err)
	}
	for _, y := range []int{-1 << 40, math.MinInt, math.MaxInt} {
		if _, err := availability.Month(y, time.January, time.UTC); !errors.Is(err, availability.ErrYear) {
			t.Errorf("Month(%d, 1): %v", y, err)
		}
	}
}

// TestMonthEdgesOfTheRange: the first and last supported months in every
// test zone have a positive length and a report of them marshals to JSON.
func TestMonthEdgesOfTheRange(t *testing.T) {
	for _, zone := range zones {
		for _, ym := range []struct {
			y int
			m time.Month
		}{{1, time.January}, {9999, time.November}} {
			p, err := availability.Month(ym.y, ym.m, mustLoc(t, zone))
			if err != nil || p.Duration() <= 0 {
				t.Fatalf("%s %d-%02d: %v, %v", zone, ym.y, ym.m, p, err)
			}
			r, err := availability.Compute(p, nil, specRules(zone))
			if err != nil {
				t.Fatalf("%s %d-%02d: %v", zone, ym.y, ym.m, err)
			}
			if _, err := json.Marshal(r); err != nil {
				t.Errorf("%s %d-%02d: %v", zone, ym.y, ym.m, err)
			}
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
