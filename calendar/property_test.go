package calendar

import (
	"testing"
	"time"

	"pgregory.net/rapid"
)

// Each property is a named check used by a Test (rapid.Check) and by a Fuzz
// target (rapid.MakeFuzz), so `go test -fuzz` explores the same invariants.

func drawCalendar(t *rapid.T) (*Calendar, *oracle) {
	s := genSpec(t)
	c, err := New(s)
	if err != nil {
		t.Fatalf("New(%+v): %v", s, err)
	}
	return c, newOracle(s)
}

// checkOracle: Add, Between and IsOpen agree with minute stepping.
func checkOracle(t *rapid.T) {
	c, o := drawCalendar(t)
	a := genInstant(t, c.Location(), "a")
	d := time.Duration(rapid.IntRange(-3*24*60, 3*24*60).Draw(t, "minutes")) * time.Minute
	if got, want := c.IsOpen(a), o.isOpen(a); got != want {
		t.Fatalf("%v: IsOpen(%v) = %v, oracle %v", c, a.In(c.loc), got, want)
	}
	if got, want := c.Add(a, d), o.add(a, d); !got.Equal(want) {
		t.Fatalf("%v: Add(%v, %v) = %v, oracle %v", c, a.In(c.loc), d, got, want.In(c.loc))
	}
	b := a.Add(time.Duration(rapid.IntRange(0, 4*24*60).Draw(t, "span")) * time.Minute)
	if got, want := c.Between(a, b), o.between(a, b); got != want {
		t.Fatalf("%v: Between(%v, %v) = %v, oracle %v", c, a.In(c.loc), b.In(c.loc), got, want)
	}
	// an instant with seconds and nanoseconds, judged by the wall clock directly
	x := a.Add(time.Duration(rapid.Int64Range(0, int64(time.Hour)).Draw(t, "ns")))
	if got, want := c.IsOpen(x), o.isOpen(x); got != want {
		t.Fatalf("%v: IsOpen(%v) = %v, oracle %v", c, x.In(c.loc), got, want)
	}
}

