package availability

import (
	"strconv"
	"time"

	"github.com/slakit/slakit/calendar"
)

// Month returns the calendar month as the half-open interval
// [first day 00:00, next month's first day 00:00) in loc (SPEC I10). Its
// Duration is the real elapsed length: in Europe/Paris, March 2026 lasts 743 h
// and October 2026 lasts 745 h.
//
// Where a zone skips midnight (America/Santiago on 1 September 2024 jumps from
// 00:00 to 01:00), the day begins at the first instant that exists, so
// consecutive months always touch and never overlap.
//
// An error is a [*FieldError] wrapping [ErrLocation] for a nil loc or
// [ErrMonth] for a month outside January to December.
func Month(year int, month time.Month, loc *time.Location) (calendar.Interval, error) {
	if loc == nil {
		return calendar.Interval{}, fieldError("", -1, "location", "", ErrLocation)
	}
	if month < time.January || month > time.December {
		return calendar.Interval{}, fieldError("", -1, "month", strconv.Itoa(int(month)), ErrMonth)
	}
	next, nextYear := month+1, year
	if month == time.December {
		next, nextYear = time.January, year+1
	}
	return calendar.Interval{
		Start: dayStart(year, month, loc),
		End:   dayStart(nextYear, next, loc),
	}, nil
}

// dayStart returns the first instant of the local day year-month-01 in loc.
// time.Date resolves a midnight that falls in a gap with the offset in force
// before the gap, which lands on the previous day; the day then begins where
// the gap ends.
func dayStart(year int, month time.Month, loc *time.Location) time.Time {
	t := time.Date(year, month, 1, 0, 0, 0, 0, loc)
	for range 4 { // a gap is one transition; the bound only guards odd zone data
		y, m, _ := t.Date()
		if y > year || y == year && m >= month {
			break
		}
		_, end := t.ZoneBounds()
		if end.IsZero() || !end.After(t) {
			break
		}
		t = end
	}
	return t
}
