package calendar

import (
	"math"
	"time"

	"github.com/slakit/slakit/internal/civil"
)

// An open day is a local date whose hours (weekly, or its override) give open
// time and that is not closed; an overnight range counts for the date it
// starts on. Its close is the end of its last range, or later when an earlier
// day's overnight range runs past that (then the two close together).

// AddDays moves t by n open days (business days), keeping the open time already
// elapsed in the day.
//
// Counting starts in the open day at or after t for n > 0 (the first whose
// close is after t), or before t for n < 0 (the last whose open time starts
// before t). The result is the earliest (latest, going back) instant of the
// n-th open day from there with the same open time elapsed since that day's
// first open instant, capped at the day's open time. On a calendar whose open
// days all last L, AddDays(t, n) equals Add(t, n×L), as far as a
// time.Duration reaches; past the supported years it stops at their end (or
// start). On the [Continuous] calendar a day is 24 elapsed hours (I2).
func (c *Calendar) AddDays(t time.Time, n int) time.Time {
	if c.always {
		return continuousDays(t, n).In(c.loc)
	}
	if n == 0 {
		return t.In(c.loc)
	}
	b, x := c.locate(t)
	f, _ := b.open(x)
	y0, i0, start0, ok := c.dayFrom(b, x, f, n > 0)
	if !ok {
		return c.limit(n > 0)
	}
	k := f - start0*nsPerSec // open time elapsed in the start day
	zb, j, ok := c.dayAt(y0, satAdd(int64(i0), int64(n)))
	if !ok {
		return c.limit(n > 0)
	}
	pos := int64(zb.dayF[j])*nsPerSec + min(k, int64(zb.dayLen[j])*nsPerSec) // open ns from zb's start
	switch c.compareOpen(b, f, zb, pos) {
	case 1:
		return c.earliestAt(zb, pos)
	case -1:
		return c.latestAt(zb, pos)
	}
	return t.In(c.loc)
}

// EndOfDay returns the close of an open day counted from t: with n = 0 the
// close of the open day t is in, or, when t is past that day's last open time
// or on a closed day, of the next open day; with n = 1 the open day after that
// one, and so on. Formally: let D be the first open day whose close is after
// t; EndOfDay returns the close of the n-th open day after D (before D for
// negative n, so EndOfDay(t, -1) is the last close at or before t).
//
// It is the "end of the next business day" of a support contract: received
// Thursday 10:00 on an 08:00–18:00 calendar, EndOfDay(t, 1) is Friday 18:00;
// received Thursday 19:00, it is Monday 18:00 (Friday is then the day of
// receipt, as business time starts counting at the next opening, I5).
//
// On the [Continuous] calendar every date is an open day closing at the next
// local midnight, so the result is the first instant of the date n+1 days
// after t's. Past the supported years it stops at their end (or start).
func (c *Calendar) EndOfDay(t time.Time, n int) time.Time {
	if c.always {
		y, m, d := t.In(c.loc).Date()
		n = min(max(n, -daysInRange), daysInRange) // beyond, time.Date would overflow
		return civil.DayStart(y, m, d+n+1, c.loc)
	}
	b, x := c.locate(t)
	f, _ := b.open(x)
	y0, i0, _, ok := c.dayFrom(b, x, f, true)
	if !ok { // no open day closes after t: count from one past the last
		if n >= 0 {
			return c.end()
		}
		if y0, i0, _, ok = c.dayFrom(b, x, f, false); !ok {
			return c.start()
		}
		i0++
	}
	zb, j, ok := c.dayAt(y0, satAdd(int64(i0), int64(n)))
	if !ok {
		return c.limit(n >= 0)
	}
	return zb.time(int64(zb.dayEnd[j])*nsPerSec, c.loc)
}

// daysInRange exceeds the number of dates in the supported years.
const daysInRange = (maxYear + 1) * 366

// continuousDays returns t + n×24h exactly, saturating far beyond any date.
func continuousDays(t time.Time, n int) time.Time {
	const limit = math.MaxInt64 / 4 / 86400
	sec := t.Unix() + int64(min(max(n, -limit), limit))*86400
	return time.Unix(sec, int64(t.Nanosecond()))
}

// limit returns the end of the supported years going forward, their start
// going back.
func (c *compiled) limit(forward bool) time.Time {
	if forward {
		return c.end()
	}
	return c.start()
}