// checkRoundTrip: Between(t, Add(t, d)) == d for d of both signs, at nanosecond
// precision, over spans up to decades.
func checkRoundTrip(t *rapid.T) {
	c, _ := drawCalendar(t)
	a := genInstant(t, c.Location(), "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	d := time.Duration(rapid.Int64Range(-int64(20*365*24*time.Hour), int64(20*365*24*time.Hour)).Draw(t, "d"))
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

// checkMonotonic: Add is monotonic in d and in t.
func checkMonotonic(t *rapid.T) {
	c, _ := drawCalendar(t)
	a := genInstant(t, c.Location(), "a")
	b := a.Add(time.Duration(rapid.Int64Range(0, int64(30*24*time.Hour)).Draw(t, "dt")))
	d1 := time.Duration(rapid.Int64Range(-int64(5000*time.Hour), int64(5000*time.Hour)).Draw(t, "d1"))
	d2 := d1 + time.Duration(rapid.Int64Range(0, int64(5000*time.Hour)).Draw(t, "dd"))
	if c.Add(a, d1).After(c.Add(a, d2)) {
		t.Fatalf("Add(%v, %v) after Add(…, %v)", a, d1, d2)
	}
	if d1 != 0 && c.Add(a, d1).After(c.Add(b, d1)) {
		t.Fatalf("Add(%v, %v) after Add(%v, …)", a, d1, b)
	}
}

// checkBetweenLaws: additive, antisymmetric, bounded by elapsed time.
func checkBetweenLaws(t *rapid.T) {
	c, _ := drawCalendar(t)
	a := genInstant(t, c.Location(), "a").Add(time.Duration(rapid.Int64Range(0, 1e9).Draw(t, "ns")))
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

// checkAlwaysOpen: a week open 00:00–24:00 with nothing closed is the 24×7 clock.
func checkAlwaysOpen(t *rapid.T) {
	zone := rapid.SampledFrom(zones).Draw(t, "zone")
	all := []string{"00:00-24:00"}
	c := MustNew(Spec{TimeZone: zone, Hours: Week{Mon: all, Tue: all, Wed: all, Thu: all, Fri: all, Sat: all, Sun: all}})
	k := Continuous(c.Location())
	a := genInstant(t, c.Location(), "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	d := time.Duration(rapid.Int64Range(-int64(50*365*24*time.Hour), int64(50*365*24*time.Hour)).Draw(t, "d"))
	if got, want := c.Add(a, d), k.Add(a, d); !got.Equal(want) {
		t.Fatalf("Add(%v, %v) = %v, 24×7 gives %v", a, d, got, want)
	}
	b := a.Add(d)
	if got, want := c.Between(a, b), b.Sub(a); got != want {
		t.Fatalf("Between(%v, %v) = %v, want %v", a, b, got, want)
	}
	if !c.IsOpen(a) || !c.Next(a).Equal(a) {
		t.Fatalf("%v not open", a)
	}
}

// checkNext: Next(t) is open and nothing in [t, Next(t)) is.
func checkNext(t *rapid.T) {
	c, _ := drawCalendar(t)
	a := genInstant(t, c.Location(), "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	n := c.Next(a)
	if n.Before(a) || !c.IsOpen(n) || c.Between(a, n) != 0 {
		t.Fatalf("Next(%v) = %v: open %v, open time before it %v", a, n, c.IsOpen(n), c.Between(a, n))
	}
	if c.IsOpen(a) && !n.Equal(a) {
		t.Fatalf("Next(%v) = %v, but %v is open", a, n, a)
	}
}

// checkWindows: the windows tile exactly what Between counts.
func checkWindows(t *rapid.T) {
	c, _ := drawCalendar(t)
	a := genInstant(t, c.Location(), "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
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

// checkAddDaysUniform: with the same daytime hours on every open day (away from
// the hours zones change offset), n business days are n × the day's length.
func checkAddDaysUniform(t *rapid.T) {
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
	c := MustNew(s)
	a := genInstant(t, c.Location(), "a").Add(time.Duration(rapid.Int64Range(0, 1e12).Draw(t, "ns")))
	n := rapid.IntRange(-600, 600).Draw(t, "n")
	day := time.Duration(shut-open) * time.Hour
	if got, want := c.AddDays(a, n), c.Add(a, time.Duration(n)*day); !got.Equal(want) {
		t.Fatalf("%v: AddDays(%v, %d) = %v, Add(…, %v) = %v", c, a.In(c.loc), n, got, time.Duration(n)*day, want)
	}
}

func clock(m int) string { return time.Date(2000, 1, 1, m/60, m%60, 0, 0, time.UTC).Format("15:04") }

func TestOracle(t *testing.T)         { rapid.Check(t, checkOracle) }
func TestRoundTrip(t *testing.T)      { rapid.Check(t, checkRoundTrip) }
func TestMonotonic(t *testing.T)      { rapid.Check(t, checkMonotonic) }
func TestBetweenLaws(t *testing.T)    { rapid.Check(t, checkBetweenLaws) }
func TestAlwaysOpen(t *testing.T)     { rapid.Check(t, checkAlwaysOpen) }
func TestNext(t *testing.T)           { rapid.Check(t, checkNext) }
func TestWindows(t *testing.T)        { rapid.Check(t, checkWindows) }
func TestAddDaysUniform(t *testing.T) { rapid.Check(t, checkAddDaysUniform) }
func FuzzOracle(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(checkOracle)) }
func FuzzRoundTrip(f *testing.F)      { f.Fuzz(rapid.MakeFuzz(checkRoundTrip)) }
func FuzzBetweenLaws(f *testing.F)    { f.Fuzz(rapid.MakeFuzz(checkBetweenLaws)) }
func FuzzWindows(f *testing.F)        { f.Fuzz(rapid.MakeFuzz(checkWindows)) }
func FuzzAddDaysUniform(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkAddDaysUniform)) }
