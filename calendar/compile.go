package calendar

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/slakit/slakit/internal/fault"
)

// compiled is what a calendar computes from its Spec: the parsed rules and the
// year tables built from them on demand. It depends only on the canonical form
// of the Spec (see key), so calendars built from equal specs share one.
type compiled struct {
	loc    *time.Location
	always bool // the 24×7 clock of Continuous

	week     [7][]span // by time.Weekday, sorted
	weekOpen int64     // nominal open seconds per week, for estimates
	codes    []int     // holiday lists, indexes in holidaySources, sorted, unique
	rules    []*cal.Holiday
	closed   []int64       // one-date closures, civil days, sorted, unique
	closedMD []monthDay    // yearly closures, sorted, unique
	dated    []datedHours  // one-date overrides, sorted by day
	yearly   []yearlyHours // yearly overrides, sorted by month and day

	cache yearCache             // year tables
	years atomic.Pointer[table] // cumulative totals per year
	grow  sync.Mutex            // serialises growth of years only
}

type datedHours struct {
	day   int64
	spans []span
}

type yearlyHours struct {
	md    monthDay
	spans []span
}

// compile checks everything in spec but the time zone and returns the rules
// without their holiday lists (see resolve). It reports every problem at once.
func compile(spec Spec) (*compiled, []error) {
	if errs := checkLimits(spec); errs != nil {
		return nil, errs
	}
	c := &compiled{}
	week, errs := compileWeek(spec.Hours)
	c.week = week
	for _, spans := range c.week {
		for _, s := range spans {
			c.weekOpen += int64(s.end-s.start) * 60
		}
	}
	for i, code := range spec.Holidays {
		k, ok := holidayCode(code)
		if !ok {
			errs = append(errs, fault.Field(fault.Index("holidays", i), fault.Short(code), ErrCountry,
				"want a code of calendar.HolidayCodes such as \"FR\" or \"DE-BY\""))
			continue
		}
		c.codes = append(c.codes, k)
	}
	slices.Sort(c.codes)
	c.codes = slices.Compact(c.codes)
	for i, h := range spec.HolidayRules {
		if h == nil {
			errs = append(errs, fault.Field(fault.Index("HolidayRules", i), "", ErrCountry, "want a holiday, not nil"))
		}
	}
	closedAt := map[dateKey]int{} // where each closed date was given, for conflicts
	for i, s := range spec.Closed {
		k, ok := parseDate(s)
		if !ok {
			errs = append(errs, fault.Field(fault.Index("closed", i), fault.Short(s), ErrDate, wantDate))
			continue
		}
		if _, dup := closedAt[k]; !dup {
			closedAt[k] = i
		}
		if k.yearly {
			c.closedMD = append(c.closedMD, k.md)
		} else {
			c.closed = append(c.closed, k.day)
		}
	}
	slices.Sort(c.closed)
	c.closed = slices.Compact(c.closed)
	slices.Sort(c.closedMD)
	c.closedMD = slices.Compact(c.closedMD)
	var keyErrs []keyError
	for key, ranges := range spec.Overrides {
		path := func() string { return "overrides." + key }
		k, ok := parseDate(key)
		if !ok {
			keyErrs = append(keyErrs, keyError{key, []error{fault.Field(fault.Short(path()), fault.Short(key), ErrDate, wantDate)}})
			continue
		}
		spans, bad := compileDay(path, ranges)
		if bad != nil {
			keyErrs = append(keyErrs, keyError{key, bad})
			continue
		}
		if i, both := closedAt[k]; both {
			keyErrs = append(keyErrs, keyError{key, []error{fault.Field(path(), "", ErrConflict,
				"want the date in "+fault.Index("closed", i)+" or in overrides, not both")}})
			continue
		}
		if k.yearly {
			c.yearly = append(c.yearly, yearlyHours{k.md, spans})
		} else {
			c.dated = append(c.dated, datedHours{k.day, spans})
		}
	}
	slices.SortFunc(keyErrs, func(a, b keyError) int { return strings.Compare(a.key, b.key) })
	for _, e := range keyErrs {
		errs = append(errs, e.errs...)
	}
	slices.SortFunc(c.dated, func(a, b datedHours) int { return int(a.day - b.day) })
	slices.SortFunc(c.yearly, func(a, b yearlyHours) int { return int(a.md - b.md) })
	return c, errs
}

