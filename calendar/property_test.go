package calendar

import (
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// Each property is a named check used by a Test (rapid.Check) and by a Fuzz
// target (rapid.MakeFuzz), so `go test -fuzz` explores the same invariants.
// Each check draws one random calendar; SLAKIT_LONG=1 with -rapid.checks=1000
// runs thousands of them and widens the spans the oracle steps through.

func drawCalendar(t *rapid.T) (*Calendar, *oracle) {
	s := genSpec(t)
	c, err := New(s)
	if err != nil {
		t.Fatalf("New(%+v): %v", s, err)
	}
	return c, newOracle(s)
}

// scale returns short in the default run and long under SLAKIT_LONG.
func scale(short, longer int) int {
	if long {
		return longer
	}
	return short
}

// checkOracle: IsOpen, Add, Between, Next and Prev agree with minute stepping.
func checkOracle(t *rapid.T) {
	c, o := drawCalendar(t)
	a := genInstant(t, o.spec, c.loc, "a")
	if got, want := c.IsOpen(a), o.isOpen(a); got != want {
		t.Fatalf("%v: IsOpen(%v) = %v, oracle %v", c, a.In(c.loc), got, want)
	}
	// an instant with seconds and nanoseconds, judged by the wall clock directly
	x := a.Add(time.Duration(rapid.Int64Range(0, int64(time.Hour)).Draw(t, "ns")))
	if got, want := c.IsOpen(x), o.isOpen(x); got != want {
		t.Fatalf("%v: IsOpen(%v) = %v, oracle %v", c, x.In(c.loc), got, want)
	}
	// Add over at most half a week's open time, so that stepping stays short.
	most := min(int64(scale(12*60, 3*24*60)), c.weekOpen/120)
	d := time.Duration(rapid.Int64Range(-most, most).Draw(t, "minutes")) * time.Minute
	if got, want := c.Add(a, d), o.add(a, d); !got.Equal(want) {
		t.Fatalf("%v: Add(%v, %v) = %v, oracle %v", c, a.In(c.loc), d, got, want.In(c.loc))
	}
	b := a.Add(time.Duration(rapid.IntRange(0, scale(36, 96)*60).Draw(t, "span")) * time.Minute)
	if got, want := c.Between(a, b), o.between(a, b); got != want {
		t.Fatalf("%v: Between(%v, %v) = %v, oracle %v", c, a.In(c.loc), b.In(c.loc), got, want)
	}
	limit := time.Duration(scale(4, 21)) * 24 * time.Hour
	if want, ok := o.next(a, limit); ok {
		if got := c.Next(a); !got.Equal(want) {
			t.Fatalf("%v: Next(%v) = %v, oracle %v", c, a.In(c.loc), got, want.In(c.loc))
		}
	} else if got := c.Next(a); got.Sub(a) <= limit {
		t.Fatalf("%v: Next(%v) = %v, oracle finds nothing open within %v", c, a.In(c.loc), got, limit)
	}
	if want, ok := o.prev(a, limit); ok {
		if got := c.Prev(a); !got.Equal(want) {
			t.Fatalf("%v: Prev(%v) = %v, oracle %v", c, a.In(c.loc), got, want.In(c.loc))
		}
	} else if got := c.Prev(a); a.Sub(got) <= limit {
		t.Fatalf("%v: Prev(%v) = %v, oracle finds no open time within %v before", c, a.In(c.loc), got, limit)
	}
}

// checkDaysOracle: AddDays and EndOfDay agree with open days found by stepping.
func checkDaysOracle(t *rapid.T) {
	c, o := drawCalendar(t)
	a := genInstant(t, o.spec, c.loc, "a")
	n := rapid.IntRange(-3, 3).Draw(t, "n")
	days := o.dayList(a.Add(-time.Duration(scale(12, 21))*24*time.Hour), a.Add(time.Duration(scale(16, 28))*24*time.Hour))
	// the current day: the first whose close (a running maximum) is after a
	cur := slices.IndexFunc(days, func(d oracleDay) bool { return d.close.After(a) })
	if cur < 1 || cur+n < 1 || cur+n >= len(days)-1 {
		return // too near the window's edges to judge
	}
	if got, want := c.EndOfDay(a, n), days[cur+n].close; !got.Equal(want) {
		t.Fatalf("%v: EndOfDay(%v, %d) = %v, oracle %v", c, a.In(c.loc), n, got, want.In(c.loc))
	}
	if n == 0 {
		return
	}
	start := cur // going forward, counting starts in the current day
	if n < 0 {   // going back, in the last day whose first open instant is before a
		start = len(days) - 1
		for start >= 0 && !days[start].first.Before(a) {
			start--
		}
		if start < 1 || start+n < 1 {
			return
		}
	}
	var k time.Duration // open time elapsed in the start day
	if a.After(days[start].first) {
		k = o.between(days[start].first, a)
	}
	target := days[start+n]
	m := min(k, target.length)
	var want time.Time
	switch {
	case m == 0: // the earliest instant with no open time since the day's first: the end of the last open time before
		want, _ = o.prev(target.first, 30*24*time.Hour)
	case n > 0:
		want = o.add(target.first, m)
	default: // the latest instant with m of open time since the day's first
		want, _ = o.next(o.add(target.first, m), 30*24*time.Hour)
	}
	if got := c.AddDays(a, n); !got.Equal(want) {
		t.Fatalf("%v: AddDays(%v, %d) = %v, oracle %v (k %v, day %v)", c, a.In(c.loc), n, got, want.In(c.loc), k, target.first.In(c.loc))
	}
}

// checkRoundTrip: Between(t, Add(t, d)) == d for d of both signs, at nanosecond
// precision, over spans up to decades.
func checkRoundTrip(t *rapid.T) {
	c, o := drawCalendar(t)
	a := genInstant(t, o.spec, c.loc, "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	years := time.Duration(scale(3, 20)) * 365 * 24 * time.Hour
	d := time.Duration(rapid.Int64Range(-int64(years), int64(years)).Draw(t, "d"))
	r := c.Add(a, d)
	if l := r.In(c.loc); l.Year() == maxYear+1 || l.Equal(c.start()) {
		// A sparse calendar ran out of supported years: Add stops at their end
		// and the open time up to there is less than asked.
		if got := c.Between(a, r); got.Abs() > d.Abs() || (got < 0) != (d < 0) && got != 0 {
			t.Fatalf("%v: Add(%v, %v) stopped at %v with %v of open time", c, a, d, r, got)
		}
		return
	}
	if got := c.Between(a, r); got != d {
		t.Fatalf("%v: Between(%v, Add(…, %v) = %v) = %v", c, a, d, r, got)
	}
	if r.Location() != c.Location() {
		t.Fatalf("Add returned a time in %v, want %v", r.Location(), c.Location())
	}
}

// checkMonotonic: Add is monotonic in d and in t; so are Next, Prev and EndOfDay in t.
func checkMonotonic(t *rapid.T) {
	c, o := drawCalendar(t)
	a := genInstant(t, o.spec, c.loc, "a")
	b := a.Add(time.Duration(rapid.Int64Range(0, int64(30*24*time.Hour)).Draw(t, "dt")))
	d1 := time.Duration(rapid.Int64Range(-int64(5000*time.Hour), int64(5000*time.Hour)).Draw(t, "d1"))
	d2 := d1 + time.Duration(rapid.Int64Range(0, int64(5000*time.Hour)).Draw(t, "dd"))
	if c.Add(a, d1).After(c.Add(a, d2)) {
		t.Fatalf("Add(%v, %v) after Add(…, %v)", a, d1, d2)
	}
	if d1 != 0 && c.Add(a, d1).After(c.Add(b, d1)) {
		t.Fatalf("Add(%v, %v) after Add(%v, …)", a, d1, b)
	}
	if c.Next(a).After(c.Next(b)) || c.Prev(a).After(c.Prev(b)) {
		t.Fatalf("Next or Prev not monotonic between %v and %v", a, b)
	}
	n := rapid.IntRange(-50, 50).Draw(t, "n")
	if c.EndOfDay(a, n).After(c.EndOfDay(b, n)) || c.EndOfDay(a, n).After(c.EndOfDay(a, n+1)) {
		t.Fatalf("EndOfDay not monotonic: %v, %v, n %d", a, b, n)
	}
}

// checkBetweenLaws: additive, antisymmetric, bounded by elapsed time.
func checkBetweenLaws(t *rapid.T) {
	c, o := drawCalendar(t)
	a := genInstant(t, o.spec, c.loc, "a").Add(time.Duration(rapid.Int64Range(0, 1e9).Draw(t, "ns")))
	b := a.Add(time.Duration(rapid.Int64Range(0, int64(3*365*24*time.Hour)).Draw(t, "ab")))
	x := b.Add(time.Duration(rapid.Int64Range(0, int64(3*365*24*time.Hour)).Draw(t, "bc")))
	ab, bc, ac := c.Between(a, b), c.Between(b, x), c.Between(a, x)
	if ab+bc != ac {
		t.Fatalf("Between not additive: %v + %v != %v", ab, bc, ac)
	}
	if c.Between(b, a) != -ab {
		t.Fatalf("Between(b, a) = %v, want %v", c.Between(b, a), -ab)
	}
	if ab < 0 || ab > b.Sub(a) {
		t.Fatalf("Between(a, b) = %v outside [0, %v]", ab, b.Sub(a))
	}
}

// checkAlwaysOpen: a week open 00:00–24:00 with nothing closed is the 24×7
// clock, also for Next, Prev and the close of a day (the next midnight).
func checkAlwaysOpen(t *rapid.T) {
	zone := rapid.SampledFrom(zones).Draw(t, "zone")
	all := []string{"00:00-24:00"}
	c := MustNew(Spec{TimeZone: zone, Hours: Week{Mon: all, Tue: all, Wed: all, Thu: all, Fri: all, Sat: all, Sun: all}})
	k := Continuous(c.Location())
	a := genInstant(t, c.Spec(), c.loc, "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	d := time.Duration(rapid.Int64Range(-int64(50*365*24*time.Hour), int64(50*365*24*time.Hour)).Draw(t, "d"))
	if got, want := c.Add(a, d), k.Add(a, d); !got.Equal(want) {
		t.Fatalf("Add(%v, %v) = %v, 24×7 gives %v", a, d, got, want)
	}
	b := a.Add(d)
	if got, want := c.Between(a, b), b.Sub(a); got != want {
		t.Fatalf("Between(%v, %v) = %v, want %v", a, b, got, want)
	}
	if !c.IsOpen(a) || !c.Next(a).Equal(a) || !c.Prev(a).Equal(a) || !k.Prev(a).Equal(a) {
		t.Fatalf("%v not open", a)
	}
	n := rapid.IntRange(-400, 400).Draw(t, "n")
	if got, want := c.EndOfDay(a, n), k.EndOfDay(a, n); !got.Equal(want) {
		t.Fatalf("%s: EndOfDay(%v, %d) = %v, 24×7 gives %v", zone, a.In(c.loc), n, got, want)
	}
}

// checkNext: Next(t) is open and nothing in [t, Next(t)) is.
func checkNext(t *rapid.T) {
	c, o := drawCalendar(t)
	a := genInstant(t, o.spec, c.loc, "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	n := c.Next(a)
	if n.Before(a) || !c.IsOpen(n) || c.Between(a, n) != 0 {
		t.Fatalf("Next(%v) = %v: open %v, open time before it %v", a, n, c.IsOpen(n), c.Between(a, n))
	}
	if c.IsOpen(a) && !n.Equal(a) {
		t.Fatalf("Next(%v) = %v, but %v is open", a, n, a)
	}
}

// checkPrevNext: Prev is the dual of Next: Prev(t) ≤ t with no open time in
// [Prev(t), t) and open time just before it; Prev(Next(t)) = Prev(t),
// Next(Prev(t)) = Next(t); both are idempotent; Prev(t) is one nanosecond
// after Add(t, −1ns).
func checkPrevNext(t *rapid.T) {
	c, o := drawCalendar(t)
	a := genInstant(t, o.spec, c.loc, "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	p, n := c.Prev(a), c.Next(a)
	if p.After(a) || c.Between(p, a) != 0 || !c.IsOpen(p.Add(-1)) {
		t.Fatalf("%v: Prev(%v) = %v: open time after it %v, open before it %v", c, a, p, c.Between(p, a), c.IsOpen(p.Add(-1)))
	}
	if !c.Prev(n).Equal(p) || !c.Next(p).Equal(n) {
		t.Fatalf("%v: t %v, Prev %v, Next %v, Prev(Next) %v, Next(Prev) %v", c, a, p, n, c.Prev(n), c.Next(p))
	}
	if !c.Prev(p).Equal(p) || !c.Next(n).Equal(n) {
		t.Fatalf("%v: Prev or Next not idempotent at %v", c, a)
	}
	if !c.Add(a, -1).Add(1).Equal(p) {
		t.Fatalf("%v: Prev(%v) = %v, Add(t, -1ns) = %v", c, a, p, c.Add(a, -1))
	}
	if p.Location() != c.Location() {
		t.Fatalf("Prev returned a time in %v", p.Location())
	}
}

// checkWindows: the windows tile exactly what Between counts.
func checkWindows(t *rapid.T) {
	c, o := drawCalendar(t)
	a := genInstant(t, o.spec, c.loc, "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	b := a.Add(time.Duration(rapid.Int64Range(0, int64(400*24*time.Hour)).Draw(t, "span")))
	var sum time.Duration
	var prev Interval
	for w := range c.Windows(a, b) {
		if w.IsEmpty() || w.Start.Before(a) || w.End.After(b) {
			t.Fatalf("window %v outside [%v, %v) or empty", w, a, b)
		}
		if !prev.IsEmpty() && !prev.End.Before(w.Start) {
			t.Fatalf("windows %v and %v touch or overlap", prev, w)
		}
		if !c.IsOpen(w.Start) || !c.IsOpen(w.End.Add(-1)) || c.Between(w.Start, w.End) != w.Duration() {
			t.Fatalf("window %v not wholly open", w)
		}
		sum += w.Duration()
		prev = w
	}
	if want := c.Between(a, b); sum != want {
		t.Fatalf("windows sum to %v, Between says %v", sum, want)
	}
}

// drawUniform draws a calendar whose open days all have the same daytime
// hours (away from the hours zones change offset), maybe with holidays, and
// the length of its day.
func drawUniform(t *rapid.T) (*Calendar, time.Duration) {
	zone := rapid.SampledFrom(zones).Draw(t, "zone")
	open := rapid.IntRange(8, 12).Draw(t, "open")
	shut := rapid.IntRange(open+1, 20).Draw(t, "shut")
	r := []string{clock(open*60) + "-" + clock(shut*60)}
	var w Week
	for i := range 7 {
		if rapid.Bool().Draw(t, "day") || i == 2 {
			*w.day(i) = r
		}
	}
	s := Spec{TimeZone: zone, Hours: w}
	if rapid.Bool().Draw(t, "holidays") {
		s.Holidays = []string{rapid.SampledFrom(codes).Draw(t, "code")}
	}
	return MustNew(s), time.Duration(shut-open) * time.Hour
}

// checkAddDaysUniform: with the same daytime hours on every open day, n open
// days are n × the day's length, as far as a time.Duration reaches (256 000
// days of ten hours). Going back, n stops short of 1970: before, zones moved
// from local mean time at odd hours (New York on 18 November 1883 at noon),
// which makes a day longer or shorter.
func checkAddDaysUniform(t *rapid.T) {
	c, day := drawUniform(t)
	a := genInstant(t, c.Spec(), c.loc, "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	most := int(int64(maxDuration) / int64(day))
	back := min(most, 55*52*c.openWeekdays())
	far := scale(3_000, most) // building the years between costs tens of µs each
	n := rapid.OneOf(rapid.IntRange(-600, 600), rapid.IntRange(-min(back, far), far)).Draw(t, "n")
	want := c.Add(a, time.Duration(n)*day)
	if got := c.AddDays(a, n); !got.Equal(want) {
		t.Fatalf("%v: AddDays(%v, %d) = %v, Add(…, %v) = %v", c, a.In(c.loc), n, got, time.Duration(n)*day, want)
	}
}

const maxDuration = time.Duration(1<<63 - 1)

// checkAddDaysInverse: on uniform calendars, from an instant inside open
// time, going n open days and back n returns to it. (From the first instant
// of a day, going back lands on the first instant of an earlier day, and
// coming forward from there on the end of that day's open time: the earliest
// instant with the same open time, as Add returns.)
func checkAddDaysInverse(t *rapid.T) {
	c, _ := drawUniform(t)
	a := c.Next(genInstant(t, c.Spec(), c.loc, "a")).Add(time.Duration(rapid.Int64Range(1, int64(time.Hour)).Draw(t, "ns")))
	if !c.IsOpen(a) {
		return // past the day's end
	}
	far := scale(3_000, 2_000_000)
	n := rapid.OneOf(rapid.IntRange(-600, 600), rapid.IntRange(-far, far)).Draw(t, "n")
	there := c.AddDays(a, n)
	if y := there.In(c.loc).Year(); y <= minYear || y > maxYear {
		return // stopped at the supported range's edge
	}
	if back := c.AddDays(there, -n); !back.Equal(a) {
		t.Fatalf("%v: AddDays(AddDays(%v, %d) = %v, %d) = %v", c, a.In(c.loc), n, there, -n, back)
	}
}

// checkAddDaysSteps: on uniform calendars, from an open instant, one jump of
// n open days lands where steps adding up to n do, for n up to the whole
// supported range (far beyond what Add's time.Duration can reach).
func checkAddDaysSteps(t *rapid.T) {
	c, _ := drawUniform(t)
	a := c.Next(genInstant(t, c.Spec(), c.loc, "a")).Add(time.Duration(rapid.Int64Range(1, int64(time.Hour)).Draw(t, "ns")))
	if !c.IsOpen(a) {
		return
	}
	steps := rapid.SliceOfN(rapid.IntRange(1, scale(1_000, 400_000)), 1, 6).Draw(t, "steps")
	sign := rapid.SampledFrom([]int{-1, 1}).Draw(t, "sign")
	r, n := a, 0
	for _, s := range steps {
		r = c.AddDays(r, sign*s)
		n += sign * s
	}
	if y := r.In(c.loc).Year(); y <= minYear || y > maxYear {
		return
	}
	if got := c.AddDays(a, n); !got.Equal(r) {
		t.Fatalf("%v: AddDays(%v, %d) = %v, in steps %v: %v", c, a.In(c.loc), n, got, steps, r)
	}
}

// checkOverridesRepeatingWeek: overriding dates with the hours they have
// anyway changes no answer.
func checkOverridesRepeatingWeek(t *rapid.T) {
	s := genSpec(t)
	s.Overrides, s.Closed = nil, nil
	c, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	o := newOracle(s)
	same := s
	same.Overrides = map[string][]string{}
	if s.Holidays == nil && s.Hours.Mon != nil && slices.Equal(s.Hours.Mon, s.Hours.Tue) && slices.Equal(s.Hours.Mon, s.Hours.Wed) &&
		slices.Equal(s.Hours.Mon, s.Hours.Thu) && slices.Equal(s.Hours.Mon, s.Hours.Fri) &&
		slices.Equal(s.Hours.Mon, s.Hours.Sat) && slices.Equal(s.Hours.Mon, s.Hours.Sun) {
		same.Overrides["--03-"+twoDigits(rapid.IntRange(1, 31).Draw(t, "yearly"))] = s.Hours.Mon
	}
	for range rapid.IntRange(1, 20).Draw(t, "dates") {
		d := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rapid.IntRange(-30, 800).Draw(t, "day"))
		if o.dayHours(d.Date()) == nil && o.week[d.Weekday()] != nil {
			continue // a holiday: an override would open it
		}
		same.Overrides[d.Format(time.DateOnly)] = *s.Hours.day((int(d.Weekday()) + 6) % 7)
	}
	c2, err := New(same)
	if err != nil {
		t.Fatal(err)
	}
	a := genInstant(t, same, c.loc, "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	d := time.Duration(rapid.Int64Range(-int64(3000*time.Hour), int64(3000*time.Hour)).Draw(t, "d"))
	b := a.Add(time.Duration(rapid.Int64Range(0, int64(3*365*24*time.Hour)).Draw(t, "span")))
	n := rapid.IntRange(-300, 300).Draw(t, "n")
	if c.IsOpen(a) != c2.IsOpen(a) || !c.Add(a, d).Equal(c2.Add(a, d)) || c.Between(a, b) != c2.Between(a, b) ||
		!c.Next(a).Equal(c2.Next(a)) || !c.Prev(a).Equal(c2.Prev(a)) ||
		!c.AddDays(a, n).Equal(c2.AddDays(a, n)) || !c.EndOfDay(a, n).Equal(c2.EndOfDay(a, n)) {
		t.Fatalf("%v and %v differ at %v (d %v, n %d)", c, c2, a, d, n)
	}
}

func clock(m int) string { return time.Date(2000, 1, 1, m/60, m%60, 0, 0, time.UTC).Format("15:04") }

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestOracle(t *testing.T)                 { rapid.Check(t, checkOracle) }
func TestDaysOracle(t *testing.T)             { rapid.Check(t, checkDaysOracle) }
func TestRoundTrip(t *testing.T)              { rapid.Check(t, checkRoundTrip) }
func TestMonotonic(t *testing.T)              { rapid.Check(t, checkMonotonic) }
func TestBetweenLaws(t *testing.T)            { rapid.Check(t, checkBetweenLaws) }
func TestAlwaysOpen(t *testing.T)             { rapid.Check(t, checkAlwaysOpen) }
func TestNext(t *testing.T)                   { rapid.Check(t, checkNext) }
func TestPrevNext(t *testing.T)               { rapid.Check(t, checkPrevNext) }
func TestWindows(t *testing.T)                { rapid.Check(t, checkWindows) }
func TestAddDaysUniform(t *testing.T)         { rapid.Check(t, checkAddDaysUniform) }
func TestAddDaysInverse(t *testing.T)         { rapid.Check(t, checkAddDaysInverse) }
func TestAddDaysSteps(t *testing.T)           { rapid.Check(t, checkAddDaysSteps) }
func TestOverridesRepeatingWeek(t *testing.T) { rapid.Check(t, checkOverridesRepeatingWeek) }
func FuzzOracle(f *testing.F)                 { f.Fuzz(rapid.MakeFuzz(checkOracle)) }
func FuzzDaysOracle(f *testing.F)             { f.Fuzz(rapid.MakeFuzz(checkDaysOracle)) }
func FuzzRoundTrip(f *testing.F)              { f.Fuzz(rapid.MakeFuzz(checkRoundTrip)) }
func FuzzBetweenLaws(f *testing.F)            { f.Fuzz(rapid.MakeFuzz(checkBetweenLaws)) }
func FuzzPrevNext(f *testing.F)               { f.Fuzz(rapid.MakeFuzz(checkPrevNext)) }
func FuzzWindows(f *testing.F)                { f.Fuzz(rapid.MakeFuzz(checkWindows)) }
func FuzzAddDaysUniform(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(checkAddDaysUniform)) }
func FuzzAddDaysSteps(f *testing.F)           { f.Fuzz(rapid.MakeFuzz(checkAddDaysSteps)) }
func FuzzOverridesRepeatingWeek(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkOverridesRepeatingWeek)) }
