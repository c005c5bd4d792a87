// Package calendar answers "when does the clock run?" for SLA targets: business
// hours per weekday, public holidays, extra closed dates, all in one IANA time
// zone, or the 24×7 clock.
//
// # Building a calendar
//
// A [Spec] is plain data that round-trips through JSON; [New] validates it and
// returns an immutable [*Calendar]. Every error names the field and the value:
//
//	c, err := calendar.New(calendar.Spec{
//		TimeZone: "Europe/Paris",
//		Hours:    calendar.Weekdays("08:00-18:00"),
//		Holidays: []string{"FR"},
//	})
//
// [Continuous] is the 24×7 clock with the same methods, so code that stamps due
// dates never branches on the kind of clock.
//
// # Semantics
//
//   - Wall clock: an instant is open when the local wall clock there reads inside
//     a range of that local date. Daylight-saving changes never move opening
//     hours; a wall time that happens twice (fall-back) is open both times, one
//     skipped by spring-forward does not exist and is not open.
//   - Ranges are half-open. "24:00" ends a range at midnight; an end before the
//     start is an overnight range, which belongs to the day it starts on, so a
//     closed start day closes all of it.
//   - Holidays come from github.com/rickar/cal/v2 by country or region code (see
//     [HolidayCodes]); a day is closed when a holiday's actual or observed date
//     falls on it.
//   - [Calendar.Add] returns the earliest instant at which the requested open time
//     has elapsed: Friday 17:00 plus one hour is Friday 18:00, not Monday 08:00.
//     Adding zero returns the start unchanged. [Calendar.Between] counts open time
//     in [a, b). Both work at nanosecond precision.
//
// # Speed
//
// A calendar builds a table of open intervals per local year the first time the
// year is used, and running totals per year, so Add and Between cost two binary
// searches whatever the span: tens of nanoseconds for an hour or a year, without
// allocating, and well under a microsecond across centuries. Year tables live in
// a small fixed-size cache published with atomic pointers: reads take no lock and
// memory stays bounded. Dates from year 1 to 9999 are supported; before them the
// calendar is closed, and Add stops at their end.
package calendar
