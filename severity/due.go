package severity

import (
	"time"

	"github.com/slakit/slakit/calendar"
)

// Due returns the instant at which the target falls due for a ticket received at
// start (I3), with business as the support calendar:
//
//   - minutes and hours on the business clock: business.Add(start, d), the
//     earliest instant with that much open time elapsed (I5);
//   - days on the business clock: business.AddDays(start, n), n support days
//     later with the open time already elapsed in the day kept (I2; on a
//     calendar whose open days all last L, the same as n×L of business time);
//   - ends of day (on the business clock): business.EndOfDay(start, n), the
//     close of the n-th open day after the day of receipt (see [Target]);
//   - minutes, hours and days on the continuous clock: start plus the elapsed
//     time, a day being 24 hours even across a DST change (I2);
//   - months: the same wall-clock time n calendar months later in the
//     customer's zone, the day clamped to the last of the target month (I4:
//     opened 2028-02-29 10:00, 12mo is due 2029-02-28 10:00). When that wall time
//     does not exist because the clocks go forward, the due time moves forward
//     by the gap (02:30 becomes 03:30); when it exists twice because the clocks
//     go back, it is the first of the two. These are the rules of RFC 5545 and
//     of Python's fold=0, and they keep the due time on the clamped date.
//
// The customer's zone is the business calendar's, or start's location when
// business is nil; every result is in that zone. Business targets share the
// calendar's limits: it covers the years 1 to 9999.
//
// Due reports false, with the zero Time, for the zero ("n/a") target, and for a
// business-clock target when business is nil: a business target cannot fall due
// without its calendar (callers that must tell the two apart check
// [Target.IsApplicable]). It never panics. Due allocates nothing.
func (t Target) Due(start time.Time, business *calendar.Calendar) (time.Time, bool) {
	start = start.Round(0)
	switch {
	case t.unit == Months:
		return addMonths(start, int(t.amount), zone(business, start)), true
	case t.clock == Continuous:
		return continuousAdd(business, start, t.length()), true
	case t.clock != Business || business == nil:
		return time.Time{}, false // n/a, or no calendar
	case t.unit == Days:
		return business.AddDays(start, int(t.amount)), true
	case t.unit == EndsOfDay:
		return business.EndOfDay(start, int(t.amount)), true
	}
	return business.Add(start, t.length()), true
}

// Elapsed returns the time the target's clock ran in [from, to): open time of
// business on the Business clock, elapsed time on the Continuous clock (and so
// for months). It is the "clock time used" of a report when from is the start.
// It reports false for the zero target and for a business-clock target without
// a calendar.
func (t Target) Elapsed(from, to time.Time, business *calendar.Calendar) (time.Duration, bool) {
	return t.clock.Between(from, to, business)
}

// Remaining returns the clock time left at now before the target, started at
// start, falls due: the time of the target's clock in [now, due). It is negative
// once the due time has passed (the clock time overdue). It reports false when
// [Target.Due] does.
func (t Target) Remaining(start, now time.Time, business *calendar.Calendar) (time.Duration, bool) {
	due, ok := t.Due(start, business)
	if !ok {
		return 0, false
	}
	return t.clock.Between(now, due, business)
}

// addMonths returns the wall-clock time of start in loc, n months later, the day
// clamped to the month's last, resolved as documented on [Target.Due].
func addMonths(start time.Time, n int, loc *time.Location) time.Time {
	_, off := start.In(loc).Zone()
	wall := start.Unix() + int64(off) // start's wall clock, read as UTC
	day := floorDiv(wall, 86400)
	y, m, d := civil(day)

	months := y*12 + int64(m) - 1 + int64(n)
	y, m = floorDiv(months, 12), int(months-floorDiv(months, 12)*12)+1
	d = min(d, daysIn(y, m))
	want := daysFrom(y, m, d)*86400 + wall - day*86400
	return atWall(want, int64(start.Nanosecond()), off, loc)
}

// atWall returns the instant at which the wall clock of loc reads want (Unix
// seconds of the wall time read as UTC) and ns nanoseconds. guess is a likely UTC
// offset. A wall time skipped by a gap is read with the offset before the gap;
// of two readings, the first is returned.
func atWall(want, ns int64, guess int, loc *time.Location) time.Time {
	// Read want with an offset, then with the offset in force where that lands,
	// until a reading holds. Near a gap the offsets of its two sides alternate.
	off, prev := guess, guess
	for i := 0; ; i++ {
		t := time.Unix(want-int64(off), ns).In(loc)
		_, next := t.Zone()
		switch {
		case next == off:
			return firstReading(t, want, ns, off)
		case i > 0 && next == prev, i == 4:
			// A gap between the offsets off and next: read want with the
			// smaller, in force before it. (Four rounds only fail in a zone
			// with several changes within a day; that answer is as good.)
			return time.Unix(want-int64(min(off, next)), ns).In(loc)
		}
		prev, off = off, next
	}
}

// firstReading returns the first instant reading the same wall time as t, whose UTC
// offset is off: just after the clocks went back, an earlier reading lies in the
// previous period, with a larger offset.
func firstReading(t time.Time, want, ns int64, off int) time.Time {
	if from, _ := t.ZoneBounds(); !from.IsZero() && t.Unix()-from.Unix() < 86400 {
		if _, prev := from.Add(-time.Nanosecond).Zone(); prev > off {
			if e := time.Unix(want-int64(prev), ns).In(t.Location()); e.Before(from) {
				return e
			}
		}
	}
	return t
}

// daysIn returns the number of days in month m (1 to 12) of year y.
func daysIn(y int64, m int) int {
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 29
	}
	return monthDays[m-1]
}

var monthDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// civil returns the proleptic Gregorian date of a day counted from 1970-01-01,
// and daysFrom is its inverse; both are H. Hinnant's algorithms, with eras of
// 400 years (146 097 days) starting on 1 March.
func civil(day int64) (y int64, m, d int) {
	z := day + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097                                  // day of era, 0 to 146 096
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of era, 0 to 399
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of the year from 1 March
	mp := (5*doy + 2) / 153                                // month from March, 0 to 11
	d = int(doy-(153*mp+2)/5) + 1
	m = int(mp+2)%12 + 1
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

func daysFrom(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	doy := (153*int64((m+9)%12)+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
