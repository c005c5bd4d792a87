// Package calendar answers "when does the clock run?" for SLA targets: business
// hours per weekday, public holidays, dated overrides (half days, an opened
// Saturday) and closed dates, all in one IANA time zone, or the 24×7 clock.
//
// # Building a calendar
//
// A [Spec] is plain data that round-trips through JSON; [New] validates it and
// returns an immutable [*Calendar]. Every error names the field path, the value
// and what is wanted, and New reports every problem at once:
//
//	c, err := calendar.New(calendar.Spec{
//		TimeZone:  "Europe/Paris",
//		Hours:     calendar.Weekdays("08:00-18:00"),
//		Holidays:  []string{"FR"},
//		Overrides: map[string][]string{"--12-24": {"08:00-12:00"}},
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
//     skipped by spring-forward does not exist and is not open (I5).
//   - Ranges are half-open. "24:00" ends a range at midnight; an end before the
//     start is an overnight range, which belongs to the date it starts on, so a
//     closed start date closes all of it (I6). Where an overnight range runs into
//     a date whose own ranges overlap it, open time is their union, never
//     counted twice (I18).
//   - Holidays come from github.com/rickar/cal/v2 by country or region code (see
//     [HolidayCodes]); a date is closed when a holiday's actual or observed date
//     falls on it (I6). Overrides and closed dates, one-date or yearly, take
//     precedence as [Spec] describes (I18).
//   - [Calendar.Add] returns the earliest instant at which the requested open time
//     has elapsed: Friday 17:00 plus one hour is Friday 18:00, not Monday 08:00.
//     Adding zero returns the start unchanged. [Calendar.Between] counts open time
//     in [a, b). Both work at nanosecond precision.
//   - [Calendar.Next] and [Calendar.Prev] find the nearest open time forward and
//     back; [Calendar.AddDays] counts open days and [Calendar.EndOfDay] finds the
//     close of an open day ("end of the next business day").
//   - Dates from year 1 to 9999 are supported; before them the calendar is
//     closed. Add, Next, AddDays and EndOfDay stop at the end of year 9999, and
//     going back stops at the start of year 1.
//
// # Time zone data
//
// The calendar loads zones with [time.LoadLocation], which reads the system's
// zone database. It does not embed one, which would add about 450 KB to every
// program; a program that may run where the system has none (a scratch
// container, some Windows installations) imports the time/tzdata package.
//
// # Speed and memory
//
// A calendar builds a table of open intervals per local year the first time the
// year is used (tens of microseconds), and running totals per year, so Add,
// Between, Next and Prev cost a binary search or two whatever the span: tens of
// nanoseconds for an hour or a year, without allocating, and well under a
// microsecond across centuries. Overrides compile into the same tables.
//
// Year tables live in a cache published with atomic pointers: reads take no
// lock. It keeps up to 8 MiB of tables per calendar, about a thousand years of
// a typical week, so queries spread over centuries keep their cost; past that
// it drops tables of other years. Calendars built from specs with the same
// meaning share their tables (see [New]), so a service with 100 000 contracts
// on a handful of support calendars holds a handful of tables.
//
// # Limits
//
// A Spec holds at most [MaxEntries] holiday codes, holiday rules, closed dates,
// overrides and override ranges, and its JSON at most [MaxSpecBytes], so that
// every accepted spec builds a year in bounded time and memory; a day holds at
// most 1440 ranges, since ranges are whole minutes that may not overlap.
package calendar
