package calendar

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/slakit/slakit/internal/fault"
)

// The calendar is defined for local years minYear through maxYear; before them it is
// closed and after them Add, Next and AddDays stop at the end of maxYear. This keeps
// every loop bounded while covering any date a contract can name.
const (
	minYear = 1
	maxYear = 9999
)

// Calendar answers "is the clock running?" for a business calendar (weekly hours,
// holidays, overrides and closed dates in one time zone) or for the 24×7 clock
// ([Continuous]).
//
// A Calendar is immutable and safe for concurrent use; reads take no lock. It
// builds per-year tables on first use and keeps a bounded amount of them, so
// memory does not grow with the span of dates asked about. Calendars built from
// equal specs share these tables (see [New]). Use a Calendar through the
// pointer that [New] or [Continuous] returns; the zero Calendar is not usable.
type Calendar struct {
	*compiled
	spec *Spec // as given to New; shared with other calendars built from an equal Spec
}

// New validates spec and builds its Calendar. An error reports every problem
// at once (joined with [errors.Join]); each is a [*FieldError] naming the field
// and the value: an unknown zone ([ErrZone]), a malformed or overlapping range
// ([ErrRange], [ErrOverlap]), a week with no open time ([ErrNoOpen]), an
// unknown holiday code ([ErrCountry]), a malformed date ([ErrDate]), a date
// both closed and overridden ([ErrConflict]), or a list over [MaxEntries]
// ([ErrLimit]).
//
// Calendars built from specs with the same meaning (same zone name, hours,
// holiday lists, closures and overrides, however ordered or repeated) share
// their year tables through a package-level intern table, so that a service
// holding many contracts with the same hours builds and keeps each year once.
// The table is safe for concurrent use and invisible in results: it holds the
// shared tables weakly (they go when the last calendar using them goes) and at
// most 4096 of them; beyond that a calendar keeps its own. Specs with
// HolidayRules are never shared, since Go values cannot be compared by meaning.
func New(spec Spec) (*Calendar, error) {
	c, errs := compile(spec)
	if c == nil { // over the limits: nothing else was looked at
		return nil, errors.Join(errs...)
	}
	if len(errs) > 0 || !zoneName(spec.TimeZone) {
		if _, err := loadZone(spec.TimeZone); err != nil {
			errs = append([]error{err}, errs...)
		}
		return nil, errors.Join(errs...)
	}
	if len(spec.HolidayRules) > 0 {
		loc, err := loadZone(spec.TimeZone)
		if err != nil {
			return nil, err
		}
		c.resolve(loc, spec.HolidayRules)
		return &Calendar{compiled: c, spec: cloneSpec(spec)}, nil
	}
	tables, first, err := interned.get(c.key(spec.TimeZone), &spec, func() (*compiled, error) {
		loc, err := loadZone(spec.TimeZone)
		if err != nil {
			return nil, err
		}
		c.resolve(loc, nil)
		return c, nil
	})
	if err != nil {
		return nil, err
	}
	if !equalSpecs(*first, spec) {
		first = cloneSpec(spec)
	}
	return &Calendar{compiled: tables, spec: first}, nil
}

// zoneName reports whether name can name a zone: not empty, and not "Local",
// which would make results depend on the machine.
func zoneName(name string) bool { return name != "" && !strings.EqualFold(name, "Local") }

func loadZone(name string) (*time.Location, error) {
	loc, err := time.LoadLocation(name)
	if err != nil || !zoneName(name) {
		return nil, fault.Field("time_zone", fault.Short(name), ErrZone, wantZone)
	}
	return loc, nil
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
		compiled: &compiled{loc: loc, always: true},
		spec: &Spec{TimeZone: loc.String(), Hours: Week{
			Mon: all, Tue: all, Wed: all, Thu: all, Fri: all, Sat: all, Sun: all,
		}},
	}
}

// Location returns the calendar's time zone. Every time the calendar returns is
// in this zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// IsContinuous reports whether c is the 24×7 clock made by [Continuous].
func (c *Calendar) IsContinuous() bool { return c.always }

// Spec returns a copy of the Spec the calendar was built from. For a
// [Continuous] calendar it describes a week open 00:00–24:00 every day.
func (c *Calendar) Spec() Spec { return *cloneSpec(*c.spec) }

// String returns a description that lists everything in the Spec but
// HolidayRules, which it counts, such as
// "Europe/Paris mon-fri 08:00-18:00, holidays FR, overrides --12-31 08:00-12:00,
// 2026-12-24 08:00-12:00, closed 2026-05-15"; days with the same hours are
// grouped, overrides come in the order of their keys and an empty override
// reads "closed".
func (c *Calendar) String() string {
	if c.always {
		return c.loc.String() + " 24x7"
	}
	s := c.spec
	var b strings.Builder
	b.WriteString(s.TimeZone)
	sep := " "
	for i := 0; i < len(weekKeys); {
		r := *s.Hours.day(i)
		j := i + 1
		for j < len(weekKeys) && slices.Equal(*s.Hours.day(j), r) {
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
	if len(s.Holidays) > 0 {
		b.WriteString(", holidays " + strings.Join(s.Holidays, ","))
	}
	if n := len(s.HolidayRules); n > 0 {
		b.WriteString(", " + plural(n, "holiday rule"))
	}
	if len(s.Overrides) > 0 {
		b.WriteString(", overrides")
		sep := " "
		for _, k := range slices.Sorted(maps.Keys(s.Overrides)) {
			hours := strings.Join(s.Overrides[k], ",")
			if hours == "" {
				hours = "closed"
			}
			b.WriteString(sep + k + " " + hours)
			sep = ", "
		}
	}
	if len(s.Closed) > 0 {
		b.WriteString(", closed " + strings.Join(s.Closed, ","))
	}
	return b.String()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// cloneSpec returns a deep copy of s (the holidays in HolidayRules are shared).
func cloneSpec(s Spec) *Spec {
	s.Holidays = slices.Clone(s.Holidays)
	s.Closed = slices.Clone(s.Closed)
	s.HolidayRules = slices.Clone(s.HolidayRules)
	for i := range weekKeys {
		d := s.Hours.day(i)
		*d = slices.Clone(*d)
	}
	if s.Overrides != nil {
		o := make(map[string][]string, len(s.Overrides))
		for k, v := range s.Overrides {
			o[k] = slices.Clone(v)
		}
		s.Overrides = o
	}
	return &s
}

// equalSpecs reports whether a and b are written exactly the same way, so that
// a calendar can share the first one's copy and still give back its own Spec.
func equalSpecs(a, b Spec) bool {
	if a.TimeZone != b.TimeZone || !sameList(a.Holidays, b.Holidays) || !sameList(a.Closed, b.Closed) ||
		len(a.HolidayRules)+len(b.HolidayRules) > 0 ||
		len(a.Overrides) != len(b.Overrides) || (a.Overrides == nil) != (b.Overrides == nil) {
		return false
	}
	for i := range weekKeys {
		if !sameList(*a.Hours.day(i), *b.Hours.day(i)) {
			return false
		}
	}
	for k, v := range a.Overrides {
		if w, ok := b.Overrides[k]; !ok || !sameList(v, w) {
			return false
		}
	}
	return true
}

// sameList is slices.Equal that also tells nil from empty (JSON null from []).
func sameList(a, b []string) bool { return slices.Equal(a, b) && (a == nil) == (b == nil) }
