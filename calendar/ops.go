package calendar

import (
	"iter"
	"math"
	"time"
)

// IsOpen reports whether the clock runs at t: the local wall clock at t reads
// inside an opening range of a day that is not closed.
func (c *Calendar) IsOpen(t time.Time) bool {
	if c.always {
		return true
	}
	b, x := c.locate(t)
	if sec := t.Unix(); sec < b.start || sec >= b.end {
		return false // outside the supported years: locate clamped t
	}
	_, open := b.open(x)
	return open
}

// Next returns the first open instant at or after t (t itself when open). When
// no open time is left before the end of year 9999 it returns that end.
func (c *Calendar) Next(t time.Time) time.Time {
	if c.always {
		return t.In(c.loc)
	}
	b, x := c.locate(t)
	if nx, ok := b.next(x); ok {
		return b.time(nx, c.loc)
	}
	// Every interval lasts whole seconds, so the earliest instant one nanosecond
	// of open time later lies one nanosecond inside the next interval.
	f, _ := b.open(x)
	r := c.forward(b, f, 1)
	if r.Equal(c.end()) {
		return r
	}
	return r.Add(-1)
}

// Prev returns the latest instant s ≤ t such that the calendar is open just
// before s: t itself inside open time or at its end, else the end of the last
// open time before t (at an opening, the close before it). It is the dual of
// [Calendar.Next]:
// Prev(Next(t)) = Prev(t) and Next(Prev(t)) = Next(t). When no open time lies
// before t it returns the start of year 1, where the supported range begins
// (I18).
func (c *Calendar) Prev(t time.Time) time.Time {
	if c.always {
		return t.In(c.loc)
	}
	b, x := c.locate(t)
	if x > 0 {
		if px, ok := b.prev(x); ok {
			return b.time(px, c.loc)
		}
	}
	// The latest instant with one nanosecond of open time after it lies one
	// nanosecond before the end of the open time sought.
	f, _ := b.open(x)
	r := c.backward(b, f, 1)
	if r.Equal(c.start()) {
		return r
	}
	return r.Add(1)
}

// Add returns the earliest instant at which d of open time has elapsed since t
// (I5): Friday 17:00 plus one hour on an 08:00–18:00 calendar is Friday
// 18:00. A start in closed time begins counting at the next opening. Add(t, 0)
// is t. A negative d goes back: the latest s ≤ t with −d of open time in [s, t).
// The result is in the calendar's zone.
func (c *Calendar) Add(t time.Time, d time.Duration) time.Time {
	if c.always {
		return t.Add(d).In(c.loc)
	}
	if d == 0 {
		return t.In(c.loc)
	}
	b, x := c.locate(t)
	f, _ := b.open(x)
	if d > 0 {
		return c.forward(b, f, int64(d))
	}
	if d == math.MinInt64 {
		d++ // −d must fit; one nanosecond at 292 years changes nothing representable
	}
	return c.backward(b, f, int64(-d))
}

// forward finds the earliest instant with f+d of open time since b's start.
func (c *compiled) forward(b *block, f, d int64) time.Time {
	rest := b.total()*nsPerSec - f
	if d <= rest {
		return b.time(b.earliest(f+d), c.loc)
	}
	need := d - rest // open time still needed after b's year
	y := b.year + 1
	if y > maxYear {
		return c.end()
	}
	if nb := c.block(y); need <= nb.total()*nsPerSec {
		return nb.time(nb.earliest(need), c.loc)
	}
	// The year z holding the answer is the last with open(y … z−1) < need.
	z, before, ok := c.seek(y, (need+nsPerSec-1)/nsPerSec-1, false)
	if !ok {
		return c.end()
	}
	zb := c.block(z)
	return zb.time(zb.earliest(need-before*nsPerSec), c.loc)
}

// backward finds the latest instant with f−n of open time since b's start.
func (c *compiled) backward(b *block, f, n int64) time.Time {
	if n <= f {
		return b.time(b.latest(f-n), c.loc)
	}
	need := n - f // open time still needed before b's year
	y := b.year - 1
	if y < minYear {
		return c.start()
	}
	if pb := c.block(y); need <= pb.total()*nsPerSec {
		return pb.time(pb.latest(pb.total()*nsPerSec-need), c.loc)
	}
	// The year z holding the answer is the last whose start lies at least need
	// of open time before b's year.
	z, before, ok := c.seek(b.year, floorDiv(-need, nsPerSec), false)
	if !ok {
		return c.start()
	}
	zb := c.block(z)
	return zb.time(zb.latest(-need-before*nsPerSec), c.loc)
}