// keyError holds the errors of one override, reported in the order of keys.
type keyError struct {
	key  string
	errs []error
}

// checkLimits refuses lists over MaxEntries before anything is parsed, so that
// a huge spec costs no more than counting.
func checkLimits(spec Spec) []error {
	var errs []error
	limit := func(field string, n int) {
		if n > MaxEntries {
			errs = append(errs, fault.Field(field, strconv.Itoa(n)+" entries", ErrLimit,
				"want at most "+strconv.Itoa(MaxEntries)))
		}
	}
	limit("holidays", len(spec.Holidays))
	limit("HolidayRules", len(spec.HolidayRules))
	limit("closed", len(spec.Closed))
	limit("overrides", len(spec.Overrides))
	ranges := 0
	for _, l := range spec.Overrides {
		ranges += len(l)
	}
	if ranges > MaxEntries {
		errs = append(errs, fault.Field("overrides", strconv.Itoa(ranges)+" ranges", ErrLimit,
			"want at most "+strconv.Itoa(MaxEntries)+" ranges in all"))
	}
	return errs
}

// compileDay parses the ranges of one override; they may not overlap one
// another (an overnight range of the date may meet the next date's ranges:
// their union is open).
func compileDay(path func() string, ranges []string) ([]span, []error) {
	spans := make([]span, 0, len(ranges))
	var errs []error
	for j, s := range ranges {
		sp, ok := parseRange(s)
		if !ok {
			errs = append(errs, fault.Field(fault.Index(path(), j), fault.Short(s), ErrRange, wantRange))
			continue
		}
		spans = append(spans, sp)
	}
	if errs != nil {
		return nil, errs
	}
	if len(spans) > 1 {
		all := make([]placed, len(spans))
		for j, sp := range spans {
			all[j] = placed{sp.start, sp.end, path, j, ranges[j]}
		}
		if err := overlap(all, 0); err != nil {
			return nil, []error{err}
		}
		slices.SortFunc(spans, compareSpans)
	}
	return spans, nil
}

// resolve completes c for loc: the holiday rules of its codes and extra rules,
// each counted once however often it is listed.
func (c *compiled) resolve(loc *time.Location, extra []*cal.Holiday) {
	c.loc = loc
	seen := map[*cal.Holiday]bool{}
	add := func(h *cal.Holiday) {
		if !seen[h] {
			seen[h] = true
			c.rules = append(c.rules, h)
		}
	}
	for _, k := range c.codes {
		for _, h := range holidaySources[k].list {
			add(h)
		}
	}
	for _, h := range extra {
		add(h)
	}
}

// key returns the canonical form of the rules for zone: equal keys give equal
// year tables. It ignores how the spec was written (order, case, repeats).
func (c *compiled) key(zone string) string {
	var b strings.Builder
	b.WriteString(zone)
	num := func(n int64) {
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(n, 10))
	}
	spans := func(s []span) {
		for _, sp := range s {
			num(int64(sp.start))
			num(int64(sp.end))
		}
		b.WriteString(" ;")
	}
	b.WriteString("\nweek")
	for _, s := range c.week {
		spans(s)
	}
	b.WriteString("\nholidays")
	for _, k := range c.codes {
		b.WriteString(" " + holidaySources[k].code)
	}
	b.WriteString("\nclosed")
	for _, d := range c.closed {
		num(d)
	}
	b.WriteString("\nclosed yearly")
	for _, md := range c.closedMD {
		num(int64(md))
	}
	b.WriteString("\noverrides")
	for _, o := range c.dated {
		num(o.day)
		spans(o.spans)
	}
	b.WriteString("\noverrides yearly")
	for _, o := range c.yearly {
		num(int64(o.md))
		spans(o.spans)
	}
	return b.String()
}