// dayAt returns the block and index of open day i counted from the first open
// day of year y0 (negative: before it).
func (c *compiled) dayAt(y0 int, i int64) (*block, int, bool) {
	if b := c.block(y0); i >= 0 && i < int64(len(b.dayF)) {
		return b, int(i), true
	}
	z, dz, ok := c.seek(y0, i, true)
	if !ok {
		return nil, 0, false
	}
	return c.block(z), int(i - dz), true
}

// compareOpen compares the position pos (open ns from zb's start) with f (open
// ns from b's start), without overflow however many years lie between.
func (c *compiled) compareOpen(b *block, f int64, zb *block, pos int64) int {
	d := c.openFrom(b.year, zb.year) // open seconds from b's start to zb's
	if d > math.MaxInt64/nsPerSec-1 || d < math.MinInt64/nsPerSec+1 {
		if d > 0 {
			return 1
		}
		return -1
	}
	// |d×1e9| < 9.2e18 and |pos − f| < 2 years of ns: the sum fits.
	switch delta := d*nsPerSec + (pos - f); {
	case delta > 0:
		return 1
	case delta < 0:
		return -1
	}
	return 0
}

// earliestAt returns the earliest instant with pos ns of open time since b's
// start (pos ≤ 0: at or before it).
func (c *compiled) earliestAt(b *block, pos int64) time.Time {
	if pos > 0 {
		return c.forward(b, 0, pos)
	}
	// The earliest instant with pos is one nanosecond after the latest with
	// pos − 1ns, open time growing strictly inside intervals.
	r := c.backward(b, 0, 1-pos)
	if r.Equal(c.start()) {
		return r
	}
	return r.Add(1)
}

// latestAt returns the latest instant with pos ns of open time since b's start.
func (c *compiled) latestAt(b *block, pos int64) time.Time {
	switch {
	case pos < 0:
		return c.backward(b, 0, -pos)
	case pos < b.total()*nsPerSec:
		return b.time(b.latest(pos), c.loc)
	}
	r := c.forward(b, 0, pos+1)
	if r.Equal(c.end()) {
		return r
	}
	return r.Add(-1)
}

// dayFrom finds the open day where counting starts, for the offset x in b
// with f of open time since b's start: going forward, the first day whose
// close is after x; going back, the last day whose open time starts before f.
// It returns the day's year, its index there, and its start in open seconds
// from b's start.
func (c *compiled) dayFrom(b *block, x, f int64, forward bool) (y, i int, start int64, ok bool) {
	if forward {
		// A day of the year before may run on overnight into b.
		if (len(b.dayF) == 0 || f < int64(b.dayF[0])*nsPerSec) && b.year > minYear {
			p := c.block(b.year - 1)
			shift := (b.start - p.start) * nsPerSec // x from p's start
			if j := firstClosingAfter(p, x+shift); j < len(p.dayF) {
				return p.year, j, int64(p.dayF[j]) - p.total(), true
			}
		}
		if j := firstClosingAfter(b, x); j < len(b.dayF) {
			return b.year, j, int64(b.dayF[j]), true
		}
		if b.year == maxYear {
			return 0, 0, 0, false
		}
		z, _, ok := c.seek(b.year+1, 0, true) // the year of the next open day
		if !ok || len(c.block(z).dayF) == 0 {
			return 0, 0, 0, false
		}
		return z, 0, c.openFrom(b.year, z) + int64(c.block(z).dayF[0]), true
	}
	// last day whose open time starts before f
	lo, hi := 0, len(b.dayF)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int64(b.dayF[m])*nsPerSec < f {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo > 0 {
		return b.year, lo - 1, int64(b.dayF[lo-1]), true
	}
	z, _, ok := c.seek(b.year, -1, true) // the year of the previous open day
	if !ok {
		return 0, 0, 0, false
	}
	zb := c.block(z)
	n := len(zb.dayF)
	if n == 0 {
		return 0, 0, 0, false
	}
	return z, n - 1, c.openFrom(b.year, z) + int64(zb.dayF[n-1]), true
}

// firstClosingAfter returns the first open day of b whose close is after the
// offset x (ns), or len(b.dayF); closes never go back, so a binary search finds it.
func firstClosingAfter(b *block, x int64) int {
	lo, hi := 0, len(b.dayEnd)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int64(b.dayEnd[m])*nsPerSec <= x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// openFrom returns the open seconds from the start of year a to the start of
// year z, negative when z is before a.
func (c *compiled) openFrom(a, z int) int64 {
	if a == z {
		return 0
	}
	return c.totals(min(a, z), max(a, z)).openBefore(a, z)
}
