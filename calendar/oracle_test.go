package calendar

import (
	"fmt"
	"time"

	"github.com/rickar/cal/v2"
	"pgregory.net/rapid"
)

// This file holds the slow reference the fast code is judged by: it reads the
// wall clock of every instant directly and steps minute by minute. It shares no
// code with the implementation beyond the holiday rules of rickar/cal, which
// define what a holiday is.

// oracle answers from a Spec by brute force.
type oracle struct {
	spec Spec
	loc  *time.Location
	// ranges by time.Weekday in minutes; end may pass 1440 (overnight)
	week [7][][2]int
}

func newOracle(s Spec) *oracle {
	o := &oracle{spec: s}
	o.loc, _ = time.LoadLocation(s.TimeZone)
	days := [7]*[]string{&s.Hours.Sun, &s.Hours.Mon, &s.Hours.Tue, &s.Hours.Wed, &s.Hours.Thu, &s.Hours.Fri, &s.Hours.Sat}
	for wd, rs := range days {
		for _, r := range *rs {
			var h1, m1, h2, m2 int
			fmt.Sscanf(r, "%d:%d-%d:%d", &h1, &m1, &h2, &m2)
			a, b := h1*60+m1, h2*60+m2
			if b <= a {
				b += 1440
			}
			o.week[wd] = append(o.week[wd], [2]int{a, b})
		}
	}
	return o
}

// closed reports whether the local date y-m-d is a holiday or a closed date.
func (o *oracle) closed(y int, m time.Month, d int) bool {
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if s := day.Format(time.DateOnly); containsString(o.spec.Closed, s) {
		return true
	}
	var rules []*cal.Holiday
	for _, code := range o.spec.Holidays {
		l, _ := holidayList(code)
		rules = append(rules, l...)
	}
	rules = append(rules, o.spec.HolidayRules...)
	for _, h := range rules {
		for yy := y - 1; yy <= y+1; yy++ {
			a, ob := h.Calc(yy)
			if a.IsZero() {
				continue
			}
			for _, x := range []time.Time{a, ob} {
				xy, xm, xd := x.Date()
				if xy == y && xm == m && xd == d {
					return true
				}
			}
		}
	}
	return false
}

func containsString(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// isOpen reads the wall clock at t and checks the ranges of that local day and
// the overnight ranges of the day before.
func (o *oracle) isOpen(t time.Time) bool {
	l := t.In(o.loc)
	y, m, d := l.Date()
	if y < minYear || y > maxYear {
		return false
	}
	// wall time of day in nanoseconds
	w := time.Duration(l.Hour())*time.Hour + time.Duration(l.Minute())*time.Minute +
		time.Duration(l.Second())*time.Second + time.Duration(l.Nanosecond())
	wd := l.Weekday()
	if !o.closed(y, m, d) {
		for _, r := range o.week[wd] {
			if w >= time.Duration(r[0])*time.Minute && w < time.Duration(r[1])*time.Minute {
				return true
			}
		}
	}
	py, pm, pd := time.Date(y, m, d-1, 12, 0, 0, 0, time.UTC).Date()
	if !o.closed(py, pm, pd) {
		for _, r := range o.week[(wd+6)%7] {
			if r[1] > 1440 && w+24*time.Hour < time.Duration(r[1])*time.Minute {
				return true
			}
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
	sortInts(pts)
	var w Week
	for i := 0; i+1 < len(pts); i += 2 {
		s, e := pts[i]*30, pts[i+1]*30
		if s%1440 == 0 {
			e = min(e, s+1440)
		} else {
			e = min(e, s+1410)
		}
		day, startClock := s/1440, s%1440
		endClock := e - day*1440 // past 1440 for an overnight range
		endText := fmt.Sprintf("%02d:%02d", (endClock%1440)/60, endClock%60)
		if endClock == 1440 {
			endText = "24:00"
		}
		r := fmt.Sprintf("%02d:%02d-%s", startClock/60, startClock%60, endText)
		*w.day(day) = append(*w.day(day), r)
	}
	return w
}

func sortInts(s []int) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func genSpec(t *rapid.T) Spec {
	s := Spec{
		TimeZone: rapid.SampledFrom(zones).Draw(t, "zone"),
		Hours:    genWeek(t),
	}
	if rapid.Bool().Draw(t, "holidays") {
		s.Holidays = []string{rapid.SampledFrom(codes).Draw(t, "code")}
	}
	n := rapid.IntRange(0, 4).Draw(t, "closed")
	for range n {
		d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rapid.IntRange(-30, 400).Draw(t, "closedDay"))
		s.Closed = append(s.Closed, d.Format(time.DateOnly))
	}
	return s
}

// genInstant draws a whole-minute instant, often within days of a DST change.
func genInstant(t *rapid.T, loc *time.Location, label string) time.Time {
	base := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rapid.IntRange(0, 2*365*24*60).Draw(t, label+"Minute")) * time.Minute)
	if rapid.Bool().Draw(t, label+"NearChange") {
		_, end := base.In(loc).ZoneBounds()
		if !end.IsZero() {
			base = end.Add(time.Duration(rapid.IntRange(-3*24*60, 3*24*60).Draw(t, label+"Offset")) * time.Minute)
		}
	}
	return base.Truncate(time.Minute)
}