// seek returns the last year z with D(z) ≤ target, where D(z) is the open
// seconds (or, with days, the open days) from the start of year y0 to the start
// of year z, negative for z < y0. It grows the totals table by doubling
// estimates, so a search over centuries costs a few table builds, never a walk
// per call. ok is false when the answer lies outside the supported years.
func (c *compiled) seek(y0 int, target int64, days bool) (z int, dz int64, ok bool) {
	d := func(t *table, z int) int64 {
		if days {
			return t.daysBefore(y0, z)
		}
		return t.openBefore(y0, z)
	}
	perYear := c.weekOpen * 52
	if days {
		perYear = int64(c.openWeekdays()) * 52
	}
	span := int(min(abs(target)/max(perYear, 1), maxYear)) + 2
	for {
		lo, hi := max(y0-span, minYear), min(y0+span, maxYear)
		t := c.totals(lo, hi)
		if target >= 0 && d(t, hi+1) <= target && hi < maxYear ||
			target < 0 && d(t, lo) > target && lo > minYear {
			span *= 2
			continue
		}
		if d(t, lo) > target || d(t, hi+1) <= target {
			return 0, 0, false
		}
		// last z in [lo, hi] with d(z) ≤ target
		l, u := lo, hi
		for l < u {
			m := int(uint(l+u+1) >> 1)
			if d(t, m) <= target {
				l = m
			} else {
				u = m - 1
			}
		}
		return l, d(t, l), true
	}
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// openWeekdays counts the weekdays with opening hours.
func (c *compiled) openWeekdays() int {
	n := 0
	for _, s := range c.week {
		if len(s) > 0 {
			n++
		}
	}
	return n
}

// Between returns the open time in [a, b). It is antisymmetric: Between(b, a) is
// −Between(a, b). On spans of open time beyond 292 years it saturates, as
// time.Time.Sub does.
func (c *Calendar) Between(a, b time.Time) time.Duration {
	if c.always {
		return b.Sub(a)
	}
	if b.Before(a) {
		return -c.Between(b, a)
	}
	ba, xa := c.locate(a)
	bb, xb := c.locate(b)
	fa, _ := ba.open(xa)
	fb, _ := bb.open(xb)
	switch {
	case ba.year == bb.year:
		return time.Duration(fb - fa)
	case bb.year == ba.year+1:
		return time.Duration(ba.total()*nsPerSec - fa + fb)
	}
	s := c.totals(ba.year, bb.year).openBefore(ba.year, bb.year)
	if s >= math.MaxInt64/nsPerSec-1 {
		return math.MaxInt64
	}
	return time.Duration(satAdd(s*nsPerSec-fa, fb))
}

func satAdd(a, b int64) int64 {
	s := a + b
	if (s > a) != (b > 0) {
		if b > 0 {
			return math.MaxInt64
		}
		return math.MinInt64
	}
	return s
}

// Windows yields the maximal open intervals in [from, to), clipped to it, in
// order. Intervals that touch across a day or a year boundary come as one.
func (c *Calendar) Windows(from, to time.Time) iter.Seq[Interval] {
	return func(yield func(Interval) bool) {
		if !from.Before(to) {
			return
		}
		if c.always {
			yield(Interval{from.In(c.loc), to.In(c.loc)})
			return
		}
		var cur Interval
		have := false
		for t := c.Next(from); t.Before(to); {
			b, x := c.locate(t)
			i := b.after(x)
			if i == len(b.to) {
				break // past the supported range
			}
			for ; i < len(b.from); i++ {
				iv := Interval{b.time(max(x, int64(b.from[i])*nsPerSec), c.loc), b.time(int64(b.to[i])*nsPerSec, c.loc)}
				if !iv.Start.Before(to) {
					break
				}
				if iv.End.After(to) {
					iv.End = to.In(c.loc)
				}
				if have && cur.End.Equal(iv.Start) {
					cur.End = iv.End
				} else {
					if have && !yield(cur) {
						return
					}
					cur, have = iv, true
				}
			}
			nt := c.Next(b.time(b.span(), c.loc))
			if !nt.After(t) {
				break
			}
			t = nt
		}
		if have {
			yield(cur)
		}
	}
}

func (c *compiled) start() time.Time {
	return time.Date(minYear, time.January, 1, 0, 0, 0, 0, c.loc)
}

func (c *compiled) end() time.Time {
	return time.Date(maxYear+1, time.January, 1, 0, 0, 0, 0, c.loc)
}
