package calendar

import (
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/rickar/cal/v2"
	"pgregory.net/rapid"
)

// This file holds the slow reference the fast code is judged by: it reads the
// wall clock of every instant directly and steps minute by minute. It shares no
// code with the implementation beyond the holiday rules of rickar/cal, which
// define what a holiday is, and the list of codes.

// long reports whether the long runs were asked for (SLAKIT_LONG set): more
// and bigger random cases, for CI's second step.
var long = os.Getenv("SLAKIT_LONG") != ""

// oracle answers from a Spec by brute force.
type oracle struct {
	spec Spec
	loc  *time.Location
	// ranges by time.Weekday in minutes; end may pass 1440 (overnight)
	week  [7][][2]int
	rules []*cal.Holiday

	hours map[civilDate][][2]int // memo: the ranges in force on each local date; not safe for concurrent use
}

type civilDate struct {
	y int
	m time.Month
	d int
}

func newOracle(s Spec) *oracle {
	o := &oracle{spec: s, hours: map[civilDate][][2]int{}}
	o.loc, _ = time.LoadLocation(s.TimeZone)
	days := [7]*[]string{&s.Hours.Sun, &s.Hours.Mon, &s.Hours.Tue, &s.Hours.Wed, &s.Hours.Thu, &s.Hours.Fri, &s.Hours.Sat}
	for wd, rs := range days {
		o.week[wd] = oracleRanges(*rs)
	}
	for _, code := range s.Holidays {
		l, _ := holidayList(code)
		o.rules = append(o.rules, l...)
	}
	o.rules = append(o.rules, s.HolidayRules...)
	return o
}

func oracleRanges(rs []string) [][2]int {
	out := [][2]int{}
	for _, r := range rs {
		var h1, m1, h2, m2 int
		fmt.Sscanf(r, "%d:%d-%d:%d", &h1, &m1, &h2, &m2)
		a, b := h1*60+m1, h2*60+m2
		if b <= a {
			b += 1440
		}
		out = append(out, [2]int{a, b})
	}
	return out
}

// dayHours returns the ranges in force on the local date y-m-d, by the
// precedence of I18: one-date entries, yearly entries, holidays, the week.
func (o *oracle) dayHours(y int, m time.Month, d int) [][2]int {
	key := civilDate{y, m, d}
	if h, ok := o.hours[key]; ok {
		return h
	}
	h := o.computeHours(y, m, d)
	o.hours[key] = h
	return h
}

func (o *oracle) computeHours(y int, m time.Month, d int) [][2]int {
	date := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	dated, yearly := date.Format(time.DateOnly), date.Format("--01-02")
	for _, k := range []string{dated, yearly} {
		if r, ok := o.spec.Overrides[k]; ok {
			return oracleRanges(r)
		}
		if slices.Contains(o.spec.Closed, k) {
			return nil
		}
	}
	for _, h := range o.rules {
		for yy := y - 1; yy <= y+1; yy++ {
			hc := *h // some rules write into their Holiday (see calc)
			a, ob := hc.Calc(yy)
			if a.IsZero() {
				continue
			}
			for _, x := range []time.Time{a, ob} {
				if xy, xm, xd := x.Date(); xy == y && xm == m && xd == d {
					return nil
				}
			}
		}
	}
	return o.week[date.Weekday()]
}

// isOpen reads the wall clock at t and checks the ranges of that local date and
// the overnight ranges of the date before.
func (o *oracle) isOpen(t time.Time) bool {
	l := t.In(o.loc)
	y, m, d := l.Date()
	if y < minYear || y > maxYear {
		return false
	}
	// wall time of day in nanoseconds
	w := time.Duration(l.Hour())*time.Hour + time.Duration(l.Minute())*time.Minute +
		time.Duration(l.Second())*time.Second + time.Duration(l.Nanosecond())
	for _, r := range o.dayHours(y, m, d) {
		if w >= time.Duration(r[0])*time.Minute && w < time.Duration(r[1])*time.Minute {
			return true
		}
	}
	py, pm, pd := time.Date(y, m, d-1, 12, 0, 0, 0, time.UTC).Date()
	for _, r := range o.dayHours(py, pm, pd) {
		if r[1] > 1440 && w+24*time.Hour < time.Duration(r[1])*time.Minute {
			return true
		}
	}
	return false
}

// between counts open minutes in [a, b); a and b must be whole UTC minutes and
// every zone offset in between whole minutes, so a minute is open or closed as a
// whole.
func (o *oracle) between(a, b time.Time) time.Duration {
	var n time.Duration
	for t := a; t.Before(b); t = t.Add(time.Minute) {
		if o.isOpen(t) {
			n += time.Minute
		}
	}
	return n
}

