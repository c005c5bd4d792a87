package calendar

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/rickar/cal/v2"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Spec is the plain-data description of a calendar, as found in a policy file.
// It decodes from and encodes back to JSON of this form:
//
//	{"time_zone": "Europe/Paris",
//	 "hours": {"mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"],
//	           "thu": ["08:00-18:00"], "fri": ["08:00-18:00"]},
//	 "holidays": ["FR"],
//	 "overrides": {"2026-12-24": ["08:00-12:00"], "--12-31": ["08:00-12:00"],
//	               "2026-06-13": ["09:00-13:00"], "--06-12": []},
//	 "closed": ["2026-05-15", "--08-14"]}
//
// A date is "YYYY-MM-DD" (that date) or "--MM-DD" (that month and day every
// year, ISO 8601's recurring form; "--02-29" applies in leap years only). The
// hours of a date are, by precedence (I18):
//
//  1. its one-date entry in Overrides or Closed (a date may not be in both);
//  2. else its yearly entry in Overrides or Closed (not both either);
//  3. else closed if a holiday's actual or observed date falls on it (I6);
//  4. else the weekly Hours of its weekday.
//
// An override replaces the weekly hours and any holiday closure of that date
// only; an empty list closes it. Its ranges follow the rules of [Week].
//
// A Spec is only data: [New] validates it and builds the [Calendar]. The
// lists are bounded (see [MaxEntries]) so that every accepted Spec builds a
// year in bounded time and memory.
type Spec struct {
	// TimeZone is an IANA zone name such as "Europe/Paris". Required; "Local" is
	// refused because it would make results depend on the machine.
	TimeZone string `json:"time_zone"`

	// Hours are the opening ranges of each weekday, in local wall-clock time.
	Hours Week `json:"hours"`

	// Holidays are ISO 3166 codes of the github.com/rickar/cal/v2 holiday lists:
	// a country ("FR", "US") or a country's region ("DE-BY", "AU-NSW", "CH-ZH"),
	// in any case; see [HolidayCodes]. A code given twice counts once.
	Holidays []string `json:"holidays,omitempty"`

	// Overrides give dates their own opening ranges, replacing the weekly hours
	// and any holiday closure of that date: a half day on 24 December, a
	// Saturday opened for a migration. An empty list (or null) closes the date.
	Overrides map[string][]string `json:"overrides,omitempty"`

	// Closed are extra closed dates, for example a company closure written
	// into the contract. A date given twice counts once.
	Closed []string `json:"closed,omitempty"`

	// HolidayRules are extra holidays for Go callers, for example a list built
	// with github.com/rickar/cal/v2. They have no JSON form. The slice and the
	// holidays are read, never modified; a calendar with HolidayRules keeps its
	// own year tables instead of sharing them (see [New]).
	HolidayRules []*cal.Holiday `json:"-"`
}

// Limits on a [Spec], so that every accepted spec builds a year in bounded
// time and memory, and a huge or junk file is refused at once with an error
// wrapping [ErrLimit]. The worst year within them takes about 10 ms and 3 MB
// (ranges of one minute every other minute all week); a typical one 20 to
// 40 µs and 8 KB.
const (
	// MaxEntries bounds each of Holidays, HolidayRules, Closed and the keys of
	// Overrides, and the ranges of all Overrides together.
	MaxEntries = 10_000

	// MaxSpecBytes bounds the JSON text of a Spec. A spec within MaxEntries
	// needs well under a megabyte.
	MaxSpecBytes = 4 << 20
)

// UnmarshalJSON decodes a Spec strictly: unknown or repeated keys and trailing
// data are errors naming their path, so that a typo in a policy file
// ("holiday" for "holidays") is an error rather than a silent default.
func (s *Spec) UnmarshalJSON(data []byte) error {
	if len(data) > MaxSpecBytes {
		return fault.Field("", strconv.Itoa(len(data))+" bytes", ErrLimit, "want a calendar spec of at most "+strconv.Itoa(MaxSpecBytes)+" bytes")
	}
	type plain Spec
	var p plain
	if err := jsonx.Decode(data, &p); err != nil {
		return err
	}
	*s = Spec(p)
	return nil
}

