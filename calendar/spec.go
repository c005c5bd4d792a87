package calendar

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rickar/cal/v2"
)

// Spec is the plain-data description of a calendar, as found in a policy file.
// It decodes from and encodes back to JSON of this form:
//
//	{"time_zone":"Europe/Berlin",
//	 "hours":{"mon":["09:00-12:30","13:30-17:00"],"fri":["09:00-15:00"]},
//	 "holidays":["DE"],
//	 "closed":["2026-12-24"]}
//
// A Spec is only data: [New] validates it and builds the [Calendar].
type Spec struct {
	// TimeZone is an IANA zone name such as "Europe/Paris". Required; "Local" is
	// refused because it would make results depend on the machine.
	TimeZone string `json:"time_zone"`

	// Hours are the opening ranges of each weekday, in local wall-clock time.
	Hours Week `json:"hours"`

	// Holidays are ISO 3166 codes of the github.com/rickar/cal/v2 holiday lists:
	// a country ("FR", "US") or a country's region ("DE-BY", "AU-NSW", "CH-ZH").
	// A day is closed when a holiday's actual or observed date falls on it.
	Holidays []string `json:"holidays,omitempty"`

	// Closed are extra closed local dates (YYYY-MM-DD), for example a company
	// closure written into the contract.
	Closed []string `json:"closed,omitempty"`

	// HolidayRules are extra holidays for Go callers, for example a list built
	// with github.com/rickar/cal/v2. They have no JSON form. The slice is read,
	// never modified.
	HolidayRules []*cal.Holiday `json:"-"`
}

// UnmarshalJSON decodes a Spec and refuses unknown fields, so that a typo in a
// policy file ("holiday" for "holidays") is an error rather than a silent default.
func (s *Spec) UnmarshalJSON(data []byte) error {
	type plain Spec
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p plain
	if err := dec.Decode(&p); err != nil {
		return fmt.Errorf("calendar: spec: %w", err)
	}
	*s = Spec(p)
	return nil
}

// Week holds the opening ranges of each weekday as "HH:MM-HH:MM" strings. An end
// of "24:00" means midnight at the end of the day; an end before the start is an
// overnight range, which belongs to the day it starts on and runs to the end time
// on the next day. A day with no ranges is closed.
type Week struct {
	Mon []string `json:"mon,omitempty"`
	Tue []string `json:"tue,omitempty"`
	Wed []string `json:"wed,omitempty"`
	Thu []string `json:"thu,omitempty"`
	Fri []string `json:"fri,omitempty"`
	Sat []string `json:"sat,omitempty"`
	Sun []string `json:"sun,omitempty"`
}

// weekKeys lists the JSON keys in Monday-first order, as people write them.
var weekKeys = [7]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// UnmarshalJSON decodes a Week and refuses keys other than mon…sun.
func (w *Week) UnmarshalJSON(data []byte) error {
	var m map[string][]string
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("calendar: hours: %w", err)
	}
	var out Week
	for k, v := range m {
		i := slices.Index(weekKeys[:], k)
		if i < 0 {
			return &FieldError{Field: "hours", Value: k, Err: ErrDay}
		}
		*out.day(i) = v
	}
	*w = out
	return nil
}

// day returns the field for Monday-first index i (0 = mon … 6 = sun).
func (w *Week) day(i int) *[]string {
	return [...]*[]string{&w.Mon, &w.Tue, &w.Wed, &w.Thu, &w.Fri, &w.Sat, &w.Sun}[i]
}

// Weekdays returns the same hours for Monday to Friday and closes the weekend,
// the most common support week.
func Weekdays(ranges ...string) Week {
	r := slices.Clone(ranges)
	return Week{Mon: r, Tue: r, Wed: r, Thu: r, Fri: r}
}

// span is one opening range in minutes from the local midnight of the day it
// belongs to; end may pass 1440 for an overnight range.
type span struct{ start, end int32 }

const (
	minutesPerDay  = 24 * 60
	minutesPerWeek = 7 * minutesPerDay
)

// parseRange reads "HH:MM-HH:MM".
func parseRange(s string) (span, error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return span{}, ErrRange
	}
	start, ok1 := parseClock(a, false)
	end, ok2 := parseClock(b, true)
	if !ok1 || !ok2 || start == end {
		return span{}, ErrRange
	}
	if end < start {
		end += minutesPerDay
	}
	return span{start, end}, nil
}

// parseClock reads "HH:MM" strictly (two digits each); 24:00 only as an end.
func parseClock(s string, isEnd bool) (int32, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || s[0] == '+' || s[0] == '-' || s[3] == '+' || s[3] == '-' {
		return 0, false
	}
	if h == 24 && m == 0 && isEnd {
		return minutesPerDay, true
	}
	if h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, false
	}
	return int32(h*60 + m), true
}

// compileWeek parses and checks the weekly ranges. The result is indexed by
// time.Weekday (Sunday = 0) and each day's spans are sorted.
func compileWeek(w Week) ([7][]span, error) {
	var out [7][]span
	type placed struct {
		from, to int32 // minutes since Monday 00:00
		field    string
		value    string
	}
	var all []placed
	for i, key := range weekKeys {
		wd := time.Weekday((i + 1) % 7)
		for j, s := range *w.day(i) {
			field := fmt.Sprintf("hours.%s[%d]", key, j)
			sp, err := parseRange(s)
			if err != nil {
				return out, &FieldError{Field: field, Value: s, Err: err}
			}
			out[wd] = append(out[wd], sp)
			base := int32(i * minutesPerDay)
			all = append(all, placed{base + sp.start, base + sp.end, field, s})
		}
	}
	if len(all) == 0 {
		return out, &FieldError{Field: "hours", Err: ErrNoOpen}
	}
	slices.SortFunc(all, func(a, b placed) int { return int(a.from - b.from) })
	for k := range all {
		cur := all[k]
		next := all[(k+1)%len(all)]
		nextFrom := next.from
		if k == len(all)-1 {
			nextFrom += minutesPerWeek // the week wraps: Sunday night runs into Monday
		}
		if cur.to > nextFrom || (len(all) == 1 && cur.to-cur.from > minutesPerWeek) {
			return out, &FieldError{Field: next.field, Value: next.value,
				Err: fmt.Errorf("%w: %s %q", ErrOverlap, cur.field, cur.value)}
		}
	}
	for wd := range out {
		slices.SortFunc(out[wd], func(a, b span) int { return int(a.start - b.start) })
	}
	return out, nil
}

// parseDay reads a local date "YYYY-MM-DD" into a civil day number.
func parseDay(s string) (int64, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < minYear || t.Year() > maxYear {
		return 0, ErrDate
	}
	return civilDay(t.Year(), t.Month(), t.Day()), nil
}

// civilDay numbers proleptic Gregorian dates, 0 = 1970-01-01.
func civilDay(y int, m time.Month, d int) int64 {
	return floorDiv(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix(), 86400)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