// add steps minute by minute until d (whole minutes) of open time has passed.
func (o *oracle) add(t time.Time, d time.Duration) time.Time {
	if d == 0 {
		return t
	}
	if d > 0 {
		for acc := time.Duration(0); ; t = t.Add(time.Minute) {
			if o.isOpen(t) {
				acc += time.Minute
				if acc == d {
					return t.Add(time.Minute)
				}
			}
		}
	}
	for acc := time.Duration(0); ; {
		t = t.Add(-time.Minute)
		if o.isOpen(t) {
			acc += time.Minute
			if acc == -d {
				return t
			}
		}
	}
}

// next steps forward to the first open minute at or after t, looking at most
// limit ahead; false when there is none.
func (o *oracle) next(t time.Time, limit time.Duration) (time.Time, bool) {
	for s := t; s.Sub(t) <= limit; s = s.Add(time.Minute) {
		if o.isOpen(s) {
			return s, true
		}
	}
	return time.Time{}, false
}

// prev steps back to the latest s ≤ t with the minute before s open, looking at
// most limit back; false when there is none.
func (o *oracle) prev(t time.Time, limit time.Duration) (time.Time, bool) {
	for s := t; t.Sub(s) <= limit; s = s.Add(-time.Minute) {
		if o.isOpen(s.Add(-time.Minute)) {
			return s, true
		}
	}
	return time.Time{}, false
}

// oracleDay is an open day found by stepping: its first open instant, its
// close (a running maximum over the days before it, as the calendar defines
// it) and its own open time.
type oracleDay struct {
	first, close time.Time
	length       time.Duration
}

// dayList lists in date order the open days whose first open instant lies in
// [a, b), stepping through time in 15-minute steps: every range boundary and
// zone change of the generated calendars falls on that grid of UTC. A step
// belongs to the date whose range holds it, to the date before for the tail
// of an overnight range, or to both where they overlap.
func (o *oracle) dayList(a, b time.Time) []oracleDay {
	const step = 15 * time.Minute
	found := map[civilDate]*oracleDay{}
	for t := a.Add(-48 * time.Hour).Truncate(step); t.Before(b.Add(48 * time.Hour)); t = t.Add(step) {
		l := t.In(o.loc)
		y, m, d := l.Date()
		w := l.Hour()*60 + l.Minute()
		mark := func(day civilDate) {
			if found[day] == nil {
				found[day] = &oracleDay{first: t}
			}
			found[day].close = t.Add(step)
			found[day].length += step
		}
		for _, r := range o.dayHours(y, m, d) {
			if w >= r[0] && w < r[1] {
				mark(civilDate{y, m, d})
				break
			}
		}
		py, pm, pd := time.Date(y, m, d-1, 12, 0, 0, 0, time.UTC).Date()
		for _, r := range o.dayHours(py, pm, pd) {
			if r[1] > 1440 && w+1440 < r[1] {
				mark(civilDate{py, pm, pd})
				break
			}
		}
	}
	keys := make([]civilDate, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y civilDate) int {
		return time.Date(x.y, x.m, x.d, 0, 0, 0, 0, time.UTC).Compare(time.Date(y.y, y.m, y.d, 0, 0, 0, 0, time.UTC))
	})
	var out []oracleDay
	var closes time.Time
	for _, k := range keys {
		day := *found[k]
		if day.close.After(closes) {
			closes = day.close
		}
		day.close = closes
		if !day.first.Before(a) && day.first.Before(b) {
			out = append(out, day)
		}
	}
	return out
}

// Generators.

// zones has at least the ten zones the calendar must be judged in: odd DST
// rules (Santiago, Beirut, Lord Howe's half hour, Jerusalem), odd offsets
// (Kolkata, Chatham, St John's), and zones without DST.
var zones = []string{
	"Europe/London", "America/New_York", "America/Santiago", "Asia/Beirut",
	"Australia/Lord_Howe", "Asia/Jerusalem", "Europe/Paris", "Pacific/Auckland",
	"Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "UTC", "Asia/Tokyo",
	"America/Sao_Paulo", "Europe/Berlin", "Africa/Casablanca",
}

var codes = []string{"FR", "US", "GB", "DE-BY", "AU-NSW", "NZ", "JP", "CA"}

// genWeek draws weekly hours on a 30-minute grid: sorted cut points in the week
// paired into ranges, each at most a day long, so ranges never overlap and some
// run overnight or end at 24:00.
func genWeek(t *rapid.T) Week {
	pts := rapid.SliceOfNDistinct(rapid.IntRange(0, 7*48-1), 2, 12, rapid.ID[int]).Draw(t, "cuts")
	slices.Sort(pts)
	var w Week
	for i := 0; i+1 < len(pts); i += 2 {
		s, e := pts[i]*30, pts[i+1]*30
		day := s / 1440
		*w.day(day) = append(*w.day(day), rangeText(s-day*1440, e-day*1440))
	}
	return w
}

