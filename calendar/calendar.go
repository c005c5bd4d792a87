package calendar

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	_ "time/tzdata" // every IANA zone works even on a machine without zoneinfo files

	"github.com/rickar/cal/v2"
)

// The calendar is defined for local years minYear through maxYear; before them it is
// closed and after them Add, Next and AddDays stop at the end of maxYear. This keeps
// every loop bounded while covering any date a contract can name.
const (
	minYear = 1
	maxYear = 9999
)

// cacheSlots is the number of year blocks a Calendar keeps; a power of two.
const cacheSlots = 64

// Calendar answers "is the clock running?" for a business calendar (weekly hours,
// holidays, closed dates in one time zone) or for the 24×7 clock ([Continuous]).
//
// A Calendar is immutable and safe for concurrent use; reads take no lock. It
// builds per-year tables on first use and keeps a bounded number of them, so
// memory does not grow with the span of dates asked about. Use it through the
// pointer that [New] or [Continuous] returns; do not copy the struct.
type Calendar struct {
	spec   Spec
	loc    *time.Location
	always bool

	week     [7][]span      // by time.Weekday, sorted
	weekOpen int64          // nominal open seconds per week, for estimates
	rules    []*cal.Holiday // every holiday rule in force
	closed   []int64        // extra closed civil days, sorted, unique

	blocks [cacheSlots]atomic.Pointer[block] // direct-mapped year cache
	years  atomic.Pointer[table]             // cumulative totals per year
	grow   sync.Mutex                        // serialises growth of years only
}

// New validates spec and builds its Calendar. An error is a [*FieldError] that
// names the field and the value: an unknown zone, a malformed or overlapping
// range, an unknown holiday code, a malformed closed date, or a week with no
// open time.
func New(spec Spec) (*Calendar, error) {
	c := &Calendar{spec: cloneSpec(spec)}
	if spec.TimeZone == "" || strings.EqualFold(spec.TimeZone, "Local") {
		return nil, &FieldError{Field: "time_zone", Value: spec.TimeZone, Err: ErrZone}
	}
	loc, err := time.LoadLocation(spec.TimeZone)
	if err != nil {
		return nil, &FieldError{Field: "time_zone", Value: spec.TimeZone, Err: ErrZone}
	}
	c.loc = loc
	if c.week, err = compileWeek(spec.Hours); err != nil {
		return nil, err
	}
	for _, spans := range c.week {
		for _, s := range spans {
			c.weekOpen += int64(s.end-s.start) * 60
		}
	}
	for i, code := range spec.Holidays {
		list, ok := holidayList(code)
		if !ok {
			return nil, &FieldError{Field: fmt.Sprintf("holidays[%d]", i), Value: code, Err: ErrCountry}
		}
		c.rules = append(c.rules, list...) // append copies: the shared list is never written
	}
	for i, h := range spec.HolidayRules {
		if h == nil {
			return nil, &FieldError{Field: fmt.Sprintf("HolidayRules[%d]", i), Err: ErrCountry}
		}
		c.rules = append(c.rules, h)
	}
	for i, s := range spec.Closed {
		d, err := parseDay(s)
		if err != nil {
			return nil, &FieldError{Field: fmt.Sprintf("closed[%d]", i), Value: s, Err: err}
		}
		c.closed = append(c.closed, d)
	}
	slices.Sort(c.closed)
	c.closed = slices.Compact(c.closed)
	return c, nil
}

// MustNew is like [New] but panics on error. It is meant for specs written in
// the program itself, such as package-level presets in tests and examples.
func MustNew(spec Spec) *Calendar {
	c, err := New(spec)
	if err != nil {
		panic(err)
	}
	return c
}

// Continuous returns the 24×7 calendar in loc (UTC when loc is nil): always open,
// so Add(t, d) is t.Add(d) and Between(a, b) is b.Sub(a). Results are in loc.
// It has the same methods as any Calendar, so callers never branch on the clock.
func Continuous(loc *time.Location) *Calendar {
	if loc == nil {
		loc = time.UTC
	}
	all := []string{"00:00-24:00"}
	return &Calendar{
		spec: Spec{TimeZone: loc.String(), Hours: Week{
			Mon: all, Tue: all, Wed: all, Thu: all, Fri: all, Sat: all, Sun: all,
		}},
		loc:    loc,
		always: true,
	}
}

// Location returns the calendar's time zone. Every time the calendar returns is
// in this zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// IsContinuous reports whether c is the 24×7 clock made by [Continuous].
func (c *Calendar) IsContinuous() bool { return c.always }

// Spec returns a copy of the Spec the calendar was built from. For a
// [Continuous] calendar it describes a week open 00:00–24:00 every day.
func (c *Calendar) Spec() Spec { return cloneSpec(c.spec) }

// String returns a short description such as
// "Europe/Paris mon-fri 08:00-18:00, holidays FR"; days with the same hours are
// grouped.
func (c *Calendar) String() string {
	if c.always {
		return c.loc.String() + " 24x7"
	}
	var b strings.Builder
	b.WriteString(c.spec.TimeZone)
	sep := " "
	for i := 0; i < len(weekKeys); {
		r := *c.spec.Hours.day(i)
		j := i + 1
		for j < len(weekKeys) && slices.Equal(*c.spec.Hours.day(j), r) {
			j++
		}
		if len(r) > 0 {
			b.WriteString(sep + weekKeys[i])
			if j-1 > i {
				b.WriteString("-" + weekKeys[j-1])
			}
			b.WriteString(" " + strings.Join(r, ","))
			sep = ", "
		}
		i = j
	}
	if len(c.spec.Holidays) > 0 {
		b.WriteString(", holidays " + strings.Join(c.spec.Holidays, ","))
	}
	if n := len(c.spec.HolidayRules); n > 0 {
		fmt.Fprintf(&b, ", %d holiday rules", n)
	}
	if n := len(c.spec.Closed); n > 0 {
		fmt.Fprintf(&b, ", %d closed dates", n)
	}
	return b.String()
}

func cloneSpec(s Spec) Spec {
	s.Holidays = slices.Clone(s.Holidays)
	s.Closed = slices.Clone(s.Closed)
	s.HolidayRules = slices.Clone(s.HolidayRules)
	for i := range weekKeys {
		d := s.Hours.day(i)
		*d = slices.Clone(*d)
	}
	return s
}