// Week holds the opening ranges of each weekday as "HH:MM-HH:MM" strings. An end
// of "24:00" means midnight at the end of the day; an end before the start is an
// overnight range, which belongs to the day it starts on and runs to the end time
// on the next day. A day with no ranges is closed. Ranges may touch but not
// overlap, also across midnight and across the week's end.
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

// UnmarshalJSON decodes a Week strictly and refuses keys other than mon…sun
// with [ErrDay].
func (w *Week) UnmarshalJSON(data []byte) error {
	var m map[string][]string
	if err := jsonx.Decode(data, &m); err != nil {
		return err
	}
	var out Week
	for _, k := range slices.Sorted(maps.Keys(m)) {
		i := slices.Index(weekKeys[:], k)
		if i < 0 {
			return fault.Field(k, "", ErrDay, wantDay)
		}
		*out.day(i) = m[k]
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
func parseRange(s string) (span, bool) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return span{}, false
	}
	start, ok1 := parseClock(a, false)
	end, ok2 := parseClock(b, true)
	if !ok1 || !ok2 || start == end {
		return span{}, false
	}
	if end < start {
		end += minutesPerDay
	}
	return span{start, end}, true
}

// parseClock reads "HH:MM" strictly (two digits each); 24:00 only as an end.
func parseClock(s string, isEnd bool) (int32, bool) {
	if len(s) != 5 || s[2] != ':' || !digits(s[:2]) || !digits(s[3:]) {
		return 0, false
	}
	h := int32(s[0]-'0')*10 + int32(s[1]-'0')
	m := int32(s[3]-'0')*10 + int32(s[4]-'0')
	if h == 24 && m == 0 && isEnd {
		return minutesPerDay, true
	}
	if h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

func digits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// placed is a range with where it came from, for overlap errors: element i
// of the list at path, the path built only for an error.
type placed struct {
	from, to int32 // minutes on a common axis
	path     func() string
	i        int
	value    string
}

func (p placed) field() string { return fault.Index(p.path(), p.i) }

// compileWeek parses and checks the weekly ranges. The result is indexed by
// time.Weekday (Sunday = 0) and each day's spans are sorted.
func compileWeek(w Week) ([7][]span, []error) {
	var out [7][]span
	var errs []error
	var all []placed
	for i, key := range weekKeys {
		wd := (i + 1) % 7 // time.Weekday
		path := func() string { return "hours." + key }
		for j, s := range *w.day(i) {
			sp, ok := parseRange(s)
			if !ok {
				errs = append(errs, fault.Field(fault.Index(path(), j), fault.Short(s), ErrRange, wantRange))
				continue
			}
			out[wd] = append(out[wd], sp)
			base := int32(i * minutesPerDay)
			all = append(all, placed{base + sp.start, base + sp.end, path, j, s})
		}
	}
	if len(errs) > 0 {
		return out, errs
	}
	if len(all) == 0 {
		return out, []error{fault.Field("hours", "", ErrNoOpen, "want at least one opening range")}
	}
	if err := overlap(all, minutesPerWeek); err != nil {
		return out, []error{err}
	}
	for wd := range out {
		slices.SortFunc(out[wd], compareSpans)
	}
	return out, nil
}

// overlap reports the first pair of ranges that overlap. With wrap > 0 the
// axis is a circle of that length (the week: Sunday night runs into Monday).
func overlap(all []placed, wrap int32) error {
	slices.SortStableFunc(all, func(a, b placed) int { return int(a.from - b.from) })
	for k := range all {
		cur := all[k]
		if k+1 == len(all) && wrap == 0 {
			break
		}
		next := all[(k+1)%len(all)]
		nextFrom := next.from
		if k == len(all)-1 {
			nextFrom += wrap
		}
		if cur.to > nextFrom || (len(all) == 1 && cur.to-cur.from > wrap) {
			return fault.Field(next.field(), fault.Short(next.value), ErrOverlap,
				"want ranges that do not overlap "+cur.field()+" "+strconv.Quote(fault.Short(cur.value)))
		}
	}
	return nil
}

func compareSpans(a, b span) int { return int(a.start - b.start) }