// rangeText writes the range from s to e minutes after a date's midnight
// (0 ≤ s < 1440, s < e), cut to at most a day.
func rangeText(s, e int) string {
	if s == 0 {
		e = min(e, 1440)
	} else {
		e = min(e, s+1410)
	}
	end := fmt.Sprintf("%02d:%02d", (e%1440)/60, e%60)
	if e == 1440 {
		end = "24:00"
	}
	return fmt.Sprintf("%02d:%02d-%s", s/60, s%60, end)
}

// genDay draws the ranges of one override on a 30-minute grid: none (closed)
// to three, some overnight.
func genDay(t *rapid.T, label string) []string {
	pts := rapid.SliceOfNDistinct(rapid.IntRange(0, 95), 0, 6, rapid.ID[int]).Draw(t, label)
	slices.Sort(pts)
	out := []string{}
	for i := 0; i+1 < len(pts); i += 2 {
		if s, e := pts[i]*30, pts[i+1]*30; s < 1440 {
			out = append(out, rangeText(s, e))
		}
	}
	return out
}

// genSpec draws a calendar: weekly hours, maybe a holiday list, closed dates
// and overrides, one-date and yearly, often on holidays and DST changes.
func genSpec(t *rapid.T) Spec {
	s := Spec{
		TimeZone: rapid.SampledFrom(zones).Draw(t, "zone"),
		Hours:    genWeek(t),
	}
	loc, _ := time.LoadLocation(s.TimeZone)
	var holidays []time.Time
	if rapid.Bool().Draw(t, "holidays") {
		s.Holidays = []string{rapid.SampledFrom(codes).Draw(t, "code")}
		l, _ := holidayList(s.Holidays[0])
		for _, h := range l {
			for y := 2025; y <= 2027; y++ {
				hc := *h
				if a, ob := hc.Calc(y); !a.IsZero() {
					holidays = append(holidays, a, ob)
				}
			}
		}
	}
	base := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	date := func(label string) time.Time {
		switch rapid.IntRange(0, 3).Draw(t, label+"Kind") {
		case 0:
			if len(holidays) > 0 {
				return rapid.SampledFrom(holidays).Draw(t, label+"Holiday")
			}
		case 1: // a date with a zone change
			at := base.Add(time.Duration(rapid.IntRange(0, 2*365*24).Draw(t, label+"Hour")) * time.Hour)
			if _, end := at.In(loc).ZoneBounds(); !end.IsZero() {
				y, m, d := end.In(loc).Date()
				return time.Date(y, m, d+rapid.IntRange(-1, 0).Draw(t, label+"Shift"), 0, 0, 0, 0, time.UTC)
			}
		}
		return base.AddDate(0, 0, rapid.IntRange(-30, 2*365+30).Draw(t, label+"Day"))
	}
	used := map[string]bool{}
	key := func(label string) string {
		d := date(label)
		k := d.Format(time.DateOnly)
		if rapid.IntRange(0, 3).Draw(t, label+"Yearly") == 0 {
			k = d.Format("--01-02")
			if rapid.IntRange(0, 9).Draw(t, label+"Leap") == 0 {
				k = "--02-29"
			}
		}
		return k
	}
	for i := range rapid.IntRange(0, 4).Draw(t, "closed") {
		if k := key(fmt.Sprint("closed", i)); !used[k] {
			used[k] = true
			s.Closed = append(s.Closed, k)
		}
	}
	for i := range rapid.IntRange(0, 5).Draw(t, "overrides") {
		if k := key(fmt.Sprint("override", i)); !used[k] {
			used[k] = true
			if s.Overrides == nil {
				s.Overrides = map[string][]string{}
			}
			s.Overrides[k] = genDay(t, fmt.Sprint("override", i, "Hours"))
		}
	}
	return s
}

// genInstant draws a whole-minute instant in 2025–2027, often within days of
// a DST change or of a date the spec names.
func genInstant(t *rapid.T, s Spec, loc *time.Location, label string) time.Time {
	base := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rapid.IntRange(0, 2*365*24*60).Draw(t, label+"Minute")) * time.Minute)
	near := func(at time.Time) time.Time {
		return at.Add(time.Duration(rapid.IntRange(-3*24*60, 3*24*60).Draw(t, label+"Offset")) * time.Minute)
	}
	var named []string
	for k := range s.Overrides {
		named = append(named, k)
	}
	named = append(named, s.Closed...)
	slices.Sort(named)
	switch rapid.IntRange(0, 2).Draw(t, label+"Near") {
	case 1:
		if _, end := base.In(loc).ZoneBounds(); !end.IsZero() {
			base = near(end)
		}
	case 2:
		if len(named) > 0 {
			k := rapid.SampledFrom(named).Draw(t, label+"Named")
			if d, err := time.ParseInLocation(time.DateOnly, k, loc); err == nil {
				base = near(d)
			} else if d, err := time.ParseInLocation("2006--01-02", "2026"+k, loc); err == nil {
				base = near(d)
			}
		}
	}
	return base.Truncate(time.Minute)
}
