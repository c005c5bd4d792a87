// Package civil holds the one piece of civil-date arithmetic the standard
// library leaves to its callers: where a local date begins when a zone change
// skips its midnight.
package civil

import "time"

// DayStart returns the first instant of the local date y-m-d in loc (d may
// overflow the month, as in time.Date): midnight, or, where a zone change
// skips midnight, the instant the gap ends. time.Date resolves a time inside a
// gap with the offset in force before it, which lands on the previous date.
func DayStart(y int, m time.Month, d int, loc *time.Location) time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	want := time.Date(y, m, d, 0, 0, 0, 0, time.UTC) // the civil date, normalised
	for range 4 {                                    // a gap is one transition; the bound only guards odd zone data
		if ty, tm, td := t.Date(); !time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC).Before(want) {
			break
		}
		_, end := t.ZoneBounds()
		if end.IsZero() || !end.After(t) {
			break
		}
		t = end.In(loc)
	}
	return t
}
