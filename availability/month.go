package availability

import (
	"fmt"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/civil"
	"github.com/slakit/slakit/internal/fault"
)

// Month returns the calendar month as the half-open interval
// [first day 00:00, next month's first day 00:00) in loc (I10). Its Duration
// is the real elapsed length: in Europe/Paris, March 2026 lasts 743 h and
// October 2026 lasts 745 h.
//
// Where a zone skips midnight (America/Santiago on 1 September 2024 jumps from
// 00:00 to 01:00), the day begins at the first instant that exists, so
// consecutive months always touch and never overlap.
//
// The supported months are those of years 1 to 9999, the years RFC 3339 can
// write, except December 9999, whose end falls in year 10000: a report of it
// could not be written as JSON. An error is a [*FieldError] wrapping
// [ErrLocation] for a nil loc, [ErrMonth] for a month outside January to
// December, or [ErrYear] for a year or month outside that range.
func Month(year int, month time.Month, loc *time.Location) (calendar.Interval, error) {
	var p problems
	if loc == nil {
		p.add(fault.Field("location", "", ErrLocation, "want a time zone"))
	}
	if month < time.January || month > time.December {
		p.add(fault.Field("month", itoa(int(month)), ErrMonth, "want 1 to 12"))
	}
	switch {
	case year < 1 || year > 9999:
		p.add(fault.Field("year", itoa(year), ErrYear, "want 1 to 9999"))
	case year == 9999 && month == time.December:
		p.add(fault.Field("month", fmt.Sprintf("%04d-%02d", year, int(month)), ErrYear,
			"want a month that ends by the end of year 9999, at most 9999-11"))
	}
	if err := p.err(); err != nil {
		return calendar.Interval{}, err
	}
	next, nextYear := month+1, year
	if month == time.December {
		next, nextYear = time.January, year+1
	}
	return calendar.Interval{
		Start: civil.DayStart(year, month, 1, loc),
		End:   civil.DayStart(nextYear, next, 1, loc),
	}, nil
}
