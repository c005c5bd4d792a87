package calendar

import (
	"time"
)

// A date of [Spec].Closed or [Spec].Overrides: one local date ("YYYY-MM-DD")
// or a month and day every year ("--MM-DD").
type dateKey struct {
	yearly bool
	day    int64    // civil day of a one-date key
	md     monthDay // month and day of a yearly key
}

// monthDay is month×32 + day: 1 January is 33, 31 December 415.
type monthDay int16

func (md monthDay) month() time.Month { return time.Month(md / 32) }
func (md monthDay) dayOfMonth() int   { return int(md % 32) }

// parseDate reads a date of Closed or Overrides.
func parseDate(s string) (dateKey, bool) {
	if len(s) == 7 && s[:2] == "--" && s[4] == '-' && digits(s[2:4]) && digits(s[5:]) {
		m := int(s[2]-'0')*10 + int(s[3]-'0')
		d := int(s[5]-'0')*10 + int(s[6]-'0')
		// 2000 is a leap year: "--02-29" is valid and applies in leap years only.
		if m < 1 || m > 12 || d < 1 || d > daysIn(2000, time.Month(m)) {
			return dateKey{}, false
		}
		return dateKey{yearly: true, md: monthDay(m*32 + d)}, true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
		return dateKey{}, false
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	d := int(s[8]-'0')*10 + int(s[9]-'0')
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return dateKey{}, false
	}
	return dateKey{day: civilDay(y, time.Month(m), d)}, true
}

// daysIn returns the number of days of month m (1 to 12) in year y.
func daysIn(y int, m time.Month) int {
	if m == time.February && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 29
	}
	return int([...]uint8{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m])
}

// civilDay numbers proleptic Gregorian dates, 0 = 1970-01-01.
func civilDay(y int, m time.Month, d int) int64 {
	return floorDiv(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix(), 86400)
}

// weekday returns the weekday of a civil day.
func weekday(d int64) time.Weekday {
	return time.Weekday((d%7 + 7 + 4) % 7) // 1970-01-01 was a Thursday
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
